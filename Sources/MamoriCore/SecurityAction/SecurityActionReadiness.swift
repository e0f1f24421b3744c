import Foundation

/// SECURITY ACTION is a self-declaration (REFERENCE §4): one star commits to the five basic
/// measures; two stars also need a self-diagnosis and a basic policy that is approved and
/// published. This derives what an organization has and what it still needs.
public struct SecurityActionReadiness: Sendable, Equatable {
    /// IPA's SECURITY ACTION site, where the declaration itself is made (seed 004, as printed
    /// in the call for applications).
    public static let officialSite = "https://www.ipa.go.jp/security/security-action/"

    public enum Requirement: String, Sendable, CaseIterable, Equatable {
        case basicMeasures = "basic_measures"
        case selfDiagnosis = "self_diagnosis"
        case policyPublished = "policy_published"
    }

    /// Which of the five basic measures (1–5) the organization has ticked.
    public let checkedMeasures: Set<Int>
    public let hasSelfDiagnosis: Bool
    /// How far the basic policy got: two stars need it approved and published at a URL.
    public let policyStage: PolicyStage
    public var policyPublished: Bool { policyStage == .published }
    /// The stars of the latest recorded declaration, if any.
    public let declaredStars: Int?

    public init(checkedMeasures: Set<Int>, hasSelfDiagnosis: Bool, policyStage: PolicyStage, declaredStars: Int?) {
        self.checkedMeasures = checkedMeasures
        self.hasSelfDiagnosis = hasSelfDiagnosis
        self.policyStage = policyStage
        self.declaredStars = declaredStars
    }

    public init(checkedMeasures: Set<Int>, hasSelfDiagnosis: Bool, policyPublished: Bool, declaredStars: Int?) {
        self.init(checkedMeasures: checkedMeasures, hasSelfDiagnosis: hasSelfDiagnosis, policyStage: policyPublished ? .published : .none,
                  declaredStars: declaredStars)
    }

    public var met: Set<Requirement> {
        var met: Set<Requirement> = []
        if checkedMeasures.isSuperset(of: 1...5) { met.insert(.basicMeasures) }
        if hasSelfDiagnosis { met.insert(.selfDiagnosis) }
        if policyPublished { met.insert(.policyPublished) }
        return met
    }

    public var oneStarReady: Bool { met.contains(.basicMeasures) }
    /// Two stars rest on the diagnosis and the published policy (the basic measures are part
    /// of the diagnosis's first part).
    public var twoStarsReady: Bool { met.isSuperset(of: [.selfDiagnosis, .policyPublished]) }

    /// The star the organization could declare next (nil when two stars are declared).
    public var nextStar: Int? {
        switch declaredStars ?? 0 {
        case 0: 1
        case 1: 2
        default: nil
        }
    }

    /// What is still missing for `nextStar`, in the order to do it.
    public var missingForNextStar: [Requirement] {
        switch nextStar {
        case 1: [Requirement.basicMeasures].filter { !met.contains($0) }
        case 2: [Requirement.selfDiagnosis, .policyPublished].filter { !met.contains($0) }
        default: []
        }
    }
}

extension SecurityActionReadiness {
    /// A basic measure ticked as in place while the self-diagnosis answers its item otherwise.
    public struct MeasureConflict: Sendable, Equatable {
        public let measure: Int
        /// The diagnosis answer: "not implemented" or "don't know".
        public let answer: DiagnosisAnswer

        public init(measure: Int, answer: DiagnosisAnswer) {
            self.measure = measure
            self.answer = answer
        }
    }

    /// The ticked measures (1–5) whose diagnosis item (the content's `diagnosisItem`: the five
    /// basic measures are the diagnosis's basic part, items 1–5) is answered "not implemented" or
    /// "don't know", in measure order. Nothing without a diagnosis.
    public static func conflicts(checked: Set<Int>, answers: DiagnosisAnswers?, content: DiagnosisContent = .bundled) -> [MeasureConflict] {
        guard let answers else { return [] }
        return content.basicMeasures.filter { checked.contains($0.number) }.compactMap { measure in
            let answer = answers[measure.diagnosisItem]
            return answer == .notInPlace || answer == .dontKnow ? MeasureConflict(measure: measure.number, answer: answer) : nil
        }
    }
}
