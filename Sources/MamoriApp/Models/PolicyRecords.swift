import Fluent
import Foundation
import MamoriCore

/// One version of a document the organization writes: the basic policy or an adopted rule
/// chapter (`document`: `basic_policy` or `rule.<chapter>`). Its sections are JSON; once it
/// leaves the draft state its text is never written again.
final class PolicyVersion: Model, @unchecked Sendable {
    static let schema = "policy_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "document") var document: String
    /// 1, 2, 3… per organization and document.
    @Field(key: "number") var number: Int
    @Field(key: "status") var status: String
    /// The language the text is written in (`ja` or `en`); the public page uses it.
    @Field(key: "language") var language: String
    @Field(key: "sections") var sectionsJSON: String
    @OptionalField(key: "based_on_id") var basedOnID: UUID?
    @Field(key: "created_by_id") var createdByID: UUID
    @Field(key: "created_by_name") var createdByName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "approved_by_name") var approvedByName: String?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}

    var policyStatus: PolicyStatus { PolicyStatus(rawValue: status) ?? .draft }
    var kind: PolicyDocumentKind { PolicyDocumentKind(storageKey: document) ?? .basicPolicy }
    var locale: AppLocale { AppLocale(rawValue: language) ?? .ja }

    var sections: [PolicySection] {
        get { (try? JSONDecoder().decode([PolicySection].self, from: Data(sectionsJSON.utf8))) ?? [] }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            sectionsJSON = String(decoding: (try? encoder.encode(newValue)) ?? Data("[]".utf8), as: UTF8.self)
        }
    }
}

/// A comment on one section of a version, by the assigned expert or a member; the owner
/// resolves it. Comments are never deleted.
final class PolicyComment: Model, @unchecked Sendable {
    static let schema = "policy_comments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Parent(key: "version_id") var version: PolicyVersion
    @Field(key: "section_id") var sectionID: String
    @Field(key: "author_id") var authorID: UUID
    @Field(key: "author_name") var authorName: String
    @Field(key: "author_role") var authorRole: String
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "resolved_by_name") var resolvedByName: String?

    init() {}
}

/// The address of the organization's public policy page, `/p/<slug>` (one per organization,
/// unique across Mamori).
final class PolicySlugRecord: Model, @unchecked Sendable {
    static let schema = "policy_slugs"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "slug") var slug: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One check of one chapter of the related rules. Every check is a new row, so the history
/// stays; the latest row per chapter is the current state.
final class RuleCheck: Model, @unchecked Sendable {
    static let schema = "rule_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "chapter") var chapter: String
    @Field(key: "status") var status: String
    @Field(key: "note") var note: String
    @Field(key: "owner_name") var ownerName: String
    /// `yyyy-MM-dd`, when the chapter should be looked at again.
    @OptionalField(key: "review_on") var reviewOn: String?
    @Field(key: "checked_by_id") var checkedByID: UUID
    @Field(key: "checked_by_name") var checkedByName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var checkStatus: RuleCheckStatus { RuleCheckStatus(rawValue: status) ?? .missing }
}
