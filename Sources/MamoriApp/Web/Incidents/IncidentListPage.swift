import Fluent
import Foundation
import MamoriCore
import Plot

/// An organization's incidents, newest first, one page at a time.
enum IncidentListPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        var incidents: Page<Row>

        static var mock: Model {
            Model(organizationID: SiteURL.anyID, incidents: Page(items: [
                Row(id: UUID(), detectedAt: Date(), title: "サーバーが<暗号化>された", kind: .ransomware, severity: .critical, status: .open, currentStep: 2),
                Row(id: UUID(), detectedAt: Date().addingTimeInterval(-86_400 * 30), title: "ノートPCの紛失", kind: .lossTheft, severity: .medium, status: .closed, currentStep: 3),
            ], metadata: PageMetadata(page: 1, per: 25, total: 2)))
        }
    }

    /// One incident as the list shows it.
    struct Row {
        var id: UUID
        var detectedAt: Date
        var title: String
        var kind: IncidentKind
        var severity: Incident.Severity
        var status: Incident.Status
        var currentStep: Int
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let page = model.incidents
        let organizationID = model.organizationID
        let steps = PlaybookContent.bundled.steps
        return Layout.page(title: t(L.Incident.incidentsTitle), context: context) {
            heading(1, t(L.Incident.incidentsTitle))
            paragraph(t(L.Incident.incidentsLead), class: "lead")
            div("actions") {
                link(t(L.Incident.newIncident), to: SiteURL.newIncident(organization: organizationID).path, [("class", "button")])
                link(t(L.Help.navFirstAid), to: SiteURL.firstAid.path, [("class", "button secondary")])
            }
            if page.items.isEmpty {
                paragraph(t(L.Incident.noIncidents), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead([L.Incident.detectedAt, L.Incident.incidentTitle, L.Incident.incidentKindLabel, L.Incident.severityLabel, L.Organization.status, L.Incident.currentStep].map(t))
                        El("tbody") {
                            for incident in page.items {
                                El("tr") {
                                    El("td", [("data-label", t(L.Incident.detectedAt))]) { timeElement(incident.detectedAt, context) }
                                    El("td", [("data-label", t(L.Incident.incidentTitle))]) { link(incident.title, to: SiteURL.incident(organization: organizationID, incident: incident.id).path) }
                                    El("td", [("data-label", t(L.Incident.incidentKindLabel))]) { Text(t(L.Incident.incidentKind(incident.kind))) }
                                    El("td", [("data-label", t(L.Incident.severityLabel))]) { Text(t(L.Incident.severity(incident.severity))) }
                                    El("td", [("data-label", t(L.Organization.status))]) { Text(t(incident.status == .open ? L.Incident.statusOpen : L.Incident.statusClosed)) }
                                    // The step's name with its number, as on the incident page ("1. 検知・対応判断").
                                    El("td", [("data-label", t(L.Incident.currentStep))]) {
                                        Text("\(incident.currentStep). " + (steps.first { $0.number == incident.currentStep }.map { t($0.title) } ?? ""))
                                    }
                                }
                            }
                        }
                    }
                }
                pagination(page, context: context) { SiteURL.incidents(organization: organizationID, page: $0).path }
            }
        }
    }
}

extension IncidentListPage.Row {
    init(_ incident: Incident) {
        self.init(id: incident.id!, detectedAt: incident.detectedAt, title: incident.title, kind: incident.kind, severity: incident.severity,
                  status: incident.status, currentStep: incident.currentStep)
    }
}
