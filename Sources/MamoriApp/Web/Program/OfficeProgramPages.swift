import Foundation
import MamoriCore
import Plot

enum OfficeProgramPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var settings: ProgramSettingsSummary
        /// A refused save, as typed; empty shows the settings.
        var form: FormState = .empty
        var statistics: ProgramStatistics

        static let mock = Model(settings: .mock, statistics: OfficeStatisticsPage.Model.mockStatistics)
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let settings = model.settings, form = model.form, statistics = model.statistics
        let state = form.values.isEmpty ? FormState(values: [
            "capacity": String(settings.capacity), "visitsPerCompany": String(settings.visitsPerCompany), "hoursPerVisit": String(settings.hoursPerVisit),
            "opensOn": settings.opensOn, "closesOn": settings.closesOn,
            "termsTextJa": settings.termsTextJa, "termsTextEn": settings.termsTextEn,
            "preferOutsideMetro": settings.preferOutsideMetro ? "on" : "",
        ]) : form
        return Layout.page(title: t(L.Program.programSettingsTitle), context: context) {
            heading(1, t(L.Program.programSettingsTitle) + " " + t(L.Program.fiscalYear(settings.fiscalYear)))
            El("dl", [("class", "stats")]) {
                statBox(t(L.Program.statApplications), String(statistics.applications))
                statBox(t(L.Program.statAccepted), "\(settings.acceptedCount) / \(settings.capacity)")
                statBox(t(L.Program.statVisitsDone), String(statistics.visitsDone))
            }
            div("actions") {
                link(t(L.Program.navApplications), to: SiteURL.officeApplications().path, [("class", "button")])
                link(t(L.Program.navStatistics), to: SiteURL.officeStatistics.path, [("class", "button secondary")])
                link(t(L.Common.navExperts), to: SiteURL.officeExperts.path, [("class", "button secondary")])
            }
            El("section", [("class", "card card-wide")]) {
                FormField.errorSummary(form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.officeProgram.path)]) {
                    csrfField(context)
                    FormField.input("capacity", label: t(L.Program.capacityLabel), state: state, context: context,
                                    options: .init(required: true, hint: t(L.Program.capacityHint(accepted: settings.acceptedCount)), inputMode: "numeric"))
                    FormField.input("visitsPerCompany", label: t(L.Program.visitsPerCompanyLabel), state: state, context: context, options: .init(required: true, inputMode: "numeric"))
                    FormField.input("hoursPerVisit", label: t(L.Program.hoursPerVisitLabel), state: state, context: context, options: .init(required: true, inputMode: "numeric"))
                    FormField.input("opensOn", label: t(L.Program.opensOnLabel), state: state, context: context, options: .init(kind: .date, required: true))
                    FormField.input("closesOn", label: t(L.Program.closesOnLabel), state: state, context: context,
                                    options: .init(kind: .date, required: true, hint: t(L.Program.closesOnHint)))
                    FormField.checkbox("preferOutsideMetro", label: t(L.Program.preferOutsideMetroLabel), checked: false, state: state, context: context)
                    termsFields(state: state, version: settings.termsVersion, context: context)
                    FormField.submit(t(L.Common.save))
                }
            }
        }
    }

    static func statBox(_ label: String, _ value: String) -> Component {
        div("stat") {
            El("dt") { Text(label) }
            El("dd") { Text(value) }
        }
    }
}

enum OfficeApplicationsPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        /// One page of the list, with each application's organization and expert.
        var applications: [ApplicationRow]
        var status: ApplicationStatus?
        var page: Int
        var pageCount: Int
        var settings: ProgramSettingsSummary

        static let mock: Model = {
            var waiting = ApplicationRow.mock
            (waiting.id, waiting.organizationName, waiting.status, waiting.prefectureCode) = (UUID(), "有限会社 <山陰>", .waitlisted, "13")
            (waiting.expertID, waiting.expertName) = (nil, nil)
            return Model(applications: [.mock, waiting], status: nil, page: 1, pageCount: 2, settings: .mock)
        }()
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let (applications, status, page, pageCount, settings) = (model.applications, model.status, model.page, model.pageCount, model.settings)
        return Layout.page(title: t(L.Program.applicationsTitle), context: context) {
            heading(1, t(L.Program.applicationsTitle) + " " + t(L.Program.fiscalYear(settings.fiscalYear)))
            paragraph(t(L.Program.acceptedOfCapacity(settings.acceptedCount, settings.capacity)), class: "lead")
            El("nav", [("class", "filters"), ("aria-label", t(L.Program.statusFilter))]) {
                link(t(L.Organization.auditAll), to: SiteURL.officeApplications().path, status == nil ? [("aria-current", "page")] : [])
                for option in ApplicationStatus.allCases {
                    link(t(L.Program.applicationStatus(option)), to: SiteURL.officeApplications(status: option.rawValue).path,
                         status == option ? [("aria-current", "page")] : [])
                }
            }
            if status == .waitlisted { paragraph(t(L.Program.waitlistOrderNote), class: "hint") }
            if applications.isEmpty {
                paragraph(t(L.Program.noApplications), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead([L.Program.submittedAt, L.Organization.name, L.Accounts.prefecture, L.Organization.status, L.Program.assignedExpert, L.Organization.actions].map(t))
                        El("tbody") {
                            for application in applications {
                                El("tr") {
                                    El("td", [("data-label", t(L.Program.submittedAt))]) { timeElement(application.submittedAt, context) }
                                    El("td", [("data-label", t(L.Organization.name))]) { Text(application.organizationName ?? "—") }
                                    El("td", [("data-label", t(L.Accounts.prefecture))]) {
                                        Text(application.prefecture.map { $0.name(context.locale) } ?? application.prefectureCode)
                                        if application.prefecture?.isMetropolitan == false { El("span", [("class", "hint")]) { Text(" · " + t(L.Program.outsideMetropolitan)) } }
                                    }
                                    El("td", [("data-label", t(L.Organization.status))]) { Text(t(L.Program.applicationStatus(application.status))) }
                                    El("td", [("data-label", t(L.Program.assignedExpert))]) { Text(application.expertName ?? "—") }
                                    El("td", [("data-label", t(L.Organization.actions))]) { link(t(L.Diagnosis.view), to: SiteURL.officeApplication(application: application.id).path) }
                                }
                            }
                        }
                    }
                }
                El("nav", [("class", "pagination")]) {
                    if page > 1 { link(t(L.Common.previousPage), to: SiteURL.officeApplications(status: status?.rawValue, page: page - 1).path) }
                    El("span") { Text(t(L.Common.pageOf(page, max(pageCount, 1)))) }
                    if page < pageCount { link(t(L.Common.nextPage), to: SiteURL.officeApplications(status: status?.rawValue, page: page + 1).path) }
                }
            }
        }
    }
}

enum OfficeApplicationPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var application: ApplicationRow
        var organization: OrganizationRow
        var settings: ProgramSettingsSummary
        /// Experts with room, best first (`ProgramService.suggestions(for:)`).
        var suggestions: [(ExpertRow, ExpertMatching.Suggestion)]
        var visits: [VisitRow]
        var deliverables: [(Deliverable, Deliverable.Status)]
        var policy: PolicyDeliverable? = nil
        var survey: SurveyAnswer?
        var decisionForm: FormState = .empty
        var notice: LocalizedText?

        /// Accepted, with its expert among the suggestions, a visit done and the survey answered.
        static let mock: Model = {
            var other = ExpertRow.mock
            (other.id, other.name, other.prefectureCode) = (UUID(), "支援士 <田中>", "13")
            let experts = [ExpertRow.mock, other]
            let candidates = experts.map {
                ExpertMatching.Candidate(id: $0.id, name: $0.name, prefecture: $0.prefecture, regions: [], load: 1, maximumCompanies: $0.maxCompanies)
            }
            let suggestions = ExpertMatching.rank(candidates, for: ApplicationRow.mock.prefecture!).compactMap { suggestion in
                experts.first { $0.id == suggestion.candidate.id }.map { ($0, suggestion) }
            }
            return Model(application: .mock, organization: .mock, settings: .mock, suggestions: suggestions, visits: VisitRow.mock,
                         deliverables: DeliverableList.mock, policy: .mock, survey: .mock)
        }()
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let application = model.application
        let id = application.id
        return Layout.page(title: model.organization.name, context: context) {
            heading(1, model.organization.name)
            if let notice = model.notice {
                El("div", [("class", "flash flash-error"), ("role", "alert")]) { Text(t(notice)) }
            }
            El("section", [("class", "card card-wide")]) {
                OrganizationFacts(organization: model.organization, context: context)
                El("dl", [("class", "facts")]) {
                    El("dt") { Text(t(L.Organization.status)) }
                    El("dd") { El("strong", [("data-status", application.status.rawValue)]) { Text(t(L.Program.applicationStatus(application.status))) } }
                    El("dt") { Text(t(L.Program.submittedAt)) }
                    El("dd") { timeElement(application.submittedAt, context) }
                    El("dt") { Text(t(L.Program.contactName)) }
                    El("dd") { Text(application.contactName + " / " + application.contactPhone) }
                    El("dt") { Text(t(L.Program.applyMessage)) }
                    El("dd") { Text(application.message.isEmpty ? "—" : application.message) }
                    El("dt") { Text(t(L.Program.eligibilityAtSubmission)) }
                    El("dd") {
                        Text(t(application.eligible ? L.Program.eligibleTitle : L.Program.notEligibleTitle))
                        if let basis = application.smeBasis.flatMap(ProgramEligibility.SMEBasis.init(rawValue:)) { Text(" — " + t(L.Program.smeBasis(basis))) }
                    }
                    El("dt") { Text(t(L.Program.termsLabel)) }
                    El("dd") { Text(t(L.Program.termsVersion(application.termsVersion))) }
                    if let reason = application.decisionReason {
                        El("dt") { Text(t(L.Program.rejectReason)) }
                        El("dd") { Text(reason) }
                    }
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "decision")]) {
                heading(2, t(L.Program.acceptedOfCapacity(model.settings.acceptedCount, model.settings.capacity)), id: "decision")
                FormField.errorSummary(model.decisionForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.officeApplicationDecide(application: id).path)]) {
                    csrfField(context)
                    FormField.textArea("reason", label: t(L.Program.rejectReason), state: model.decisionForm, context: context, maxLength: TextLimit.paragraph)
                    div("actions") {
                        El("button", [("type", "submit"), ("name", "decision"), ("value", "accept"), ("class", "button")]) { Text(t(L.Program.accept)) }
                        El("button", [("type", "submit"), ("name", "decision"), ("value", "waitlist"), ("class", "button secondary")]) { Text(t(L.Program.waitlist)) }
                        El("button", [("type", "submit"), ("name", "decision"), ("value", "reject"), ("class", "button danger")]) { Text(t(L.Program.reject)) }
                    }
                }
            }
            if application.status == .accepted {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "assign")]) {
                    heading(2, t(L.Program.assignedExpert) + t(L.Common.colon) + (application.expertName ?? t(L.Program.notAssignedYet)), id: "assign")
                    heading(3, t(L.Program.suggestionsTitle))
                    if model.suggestions.isEmpty {
                        paragraph(t(L.Program.noSuggestions), class: "muted")
                    } else {
                        El("ol", [("class", "suggestions")]) {
                            for (expert, suggestion) in model.suggestions.prefix(20) {
                                if expert.id == application.expertID {
                                    // The expert already assigned to this application: no button to assign again.
                                    El("li", [("class", "assigned"), ("data-assigned", "true")]) {
                                        El("strong") { Text(expert.name) }
                                        Text(" (\(expert.prefecture.map { $0.name(context.locale) } ?? "")) · " + t(L.Program.proximity(suggestion.proximity))
                                             + " · " + t(L.Program.load(suggestion.candidate.load, expert.maxCompanies)) + " ")
                                        El("span", [("class", "status-tag met")]) { Text(t(L.Program.assignedToThis)) }
                                    }
                                } else {
                                    El("li") {
                                        El("form", [("method", "post"), ("action", SiteURL.officeApplicationAssign(application: id).path), ("class", "inline-form")]) {
                                            csrfField(context)
                                            El.void("input", [("type", "hidden"), ("name", "expert"), ("value", expert.id.uuidString)])
                                            El("strong") { Text(expert.name) }
                                            Text(" (\(expert.prefecture.map { $0.name(context.locale) } ?? "")) · " + t(L.Program.proximity(suggestion.proximity))
                                                 + " · " + t(L.Program.load(suggestion.candidate.load, expert.maxCompanies)) + " ")
                                            El("button", [("type", "submit"), ("class", "button small secondary")]) {
                                                Text(t(application.expertID == nil ? L.Program.assign : L.Program.reassign))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                El("section", [("class", "card card-wide")]) {
                    heading(2, t(L.Program.visitsTitle))
                    VisitList(visits: model.visits, visitsPerCompany: model.settings.visitsPerCompany, context: context)
                    heading(2, t(L.Program.deliverablesTitle))
                    DeliverableList(deliverables: model.deliverables, context: context, policy: model.policy)
                    if let survey = model.survey {
                        heading(2, t(L.Program.surveyTitle))
                        paragraph(t(L.Program.producedResultsQuestion) + t(L.Common.colon) + t(survey.producedResults ? L.Program.yes : L.Program.no) + " · "
                                  + t(L.Program.satisfactionQuestion) + t(L.Common.colon) + String(survey.satisfaction))
                        if !survey.comments.isEmpty { paragraph(survey.comments) }
                    }
                }
            }
        }
    }
}
