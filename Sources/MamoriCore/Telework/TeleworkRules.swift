import Foundation

/// The telework self-check for managers (seed 000: five principles, three points each).
public enum TeleworkAnswer: String, Sendable, Codable, CaseIterable, Hashable {
    case yes
    case partly
    case no
}

/// The 15 answers of one self-check.
public struct TeleworkAnswers: Sendable, Hashable {
    public static let pointNumbers = 1...15
    public static let pointsPerPrinciple = 3

    /// Index 0 is point 1.
    public let answers: [TeleworkAnswer]

    public init?(answers: [Int: TeleworkAnswer]) {
        guard Set(answers.keys) == Set(Self.pointNumbers) else { return nil }
        self.answers = Self.pointNumbers.map { answers[$0]! }
    }

    public subscript(point: Int) -> TeleworkAnswer { answers[point - 1] }

    /// Points 1–3 belong to principle 1, 4–6 to principle 2, … 13–15 to principle 5.
    public static func principle(of point: Int) -> Int { (point - 1) / pointsPerPrinciple + 1 }

    /// Reads `{"1": "yes", …, "15": "no"}`; reports every offending point.
    public static func parse(_ raw: [String: String]) -> Result<TeleworkAnswers, QuestionnaireProblems> {
        Questionnaire.parse(raw, numbers: pointNumbers, as: TeleworkAnswer.self).map { TeleworkAnswers(answers: $0)! }
    }

    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: Self.pointNumbers.map { (String($0), self[$0].rawValue) })
    }
}

/// One point answered "no" or "partly": a gap for the action plan.
public struct TeleworkGap: Sendable, Hashable {
    public let point: Int
    public let answer: TeleworkAnswer
    public var principle: Int { TeleworkAnswers.principle(of: point) }
}

/// The result of a self-check: counts per principle and overall, the gaps ("no" before
/// "partly", then by point) and the overall level.
public struct TeleworkResult: Sendable, Hashable {
    public struct PrincipleCount: Sendable, Hashable {
        public let principle: Int
        public var yes = 0
        public var partly = 0
        public var no = 0
        /// yes = 2, partly = 1, no = 0, out of 6.
        public var score: Int { yes * 2 + partly }
    }

    /// Where the organization stands overall: every point in place, most in place (at most
    /// three points short of all yes, none answered no), or gaps to close.
    public enum Level: String, Sendable, Hashable {
        case ready
        case almost
        case gaps
    }

    public let answers: TeleworkAnswers
    public let principles: [PrincipleCount]
    public let gaps: [TeleworkGap]

    public init(_ answers: TeleworkAnswers) {
        self.answers = answers
        var counts = (1...5).map { PrincipleCount(principle: $0) }
        for point in TeleworkAnswers.pointNumbers {
            let index = TeleworkAnswers.principle(of: point) - 1
            switch answers[point] {
            case .yes: counts[index].yes += 1
            case .partly: counts[index].partly += 1
            case .no: counts[index].no += 1
            }
        }
        principles = counts
        gaps = TeleworkAnswers.pointNumbers.map { TeleworkGap(point: $0, answer: answers[$0]) }
            .filter { $0.answer != .yes }
            .sorted { ($0.answer == .no ? 0 : 1, $0.point) < ($1.answer == .no ? 0 : 1, $1.point) }
    }

    public var yes: Int { principles.reduce(0) { $0 + $1.yes } }
    public var partly: Int { principles.reduce(0) { $0 + $1.partly } }
    public var no: Int { principles.reduce(0) { $0 + $1.no } }
    /// yes = 2, partly = 1, out of 30.
    public var score: Int { yes * 2 + partly }
    public static let maximumScore = 30

    public var level: Level {
        if no == 0 && partly == 0 { return .ready }
        if no == 0 && partly <= 3 { return .almost }
        return .gaps
    }
}

/// How two self-checks differ point by point.
public struct TeleworkComparison: Sendable, Hashable {
    public struct Change: Sendable, Hashable {
        public let point: Int
        public let before: TeleworkAnswer
        public let after: TeleworkAnswer
    }

    public let improved: [Change]
    public let worse: [Change]
    public let unchanged: [Int]

    public init(before: TeleworkAnswers, after: TeleworkAnswers) {
        func rank(_ answer: TeleworkAnswer) -> Int { answer == .yes ? 2 : answer == .partly ? 1 : 0 }
        var improved: [Change] = [], worse: [Change] = [], unchanged: [Int] = []
        for point in TeleworkAnswers.pointNumbers {
            let change = Change(point: point, before: before[point], after: after[point])
            if rank(change.after) > rank(change.before) { improved.append(change) }
            else if rank(change.after) < rank(change.before) { worse.append(change) }
            else { unchanged.append(point) }
        }
        self.improved = improved
        self.worse = worse
        self.unchanged = unchanged
    }
}

/// The telework security checklist by role; each item is tagged with the threats it addresses.
public enum TeleworkThreat: String, Sendable, Codable, CaseIterable, Hashable {
    case malware
    case unauthorizedAccess = "unauthorized_access"
    case theftLoss = "theft_loss"
    case eavesdropping
}

public enum TeleworkRole: String, Sendable, Codable, CaseIterable, Hashable {
    case manager
    case administrator
    case teleworker
}
