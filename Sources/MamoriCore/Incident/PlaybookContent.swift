import Foundation

/// The three-step response, the ten record items, the playbooks per kind and the first-aid
/// cases, from `Resources/incident-playbooks.json` (written for Mamori from IPA's incident
/// response guide for SMEs, seed 002).
public struct PlaybookContent: Sendable, Decodable {
    public struct Source: Sendable, Decodable {
        public let ja: String
        public let en: String
        public let seed: String
    }

    public struct Step: Sendable, Decodable {
        public let number: Int
        public let key: String
        public let title: LocalizedText
        public let summary: LocalizedText
    }

    public struct RecordItem: Sendable, Decodable {
        public let number: Int
        public let key: String
        public let title: LocalizedText
        public let hint: LocalizedText
    }

    public struct Point: Sendable, Decodable, Identifiable {
        public let id: String
        public let step: Int
        public let title: LocalizedText
        public let detail: LocalizedText
        public let contactIds: [String]
        public let firstAid: Bool
    }

    public struct Playbook: Sendable, Decodable {
        public let kind: String
        public let title: LocalizedText
        public let points: [Point]
    }

    public struct FirstAidCase: Sendable, Decodable {
        public let `case`: String
        public let kind: IncidentKind
        public let title: LocalizedText
        public let whatYouSee: LocalizedText
        public let steps: [LocalizedText]
        public let doNot: [LocalizedText]
    }

    public let source: Source
    public let asOf: String
    public let steps: [Step]
    public let recordItems: [RecordItem]
    public let playbooks: [Playbook]
    public let firstAid: [FirstAidCase]

    /// The playbook of a kind; kinds without one in the guide use the general three steps.
    public func playbook(for kind: IncidentKind) -> Playbook {
        playbooks.first { $0.kind == kind.rawValue } ?? playbooks.first { $0.kind == "general" }!
    }

    public func firstAidCase(_ key: String) -> FirstAidCase? { firstAid.first { $0.case == key } }

    public static let bundled: PlaybookContent = {
        do {
            let url = Bundle.module.url(forResource: "incident-playbooks", withExtension: "json")!
            let content = try JSONDecoder().decode(PlaybookContent.self, from: Data(contentsOf: url))
            precondition(content.steps.map(\.number) == [1, 2, 3] && content.recordItems.count == 10, "steps 1–3 and ten record items")
            precondition(Set(content.playbooks.flatMap(\.points).map(\.id)).count == content.playbooks.flatMap(\.points).count, "unique point ids")
            return content
        } catch {
            preconditionFailure("Resources/incident-playbooks.json is invalid: \(error)")
        }
    }()
}
