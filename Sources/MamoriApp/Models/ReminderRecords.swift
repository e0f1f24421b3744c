import Fluent
import Foundation
import MamoriCore

/// An address of the organization's own systems that Mamori posts reminders to.
final class Webhook: Model, @unchecked Sendable {
    static let schema = "webhooks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "url") var url: String
    /// The HMAC key. Kept (it signs every delivery) but shown to the owner only once.
    @Field(key: "secret") var secret: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One event for one webhook, with every attempt's outcome: the owner's delivery log.
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    enum Status: String, Codable, Sendable, CaseIterable {
        case pending, delivered, failed
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "webhook_id") var webhook: Webhook
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "event") var event: String
    /// Unique per webhook: the same fact is never delivered twice.
    @Field(key: "event_key") var eventKey: String
    /// The JSON body, fixed when the event happened, so every retry sends the same bytes.
    @Field(key: "payload") var payload: String
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    /// A sender that claimed the delivery holds it until then; another server skips it.
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "last_status_code") var lastStatusCode: Int?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?

    init() {}

    var reminderEvent: ReminderEvent? { ReminderEvent(rawValue: event) }
}
