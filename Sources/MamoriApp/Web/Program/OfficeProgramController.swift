import Fluent
import Foundation
import MamoriCore
import Vapor

/// The program office runs the program: settings, review, assignment, statistics.
/// Behind `RequireSignIn(roles: [.officeAdmin])`.
struct OfficeProgramController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.officeProgram.route, use: settings)
        routes.post(SiteURL.officeProgram.route, use: saveSettings)
        routes.get(SiteURL.officeApplications().route, use: applications)
        routes.get(SiteURL.officeApplication(application: id).route, use: application)
        routes.post(SiteURL.officeApplicationDecide(application: id).route, use: decide)
        routes.post(SiteURL.officeApplicationAssign(application: id).route, use: assign)
        routes.get(SiteURL.officeStatistics.route, use: statistics)
        routes.get(SiteURL.officeStatisticsCSV.route, use: statisticsCSV)
    }

    private func service(_ req: Request) -> ProgramService { ProgramService(db: req.db) }

    @Sendable func settings(req: Request) async throws -> Response {
        let settings = try await service(req).settings()
        let statistics = try await service(req).statistics(fiscalYear: settings.fiscalYear, visitsPerCompany: settings.visitsPerCompany)
        return Layout.response(OfficeProgramPage.render(.init(settings: .init(settings), statistics: statistics), context: req.pageContext()))
    }

    struct SettingsForm: Content {
        var capacity: String?
        var visitsPerCompany: String?
        var hoursPerVisit: String?
        var opensOn: String?
        var closesOn: String?
        var termsTextJa: String?
        var termsTextEn: String?
        /// The single terms field of the form before the terms had two languages.
        var termsText: String?
        var preferOutsideMetro: String?
    }

    @Sendable func saveSettings(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let settings = try await service(req).settings()
        let form = try req.content.decode(SettingsForm.self)
        var dates = TypedDates()
        let opensOn = dates.date("opensOn", form.opensOn)
        let closesOn = dates.date("closesOn", form.closesOn)
        let termsJa = form.termsTextJa ?? form.termsText
        do {
            try await service(req).update(settings, with: .init(capacity: .integer(form.capacity), visitsPerCompany: .integer(form.visitsPerCompany),
                                                                hoursPerVisit: .integer(form.hoursPerVisit), opensOn: .calendarDate(opensOn),
                                                                closesOn: .calendarDate(closesOn), termsTextJa: termsJa, termsTextEn: form.termsTextEn,
                                                                preferOutsideMetro: form.preferOutsideMetro == "on"), by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.settingsSaved)
            return req.redirect(to: .officeProgram)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            let values = ["capacity": form.capacity, "visitsPerCompany": form.visitsPerCompany, "hoursPerVisit": form.hoursPerVisit,
                          "opensOn": form.opensOn, "closesOn": form.closesOn, "termsTextJa": termsJa, "termsTextEn": form.termsTextEn,
                          "preferOutsideMetro": form.preferOutsideMetro]
            let statistics = try await service(req).statistics(fiscalYear: settings.fiscalYear, visitsPerCompany: settings.visitsPerCompany)
            let model = OfficeProgramPage.Model(settings: .init(settings), form: FormState(values: values.compactMapValues { $0 }, error: dates.explained(error)),
                                                statistics: statistics)
            return Layout.response(OfficeProgramPage.render(model, context: req.pageContext()), status: error.status)
        }
    }

    @Sendable func applications(req: Request) async throws -> Response {
        let settings = try await service(req).settings()
        let status = req.query[String.self, at: "status"].flatMap(ApplicationStatus.init(rawValue:))
        let page = pageNumber(req.query[String.self, at: "page"])
        // The same list as the API's (`ProgramService.applications`): the waitlist in its order.
        let (items, total) = try await service(req).applications(of: settings, status: status, page: page, per: Self.perPage)
        let model = OfficeApplicationsPage.Model(applications: items.map(ApplicationRow.init), status: status, page: page,
                                                 pageCount: (total + Self.perPage - 1) / Self.perPage, settings: .init(settings))
        return Layout.response(OfficeApplicationsPage.render(model, context: req.pageContext()))
    }

    private func load(_ req: Request) async throws -> (ProgramApplication, ProgramSettings) {
        let application = try await service(req).application(id: req.uuidParameter("applicationID"))
        return (application, try await service(req).settings(fiscalYear: application.fiscalYear))
    }

    private func model(_ req: Request, _ application: ProgramApplication, _ settings: ProgramSettings) async throws -> OfficeApplicationPage.Model {
        let visits = try await service(req).visits(of: application)
        let suggestions = application.status == .accepted ? try await service(req).suggestions(for: application) : []
        return .init(application: ApplicationRow(application), organization: OrganizationRow(application.organization), settings: .init(settings),
              suggestions: suggestions.map { (ExpertRow($0.0), $0.1) },
              visits: VisitRow.rows(visits, attachments: try await service(req).attachments(of: visits)),
              deliverables: try await service(req).deliverables(of: application.organization),
              policy: PolicyDeliverable(try await service(req).policyDeliverable(of: application.organization)),
              survey: try await service(req).survey(of: application).map(SurveyAnswer.init))
    }

    @Sendable func application(req: Request) async throws -> Response {
        let (application, settings) = try await load(req)
        return Layout.response(OfficeApplicationPage.render(try await model(req, application, settings), context: req.pageContext()))
    }

    struct DecisionForm: Content {
        var decision: String?
        var reason: String?
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (application, settings) = try await load(req)
        let form = try req.content.decode(DecisionForm.self)
        guard let decision = form.decision.flatMap(ProgramService.Decision.init(rawValue:)) else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        do {
            try await service(req).decide(application, decision, reason: form.reason, settings: settings, by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.decisionSaved)
            return req.redirect(to: .officeApplication(application: try application.requireID()))
        } catch let refusal as ProgramService.DecisionRefusal {
            var model = try await model(req, application, try await service(req).settings(fiscalYear: application.fiscalYear))
            switch refusal {
            case .full: model.notice = L.Program.capacityFull
            case .reasonRequired:
                model.decisionForm = FormState(values: [:], error: Refusal.invalid("reason", .required).mamoriError)
                model.notice = L.Program.rejectReasonRequired
            }
            return Layout.response(OfficeApplicationPage.render(model, context: req.pageContext()), status: refusal.explained.status)
        }
    }

    struct AssignForm: Content { var expert: String? }

    @Sendable func assign(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (application, settings) = try await load(req)
        let form = try req.content.decode(AssignForm.self)
        let expert = try await service(req).expert(id: form.expert.flatMap(UUID.init(uuidString:)))
        do {
            try await service(req).assign(expert, to: application, by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.assigned)
            return req.redirect(to: .officeApplication(application: try application.requireID()))
        } catch let refusal as ProgramService.AssignRefusal {
            var model = try await model(req, application, settings)
            model.notice = refusal.explained.message
            return Layout.response(OfficeApplicationPage.render(model, context: req.pageContext()), status: refusal.explained.status)
        }
    }

    private func statisticsData(_ req: Request) async throws -> (ProgramSettings, ProgramStatistics, [(ExpertRow, Int)]) {
        let settings = try await service(req).settings()
        let statistics = try await service(req).statistics(fiscalYear: settings.fiscalYear, visitsPerCompany: settings.visitsPerCompany)
        let loads = try await service(req).loads(fiscalYear: settings.fiscalYear)
        let experts = try await service(req).experts().map { (ExpertRow($0), loads[$0.id!] ?? 0) }
        return (settings, statistics, experts)
    }

    @Sendable func statistics(req: Request) async throws -> Response {
        let (settings, statistics, experts) = try await statisticsData(req)
        return Layout.response(OfficeStatisticsPage.render(.init(statistics: statistics, fiscalYear: settings.fiscalYear, experts: experts),
                                                           context: req.pageContext()))
    }

    @Sendable func statisticsCSV(req: Request) async throws -> Response {
        let (settings, statistics, _) = try await statisticsData(req)
        let rows = Prefecture.all.map { prefecture -> [String] in
            let count = statistics.byPrefecture[prefecture.code] ?? .init()
            return [prefecture.code, prefecture.name.ja, prefecture.name.en, prefecture.region.rawValue, prefecture.metropolitanArea?.rawValue ?? "",
                    String(count.applications), String(count.accepted), String(count.completed)]
        }
        let summary: [[String]] = [
            ["", "合計", "Total", "", "", String(statistics.applications), String(statistics.accepted), String(statistics.completed)],
        ]
        return CSV.response(CSV.document(header: ["jis_code", "prefecture_ja", "prefecture_en", "region", "metropolitan_area", "applications", "accepted", "completed"],
                                         rows: rows + summary), filename: "program-statistics-fy\(settings.fiscalYear).csv")
    }
}
