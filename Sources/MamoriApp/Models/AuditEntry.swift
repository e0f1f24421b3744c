import Fluent
import Foundation
import MamoriCore

/// One recorded change. Append-only: the application never updates or deletes these rows.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// Kept as text so the entry still names its author if the account changes later.
    @Field(key: "actor_email") var actorEmail: String
    @Field(key: "action") var action: String
    @Field(key: "target_type") var targetType: String
    @OptionalField(key: "target_id") var targetID: String?
    /// Before/after in a few words, e.g. "role: member → owner".
    @Field(key: "summary") var summary: String
    /// The summary in English when it differs from `summary` (which is Japanese or neutral).
    @OptionalField(key: "summary_en") var summaryEN: String?
    @OptionalField(key: "ip") var ip: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The summary in the reader's language.
    func summary(_ locale: AppLocale) -> String { locale == .en ? (summaryEN ?? summary) : summary }

    init(organizationID: UUID?, actorID: UUID?, actorEmail: String, action: String, targetType: String, targetID: String?, summary: String,
         summaryEN: String? = nil, ip: String?, createdAt: Date) {
        self.summaryEN = summaryEN
        self.organizationID = organizationID
        self.actorID = actorID
        self.actorEmail = actorEmail
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.summary = summary
        self.ip = ip
        self.createdAt = createdAt
    }
}
