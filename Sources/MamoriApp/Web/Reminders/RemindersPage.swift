import Fluent
import Foundation
import MamoriCore
import Plot

/// The reminders page: calendar feed, webhooks, delivery log. Its model is plain values.
enum RemindersPage {
    /// What was just issued, shown once after the redirect.
    enum Revealed: Equatable {
        case calendar(String)
        case webhookSecret(String)

        init(stored: String) {
            if stored.hasPrefix("webhook:") { self = .webhookSecret(String(stored.dropFirst(8))) } else { self = .calendar(String(stored.dropFirst(9))) }
        }

        var stored: String {
            switch self {
            case .calendar(let link): "calendar:" + link
            case .webhookSecret(let secret): "webhook:" + secret
            }
        }
    }

    struct WebhookRow: Equatable {
        let id: UUID
        let url: String
        let createdBy: String
        let createdAt: Date?

        init(_ webhook: Webhook) {
            id = webhook.id ?? SiteURL.anyID
            url = webhook.url
            createdBy = webhook.createdBy
            createdAt = webhook.createdAt
        }

        init(id: UUID, url: String, createdBy: String, createdAt: Date?) {
            self.id = id
            self.url = url
            self.createdBy = createdBy
            self.createdAt = createdAt
        }
    }

    struct DeliveryRow: Equatable {
        let event: String
        let webhookHost: String
        let status: WebhookDelivery.Status
        let attempts: Int
        let lastStatusCode: Int?
        let lastError: String?
        let createdAt: Date
        let nextAttemptAt: Date

        init(_ delivery: WebhookDelivery) {
            event = delivery.event
            webhookHost = delivery.$webhook.value.flatMap { URL(string: $0.url)?.host } ?? ""
            status = delivery.status
            attempts = delivery.attempts
            lastStatusCode = delivery.lastStatusCode
            lastError = delivery.lastError
            createdAt = delivery.createdAt
            nextAttemptAt = delivery.nextAttemptAt
        }
    }

    struct Model {
        let organizationID: UUID
        let calendarIssued: Bool
        let webhooks: [WebhookRow]
        let deliveries: Page<DeliveryRow>
        let revealed: Revealed?
        let form: FormState

        static var mock: Model {
            Model(organizationID: SiteURL.anyID, calendarIssued: true,
                  webhooks: [WebhookRow(id: SiteURL.anyID, url: "https://hooks.example.jp/mamori?<x>", createdBy: "山田 太郎", createdAt: Date())],
                  deliveries: Page(items: [], metadata: PageMetadata(page: 1, per: 50, total: 0)), revealed: nil, form: FormState())
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let org = model.organizationID
        return Layout.page(title: t(L.Reminders.title), context: context) {
            heading(1, t(L.Reminders.title))
            paragraph(t(L.Reminders.lead), class: "lead")
            FormField.errorSummary(model.form, context: context)
            calendarSection(model, context: context)
            webhooksSection(model, context: context)
            El("section", [("class", "card card-wide"), ("aria-labelledby", "deliveries")]) {
                heading(2, t(L.Reminders.deliveriesTitle), id: "deliveries")
                if model.deliveries.items.isEmpty {
                    paragraph(t(L.Reminders.deliveriesNone), class: "hint")
                } else {
                    deliveriesTable(model.deliveries.items, context: context)
                    pagination(model.deliveries, context: context) { SiteURL.reminders(organization: org, page: $0).path }
                }
            }
        }
    }

    private static func calendarSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let org = model.organizationID
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "calendar")]) {
            heading(2, t(L.Reminders.calendarTitle), id: "calendar")
            paragraph(t(L.Reminders.calendarLead), class: "hint")
            if case .calendar(let link) = model.revealed {
                CopyableSecret(label: t(L.Reminders.calendarLinkLabel), value: link, notice: t(L.Reminders.calendarCreated))
            }
            paragraph(t(model.calendarIssued ? L.Reminders.calendarActive : L.Reminders.calendarNone))
            div("button-row") {
                FormField.actionButton(t(model.calendarIssued ? L.Reminders.calendarRenew : L.Reminders.calendarCreate),
                                       action: SiteURL.remindersCalendar(organization: org).path, context: context)
                if model.calendarIssued {
                    FormField.actionButton(t(L.Reminders.calendarRevoke), action: SiteURL.remindersCalendarStop(organization: org).path, context: context, danger: true)
                }
            }
        }
    }

    private static func webhooksSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let org = model.organizationID
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "webhooks")]) {
            heading(2, t(L.Reminders.webhooksTitle), id: "webhooks")
            paragraph(t(L.Reminders.webhooksLead), class: "hint")
            if case .webhookSecret(let secret) = model.revealed {
                CopyableSecret(label: t(L.Reminders.webhookSecretLabel), value: secret, notice: t(L.Reminders.webhookAdded))
            }
            if model.webhooks.isEmpty {
                paragraph(t(L.Reminders.webhooksNone))
            } else {
                El("ul", [("class", "webhook-list")]) {
                    for webhook in model.webhooks {
                        El("li") {
                            El("code") { Text(webhook.url) }
                            div("button-row") {
                                El("span", [("class", "hint")]) { Text(t(L.Reminders.addedBy) + t(L.Common.colon) + webhook.createdBy) }
                                FormField.actionButton(t(L.Reminders.webhookTest), action: SiteURL.webhookTest(organization: org, webhook: webhook.id).path, context: context)
                                FormField.actionButton(t(L.Reminders.webhookRemove), action: SiteURL.webhookRemove(organization: org, webhook: webhook.id).path,
                                                       context: context, danger: true)
                            }
                        }
                    }
                }
            }
            El("form", [("method", "post"), ("action", SiteURL.webhooks(organization: org).path), ("novalidate", nil)]) {
                csrfField(context)
                FormField.input("url", label: t(L.Reminders.webhookURL), state: model.form, context: context,
                                options: .init(type: "url", required: true, hint: t(L.Reminders.webhookURLHint), maxLength: WebhookTarget.maximumLength))
                FormField.submit(t(L.Reminders.webhookAdd))
            }
            paragraph(t(L.Reminders.signatureHelp), class: "hint")
        }
    }

    private static func deliveriesTable(_ rows: [DeliveryRow], context: PageContext) -> Component {
        let t = context.t
        let labels = [L.Reminders.columnWhen, L.Reminders.columnEvent, L.Reminders.columnWebhook, L.Reminders.columnStatus, L.Reminders.columnResult].map(t)
        return El("table", [("class", "cards-on-phone")]) {
            tableHead(labels)
            El("tbody") {
                for row in rows {
                    El("tr") {
                        El("td", [("data-label", labels[0])]) { timeElement(row.createdAt, context) }
                        El("td", [("data-label", labels[1])]) { Text(t(L.Reminders.eventName(row.event))) }
                        El("td", [("data-label", labels[2])]) { Text(row.webhookHost) }
                        El("td", [("data-label", labels[3])]) { Text(t(L.Reminders.status(row.status, attempts: row.attempts))) }
                        El("td", [("data-label", labels[4])]) { result(row, context: context) }
                    }
                }
            }
        }
    }

    /// The last attempt in words the owner can act on; the exact error folded away beneath.
    private static func result(_ row: DeliveryRow, context: PageContext) -> Component {
        var parts: [String] = []
        if let code = row.lastStatusCode { parts.append("HTTP \(code)") }
        if let error = row.lastError { parts.append(context.t(L.Reminders.failure(error))) }
        if row.status == .pending && row.attempts > 0 {
            parts.append(context.t(L.Reminders.nextAttempt(DateText.dateTime(row.nextAttemptAt, context.locale))))
        }
        return ComponentGroup {
            Text(parts.isEmpty ? "—" : parts.joined(separator: context.t(L.Common.listSeparator)))
            if let error = row.lastError {
                El("details", [("class", "technical")]) {
                    El("summary") { Text(context.t(L.Reminders.technicalDetail)) }
                    El("code") { Text(error) }
                }
            }
        }
    }
}
