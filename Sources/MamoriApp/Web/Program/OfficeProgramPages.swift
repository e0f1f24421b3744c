import Fluent
import Foundation
import MamoriCore
import Plot

enum OfficeProgramPage {
    static func render(settings: ProgramSettings, form: FormState, statistics: ProgramStatistics, context: PageContext) -> String {
        let t = context.t
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
    static func render(applications: [ProgramApplication], organizations: [UUID: Organization], status: ApplicationStatus?,
                       page: Int, pageCount: Int, settings: ProgramSettings, context: PageContext) -> String {
        let t = context.t
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
                                    El("td", [("data-label", t(L.Organization.name))]) { Text(organizations[application.$organization.id]?.name ?? "—") }
                                    El("td", [("data-label", t(L.Accounts.prefecture))]) {
                                        Text(application.prefecture.map { $0.name(context.locale) } ?? application.prefectureCode)
                                        if application.prefecture?.isMetropolitan == false { El("span", [("class", "hint")]) { Text(" · " + t(L.Program.outsideMetropolitan)) } }
                                    }
                                    El("td", [("data-label", t(L.Organization.status))]) { Text(t(L.Program.applicationStatus(application.status))) }
                                    El("td", [("data-label", t(L.Program.assignedExpert))]) { Text(application.expert?.name ?? "—") }
                                    El("td", [("data-label", t(L.Organization.actions))]) { link(t(L.Diagnosis.view), to: SiteURL.officeApplication(application: application.id!).path) }
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
    struct Model {
        var application: ProgramApplication
        var organization: Organization
        var settings: ProgramSettings
        var suggestions: [(ExpertProfile, ExpertMatching.Suggestion)]
        var visits: [ProgramVisit]
        var attachments: [UUID: [VisitAttachment]] = [:]
        var deliverables: [(Deliverable, Deliverable.Status)]
        var policy: PolicyDeliverable? = nil
        var survey: ProgramSurvey?
        var decisionForm: FormState = .empty
        var notice: LocalizedText?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let application = model.application
        let id = application.id!
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
                    heading(2, t(L.Program.assignedExpert) + t(L.Common.colon) + (application.expert?.name ?? t(L.Program.notAssignedYet)), id: "assign")
                    heading(3, t(L.Program.suggestionsTitle))
                    if model.suggestions.isEmpty {
                        paragraph(t(L.Program.noSuggestions), class: "muted")
                    } else {
                        El("ol", [("class", "suggestions")]) {
                            for (expert, suggestion) in model.suggestions.prefix(20) {
                                if expert.id == application.$expert.id {
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
                                            El.void("input", [("type", "hidden"), ("name", "expert"), ("value", expert.id!.uuidString)])
                                            El("strong") { Text(expert.name) }
                                            Text(" (\(expert.prefecture.map { $0.name(context.locale) } ?? "")) · " + t(L.Program.proximity(suggestion.proximity))
                                                 + " · " + t(L.Program.load(suggestion.candidate.load, expert.maxCompanies)) + " ")
                                            El("button", [("type", "submit"), ("class", "button small secondary")]) {
                                                Text(t(application.$expert.id == nil ? L.Program.assign : L.Program.reassign))
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
                    VisitList(visits: model.visits, visitsPerCompany: model.settings.visitsPerCompany, attachments: model.attachments, context: context)
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

enum OfficeStatisticsPage {
    static func render(statistics: ProgramStatistics, settings: ProgramSettings, experts: [(ExpertProfile, Int)], context: PageContext) -> String {
        let t = context.t
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? t(L.Program.notApplicable) }
        let regions = Prefecture.Region.allCases
        let maximum = max(1, regions.map { statistics.byRegion[$0]?.applications ?? 0 }.max() ?? 1)
        return Layout.page(title: t(L.Program.statisticsTitle), context: context) {
            heading(1, t(L.Program.statisticsTitle) + " " + t(L.Program.fiscalYear(settings.fiscalYear)))
            El("dl", [("class", "stats")]) {
                OfficeProgramPage.statBox(t(L.Program.statApplications), String(statistics.applications))
                OfficeProgramPage.statBox(t(L.Program.statAccepted), String(statistics.accepted))
                OfficeProgramPage.statBox(t(L.Program.statVisitsDone), String(statistics.visitsDone))
                OfficeProgramPage.statBox(t(L.Program.statCompletionRate), percent(statistics.completionRate))
                OfficeProgramPage.statBox(t(L.Program.statProducedResults), percent(statistics.producedResultsShare))
                OfficeProgramPage.statBox(t(L.Program.statOutsideMetro), percent(statistics.outsideMetropolitanShare))
            }
            paragraph(t(L.Program.statReference), class: "hint")
            El("section", [("aria-labelledby", "deliverable-counts")]) {
                heading(2, t(L.Program.deliverablesTitle), id: "deliverable-counts")
                paragraph(t(L.Policy.deliverableCountsLead), class: "hint")
                El("dl", [("class", "stats")]) {
                    for deliverable in Deliverable.allCases {
                        OfficeProgramPage.statBox(t(L.Program.deliverable(deliverable)), String(statistics.deliverableCounts[deliverable] ?? 0))
                    }
                    OfficeProgramPage.statBox(t(L.Policy.allDeliverables), String(statistics.allDeliverablesDone))
                }
            }
            div("actions") { link(t(L.Diagnosis.downloadCSV), to: SiteURL.officeStatisticsCSV.path, [("class", "button secondary")]) }
            El("section", [("aria-labelledby", "regions")]) {
                heading(2, t(L.Program.byRegionTitle), id: "regions")
                paragraph(t(L.Program.barLegend), class: "hint")
                Chart.bars(regions.map { region in
                    let count = statistics.byRegion[region] ?? .init()
                    return Chart.Bar(label: t(region.name), fraction: Double(count.applications) / Double(maximum), valueText: "\(count.applications) / \(count.accepted)")
                }, title: t(L.Program.byRegionTitle), description: regions.map { "\(t($0.name)): \(statistics.byRegion[$0]?.applications ?? 0)" }.joined(separator: ", "),
                   id: "region-chart")
                countTable(rows: regions.map { (t($0.name), statistics.byRegion[$0] ?? .init()) }, context: context)
            }
            El("section", [("aria-labelledby", "prefectures")]) {
                heading(2, t(L.Program.byPrefectureTitle), id: "prefectures")
                let withApplications = Prefecture.all.filter { (statistics.byPrefecture[$0.code]?.applications ?? 0) > 0 }
                let prefectureMaximum = max(1, withApplications.map { statistics.byPrefecture[$0.code]!.applications }.max() ?? 1)
                if !withApplications.isEmpty {
                    Chart.bars(withApplications.map { prefecture in
                        let count = statistics.byPrefecture[prefecture.code]!
                        return Chart.Bar(label: prefecture.name(context.locale), fraction: Double(count.applications) / Double(prefectureMaximum),
                                         valueText: "\(count.applications) / \(count.accepted)")
                    }, title: t(L.Program.byPrefectureTitle),
                       description: withApplications.map { "\($0.name(context.locale)): \(statistics.byPrefecture[$0.code]!.applications)" }.joined(separator: ", "),
                       id: "prefecture-chart")
                }
                countTable(rows: Prefecture.all.map { prefecture in
                    (prefecture.name(context.locale) + (prefecture.isMetropolitan ? " *" : ""), statistics.byPrefecture[prefecture.code] ?? .init())
                }, context: context)
                paragraph("* " + t(L.Program.metropolitan), class: "hint")
                paragraph(t(L.Program.prefecturesWithoutApplicationsHidden), class: "hint phone-only")
            }
            El("section", [("aria-labelledby", "load")]) {
                heading(2, t(L.Program.expertsLoadTitle), id: "load")
                if experts.isEmpty { paragraph(t(L.Organization.noExperts), class: "muted") } else {
                div("table-scroll") {
                    El("table", [("class", "compact cards-on-phone")]) {
                        tableHead([L.Program.expertName, L.Program.expertPrefecture, L.Program.navExpertCompanies].map(t))
                        El("tbody") {
                            for (expert, load) in experts {
                                El("tr") {
                                    El("th", [("scope", "row")]) { Text(expert.name) }
                                    El("td", [("data-label", t(L.Program.expertPrefecture))]) { Text(expert.prefecture.map { $0.name(context.locale) } ?? "") }
                                    El("td", [("class", "number"), ("data-label", t(L.Program.navExpertCompanies))]) { Text(t(L.Program.load(load, expert.maxCompanies))) }
                                }
                            }
                        }
                    }
                }
                }
            }
        }
    }

    private static func rowAttributes(_ count: ProgramStatistics.Count) -> [(String, String?)] {
        count.applications == 0 && count.accepted == 0 && count.completed == 0 ? [("class", "empty-row")] : []
    }

    private static func countTable(rows: [(String, ProgramStatistics.Count)], context: PageContext) -> Component {
        let t = context.t
        return div("table-scroll") {
            El("table", [("class", "compact cards-on-phone")]) {
                El("thead") {
                    El("tr") {
                        El("th", [("scope", "col")]) { Text(t(L.Organization.name)) }
                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.statApplications)) }
                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.statAccepted)) }
                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.completedLabel)) }
                    }
                }
                El("tbody") {
                    for (name, count) in rows {
                        // A phone shows only the rows with applications; 47 empty cards say nothing.
                        El("tr", rowAttributes(count)) {
                            El("th", [("scope", "row")]) { Text(name) }
                            El("td", [("class", "number"), ("data-label", t(L.Program.statApplications))]) { Text(String(count.applications)) }
                            El("td", [("class", "number"), ("data-label", t(L.Program.statAccepted))]) { Text(String(count.accepted)) }
                            El("td", [("class", "number"), ("data-label", t(L.Program.completedLabel))]) { Text(String(count.completed)) }
                        }
                    }
                }
            }
        }
    }
}
