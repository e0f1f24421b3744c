import Foundation

/// The texts of the telework self-check, the checklist by role and the staff sheet, from
/// `Resources/telework.json` (written for Mamori; the file names its source and `asOf`).
public struct TeleworkContent: Sendable, Decodable {
    public struct Answer: Sendable, Decodable {
        public let key: TeleworkAnswer
        public let ja: String
        public let en: String
        public var label: LocalizedText { LocalizedText(ja: ja, en: en) }
    }

    public struct Point: Sendable, Decodable {
        public let number: Int
        public let text: LocalizedText
        public let guidance: LocalizedText
    }

    public struct Principle: Sendable, Decodable {
        public let number: Int
        public let title: LocalizedText
        public let summary: LocalizedText
        public let points: [Point]
    }

    public struct Named<Key: Decodable & Sendable>: Sendable, Decodable {
        public let key: Key
        public let ja: String
        public let en: String
        public var name: LocalizedText { LocalizedText(ja: ja, en: en) }
    }

    public struct ChecklistItem: Sendable, Decodable {
        public let key: String
        public let role: TeleworkRole
        public let text: LocalizedText
        public let why: LocalizedText
        public let threats: [TeleworkThreat]
    }

    public struct Sheet: Sendable, Decodable {
        public let title: LocalizedText
        public let `do`: [LocalizedText]
        public let dont: [LocalizedText]
        public let whenSomethingHappens: LocalizedText
    }

    public let source: LocalizedText
    public let asOf: String
    public let answers: [Answer]
    public let principles: [Principle]
    public let roles: [Named<TeleworkRole>]
    public let threats: [Named<TeleworkThreat>]
    public let checklist: [ChecklistItem]
    public let sheet: Sheet

    public func principle(_ number: Int) -> Principle { principles[number - 1] }
    public func point(_ number: Int) -> Point { principle(TeleworkAnswers.principle(of: number)).points[(number - 1) % TeleworkAnswers.pointsPerPrinciple] }
    public func answer(_ key: TeleworkAnswer) -> Answer { answers.first { $0.key == key }! }
    public func role(_ key: TeleworkRole) -> LocalizedText { roles.first { $0.key == key }!.name }
    public func threat(_ key: TeleworkThreat) -> LocalizedText { threats.first { $0.key == key }!.name }

    /// Checklist items, optionally only one role's or only those against one threat.
    public func checklist(role: TeleworkRole? = nil, threat: TeleworkThreat? = nil) -> [ChecklistItem] {
        checklist.filter { (role == nil || $0.role == role) && (threat == nil || $0.threats.contains(threat!)) }
    }

    public static let bundled = BundledContent.load("telework", as: TeleworkContent.self) { try $0.check() }

    struct Invalid: Error { let reason: String }

    func check() throws {
        guard principles.map(\.number) == [1, 2, 3, 4, 5] else { throw Invalid(reason: "five principles in order") }
        guard principles.flatMap({ $0.points.map(\.number) }) == Array(TeleworkAnswers.pointNumbers) else {
            throw Invalid(reason: "points 1…15, three per principle, in order")
        }
        guard Set(answers.map(\.key)) == Set(TeleworkAnswer.allCases) else { throw Invalid(reason: "answers") }
        guard Set(roles.map(\.key)) == Set(TeleworkRole.allCases), Set(threats.map(\.key)) == Set(TeleworkThreat.allCases) else {
            throw Invalid(reason: "roles and threats")
        }
        guard Set(checklist.map(\.key)).count == checklist.count else { throw Invalid(reason: "checklist keys must be unique") }
        for item in checklist where item.threats.isEmpty { throw Invalid(reason: "checklist item \(item.key) has no threat") }
    }
}
