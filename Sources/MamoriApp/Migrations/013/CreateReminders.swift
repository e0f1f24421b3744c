import Fluent
import SQLKit

/// Reminders that reach people who do not open Mamori: the organization's calendar feed of
/// open duties (only the SHA-256 of its secret is stored, like the experts' feed), webhooks,
/// and one row per webhook and event. The unique `(webhook_id, event_key)` is what makes an
/// event one delivery, however many servers run the reminder scan.
struct CreateReminders: AsyncMigration {
    var name: String { "013_CreateReminders" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Organization.schema).field("duty_calendar_token_hash", .string).update()
        try await database.schema(Webhook.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("active", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(WebhookDelivery.schema)
            .id()
            .field("webhook_id", .uuid, .required, .references(Webhook.schema, "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("event", .string, .required)
            .field("event_key", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_until", .datetime)
            .field("last_status_code", .int)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .unique(on: "webhook_id", "event_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_organizations_duty_calendar").on(Organization.schema).column("duty_calendar_token_hash").run()
        try await sql.create(index: "idx_webhooks_organization").on(Webhook.schema).column("organization_id").column("active").run()
        // The sender's query (pending and due) and the owner's log (newest first).
        try await sql.create(index: "idx_webhook_deliveries_due").on(WebhookDelivery.schema).column("status").column("next_attempt_at").run()
        try await sql.create(index: "idx_webhook_deliveries_organization").on(WebhookDelivery.schema).column("organization_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_webhook_deliveries_organization", "idx_webhook_deliveries_due", "idx_webhooks_organization", "idx_organizations_duty_calendar"] {
            try await sql.drop(index: index).run()
        }
        try await database.schema(WebhookDelivery.schema).delete()
        try await database.schema(Webhook.schema).delete()
        try await database.schema(Organization.schema).deleteField("duty_calendar_token_hash").update()
    }
}
