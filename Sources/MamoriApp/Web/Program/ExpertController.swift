import Fluent
import Foundation
import MamoriCore
import Vapor

/// The expert's side: the companies assigned to them, scheduling and recording visits, and a
/// calendar feed. Anything not assigned to the signed-in expert answers 404.
struct ExpertController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.expertCompanies.route, use: companies)
        routes.get(SiteURL.expertCompany(application: id).route, use: company)
        routes.post(SiteURL.expertVisitSchedule(application: id).route, use: schedule)
        routes.post(SiteURL.expertVisitRecord(application: id, number: 1).route, use: record)
        routes.post(SiteURL.expertCalendarToken.route, use: createCalendarToken)
        routes.on(.POST, SiteURL.expertVisitAttachments(application: id, number: 1).route, body: .collect(maxSize: "1gb"), use: attach)
    }

    /// The signed-in expert's profile; an expert account without one sees an explanation.
    static func profile(_ req: Request) async throws -> ExpertProfile? {
        try await TenantScope.expertProfile(for: try req.requirePrincipal(), on: req.db)
    }

    /// An application assigned to this expert, or 404.
    static func assigned(_ req: Request, _ expert: ExpertProfile) async throws -> ProgramApplication {
        try await TenantScope.assignedApplication(req.uuidParameter("applicationID"), to: expert, on: req.db)
    }

    @Sendable func companies(req: Request) async throws -> Response {
        guard let expert = try await Self.profile(req) else {
            return Layout.response(MessagePage.render(title: L.Program.expertCompaniesTitle, message: L.Program.noExpertProfile, context: req.pageContext()))
        }
        let service = ProgramService(db: req.db)
        let applications = try await service.assignedCompanies(of: expert)
        let done = try await service.visitsDone(of: applications)
        let upcoming = try await service.upcomingVisits(of: applications)
        let model = ExpertPages.CompaniesModel(applications: applications.map(ApplicationRow.init), visitsDone: done,
                                               upcoming: upcoming.map { VisitRow($0) }, calendarLink: req.takeRevealedSecret())
        return Layout.response(ExpertPages.companies(model, context: req.pageContext()))
    }

    @Sendable func company(req: Request) async throws -> Response {
        guard let expert = try await Self.profile(req) else { throw MamoriError.notFound() }
        let application = try await Self.assigned(req, expert)
        return Layout.response(try await page(req, expert: expert, application: application, scheduleForm: .empty, recordForms: [:], status: .ok))
    }

    private func page(_ req: Request, expert: ExpertProfile, application: ProgramApplication, scheduleForm: FormState,
                      recordForms: [Int: FormState], status: HTTPResponseStatus) async throws -> String {
        let service = ProgramService(db: req.db)
        let settings = try await service.settings(fiscalYear: application.fiscalYear)
        let visits = try await service.visits(of: application)
        let id = try application.requireID()
        let model = ExpertPages.CompanyModel(expert: ExpertRow(expert), application: ApplicationRow(application), organization: OrganizationRow(application.organization),
                                             settings: .init(settings), visits: VisitRow.rows(visits, attachments: try await service.attachments(of: visits)),
                                             deliverables: try await service.deliverables(of: application.organization),
                                             policy: PolicyDeliverable(try await service.policyDeliverable(of: application.organization),
                                                                       reviewPath: SiteURL.expertPolicy(application: id).path, planPath: SiteURL.expertPlan(application: id).path),
                                             scheduleForm: scheduleForm, recordForms: recordForms)
        return ExpertPages.company(model, context: req.pageContext())
    }

    struct ScheduleForm: Content {
        var number: String?
        var scheduledAt: String?
        var mode: String?
        var place: String?
    }

    @Sendable func schedule(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let expert = try await Self.profile(req) else { throw MamoriError.notFound() }
        let application = try await Self.assigned(req, expert)
        let form = try req.content.decode(ScheduleForm.self)
        let service = ProgramService(db: req.db)
        var dates = TypedDates()
        let scheduledAt = dates.dateTime("scheduledAt", form.scheduledAt)
        do {
            _ = try await service.schedule(.init(number: .integer(form.number), scheduledAt: .tokyoDateTime(scheduledAt), mode: .choice(form.mode),
                                                 place: form.place), for: application,
                                           settings: try await service.settings(fiscalYear: application.fiscalYear), expert: expert, by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.visitScheduledNotice)
            return req.redirect(to: .expertCompany(application: try application.requireID()))
        } catch let caught as any ExplainableError where !caught.explained.fields.isEmpty {
            let error = caught.explained
            let state = FormState(values: ["number": form.number ?? "", "scheduledAt": form.scheduledAt ?? "", "mode": form.mode ?? "", "place": form.place ?? ""], error: dates.explained(error))
            return Layout.response(try await page(req, expert: expert, application: application, scheduleForm: state, recordForms: [:], status: error.status), status: error.status)
        }
    }

    @Sendable func record(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let expert = try await Self.profile(req) else { throw MamoriError.notFound() }
        let application = try await Self.assigned(req, expert)
        guard let number = req.parameters.get("number").flatMap(Int.init),
              let visit = try await ProgramService(db: req.db).visit(number, of: application)
        else { throw MamoriError.notFound() }
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        do {
            try await ProgramService(db: req.db).record(.init(durationMinutes: .integer(fields["durationMinutes"]), topics: fields["topics"],
                                                              progress: Dictionary(uniqueKeysWithValues: (1...4).map { ($0, .integer(fields["goal\($0)"])) }),
                                                              nextSteps: fields["nextSteps"]),
                                                        for: visit, application: application, by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.visitRecordedNotice)
            return req.redirect(to: .expertCompany(application: try application.requireID()))
        } catch let caught as any ExplainableError where !caught.explained.fields.isEmpty {
            let error = caught.explained
            let state = FormState(values: fields.filter { $0.key != CSRFMiddleware.formField }, error: error)
            return Layout.response(try await page(req, expert: expert, application: application, scheduleForm: .empty, recordForms: [number: state], status: error.status),
                                   status: error.status)
        }
    }

    struct UploadForm: Content { var file: File? }

    /// Attaches a file to a visit (multipart form). The limit is `MAMORI_MAX_UPLOAD_MB`.
    @Sendable func attach(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let expert = try await Self.profile(req) else { throw MamoriError.notFound() }
        let application = try await Self.assigned(req, expert)
        guard let number = req.parameters.get("number").flatMap(Int.init),
              let visit = try await ProgramService(db: req.db).visit(number, of: application)
        else { throw MamoriError.notFound() }
        let limit = req.application.settings.maxUploadBytes
        guard let file = (try? req.content.decode(UploadForm.self))?.file else {
            req.flash(.error, L.Program.attachmentEmpty)
            return req.redirect(to: .expertCompany(application: try application.requireID()))
        }
        do {
            _ = try await ProgramService(db: req.db).attach(filename: file.filename, contentType: file.contentType?.serialize(), data: Data(buffer: file.data),
                                                            to: visit, application: application, limit: limit, by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.attached)
        } catch FileIntake.Refusal.empty {
            req.flash(.error, L.Program.attachmentEmpty)
        } catch FileIntake.Refusal.tooLarge {
            throw MamoriError(status: .payloadTooLarge, code: "payload_too_large", message: L.Program.attachmentTooLarge(req.application.settings.maxUploadMegabytes))
        }
        return req.redirect(to: .expertCompany(application: try application.requireID()))
    }

    /// A new secret address for the expert's calendar app; the previous one stops working.
    @Sendable func createCalendarToken(req: Request) async throws -> Response {
        guard let expert = try await Self.profile(req) else { throw MamoriError.notFound() }
        let token = try await ProgramService(db: req.db).renewCalendar(of: expert, by: try req.requirePrincipal(), ip: req.clientIP)
        req.revealOnce(req.application.settings.absoluteLink(SiteURL.calendarFeed(token: token + ".ics").path))
        req.flash(.success, L.Program.calendarCreated)
        return req.redirect(to: .expertCompanies)
    }
}

/// `GET /calendar/<token>.ics`: public (calendar apps cannot log in) but unguessable; only
/// the SHA-256 of the token is stored.
struct CalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.calendarFeed(token: "t").route, use: feed)
    }

    @Sendable func feed(req: Request) async throws -> Response {
        var token = req.parameters.get("token") ?? ""
        if token.hasSuffix(".ics") { token.removeLast(4) }
        let service = ProgramService(db: req.db)
        guard let expert = try await service.expert(calendarToken: token) else { throw MamoriError.notFound() }
        let events = try await service.calendarEvents(of: expert)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.calendar(name: "Mamori — \(expert.name)", events: events)))
    }
}
