import Foundation
import MamoriCore
import Plot

extension IncidentPage {
    static func recordSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        let items = PlaybookContent.bundled.recordItems
        let state = model.recordForm.values.isEmpty ? FormState(values: incident.recordValues, errors: model.recordForm.errors) : model.recordForm
        func label(_ number: Int) -> String { "\(number). " + t(items[number - 1].title) }
        func hint(_ number: Int) -> String { t(items[number - 1].hint) }
        return El("section", [("class", "card card-wide"), ("id", "record")]) {
            heading(2, t(L.Incident.recordTitle))
            FormField.errorSummary(model.recordForm, context: context)
            El("form", [("method", "post"), ("action", SiteURL.incidentRecord(organization: incident.organizationID, incident: incident.id).path)]) {
                csrfField(context)
                FormField.input("title", label: t(L.Incident.incidentTitle), state: state, context: context, options: .init(required: true, maxLength: TextLimit.line))
                FormField.select("severity", label: t(L.Incident.severityLabel), choices: Incident.Severity.allCases.map { ($0.rawValue, t(L.Incident.severity($0))) }, state: state, context: context)
                FormField.input("categoryNote", label: label(1) + t(L.Common.parenthesized(t(L.Incident.incidentKind(incident.kind)))), state: state, context: context, options: .init(hint: hint(1), maxLength: TextLimit.shortText))
                FormField.input("clientName", label: label(2), state: state, context: context, options: .init(hint: hint(2), maxLength: TextLimit.line))
                FormField.input("responsibleName", label: label(3), state: state, context: context, options: .init(hint: hint(3), maxLength: TextLimit.name))
                FormField.input("responsibleDepartment", label: t(L.Incident.department), state: state, context: context, options: .init(maxLength: TextLimit.name))
                FormField.textArea("teamMembers", label: t(L.Incident.teamMembersLabel), state: state, context: context, maxLength: TextLimit.text)
                El("p", [("class", "hint")]) { Text(label(4) + t(L.Common.colon) + DateText.dateTime(incident.detectedAt, context.locale)) }
                FormField.input("occurredAt", label: label(5), state: state, context: context, options: .init(kind: .dateTime, hint: hint(5)))
                FormField.textArea("observedImpact", label: label(6), state: state, context: context)
                El("p", [("class", "hint")]) { Text(label(7) + t(L.Common.colon) + t(L.Incident.seeTimeline)) }
                FormField.textArea("suspectedCause", label: label(8), state: state, context: context)
                FormField.textArea("affectedAssets", label: label(9), state: state, context: context)
                FormField.textArea("securityTools", label: label(10), state: state, context: context, maxLength: TextLimit.text)
                if incident.personalDataInvolved || incident.kind == .informationLeak || incident.kind == .lossTheft {
                    FormField.textArea("leakedItems", label: t(L.Incident.leakedItemsLabel), state: state, context: context, maxLength: TextLimit.text)
                    FormField.textArea("secondaryDamage", label: t(L.Incident.secondaryDamageLabel), state: state, context: context)
                }
                if context.principal?.isOwner == true {
                    FormField.textArea("responsePolicy", label: t(L.Incident.responsePolicyLabel), state: state, context: context)
                } else {
                    div("field") {
                        El("p") { El("strong") { Text(t(L.Incident.responsePolicyLabel)) } }
                        El("p", [("class", "preserve-lines")]) { Text(incident.responsePolicy.isEmpty ? "—" : incident.responsePolicy) }
                        if let error = state.errors["responsePolicy"] { El("p", [("class", "error")]) { Text(t(error)) } }
                    }
                }
                El("fieldset") {
                    El("legend") { Text(t(L.Incident.factsTitle)) }
                    FormField.input("awareAt", label: t(L.Incident.awareAtLabel), state: state, context: context, options: .init(kind: .dateTime, required: true))
                    for field in IncidentService.flagFields {
                        FormField.checkbox(field.key, label: t(L.Incident.flag(field.key)), checked: false, state: state, context: context)
                    }
                    FormField.input("persons", label: t(L.Incident.personsLabel), state: state, context: context,
                                    options: .init(hint: t(L.Incident.personsHint), inputMode: "numeric"))
                    FormField.input("ppcDelegatedTo", label: t(L.Incident.ppcDelegatedLabel), state: state, context: context, options: .init(maxLength: TextLimit.name))
                }
                if incident.status == .open { FormField.submit(t(L.Incident.saveRecord)) }
            }
        }
    }

    static func closeSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "close")]) {
            heading(2, t(L.Incident.closeTitle))
            if incident.status == .closed {
                paragraph(t(L.Incident.causeSummaryLabel) + t(L.Common.colon) + incident.causeSummary)
                El("ul") { for measure in model.measures { El("li") { Text(measure) } } }
            } else {
                FormField.errorSummary(model.closeForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidentClose(organization: incident.organizationID, incident: incident.id).path)]) {
                    csrfField(context)
                    FormField.textArea("causeSummary", label: t(L.Incident.causeSummaryLabel), state: model.closeForm, context: context, required: true)
                    FormField.textArea("measures", label: t(L.Incident.measuresLabel), state: model.closeForm, context: context, required: true)
                    FormField.submit(t(L.Incident.closeSubmit), secondary: true)
                }
            }
        }
    }
}
