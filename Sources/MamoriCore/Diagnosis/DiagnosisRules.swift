import Foundation

/// The four answers of the IPA five-minute self-diagnosis and their points (REFERENCE §3).
public enum DiagnosisAnswer: String, Sendable, Codable, CaseIterable, Hashable {
    case implemented
    case partly
    case notInPlace = "not_implemented"
    case dontKnow = "dont_know"

    public var points: Int {
        switch self {
        case .implemented: 4
        case .partly: 2
        case .notInPlace: 0
        case .dontKnow: -1
        }
    }
}

/// The three parts: basic measures (1–5), measures for every employee (6–18), measures for
/// the organization (19–25).
public enum DiagnosisPart: String, Sendable, Codable, CaseIterable, Hashable {
    case basic
    case employees
    case organization

    public var items: ClosedRange<Int> {
        switch self {
        case .basic: 1...5
        case .employees: 6...18
        case .organization: 19...25
        }
    }

    public var maximum: Int { items.count * DiagnosisAnswer.implemented.points }

    public static func of(item: Int) -> DiagnosisPart? {
        allCases.first { $0.items.contains(item) }
    }
}

/// What a total means (REFERENCE §3): 100; 70–99; 50–69; 49 or less.
public enum DiagnosisBand: String, Sendable, Codable, CaseIterable, Hashable {
    case entryLevelReached = "entry_level_reached"
    case mostlyDone = "mostly_done"
    case gapsStandOut = "gaps_stand_out"
    case atRisk = "at_risk"

    public static func of(total: Int) -> DiagnosisBand {
        switch total {
        case 100...: .entryLevelReached
        case 70...99: .mostlyDone
        case 50...69: .gapsStandOut
        default: .atRisk
        }
    }
}

/// A complete set of 25 answers. Built only through `parse` or `init(answers:)` with all items.
public struct DiagnosisAnswers: Sendable, Hashable {
    public static let itemNumbers = 1...25
    public static let maximumTotal = itemNumbers.count * DiagnosisAnswer.implemented.points

    /// Index 0 is item 1.
    public let answers: [DiagnosisAnswer]

    public init?(answers: [Int: DiagnosisAnswer]) {
        guard Set(answers.keys) == Set(Self.itemNumbers) else { return nil }
        self.answers = Self.itemNumbers.map { answers[$0]! }
    }

    public subscript(item: Int) -> DiagnosisAnswer { answers[item - 1] }

    public typealias Problem = QuestionnaireProblem
    public typealias Problems = QuestionnaireProblems

    /// Reads `{"1": "implemented", …, "25": "dont_know"}`; reports every offending item.
    public static func parse(_ raw: [String: String]) -> Result<DiagnosisAnswers, Problems> {
        Questionnaire.parse(raw, numbers: itemNumbers, as: DiagnosisAnswer.self).map { DiagnosisAnswers(answers: $0)! }
    }

    /// `{"1": "implemented", …}` for storage and the API.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: Self.itemNumbers.map { (String($0), self[$0].rawValue) })
    }

    /// Several sites combined: per item the weakest answer (fewest points) counts, so the
    /// organization view never looks better than its weakest site.
    public static func combiningWeakest(_ sets: [DiagnosisAnswers]) -> DiagnosisAnswers? {
        guard !sets.isEmpty else { return nil }
        var combined: [Int: DiagnosisAnswer] = [:]
        for number in itemNumbers {
            combined[number] = sets.map { $0[number] }.min { $0.points < $1.points }
        }
        return DiagnosisAnswers(answers: combined)
    }
}

/// One item that is not yet "implemented", for advice and the action plan.
public struct DiagnosisGap: Sendable, Hashable {
    public let item: Int
    public let answer: DiagnosisAnswer
    public var part: DiagnosisPart { DiagnosisPart.of(item: item)! }

    /// 0 for "not implemented" and "don't know" (most urgent), 1 for "partly".
    public var urgency: Int { answer == .partly ? 1 : 0 }
}

/// The score of a complete diagnosis.
public struct DiagnosisResult: Sendable, Hashable {
    public struct PartScore: Sendable, Hashable {
        public let part: DiagnosisPart
        public let score: Int
        public var maximum: Int { part.maximum }
    }

    public let answers: DiagnosisAnswers
    public let total: Int
    public let band: DiagnosisBand
    public let parts: [PartScore]
    /// Every item below "implemented", most urgent first.
    public let gaps: [DiagnosisGap]

    public var maximum: Int { DiagnosisAnswers.maximumTotal }

    public init(_ answers: DiagnosisAnswers) {
        self.answers = answers
        total = answers.answers.reduce(0) { $0 + $1.points }
        band = DiagnosisBand.of(total: total)
        parts = DiagnosisPart.allCases.map { part in
            PartScore(part: part, score: part.items.reduce(0) { $0 + answers[$1].points })
        }
        gaps = Self.prioritizedGaps(answers)
    }

    public func score(of part: DiagnosisPart) -> PartScore { parts.first { $0.part == part }! }

    /// Answers 0 and −1 before "partly"; within each, part 1 before parts 2 and 3; then by item.
    public static func prioritizedGaps(_ answers: DiagnosisAnswers) -> [DiagnosisGap] {
        let partOrder = Dictionary(uniqueKeysWithValues: DiagnosisPart.allCases.enumerated().map { ($1, $0) })
        return DiagnosisAnswers.itemNumbers
            .map { DiagnosisGap(item: $0, answer: answers[$0]) }
            .filter { $0.answer != .implemented }
            .sorted { ($0.urgency, partOrder[$0.part]!, $0.item) < ($1.urgency, partOrder[$1.part]!, $1.item) }
    }
}

/// How two diagnoses differ item by item.
public struct DiagnosisComparison: Sendable, Hashable {
    public struct Change: Sendable, Hashable {
        public let item: Int
        public let before: DiagnosisAnswer
        public let after: DiagnosisAnswer
        public var improved: Bool { after.points > before.points }
    }

    public let improved: [Change]
    public let worse: [Change]
    public let unchanged: [Int]
    public let totalChange: Int

    public init(before: DiagnosisAnswers, after: DiagnosisAnswers) {
        var improved: [Change] = [], worse: [Change] = [], unchanged: [Int] = []
        for item in DiagnosisAnswers.itemNumbers {
            let change = Change(item: item, before: before[item], after: after[item])
            if change.after.points > change.before.points { improved.append(change) }
            else if change.after.points < change.before.points { worse.append(change) }
            else { unchanged.append(item) }
        }
        self.improved = improved
        self.worse = worse
        self.unchanged = unchanged
        totalChange = DiagnosisResult(after).total - DiagnosisResult(before).total
    }
}
