import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// Webhooks, their delivery log and the duty calendar: the reminders page's operations, for
/// the owner's token (a member's token gets 403 from the services, as on the page).
extension MamoriAPI {
    private func ownerOrganization() async throws -> (Principal, Organization) {
        let (principal, organization) = try await organizationOfToken()
        guard principal.isOwner else { throw Refusal.notAllowed(L.Reminders.ownerOnly) }
        return (principal, organization)
    }

    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        let (_, organization) = try await ownerOrganization()
        return .ok(.init(body: .json(try await WebhookService(db: db).webhooks(of: organization).map(Self.dto))))
    }

    func createWebhook(_ input: Operations.CreateWebhook.Input) async throws -> Operations.CreateWebhook.Output {
        let (principal, organization) = try await ownerOrganization()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let (webhook, secret) = try await WebhookService(db: db).add(url: body.url, to: organization, allowPrivateTargets: webhooksAllowPrivateTargets,
                                                                     by: principal, ip: nil)
        return .created(.init(body: .json(.init(webhook: Self.dto(webhook), secret: secret))))
    }

    func deleteWebhook(_ input: Operations.DeleteWebhook.Input) async throws -> Operations.DeleteWebhook.Output {
        let (principal, organization) = try await ownerOrganization()
        try await WebhookService(db: db).remove(UUID(uuidString: input.path.webhookId), of: organization, by: principal, ip: nil)
        return .noContent(.init())
    }

    func testWebhook(_ input: Operations.TestWebhook.Input) async throws -> Operations.TestWebhook.Output {
        let (principal, organization) = try await ownerOrganization()
        try await WebhookService(db: db).sendTest(UUID(uuidString: input.path.webhookId), of: organization, by: principal, publicURL: publicURL)
        return .accepted(.init())
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        let (_, organization) = try await ownerOrganization()
        let page = try await WebhookService(db: db).deliveries(of: organization, page: try Self.pageRequest(input.query.page, input.query.per))
        let items = page.items.map { delivery in
            Components.Schemas.WebhookDelivery(
                id: delivery.id?.uuidString ?? "", webhookId: delivery.$webhook.id.uuidString,
                event: .init(rawValue: delivery.event) ?? .ping, status: .init(rawValue: delivery.status.rawValue) ?? .pending,
                attempts: delivery.attempts, lastStatusCode: delivery.lastStatusCode, lastError: delivery.lastError,
                createdAt: delivery.createdAt, nextAttemptAt: delivery.nextAttemptAt, deliveredAt: delivery.deliveredAt, payload: delivery.payload)
        }
        return .ok(.init(body: .json(.init(items: items, metadata: .init(page.metadata)))))
    }

    func createDutyCalendar(_ input: Operations.CreateDutyCalendar.Input) async throws -> Operations.CreateDutyCalendar.Output {
        let (principal, organization) = try await ownerOrganization()
        let token = try await DutyCalendarService(db: db).renew(for: organization, by: principal, ip: nil)
        return .created(.init(body: .json(.init(url: URLLink.absolute(publicURL, SiteURL.dutyCalendarFeed(token: token + ".ics").path)))))
    }

    func deleteDutyCalendar(_ input: Operations.DeleteDutyCalendar.Input) async throws -> Operations.DeleteDutyCalendar.Output {
        let (principal, organization) = try await ownerOrganization()
        try await DutyCalendarService(db: db).revoke(for: organization, by: principal, ip: nil)
        return .noContent(.init())
    }

    static func dto(_ webhook: Webhook) -> Components.Schemas.Webhook {
        .init(id: webhook.id?.uuidString ?? "", url: webhook.url, createdBy: webhook.createdBy, createdAt: webhook.createdAt ?? Date(timeIntervalSince1970: 0))
    }
}
