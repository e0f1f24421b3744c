import Foundation
import MamoriCore
import Plot

/// One incident: the summary, the three steps with the playbook of its kind, the notification
/// duties, the reports, the record, the timeline, the evidence and closing. The sections after
/// the steps are in `IncidentPage+Duties.swift`, `IncidentPage+Record.swift` and
/// `IncidentPage+Timeline.swift`; the rows in `IncidentPageRows.swift`.
enum IncidentPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var incident: Record
        var checks: [String: Check]
        var timeline: [TimelineRow]
        var evidence: [EvidenceRow]
        var duties: (NotificationDuties.Result, [DutyStatus])
        /// The recurrence-prevention measures of a closed incident.
        var measures: [String]
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
        let orgID = incident.organizationID
        let id = incident.id
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
}
