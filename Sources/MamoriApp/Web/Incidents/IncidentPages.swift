import Fluent
import Foundation
import MamoriCore
import Plot

enum IncidentListPage {
    static func render(_ page: Page<Incident>, organizationID: UUID, context: PageContext) -> String {
        let t = context.t
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
                                    El("td", [("data-label", t(L.Incident.incidentTitle))]) { link(incident.title, to: SiteURL.incident(organization: organizationID, incident: incident.id!).path) }
                                    El("td", [("data-label", t(L.Incident.incidentKindLabel))]) { Text(t(L.Incident.incidentKind(incident.kind))) }
                                    El("td", [("data-label", t(L.Incident.severityLabel))]) { Text(t(L.Incident.severity(incident.severity))) }
                                    El("td", [("data-label", t(L.Organization.status))]) { Text(t(incident.status == .open ? L.Incident.statusOpen : L.Incident.statusClosed)) }
                                    El("td", [("class", "number"), ("data-label", t(L.Incident.currentStep))]) { Text(String(incident.currentStep)) }
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

enum IncidentPage {
    struct Model {
        var incident: Incident
        var checks: [String: IncidentCheck]
        var timeline: [TimelineEntry]
        var evidence: [EvidenceFile]
        var duties: (NotificationDuties.Result, [IncidentService.DutyStatus])
        var measures: [IncidentMeasure]
        /// Saved report versions per report kind (one query for all kinds).
        var reports: [String: IncidentReportService.KindStatus] = [:]
        var recordForm: FormState = .empty
        /// A refused form of this page shows again with what was typed and its errors.
        var closeForm: FormState = .empty
        var timelineForm: FormState = .empty
        var dutyForm: (key: String, state: FormState)?
        var checkError: (point: String, message: LocalizedText)?
        var verification: Int?? = nil

        /// The chain checked on every view: a few hundred hashes cost less than a query.
        var chainBreak: Int? {
            HashChain.firstBroken(timeline.map { .init(content: $0.chainContent, previousHash: $0.previousHash, hash: $0.hash) })
        }
    }

    /// Where each part of the page starts, for the jump links.
    static let sections: [(id: String, title: LocalizedText)] = [
        ("step-1", L.Incident.incidentStepsJump), ("duties", L.Incident.dutiesTitle), ("reports", L.Incident.reportsTitle), ("record", L.Incident.recordTitle),
        ("timeline", L.Incident.timelineTitle), ("evidence", L.Incident.evidenceTitle), ("close", L.Incident.closeTitle),
    ]

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let incident = model.incident
        let orgID = incident.$organization.id
        let id = incident.id!
        let content = PlaybookContent.bundled
        let playbook = content.playbook(for: incident.kind)
        let isOpen = incident.status == .open
        return Layout.page(title: incident.title, context: context) {
            heading(1, incident.title)
            El("p", [("class", "lead")]) {
                Text(t(L.Incident.incidentKind(incident.kind)) + " · " + t(L.Incident.severity(incident.severity)) + " · ")
                El("strong", [("data-status", incident.status.rawValue)]) { Text(t(isOpen ? L.Incident.statusOpen : L.Incident.statusClosed)) }
            }
            if !isOpen { El("p", [("class", "notice")]) { Text(t(L.Incident.incidentIsClosed)) } }
            summaryCard(model, context: context)
            El("nav", [("class", "jump-links no-print"), ("aria-label", t(L.Incident.incidentJumpLinks))]) {
                El("ul") { for section in sections { El("li") { link(t(section.title), to: "#" + section.id) } } }
            }

            // The three steps with the playbook of this kind.
            for step in content.steps {
                let points = playbook.points.filter { $0.step == step.number }
                let done = points.filter { model.checks[$0.id] != nil }.count
                El("section", [("class", "card card-wide step" + (incident.currentStep == step.number ? " current-step" : "")), ("id", "step-\(step.number)")]) {
                    El("h2") {
                        Text("\(step.number). " + t(step.title) + " ")
                        El("span", [("class", "hint")]) { Text(t(L.Incident.stepProgress(done, points.count))) }
                    }
                    paragraph(t(step.summary), class: "hint")
                    if isOpen && incident.currentStep != step.number {
                        FormField.actionButton(t(L.Incident.moveToStep), action: SiteURL.incidentStep(organization: orgID, incident: id, step: step.number).path, context: context)
                    }
                    El("ol", [("class", "playbook")]) {
                        for point in points {
                            let check = model.checks[point.id]
                            El("li", [("class", "point " + (check.map { $0.state.rawValue } ?? "open")), ("id", "point-\(point.id)")]) {
                                El("strong") { Text(t(point.title)) }
                                paragraph(t(point.detail), class: "hint")
                                // The contacts that help at this point, from the directory.
                                let contacts = point.contactIds.compactMap(ContactDirectory.bundled.contact)
                                if !contacts.isEmpty {
                                    El("ul", [("class", "point-contacts")]) {
                                        for contact in contacts {
                                            El("li") {
                                                Text(t(contact.name) + " ")
                                                if let phone = contact.phone { El("a", [("href", "tel:" + phone.filter { $0.isNumber })]) { Text(phone) } }
                                                if let url = contact.url { Text(" "); El("a", [("href", safeHref(url)), ("rel", "noopener noreferrer")]) { Text(t(L.Help.website)) } }
                                            }
                                        }
                                    }
                                }
                                if let failed = model.checkError, failed.point == point.id {
                                    El("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("autofocus", nil)]) { Text(t(failed.message)) }
                                }
                                if let check {
                                    El("p", [("class", "check-state")]) {
                                        El("span", [("class", "status-tag met")]) { Text(t(check.state == .done ? L.Incident.markDone : L.Incident.markNotApplicable)) }
                                        Text(" \(check.byName) · ")
                                        timeElement(check.at, context)
                                        if !check.note.isEmpty { Text(" — " + check.note) }
                                    }
                                }
                                if isOpen {
                                    El("form", [("method", "post"), ("action", SiteURL.incidentCheck(organization: orgID, incident: id, point: point.id).path), ("class", "check-form")]) {
                                        csrfField(context)
                                        El("label", [("for", "note-\(point.id)"), ("class", "visually-hidden")]) { Text(t(L.Incident.checkNote)) }
                                        El.void("input", [("type", "text"), ("id", "note-\(point.id)"), ("name", "note"), ("maxlength", String(TextLimit.text)), ("placeholder", t(L.Incident.checkNoteShort))])
                                        El("button", [("type", "submit"), ("name", "state"), ("value", "done"), ("class", "button small")]) { Text(t(L.Incident.markDone)) }
                                        El("button", [("type", "submit"), ("name", "state"), ("value", "not_applicable"), ("class", "button small secondary")]) { Text(t(L.Incident.markNotApplicable)) }
                                        if check != nil {
                                            El("button", [("type", "submit"), ("name", "state"), ("value", "clear"), ("class", "button small secondary")]) { Text(t(L.Incident.clearMark)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            dutiesSection(model, context: context)
            El("section", [("class", "card card-wide"), ("id", "reports")]) {
                heading(2, t(L.Incident.reportsTitle))
                El("ul") {
                    for report in reportsListed(model) {
                        El("li") {
                            link(t(report.title), to: SiteURL.incidentReport(organization: orgID, incident: id, report: report.rawValue).path)
                            El("span", [("class", "muted")]) { Text(" — " + reportStatusLine(model.reports[report.rawValue], context: context)) }
                        }
                    }
                }
            }
            recordSection(model, context: context)
            timelineSection(model, context: context)
            evidenceSection(model, context: context)
            closeSection(model, context: context)
        }
    }

    /// What a person arriving at the page needs first: the step, the duties still open with
    /// their dates, and whether the timeline verifies.
    private static func summaryCard(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        let steps = PlaybookContent.bundled.steps
        let open = model.duties.1.filter { $0.done == nil && ($0.duty.required || $0.dueSoon) }
        let broken = model.chainBreak
        return El("section", [("class", "card card-wide incident-summary"), ("aria-labelledby", "summary-title")]) {
            heading(2, t(L.Incident.incidentSummaryTitle), id: "summary-title")
            El("dl", [("class", "summary-facts")]) {
                El("dt") { Text(t(L.Incident.currentStep)) }
                El("dd") {
                    let step = steps.first { $0.number == incident.currentStep }
                    link("\(incident.currentStep). " + (step.map { t($0.title) } ?? ""), to: "#step-\(incident.currentStep)")
                }
                El("dt") { Text(t(L.Incident.incidentOpenDuties)) }
                El("dd") {
                    if open.isEmpty {
                        Text(t(L.Incident.incidentNoOpenDuties))
                    } else {
                        El("ul", [("class", "plain")]) {
                            for status in open {
                                El("li") {
                                    link(t(L.Incident.recipient(status.duty.recipient)) + " — " + t(L.Incident.dutyAction(status.duty.action)),
                                         to: "#duty-\(status.duty.recipient.rawValue)-\(status.duty.action.rawValue)")
                                    Text(" ")
                                    if let due = status.duty.due {
                                        El("time", [("datetime", due.day.description)]) { Text(DateText.calendarDate(due.day.description, context.locale)) }
                                    } else {
                                        Text(t(L.Incident.promptly))
                                    }
                                    if status.overdue { Text(" "); El("span", [("class", "status-tag danger-tag")]) { Text(t(L.Incident.overdue)) } }
                                    else if status.dueSoon { Text(" "); El("span", [("class", "status-tag unmet")]) { Text(t(L.Incident.dueSoon)) } }
                                }
                            }
                        }
                    }
                }
                El("dt") { Text(t(L.Incident.timelineTitle)) }
                El("dd") {
                    if let broken {
                        El("strong", [("class", "danger")]) { Text(t(L.Incident.chainBroken(broken))) }
                    } else {
                        Text(t(L.Incident.incidentChainVerified(model.timeline.count)))
                    }
                }
            }
        }
    }

    private static func dutiesSection(_ model: Model, context: PageContext) -> Component {
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
                                FormField.actionButton(t(L.Incident.undoDuty), action: SiteURL.incidentDutyUndo(organization: incident.$organization.id, incident: incident.id!,
                                                                                                       recipient: duty.recipient.rawValue, action: duty.action.rawValue).path, context: context)
                            }
                        } else if incident.status == .open {
                            let key = "\(duty.recipient.rawValue)-\(duty.action.rawValue)"
                            let failed = model.dutyForm?.key == key ? model.dutyForm?.state : nil
                            let dateError = failed?.errors["doneOn"].map(t)
                            El("form", [("method", "post"), ("action", SiteURL.incidentDuty(organization: incident.$organization.id, incident: incident.id!,
                                                                                              recipient: duty.recipient.rawValue, action: duty.action.rawValue).path),
                                        ("class", "check-form" + (dateError == nil ? "" : " field-invalid")), ("id", "duty-\(key)")]) {
                                csrfField(context)
                                // Each label stays with its field when the row wraps on a phone; the date's example sits in its label.
                                El("span", [("class", "check-field")]) {
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

    private static func recordSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        let items = PlaybookContent.bundled.recordItems
        var values: [String: String] = [:]
        for field in IncidentService.textFields { values[field.key] = incident[keyPath: field.path] }
        for field in IncidentService.flagFields where incident[keyPath: field.path] { values[field.key] = "on" }
        values["persons"] = String(incident.persons)
        values["occurredAt"] = incident.occurredAt.map(TokyoDateTime.format) ?? ""
        values["awareAt"] = TokyoDateTime.format(incident.awareAt)
        values["severity"] = incident.severity.rawValue
        values["ppcDelegatedTo"] = incident.ppcDelegatedTo ?? ""
        let state = model.recordForm.values.isEmpty ? FormState(values: values, errors: model.recordForm.errors) : model.recordForm
        func label(_ number: Int) -> String { "\(number). " + t(items[number - 1].title) }
        func hint(_ number: Int) -> String { t(items[number - 1].hint) }
        return El("section", [("class", "card card-wide"), ("id", "record")]) {
            heading(2, t(L.Incident.recordTitle))
            FormField.errorSummary(model.recordForm, context: context)
            El("form", [("method", "post"), ("action", SiteURL.incidentRecord(organization: incident.$organization.id, incident: incident.id!).path)]) {
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
                    FormField.input("persons", label: t(L.Incident.personsLabel), state: state, context: context, options: .init(inputMode: "numeric"))
                    FormField.input("ppcDelegatedTo", label: t(L.Incident.ppcDelegatedLabel), state: state, context: context, options: .init(maxLength: TextLimit.name))
                }
                if incident.status == .open { FormField.submit(t(L.Incident.saveRecord)) }
            }
        }
    }

    private static func timelineSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "timeline")]) {
            heading(2, t(L.Incident.timelineTitle))
            paragraph(t(L.Incident.timelineLead), class: "hint")
            if let verification = model.verification {
                if let broken = verification {
                    El("div", [("class", "flash flash-error"), ("role", "alert"), ("id", "verification")]) { Text(t(L.Incident.chainBroken(broken))) }
                } else {
                    El("div", [("class", "flash flash-success"), ("role", "status"), ("id", "verification")]) { Text(t(L.Incident.chainIntact)) }
                }
            }
            El("a", [("href", SiteURL.incidentVerify(organization: incident.$organization.id, incident: incident.id!).path + "#timeline"), ("class", "button small secondary")]) {
                Text(t(L.Incident.verifyChain))
            }
            El("ol", [("class", "timeline")]) {
                for entry in model.timeline {
                    El("li", [("value", String(entry.sequence)), ("data-sequence", String(entry.sequence))]) {
                        timeElement(entry.occurredAt, context)
                        Text(" ")
                        El("span", [("class", "entry-type")]) { Text(t(L.Incident.timelineType(entry.type))) }
                        Text(" " + t(L.Incident.timelineText(entry)) + " — " + entry.author)
                        if let corrects = entry.correctsSequence { El("span", [("class", "hint")]) { Text(" (→ #\(corrects))") } }
                        El("span", [("class", "hash"), ("title", entry.hash)]) { Text(" " + String(entry.hash.prefix(10)) + "…") }
                    }
                }
            }
            if incident.status == .open {
                FormField.errorSummary(model.timelineForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidentTimeline(organization: incident.$organization.id, incident: incident.id!).path)]) {
                    csrfField(context)
                    FormField.textArea("text", label: t(L.Incident.entryText), state: model.timelineForm, context: context, required: true, maxLength: TimelineNote.textMaximum)
                    FormField.input("occurredAt", label: t(L.Incident.entryOccurredAt), state: model.timelineForm, context: context, options: .init(kind: .dateTime))
                    FormField.input("corrects", label: t(L.Incident.correctsLabel), state: model.timelineForm, context: context, options: .init(inputMode: "numeric"))
                    FormField.submit(t(L.Incident.addEntry), secondary: true)
                }
            }
        }
    }

    private static func evidenceSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "evidence")]) {
            heading(2, t(L.Incident.evidenceTitle))
            paragraph(t(L.Incident.evidenceLead), class: "hint")
            El("ul", [("class", "attachments")]) {
                for file in model.evidence {
                    El("li") {
                        link(file.filename, to: SiteURL.incidentEvidenceFile(organization: incident.$organization.id, incident: incident.id!, evidence: file.id!).path)
                        El("span", [("class", "hint")]) { Text(" \(L.Incident.byteCount(file.size, context.locale)) · \(file.uploadedBy) · SHA-256 ") }
                        El("code", [("class", "hash")]) { Text(file.sha256) }
                    }
                }
            }
            if incident.status == .open {
                El("form", [("method", "post"), ("action", SiteURL.incidentEvidence(organization: incident.$organization.id, incident: incident.id!).path),
                            ("enctype", "multipart/form-data"), ("class", "upload")]) {
                    csrfField(context)
                    El("label", [("for", "evidence-file")]) { Text(t(L.Incident.evidenceFileLabel) + " ") }
                    El.void("input", [("type", "file"), ("id", "evidence-file"), ("name", "file"), ("required", nil)])
                    El("button", [("type", "submit"), ("class", "button small secondary")]) { Text(t(L.Incident.uploadEvidence)) }
                }
            }
        }
    }

    private static func closeSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "close")]) {
            heading(2, t(L.Incident.closeTitle))
            if incident.status == .closed {
                paragraph(t(L.Incident.causeSummaryLabel) + t(L.Common.colon) + incident.causeSummary)
                El("ul") { for measure in model.measures { El("li") { Text(measure.text) } } }
            } else {
                FormField.errorSummary(model.closeForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidentClose(organization: incident.$organization.id, incident: incident.id!).path)]) {
                    csrfField(context)
                    FormField.textArea("causeSummary", label: t(L.Incident.causeSummaryLabel), state: model.closeForm, context: context, required: true)
                    FormField.textArea("measures", label: t(L.Incident.measuresLabel), state: model.closeForm, context: context, required: true)
                    FormField.submit(t(L.Incident.closeSubmit), secondary: true)
                }
            }
        }
    }
}
