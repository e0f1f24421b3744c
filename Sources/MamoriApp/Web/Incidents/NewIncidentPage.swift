import Foundation
import MamoriCore
import Plot

/// The form that opens an incident.
enum NewIncidentPage {
    static func render(organizationID: UUID, form: FormState, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.Incident.newIncident), context: context) {
            div("narrow") {
                heading(1, t(L.Incident.newIncident))
                FormField.errorSummary(form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidents(organization: organizationID).path)]) {
                    csrfField(context)
                    FormField.select("kind", label: t(L.Incident.incidentKindLabel), choices: IncidentKind.allCases.map { ($0.rawValue, t(L.Incident.incidentKind($0))) }, state: form, context: context)
                    FormField.input("title", label: t(L.Incident.incidentTitle), state: form, context: context, options: .init(required: true, maxLength: TextLimit.line))
                    FormField.input("detectedAt", label: t(L.Incident.detectedAt), state: form, context: context, options: .init(kind: .dateTime, required: true))
                    FormField.select("severity", label: t(L.Incident.severityLabel), choices: Incident.Severity.allCases.map { ($0.rawValue, t(L.Incident.severity($0))) }, state: form, context: context)
                    FormField.submit(t(L.Incident.openIncident))
                }
            }
        }
    }
}
