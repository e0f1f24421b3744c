import Fluent
import Foundation
import MamoriCore
import Plot

enum AuditPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var entries: Page<Entry>
        var filter: AuditLog.Filter
        /// People to filter by (the organization's users, or everyone for the office).
        var people: [Person]
        var isOffice: Bool
        var url: (AuditLog.Filter, Int) -> SiteURL

        static var mock: Model {
            let note = "経理の<新人>"   // typed by the owner, the same in both languages
            let entries = [
                Entry(createdAt: Date(), actorEmail: "owner@example.jp", action: AuditAction.incidentOpened.rawValue,
                      summary: LocalizedText(ja: "インシデント「<暗号化>」を記録", en: "Recorded incident \"<encrypted>\""), isPrivateToOrganization: true),
                Entry(createdAt: Date(), actorEmail: "owner@example.jp", action: AuditAction.invitationCreated.rawValue,
                      summary: LocalizedText(ja: "メモ: \(note)", en: "note: \(note)"), isPrivateToOrganization: false),
            ]
            return Model(entries: Page(items: entries, metadata: PageMetadata(page: 1, per: 50, total: entries.count)), filter: .init(),
                         people: [Person(id: SiteURL.anyID, displayName: "山田 <太郎>", email: "owner@example.jp")], isOffice: false) {
                .audit(organization: SiteURL.anyID, filter: $0, page: $1)
            }
        }
    }

    /// An entry as the log shows it.
    struct Entry {
        var createdAt: Date
        var actorEmail: String
        var action: String
        /// The summary in both languages (the English one falls back to the Japanese).
        var summary: LocalizedText
        /// Entries about an organization's incidents: the office sees that they exist, not what they say.
        var isPrivateToOrganization: Bool
    }

    /// Someone the log can be filtered by.
    struct Person {
        var id: UUID
        var displayName: String
        var email: String
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.Organization.auditTitle), context: context) {
            heading(1, t(L.Organization.auditTitle))
            paragraph(t(model.isOffice ? L.Organization.auditOfficeLead : L.Organization.auditLead), class: "lead")
            El("form", [("method", "get"), ("action", model.url(.init(), 1).path), ("class", "filters")]) {
                FormField.select("user", label: t(L.Organization.auditFilterUser),
                             choices: model.people.map { ($0.id.uuidString, "\($0.displayName) <\($0.email)>") },
                             state: FormState(values: ["user": model.filter.actorID?.uuidString ?? ""]), context: context, required: false)
                FormField.select("action", label: t(L.Organization.auditFilterAction),
                             choices: AuditAction.allCases.map { ($0.rawValue, t(L.Organization.auditActionName($0.rawValue))) },
                             state: FormState(values: ["action": model.filter.action ?? ""]), context: context, required: false)
                FormField.submit(t(L.Organization.auditFilterSubmit), secondary: true)
            }
            if model.entries.items.isEmpty {
                paragraph(t(L.Organization.auditEmpty), class: "muted")
            } else {
                El("table", [("class", "cards-on-phone")]) {
                    tableHead([L.Organization.auditWhen, L.Organization.auditWho, L.Organization.auditWhat, L.Organization.auditDetails].map(t))
                    El("tbody") {
                        for entry in model.entries.items {
                            let summary = model.isOffice && entry.isPrivateToOrganization ? t(L.Organization.auditPrivateToOrganization) : t(entry.summary)
                            El("tr") {
                                El("td", [("data-label", t(L.Organization.auditWhen))]) { timeElement(entry.createdAt, context) }
                                El("td", [("data-label", t(L.Organization.auditWho))]) { Text(entry.actorEmail) }
                                El("td", [("data-label", t(L.Organization.auditWhat))]) { Text(t(L.Organization.auditActionName(entry.action))) }
                                El("td", [("data-label", t(L.Organization.auditDetails))]) { Text(summary.isEmpty ? "—" : summary) }
                            }
                        }
                    }
                }
                pagination(model.entries, context: context) { model.url(model.filter, $0).path }
            }
        }
    }
}

extension AuditPage.Entry {
    init(_ entry: AuditEntry) {
        self.init(createdAt: entry.createdAt, actorEmail: entry.actorEmail, action: entry.action,
                  summary: LocalizedText(ja: entry.summary(.ja), en: entry.summary(.en)), isPrivateToOrganization: AuditLog.isPrivateToOrganization(entry))
    }
}

extension AuditPage.Person {
    init(_ user: User) {
        self.init(id: user.id!, displayName: user.displayName, email: user.email)
    }
}
