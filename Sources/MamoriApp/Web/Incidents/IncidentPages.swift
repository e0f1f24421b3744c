import Fluent
import Foundation
import MamoriCore
import Plot

enum IncidentListPage {
    static func render(_ page: Page<Incident>, organizationID: UUID, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.incidentsTitle), context: context) {
            heading(1, t(L.incidentsTitle))
            paragraph(t(L.incidentsLead), class: "lead")
            div("actions") {
                link(t(L.newIncident), to: SiteURL.newIncident(organization: organizationID).path, [("class", "button")])
                link(t(L.navFirstAid), to: SiteURL.firstAid.path, [("class", "button secondary")])
            }
            if page.items.isEmpty {
                paragraph(t(L.noIncidents), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead([L.detectedAt, L.incidentTitle, L.incidentKindLabel, L.severityLabel, L.status, L.currentStep].map(t))
                        El("tbody") {
                            for incident in page.items {
                                El("tr") {
                                    El("td", [("data-label", t(L.detectedAt))]) { timeElement(incident.detectedAt, context) }
                                    El("td", [("data-label", t(L.incidentTitle))]) { link(incident.title, to: SiteURL.incident(organization: organizationID, incident: incident.id!).path) }
                                    El("td", [("data-label", t(L.incidentKindLabel))]) { Text(t(L.incidentKind(incident.kind))) }
                                    El("td", [("data-label", t(L.severityLabel))]) { Text(t(L.severity(incident.severity))) }
                                    El("td", [("data-label", t(L.status))]) { Text(t(incident.status == .open ? L.statusOpen : L.statusClosed)) }
                                    El("td", [("class", "number"), ("data-label", t(L.currentStep))]) { Text(String(incident.currentStep)) }
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
        return Layout.page(title: t(L.newIncident), context: context) {
            div("narrow") {
                heading(1, t(L.newIncident))
                FormField.errorSummary(form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidents(organization: organizationID).path)]) {
                    csrfField(context)
                    FormField.select("kind", label: t(L.incidentKindLabel), choices: IncidentKind.allCases.map { ($0.rawValue, t(L.incidentKind($0))) }, state: form, context: context)
                    FormField.input("title", label: t(L.incidentTitle), state: form, context: context, options: .init(required: true, maxLength: TextLimit.line))
                    FormField.input("detectedAt", label: t(L.detectedAt), state: form, context: context, options: .init(kind: .dateTime, required: true))
                    FormField.select("severity", label: t(L.severityLabel), choices: Incident.Severity.allCases.map { ($0.rawValue, t(L.severity($0))) }, state: form, context: context)
                    FormField.submit(t(L.openIncident))
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
        ("step-1", L.incidentStepsJump), ("duties", L.dutiesTitle), ("reports", L.reportsTitle), ("record", L.recordTitle),
        ("timeline", L.timelineTitle), ("evidence", L.evidenceTitle), ("close", L.closeTitle),
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
                Text(t(L.incidentKind(incident.kind)) + " · " + t(L.severity(incident.severity)) + " · ")
                El("strong", [("data-status", incident.status.rawValue)]) { Text(t(isOpen ? L.statusOpen : L.statusClosed)) }
            }
            if !isOpen { El("p", [("class", "notice")]) { Text(t(L.incidentIsClosed)) } }
            summaryCard(model, context: context)
            El("nav", [("class", "jump-links no-print"), ("aria-label", t(L.incidentJumpLinks))]) {
                El("ul") { for section in sections { El("li") { link(t(section.title), to: "#" + section.id) } } }
            }

            // The three steps with the playbook of this kind.
            for step in content.steps {
                let points = playbook.points.filter { $0.step == step.number }
                let done = points.filter { model.checks[$0.id] != nil }.count
                El("section", [("class", "card card-wide step" + (incident.currentStep == step.number ? " current-step" : "")), ("id", "step-\(step.number)")]) {
                    El("h2") {
                        Text("\(step.number). " + t(step.title) + " ")
                        El("span", [("class", "hint")]) { Text(t(L.stepProgress(done, points.count))) }
                    }
                    paragraph(t(step.summary), class: "hint")
                    if isOpen && incident.currentStep != step.number {
                        FormField.actionButton(t(L.moveToStep), action: SiteURL.incidentStep(organization: orgID, incident: id, step: step.number).path, context: context)
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
                                                if let url = contact.url { Text(" "); El("a", [("href", safeHref(url)), ("rel", "noopener noreferrer")]) { Text(t(L.website)) } }
                                            }
                                        }
                                    }
                                }
                                if let failed = model.checkError, failed.point == point.id {
                                    El("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("autofocus", nil)]) { Text(t(failed.message)) }
                                }
                                if let check {
                                    El("p", [("class", "check-state")]) {
                                        El("span", [("class", "status-tag met")]) { Text(t(check.state == .done ? L.markDone : L.markNotApplicable)) }
                                        Text(" \(check.byName) · ")
                                        timeElement(check.at, context)
                                        if !check.note.isEmpty { Text(" — " + check.note) }
                                    }
                                }
                                if isOpen {
                                    El("form", [("method", "post"), ("action", SiteURL.incidentCheck(organization: orgID, incident: id, point: point.id).path), ("class", "check-form")]) {
                                        csrfField(context)
                                        El("label", [("for", "note-\(point.id)"), ("class", "visually-hidden")]) { Text(t(L.checkNote)) }
                                        El.void("input", [("type", "text"), ("id", "note-\(point.id)"), ("name", "note"), ("maxlength", "2000"), ("placeholder", t(L.checkNoteShort))])
                                        El("button", [("type", "submit"), ("name", "state"), ("value", "done"), ("class", "button small")]) { Text(t(L.markDone)) }
                                        El("button", [("type", "submit"), ("name", "state"), ("value", "not_applicable"), ("class", "button small secondary")]) { Text(t(L.markNotApplicable)) }
                                        if check != nil {
                                            El("button", [("type", "submit"), ("name", "state"), ("value", "clear"), ("class", "button small secondary")]) { Text(t(L.clearMark)) }
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
                heading(2, t(L.reportsTitle))
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
            heading(2, t(L.incidentSummaryTitle), id: "summary-title")
            El("dl", [("class", "summary-facts")]) {
                El("dt") { Text(t(L.currentStep)) }
                El("dd") {
                    let step = steps.first { $0.number == incident.currentStep }
                    link("\(incident.currentStep). " + (step.map { t($0.title) } ?? ""), to: "#step-\(incident.currentStep)")
                }
                El("dt") { Text(t(L.incidentOpenDuties)) }
                El("dd") {
                    if open.isEmpty {
                        Text(t(L.incidentNoOpenDuties))
                    } else {
                        El("ul", [("class", "plain")]) {
                            for status in open {
                                El("li") {
                                    link(t(L.recipient(status.duty.recipient)) + " — " + t(L.dutyAction(status.duty.action)),
                                         to: "#duty-\(status.duty.recipient.rawValue)-\(status.duty.action.rawValue)")
                                    Text(" ")
                                    if let due = status.duty.due {
                                        El("time", [("datetime", due.day.description)]) { Text(DateText.calendarDate(due.day.description, context.locale)) }
                                    } else {
                                        Text(t(L.promptly))
                                    }
                                    if status.overdue { Text(" "); El("span", [("class", "status-tag danger-tag")]) { Text(t(L.overdue)) } }
                                    else if status.dueSoon { Text(" "); El("span", [("class", "status-tag unmet")]) { Text(t(L.dueSoon)) } }
                                }
                            }
                        }
                    }
                }
                El("dt") { Text(t(L.timelineTitle)) }
                El("dd") {
                    if let broken {
                        El("strong", [("class", "danger")]) { Text(t(L.chainBroken(broken))) }
                    } else {
                        Text(t(L.incidentChainVerified(model.timeline.count)))
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
            heading(2, t(L.dutiesTitle))
            let ppcDone = statuses.filter { [.ppc, .ministry].contains($0.duty.recipient) && $0.duty.required }.allSatisfy { $0.done != nil }
            El("p", [("class", result.reportableToPPC && !ppcDone ? "notice notice-warning" : "notice")]) {
                Text(t(!result.reportableToPPC ? L.notReportableToPPC : ppcDone ? L.ppcReported : L.reportableToPPC))
            }
            El("ul", [("class", "duties")]) {
                for status in statuses {
                    let duty = status.duty
                    El("li", [("class", "duty" + (status.overdue ? " overdue" : status.dueSoon ? " due-soon" : "")), ("data-duty", "\(duty.recipient.rawValue)-\(duty.action.rawValue)")]) {
                        El("strong") { Text(t(L.recipient(duty.recipient)) + (duty.authority.map { t(L.parenthesized($0)) } ?? "") + " — " + t(L.dutyAction(duty.action))) }
                        Text(" ")
                        El("span", [("class", "status-tag " + (duty.required ? "unmet" : "met"))]) { Text(t(duty.required ? L.required : L.recommended)) }
                        if status.overdue { El("span", [("class", "status-tag danger-tag")]) { Text(t(L.overdue)) } }
                        else if status.dueSoon { El("span", [("class", "status-tag unmet")]) { Text(t(L.dueSoon)) } }
                        El("p") {
                            Text(t(L.dueBy) + t(L.colon))
                            if let due = duty.due {
                                El("time", [("datetime", due.day.description)]) { Text(DateText.calendarDate(due.day.description, context.locale)) }
                                if due.countedDays > 0 { El("span", [("class", "hint")]) { Text(" — " + t(L.dueComputation(due, aware: Day(incident.awareAt), locale: context.locale))) } }
                            } else {
                                Text(t(L.promptly))
                            }
                        }
                        paragraph(t(L.basis(duty.basis)), class: "hint")
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
                            El("p", [("class", "ready")]) { Text(t(L.doneRecord(DateText.calendarDate(done.doneOn, context.locale), done.doneBy)) + (done.reference.isEmpty ? "" : " · \(done.reference)")) }
                            if incident.status == .open {
                                FormField.actionButton(t(L.undoDuty), action: SiteURL.incidentDutyUndo(organization: incident.$organization.id, incident: incident.id!,
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
                                        Text(t(L.doneOn) + " ")
                                        El("span", [("class", "hint"), ("id", "done-\(key)-format")]) { Text(t(L.DateEntry.dateExample)) }
                                    }
                                    El.void("input", dutyDateAttributes(key: key, typed: failed?.values["doneOn"], invalid: dateError != nil))
                                }
                                El("span", [("class", "check-field")]) {
                                    El("label", [("for", "reference-\(key)")]) { Text(t(L.referenceNumber)) }
                                    El.void("input", dutyReferenceAttributes(key: key, typed: failed?.values["reference"]))
                                }
                                El("button", [("type", "submit"), ("class", "button small secondary")]) { Text(t(L.recordDone)) }
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
        var attributes: [(String, String?)] = [("type", "text"), ("id", "reference-\(key)"), ("name", "reference"), ("maxlength", "200")]
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
            heading(2, t(L.recordTitle))
            FormField.errorSummary(model.recordForm, context: context)
            El("form", [("method", "post"), ("action", SiteURL.incidentRecord(organization: incident.$organization.id, incident: incident.id!).path)]) {
                csrfField(context)
                FormField.input("title", label: t(L.incidentTitle), state: state, context: context, options: .init(required: true, maxLength: TextLimit.line))
                FormField.select("severity", label: t(L.severityLabel), choices: Incident.Severity.allCases.map { ($0.rawValue, t(L.severity($0))) }, state: state, context: context)
                FormField.input("categoryNote", label: label(1) + t(L.parenthesized(t(L.incidentKind(incident.kind)))), state: state, context: context, options: .init(hint: hint(1), maxLength: TextLimit.shortText))
                FormField.input("clientName", label: label(2), state: state, context: context, options: .init(hint: hint(2), maxLength: TextLimit.line))
                FormField.input("responsibleName", label: label(3), state: state, context: context, options: .init(hint: hint(3), maxLength: TextLimit.name))
                FormField.input("responsibleDepartment", label: t(L.department), state: state, context: context, options: .init(maxLength: TextLimit.name))
                FormField.textArea("teamMembers", label: t(L.teamMembersLabel), state: state, context: context, maxLength: TextLimit.text)
                El("p", [("class", "hint")]) { Text(label(4) + t(L.colon) + DateText.dateTime(incident.detectedAt, context.locale)) }
                FormField.input("occurredAt", label: label(5), state: state, context: context, options: .init(kind: .dateTime, hint: hint(5)))
                FormField.textArea("observedImpact", label: label(6), state: state, context: context)
                El("p", [("class", "hint")]) { Text(label(7) + t(L.colon) + t(L.seeTimeline)) }
                FormField.textArea("suspectedCause", label: label(8), state: state, context: context)
                FormField.textArea("affectedAssets", label: label(9), state: state, context: context)
                FormField.textArea("securityTools", label: label(10), state: state, context: context, maxLength: TextLimit.text)
                if incident.personalDataInvolved || incident.kind == .informationLeak || incident.kind == .lossTheft {
                    FormField.textArea("leakedItems", label: t(L.leakedItemsLabel), state: state, context: context, maxLength: TextLimit.text)
                    FormField.textArea("secondaryDamage", label: t(L.secondaryDamageLabel), state: state, context: context)
                }
                if context.principal?.isOwner == true {
                    FormField.textArea("responsePolicy", label: t(L.responsePolicyLabel), state: state, context: context)
                } else {
                    div("field") {
                        El("p") { El("strong") { Text(t(L.responsePolicyLabel)) } }
                        El("p", [("class", "preserve-lines")]) { Text(incident.responsePolicy.isEmpty ? "—" : incident.responsePolicy) }
                        if let error = state.errors["responsePolicy"] { El("p", [("class", "error")]) { Text(t(error)) } }
                    }
                }
                El("fieldset") {
                    El("legend") { Text(t(L.factsTitle)) }
                    FormField.input("awareAt", label: t(L.awareAtLabel), state: state, context: context, options: .init(kind: .dateTime, required: true))
                    for field in IncidentService.flagFields {
                        FormField.checkbox(field.key, label: t(L.flag(field.key)), checked: false, state: state, context: context)
                    }
                    FormField.input("persons", label: t(L.personsLabel), state: state, context: context, options: .init(inputMode: "numeric"))
                    FormField.input("ppcDelegatedTo", label: t(L.ppcDelegatedLabel), state: state, context: context, options: .init(maxLength: TextLimit.name))
                }
                if incident.status == .open { FormField.submit(t(L.saveRecord)) }
            }
        }
    }

    private static func timelineSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "timeline")]) {
            heading(2, t(L.timelineTitle))
            paragraph(t(L.timelineLead), class: "hint")
            if let verification = model.verification {
                if let broken = verification {
                    El("div", [("class", "flash flash-error"), ("role", "alert"), ("id", "verification")]) { Text(t(L.chainBroken(broken))) }
                } else {
                    El("div", [("class", "flash flash-success"), ("role", "status"), ("id", "verification")]) { Text(t(L.chainIntact)) }
                }
            }
            El("a", [("href", SiteURL.incidentVerify(organization: incident.$organization.id, incident: incident.id!).path + "#timeline"), ("class", "button small secondary")]) {
                Text(t(L.verifyChain))
            }
            El("ol", [("class", "timeline")]) {
                for entry in model.timeline {
                    El("li", [("value", String(entry.sequence)), ("data-sequence", String(entry.sequence))]) {
                        timeElement(entry.occurredAt, context)
                        Text(" ")
                        El("span", [("class", "entry-type")]) { Text(t(L.timelineType(entry.type))) }
                        Text(" " + t(L.timelineText(entry)) + " — " + entry.author)
                        if let corrects = entry.correctsSequence { El("span", [("class", "hint")]) { Text(" (→ #\(corrects))") } }
                        El("span", [("class", "hash"), ("title", entry.hash)]) { Text(" " + String(entry.hash.prefix(10)) + "…") }
                    }
                }
            }
            if incident.status == .open {
                FormField.errorSummary(model.timelineForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidentTimeline(organization: incident.$organization.id, incident: incident.id!).path)]) {
                    csrfField(context)
                    FormField.textArea("text", label: t(L.entryText), state: model.timelineForm, context: context, required: true, maxLength: TimelineNote.textMaximum)
                    FormField.input("occurredAt", label: t(L.entryOccurredAt), state: model.timelineForm, context: context, options: .init(kind: .dateTime))
                    FormField.input("corrects", label: t(L.correctsLabel), state: model.timelineForm, context: context, options: .init(inputMode: "numeric"))
                    FormField.submit(t(L.addEntry), secondary: true)
                }
            }
        }
    }

    private static func evidenceSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "evidence")]) {
            heading(2, t(L.evidenceTitle))
            paragraph(t(L.evidenceLead), class: "hint")
            El("ul", [("class", "attachments")]) {
                for file in model.evidence {
                    El("li") {
                        link(file.filename, to: SiteURL.incidentEvidenceFile(organization: incident.$organization.id, incident: incident.id!, evidence: file.id!).path)
                        El("span", [("class", "hint")]) { Text(" \(L.byteCount(file.size, context.locale)) · \(file.uploadedBy) · SHA-256 ") }
                        El("code", [("class", "hash")]) { Text(file.sha256) }
                    }
                }
            }
            if incident.status == .open {
                El("form", [("method", "post"), ("action", SiteURL.incidentEvidence(organization: incident.$organization.id, incident: incident.id!).path),
                            ("enctype", "multipart/form-data"), ("class", "upload")]) {
                    csrfField(context)
                    El("label", [("for", "evidence-file")]) { Text(t(L.evidenceFileLabel) + " ") }
                    El.void("input", [("type", "file"), ("id", "evidence-file"), ("name", "file"), ("required", nil)])
                    El("button", [("type", "submit"), ("class", "button small secondary")]) { Text(t(L.uploadEvidence)) }
                }
            }
        }
    }

    private static func closeSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "close")]) {
            heading(2, t(L.closeTitle))
            if incident.status == .closed {
                paragraph(t(L.causeSummaryLabel) + t(L.colon) + incident.causeSummary)
                El("ul") { for measure in model.measures { El("li") { Text(measure.text) } } }
            } else {
                FormField.errorSummary(model.closeForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidentClose(organization: incident.$organization.id, incident: incident.id!).path)]) {
                    csrfField(context)
                    FormField.textArea("causeSummary", label: t(L.causeSummaryLabel), state: model.closeForm, context: context, required: true)
                    FormField.textArea("measures", label: t(L.measuresLabel), state: model.closeForm, context: context, required: true)
                    FormField.submit(t(L.closeSubmit), secondary: true)
                }
            }
        }
    }
}
