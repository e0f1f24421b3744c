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
        return Layout.page(title: t(L.Organization.auditTitle), context: context) {
            heading(1, t(L.Organization.auditTitle))
            paragraph(t(model.isOffice ? L.Organization.auditOfficeLead : L.Organization.auditLead), class: "lead")
            El("form", [("method", "get"), ("action", model.url(.init(), 1).path), ("class", "filters")]) {
                FormField.select("user", label: t(L.Organization.auditFilterUser),
                             choices: model.people.map { ($0.id!.uuidString, "\($0.displayName) <\($0.email)>") },
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
                            let summary = model.isOffice && AuditLog.isPrivateToOrganization(entry) ? t(L.Organization.auditPrivateToOrganization) : entry.summary(context.locale)
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
