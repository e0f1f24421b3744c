import Foundation

/// The basic-policy template and the related-rules chapters, from
/// `Resources/policy-template.json` and `Resources/related-rules.json` (written for Mamori; each
/// file names its source and `asOf`). Texts may hold `{{organization}}`, `{{representative}}`
/// and `{{date}}`, filled when a draft is made from them.
public struct PolicyContent: Sendable {
    public struct TemplateSection: Sendable, Decodable {
        public let key: String
        public let heading: LocalizedText
        public let body: LocalizedText
    }

    public struct PolicyTemplate: Sendable, Decodable {
        public let source: LocalizedText
        public let asOf: String
        public let title: LocalizedText
        public let sections: [TemplateSection]
    }

    public struct Chapter: Sendable, Decodable {
        public struct DraftArticle: Sendable, Decodable {
            public let heading: LocalizedText
            public let body: LocalizedText
        }
        public let key: String
        public let number: Int
        public let title: LocalizedText
        public let purpose: LocalizedText
        public let checkPoints: [LocalizedText]
        public let draft: [DraftArticle]
    }

    public struct RulesFile: Sendable, Decodable {
        public let source: LocalizedText
        public let asOf: String
        public let chapters: [Chapter]
    }

    public let policy: PolicyTemplate
    public let rules: RulesFile

    public var chapters: [Chapter] { rules.chapters }

    public func chapter(_ key: String) -> Chapter? { rules.chapters.first { $0.key == key } }

    /// What fills the template's fields.
    public struct Facts: Sendable {
        public let organization: String
        public let representative: String
        public let date: String

        public init(organization: String, representative: String, date: String) {
            self.organization = organization
            self.representative = representative
            self.date = date
        }
    }

    public static func fill(_ text: String, with facts: Facts) -> String {
        text.replacingOccurrences(of: "{{organization}}", with: facts.organization)
            .replacingOccurrences(of: "{{representative}}", with: facts.representative)
            .replacingOccurrences(of: "{{date}}", with: facts.date)
    }

    /// The basic policy's sections in one language, filled in.
    public func policyDraft(_ locale: AppLocale, facts: Facts) -> [(heading: String, body: String)] {
        policy.sections.map { (Self.fill($0.heading(locale), with: facts), Self.fill($0.body(locale), with: facts)) }
    }

    /// A chapter's draft rule text in one language, filled in.
    public func ruleDraft(_ chapter: Chapter, _ locale: AppLocale, facts: Facts) -> [(heading: String, body: String)] {
        chapter.draft.map { (Self.fill($0.heading(locale), with: facts), Self.fill($0.body(locale), with: facts)) }
    }

    public static let bundled: PolicyContent = {
        let content = PolicyContent(policy: BundledContent.load("policy-template", as: PolicyTemplate.self),
                                    rules: BundledContent.load("related-rules", as: RulesFile.self))
        do { try content.check() } catch { preconditionFailure("policy-template.json / related-rules.json: \(error)") }
        return content
    }()

    struct Invalid: Error { let reason: String }

    func check() throws {
        guard !policy.sections.isEmpty else { throw Invalid(reason: "the policy template has no sections") }
        guard rules.chapters.map(\.number) == Array(1...rules.chapters.count) else { throw Invalid(reason: "chapters must be numbered 1… in order") }
        guard Set(rules.chapters.map(\.key)).count == rules.chapters.count else { throw Invalid(reason: "chapter keys must be unique") }
        for chapter in rules.chapters where chapter.draft.isEmpty { throw Invalid(reason: "chapter \(chapter.key) has no draft") }
    }
}

/// How a chapter of the related rules stands after a check (REFERENCE §6).
public enum RuleCheckStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case ok
    case needsRevision = "needs_revision"
    case missing

    /// Missing and needs-revision chapters are gaps for the action plan; a missing chapter is
    /// the more urgent.
    public var gapUrgency: GapUrgency? {
        switch self {
        case .ok: nil
        case .missing: .medium
        case .needsRevision: .low
        }
    }
}
