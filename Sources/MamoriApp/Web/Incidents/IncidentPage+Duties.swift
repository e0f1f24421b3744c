import Foundation
import MamoriCore
import Plot

extension IncidentPage {
    static func dutiesSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        let (result, statuses) = model.duties
        return El("section", [("class", "card card-wide"), ("id", "duties")]) {
            heading(2, t(L.Incident.dutiesTitle))
            let ppcDone = statuses.filter { [.ppc, .ministry].contains($0.duty.recipient) && $0.duty.required }.allSatisfy { $0.done != nil }
            El("p", [("class", result.reportableToPPC && !ppcDone ? "notice notice-warning" : "notice")]) {
                Text(t(!result.reportableToPPC ? L.Incident.notReportableToPPC : ppcDone ? L.Incident.ppcReported : L.Incident.reportableToPPC))
            }
            El("ul", [("class", "duties")]) {
                for status in statuses {
                    let duty = status.duty
                    El("li", [("class", "duty" + (status.overdue ? " overdue" : status.dueSoon ? " due-soon" : "")), ("data-duty", "\(duty.recipient.rawValue)-\(duty.action.rawValue)")]) {
                        El("strong") { Text(t(L.Incident.recipient(duty.recipient)) + (duty.authority.map { t(L.Common.parenthesized($0)) } ?? "") + " — " + t(L.Incident.dutyAction(duty.action))) }
                        Text(" ")
                        El("span", [("class", "status-tag " + (duty.required ? "unmet" : "met"))]) { Text(t(duty.required ? L.Incident.required : L.Incident.recommended)) }
                        if status.overdue { El("span", [("class", "status-tag danger-tag")]) { Text(t(L.Incident.overdue)) } }
                        else if status.dueSoon { El("span", [("class", "status-tag unmet")]) { Text(t(L.Incident.dueSoon)) } }
                        El("p") {
                            Text(t(L.Incident.dueBy) + t(L.Common.colon))
                            if let due = duty.due {
                                El("time", [("datetime", due.day.description)]) { Text(DateText.calendarDate(due.day.description, context.locale)) }
                                if due.countedDays > 0 { El("span", [("class", "hint")]) { Text(" — " + t(L.Incident.dueComputation(due, aware: Day(incident.awareAt), locale: context.locale))) } }
                            } else {
                                Text(t(L.Incident.promptly))
                            }
                        }
                        paragraph(t(L.Incident.basis(duty.basis)), class: "hint")
                        for contactID in duty.contactIDs.prefix(1) {
                            if let contact = ContactDirectory.bundled.contact(contactID) {
                                El("p", [("class", "hint")]) {
                                    Text(t(contact.name) + " ")
                                    if let phone = contact.phone { Text(phone + " ") }
                                    if let url = contact.url { El("a", [("href", safeHref(url)), ("rel", "noopener noreferrer")]) { Text(url) } }
                                }
                            }
                        }
                        if let done = status.done {
                            El("p", [("class", "ready")]) { Text(t(L.Incident.doneRecord(DateText.calendarDate(done.doneOn, context.locale), done.doneBy)) + (done.reference.isEmpty ? "" : " · \(done.reference)")) }
                            if incident.status == .open {
                                FormField.actionButton(t(L.Incident.undoDuty), action: SiteURL.incidentDutyUndo(organization: incident.organizationID, incident: incident.id,
                                                                                                       recipient: duty.recipient.rawValue, action: duty.action.rawValue).path, context: context)
                            }
                        } else if incident.status == .open {
                            let key = "\(duty.recipient.rawValue)-\(duty.action.rawValue)"
                            let failed = model.dutyForm?.key == key ? model.dutyForm?.state : nil
                            let dateError = failed?.errors["doneOn"].map(t)
                            El("form", [("method", "post"), ("action", SiteURL.incidentDuty(organization: incident.organizationID, incident: incident.id,
                                                                                              recipient: duty.recipient.rawValue, action: duty.action.rawValue).path),
                                        ("class", "check-form"), ("id", "duty-\(key)")]) {
                                csrfField(context)
                                // Each label stays with its field when the row wraps on a phone; the date's example sits in its label.
                                // Only the date is marked when the date is refused.
                                El("span", [("class", "check-field" + (dateError == nil ? "" : " field-invalid"))]) {
                                    El("label", [("for", "done-\(key)")]) {
                                        Text(t(L.Incident.doneOn) + " ")
                                        El("span", [("class", "hint"), ("id", "done-\(key)-format")]) { Text(t(L.DateEntry.dateExample)) }
                                    }
                                    El.void("input", dutyDateAttributes(key: key, typed: failed?.values["doneOn"], invalid: dateError != nil))
                                }
                                El("span", [("class", "check-field")]) {
                                    El("label", [("for", "reference-\(key)")]) { Text(t(L.Incident.referenceNumber)) }
                                    El.void("input", dutyReferenceAttributes(key: key, typed: failed?.values["reference"]))
                                }
                                El("button", [("type", "submit"), ("class", "button small secondary")]) { Text(t(L.Incident.recordDone)) }
                                if let dateError { El("p", [("class", "error"), ("id", "done-\(key)-error"), ("role", "alert")]) { Text(dateError) } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The date a duty was done, typed in the page's format (a text field: see
    /// `FormField.InputKind`; the server refuses future dates); typed again after a refusal,
    /// marked invalid and focused.
    private static func dutyDateAttributes(key: String, typed: String?, invalid: Bool) -> [(String, String?)] {
        var attributes: [(String, String?)] = [("type", "text"), ("id", "done-\(key)"), ("name", "doneOn"), ("inputmode", "numeric"),
                                               ("autocomplete", "off"), ("maxlength", "40"), ("required", nil)]
        if let typed { attributes.append(("value", typed)) }
        if invalid {
            attributes.append(("aria-invalid", "true"))
            attributes.append(("aria-describedby", "done-\(key)-format done-\(key)-error"))
            attributes.append(("autofocus", nil))
        } else {
            attributes.append(("aria-describedby", "done-\(key)-format"))
        }
        return attributes
    }

    private static func dutyReferenceAttributes(key: String, typed: String?) -> [(String, String?)] {
        var attributes: [(String, String?)] = [("type", "text"), ("id", "reference-\(key)"), ("name", "reference"), ("maxlength", String(TextLimit.line))]
        if let typed { attributes.append(("value", typed)) }
        return attributes
    }
}
