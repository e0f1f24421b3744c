import Fluent
import Foundation
import MamoriCore
import Plot

enum AuditPage {
    struct Model {
        var entries: Page<AuditEntry>
        var filter: AuditLog.Filter
        /// People to filter by (the organization's users, or everyone for the office).
        var people: [User]
        var isOffice: Bool
        var url: (AuditLog.Filter, Int) -> SiteURL
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.auditTitle), context: context) {
            heading(1, t(L.auditTitle))
            paragraph(t(model.isOffice ? L.auditOfficeLead : L.auditLead), class: "lead")
            El("form", [("method", "get"), ("action", model.url(.init(), 1).path), ("class", "filters")]) {
                FormField.select("user", label: t(L.auditFilterUser),
                             choices: model.people.map { ($0.id!.uuidString, "\($0.displayName) <\($0.email)>") },
                             state: FormState(values: ["user": model.filter.actorID?.uuidString ?? ""]), context: context, required: false)
                FormField.select("action", label: t(L.auditFilterAction),
                             choices: AuditAction.allCases.map { ($0.rawValue, t(L.auditActionName($0.rawValue))) },
                             state: FormState(values: ["action": model.filter.action ?? ""]), context: context, required: false)
                FormField.submit(t(L.auditFilterSubmit), secondary: true)
            }
            if model.entries.items.isEmpty {
                paragraph(t(L.auditEmpty), class: "muted")
            } else {
                El("table", [("class", "cards-on-phone")]) {
                    tableHead([L.auditWhen, L.auditWho, L.auditWhat, L.auditDetails].map(t))
                    El("tbody") {
                        for entry in model.entries.items {
                            let summary = model.isOffice && AuditLog.isPrivateToOrganization(entry) ? t(L.auditPrivateToOrganization) : entry.summary(context.locale)
                            El("tr") {
                                El("td", [("data-label", t(L.auditWhen))]) { timeElement(entry.createdAt, context) }
                                El("td", [("data-label", t(L.auditWho))]) { Text(entry.actorEmail) }
                                El("td", [("data-label", t(L.auditWhat))]) { Text(t(L.auditActionName(entry.action))) }
                                El("td", [("data-label", t(L.auditDetails))]) { Text(summary.isEmpty ? "—" : summary) }
                            }
                        }
                    }
                }
                pagination(model.entries, context: context) { model.url(model.filter, $0).path }
            }
        }
    }
}
