import Fluent
import Foundation
import MamoriCore
import SQLKit

/// The organization's webhooks and their delivery log. Only the owner manages them: a webhook
/// sends incident facts out of Mamori, and its address may itself hold a secret.
struct WebhookService {
    let db: any Database

    static let maximumPerOrganization = 5

    private static func requireOwner(_ actor: Principal, of organization: Organization) throws {
        guard actor.isOwner, actor.organizationID == organization.id else { throw Refusal.notAllowed(L.Reminders.ownerOnly) }
    }

    func webhooks(of organization: Organization) async throws -> [Webhook] {
        try await Webhook.query(on: db).filter(\.$organization.$id == organization.requireID()).sort(\.$createdAt).limit(Self.maximumPerOrganization * 2).all()
    }

    /// Adds a webhook and returns it with its new secret, which the owner sees only now.
    func add(url raw: String, to organization: Organization, allowPrivateTargets: Bool, by actor: Principal, ip: String?) async throws -> (Webhook, secret: String) {
        try Self.requireOwner(actor, of: organization)
        let url: URL
        switch WebhookTarget.validate(raw, allowPrivate: allowPrivateTargets) {
        case .success(let valid): url = valid
        case .failure(let error):
            throw Refusal.invalid("url", error.problem == .empty ? .required : error.problem == .tooLong ? .tooLong(maximum: WebhookTarget.maximumLength) : .webhookTarget(error.problem))
        }
        let count = try await Webhook.query(on: db).filter(\.$organization.$id == organization.requireID()).count()
        guard count < Self.maximumPerOrganization else { throw Refusal.invalid("url", .tooMany(maximum: Self.maximumPerOrganization)) }
        let secret = SecretToken.generate(prefix: "whsec_")
        let webhook = Webhook()
        webhook.$organization.id = try organization.requireID()
        webhook.url = url.absoluteString
        webhook.secret = secret
        webhook.active = true
        webhook.createdBy = actor.user.displayName
        try await db.transaction { db in
            try await webhook.create(on: db)
            try await AuditLog.record(.webhookAdded, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("webhook", webhook.id), summary: L.Audit.webhookAdded(host: url.host ?? ""), on: db)
        }
        return (webhook, secret)
    }

    func webhook(_ id: UUID?, of organization: Organization) async throws -> Webhook {
        guard let id, let webhook = try await Webhook.query(on: db).filter(\.$id == id)
            .filter(\.$organization.$id == organization.requireID()).first() else { throw Refusal.notFound }
        return webhook
    }

    /// Removes a webhook with its delivery log (the audit log keeps that it existed).
    func remove(_ id: UUID?, of organization: Organization, by actor: Principal, ip: String?) async throws {
        try Self.requireOwner(actor, of: organization)
        let webhook = try await webhook(id, of: organization)
        let host = URL(string: webhook.url)?.host ?? ""
        try await db.transaction { db in
            try await WebhookDelivery.query(on: db).filter(\.$webhook.$id == webhook.requireID()).delete()
            try await webhook.delete(on: db)
            try await AuditLog.record(.webhookRemoved, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("webhook", webhook.id), summary: L.Audit.webhookRemoved(host: host), on: db)
        }
    }

    /// A `ping` to one webhook, so the owner can see the receiver work before a real event.
    func sendTest(_ id: UUID?, of organization: Organization, by actor: Principal, publicURL: String) async throws {
        try Self.requireOwner(actor, of: organization)
        let webhook = try await webhook(id, of: organization)
        let payload = ReminderPayload(event: .ping, organization: organization, text: L.Reminders.pingText, link: publicURL)
        _ = try await Self.enqueue(payload, key: "ping:\(UUID().uuidString)", for: [webhook], on: db)
    }

    func deliveries(of organization: Organization, page: PageRequest) async throws -> Page<WebhookDelivery> {
        try await WebhookDelivery.query(on: db).filter(\.$organizationID == organization.requireID())
            .with(\.$webhook).sort(\.$createdAt, .descending).sort(\.$id).paginate(page)
    }

    // MARK: Enqueuing

    /// Queues an event for every active webhook of the organization. An event already queued
    /// for a webhook (same key) is left as it is: that is what makes it one delivery.
    @discardableResult
    static func enqueue(_ payload: ReminderPayload, key: String, organizationID: UUID, on db: any Database) async throws -> Int {
        let webhooks = try await Webhook.query(on: db).filter(\.$organization.$id == organizationID).filter(\.$active == true).all()
        return try await enqueue(payload, key: key, for: webhooks, on: db)
    }

    static func enqueue(_ payload: ReminderPayload, key: String, for webhooks: [Webhook], on db: any Database) async throws -> Int {
        guard !webhooks.isEmpty else { return 0 }
        let now = Date()
        var rows: [[any SQLExpression]] = []
        for webhook in webhooks {
            let id = UUID()
            let body = try payload.json(deliveryID: id, createdAt: now)
            rows.append([SQLBind(id), SQLBind(try webhook.requireID()), SQLBind(webhook.$organization.id), SQLBind(payload.event.rawValue),
                         SQLBind(key), SQLBind(body), SQLBind(WebhookDelivery.Status.pending.rawValue), SQLBind(0), SQLBind(now), SQLBind(now)])
        }
        // INSERT … ON CONFLICT DO NOTHING on both databases: two servers scanning at once
        // cannot both queue the same event, and neither fails.
        try await db.sql.insert(into: WebhookDelivery.schema)
            .columns("id", "webhook_id", "organization_id", "event", "event_key", "payload", "status", "attempts", "next_attempt_at", "created_at")
            .rows(rows)
            .ignoringConflicts(with: ["webhook_id", "event_key"])
            .run()
        return rows.count
    }
}

/// The JSON body of a delivery. Fixed when the event is queued, so every retry sends the same
/// bytes and the signature of each attempt covers the same content.
struct ReminderPayload: Sendable {
    let event: ReminderEvent
    let organizationID: UUID?
    let organizationName: String
    var incident: Incident? = nil
    var incidentLink: String? = nil
    var duty: Duty? = nil
    let text: LocalizedText
    let link: String

    struct Duty: Sendable {
        let recipient: String
        let action: String
        let due: String
        let required: Bool
    }

    init(event: ReminderEvent, organization: Organization, text: LocalizedText, link: String) {
        self.event = event
        self.organizationID = organization.id
        self.organizationName = organization.name
        self.text = text
        self.link = link
    }

    private struct Body: Encodable {
        struct Organization: Encodable { let id: String; let name: String }
        struct IncidentBody: Encodable { let id: String; let title: String; let kind: String; let url: String }
        struct DutyBody: Encodable { let recipient: String; let action: String; let due: String; let required: Bool }
        struct Text: Encodable { let ja: String; let en: String }
        let id: String
        let event: String
        let createdAt: String
        let organization: Organization
        let incident: IncidentBody?
        let duty: DutyBody?
        let text: Text
        let url: String
    }

    func json(deliveryID: UUID, createdAt: Date) throws -> String {
        let body = Body(id: deliveryID.uuidString.lowercased(), event: event.rawValue, createdAt: createdAt.formatted(.iso8601),
                        organization: .init(id: organizationID?.uuidString.lowercased() ?? "", name: organizationName),
                        incident: incident.map { .init(id: $0.id?.uuidString.lowercased() ?? "", title: $0.title, kind: $0.kind.rawValue, url: incidentLink ?? link) },
                        duty: duty.map { .init(recipient: $0.recipient, action: $0.action, due: $0.due, required: $0.required) },
                        text: .init(ja: text.ja, en: text.en), url: incidentLink ?? link)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }
}
