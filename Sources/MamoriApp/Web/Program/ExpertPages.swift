import Foundation
import MamoriCore
import Plot

enum ExpertPages {
    /// The expert's companies: plain values, so the page renders from `.mock` without a database.
    struct CompaniesModel {
        /// The accepted applications assigned to the expert, with their organizations.
        var applications: [ApplicationRow]
        /// Recorded visits per application.
        var visitsDone: [UUID: Int]
        /// Visits still to come, soonest first.
        var upcoming: [VisitRow]
        /// The calendar address just made, shown once.
        var calendarLink: String?

        static let mock = CompaniesModel(applications: [.mock], visitsDone: [ApplicationRow.mock.id: 1], upcoming: VisitRow.mock.filter { !$0.isDone },
                                         calendarLink: nil)
    }

    /// One assigned company: plain values, so the page renders from `.mock` without a database.
    struct CompanyModel {
        var expert: ExpertRow
        var application: ApplicationRow
        var organization: OrganizationRow
        var settings: ProgramSettingsSummary
        var visits: [VisitRow]
        var deliverables: [(Deliverable, Deliverable.Status)]
        var policy: PolicyDeliverable
        var scheduleForm: FormState = .empty
        /// A refused record, by visit number.
        var recordForms: [Int: FormState] = [:]

        static let mock = CompanyModel(expert: .mock, application: .mock, organization: .mock, settings: .mock, visits: VisitRow.mock,
                                       deliverables: DeliverableList.mock,
                                       policy: PolicyDeliverable(publicPath: PolicyDeliverable.mock.publicPath, rulesSummary: PolicyDeliverable.mock.rulesSummary,
                                                                 reviewPath: SiteURL.expertPolicy(application: ApplicationRow.mock.id).path,
                                                                 planPath: SiteURL.expertPlan(application: ApplicationRow.mock.id).path))
    }

    static func companies(_ model: CompaniesModel, context: PageContext) -> String {
        let t = context.t
        let (applications, visitsDone, upcoming, calendarLink) = (model.applications, model.visitsDone, model.upcoming, model.calendarLink)
        let names = Dictionary(uniqueKeysWithValues: applications.map { ($0.id, $0.organizationName ?? "") })
        return Layout.page(title: t(L.Program.expertCompaniesTitle), context: context) {
            heading(1, t(L.Program.expertCompaniesTitle))
            if let next = upcoming.first {
                // The expert's landing page (the dashboard sends experts here): their next visit first.
                El("section", [("class", "card card-wide"), ("aria-labelledby", "next-visit"), ("id", "expert-next-visit")]) {
                    heading(2, t(L.Program.nextVisitTitle), id: "next-visit")
                    El("p") {
                        El("strong") { timeElement(next.scheduledAt, context) }
                        Text(" · \(names[next.applicationID] ?? "") \(t(L.Program.visitNumber(next.number))) · \(t(L.Program.visitMode(next.mode))) · ")
                        if next.mode == .online { link(next.place, to: next.place, [("rel", "noopener noreferrer")]) } else { Text(next.place) }
                    }
                    link(t(L.Diagnosis.view), to: SiteURL.expertCompany(application: next.applicationID).path)
                }
            }
            if applications.isEmpty {
                paragraph(t(L.Program.noCompaniesAssigned), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        El("thead") {
                            El("tr") {
                                for header in [L.Organization.name, L.Accounts.prefecture, L.Program.contactName, L.Program.visitsDone, L.Organization.actions] { El("th", [("scope", "col")]) { Text(t(header)) } }
                            }
                        }
                        El("tbody") {
                            for application in applications {
                                El("tr") {
                                    El("td", [("data-label", t(L.Organization.name))]) { Text(application.organizationName ?? "") }
                                    El("td", [("data-label", t(L.Accounts.prefecture))]) { Text(application.prefecture.map { $0.name(context.locale) } ?? "") }
                                    El("td", [("data-label", t(L.Program.contactName))]) { Text(application.contactName + " / " + application.contactPhone) }
                                    El("td", [("class", "number"), ("data-label", t(L.Program.visitsDone))]) { Text(String(visitsDone[application.id] ?? 0)) }
                                    El("td", [("data-label", t(L.Organization.actions))]) { link(t(L.Diagnosis.view), to: SiteURL.expertCompany(application: application.id).path) }
                                }
                            }
                        }
                    }
                }
                if !upcoming.isEmpty {
                    heading(2, t(L.Program.visitsTitle))
                    El("ul", [("class", "activity")]) {
                        for visit in upcoming {
                            El("li") {
                                timeElement(visit.scheduledAt, context)
                                Text(" \(names[visit.applicationID] ?? "") \(t(L.Program.visitNumber(visit.number))) · \(t(L.Program.visitMode(visit.mode)))")
                            }
                        }
                    }
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "calendar")]) {
                heading(2, t(L.Program.calendarTitle), id: "calendar")
                paragraph(t(L.Program.calendarLead), class: "hint")
                if let calendarLink { CopyableSecret(label: t(L.Program.calendarTitle), value: calendarLink, notice: t(L.Program.calendarCreated)) }
                FormField.actionButton(t(L.Program.calendarCreate), action: SiteURL.expertCalendarToken.path, context: context)
            }
        }
    }

    static func company(_ model: CompanyModel, context: PageContext) -> String {
        let t = context.t
        let (expert, application, settings, visits) = (model.expert, model.application, model.settings, model.visits)
        let (scheduleForm, recordForms) = (model.scheduleForm, model.recordForms)
        let id = application.id
        let modes = ProgramVisit.Mode.allCases.filter { $0 == .onSite ? expert.onSite : expert.online }
        let next = (1...settings.visitsPerCompany).first { number in !visits.contains { $0.number == number } } ?? 1
        let scheduleState = scheduleForm.values.isEmpty && scheduleForm.errors.isEmpty ? FormState(values: ["number": String(next)]) : scheduleForm
        return Layout.page(title: model.organization.name, context: context) {
            heading(1, model.organization.name)
            El("section", [("class", "card card-wide")]) {
                OrganizationFacts(organization: model.organization, context: context)
                paragraph(t(L.Program.contactName) + t(L.Common.colon) + application.contactName + " / " + application.contactPhone)
                if !application.message.isEmpty { paragraph(t(L.Program.applyMessage) + t(L.Common.colon) + application.message) }
            }
            El("section", [("class", "card card-wide")]) {
                heading(2, t(L.Program.visitsTitle))
                VisitList(visits: visits, visitsPerCompany: settings.visitsPerCompany, context: context)
                if !visits.isEmpty {
                    heading(3, t(L.Program.attachFile))
                    for visit in visits {
                        El("form", [("method", "post"), ("action", SiteURL.expertVisitAttachments(application: id, number: visit.number).path),
                                    ("enctype", "multipart/form-data"), ("class", "inline-form upload")]) {
                            csrfField(context)
                            El("label", [("for", "file-\(visit.number)")]) { Text(t(L.Program.visitNumber(visit.number)) + " ") }
                            El.void("input", [("type", "file"), ("id", "file-\(visit.number)"), ("name", "file"), ("required", nil)])
                            El("button", [("type", "submit"), ("class", "button small secondary")]) { Text(t(L.Program.attachSubmit)) }
                        }
                    }
                }
                heading(3, t(L.Program.scheduleVisit))
                FormField.errorSummary(scheduleForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.expertVisitSchedule(application: id).path)]) {
                    csrfField(context)
                    FormField.select("number", label: t(L.Program.visitNumberLabel(settings.visitsPerCompany)),
                                     choices: (1...settings.visitsPerCompany).map { (String($0), t(L.Program.visitNumber($0))) }, state: scheduleState, context: context)
                    FormField.input("scheduledAt", label: t(L.Program.visitWhen), state: scheduleState, context: context,
                                    options: .init(kind: .dateTime, required: true,
                                                   hint: t(L.Program.visitWhenHint(fiscalYear: application.fiscalYear, hours: settings.hoursPerVisit))))
                    FormField.select("mode", label: t(L.Program.visitModeLabel), choices: modes.map { ($0.rawValue, t(L.Program.visitMode($0))) }, state: scheduleState, context: context)
                    FormField.input("place", label: t(L.Program.visitPlace), state: scheduleState, context: context,
                                    options: .init(required: true, hint: t(L.Program.visitPlaceHint), maxLength: TextLimit.shortText))
                    FormField.submit(t(L.Program.scheduleSubmit))
                }
                for visit in visits where !visit.isDone {
                    let state = recordForms[visit.number] ?? .empty
                    El("section", [("class", "record"), ("aria-labelledby", "record-\(visit.number)")]) {
                        heading(3, t(L.Program.recordVisit) + " — " + t(L.Program.visitNumber(visit.number)), id: "record-\(visit.number)")
                        FormField.errorSummary(state, context: context)
                        El("form", [("method", "post"), ("action", SiteURL.expertVisitRecord(application: id, number: visit.number).path)]) {
                            csrfField(context)
                            FormField.input("durationMinutes", label: t(L.Program.durationMinutes), state: state.values.isEmpty ? FormState(values: ["durationMinutes": String(settings.hoursPerVisit * 60)]) : state,
                                            context: context, options: .init(required: true, inputMode: "numeric"))
                            FormField.textArea("topics", label: t(L.Program.topics), state: state, context: context, required: true)
                            for goal in 1...4 {
                                FormField.input("goal\(goal)", label: t(L.Program.goalProgress(goal)), state: state, context: context, options: .init(inputMode: "numeric", maxLength: 3))
                            }
                            FormField.textArea("nextSteps", label: t(L.Program.nextSteps), state: state, context: context)
                            FormField.submit(t(L.Program.recordSubmit))
                        }
                    }
                }
            }
            El("section", [("class", "card card-wide")]) {
                heading(2, t(L.Program.deliverablesTitle))
                DeliverableList(deliverables: model.deliverables, context: context, policy: model.policy)
            }
        }
    }
}
