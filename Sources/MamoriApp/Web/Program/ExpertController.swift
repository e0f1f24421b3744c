import Fluent
import Foundation
import MamoriCore
import Plot
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
        return Layout.response(ExpertPages.companies(expert: expert, applications: applications, visitsDone: done, upcoming: upcoming,
                                                     calendarLink: req.takeRevealedSecret(), context: req.pageContext()))
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
        return ExpertPages.company(expert: expert, application: application, settings: settings, visits: visits,
                                   attachments: try await service.attachments(of: visits),
                                   deliverables: try await service.deliverables(of: application.organization),
                                   policy: try await PolicyDeliverable.of(application.organization,
                                                                          reviewPath: SiteURL.expertPolicy(application: try application.requireID()).path,
                                                                          planPath: SiteURL.expertPlan(application: try application.requireID()).path, on: req.db),
                                   scheduleForm: scheduleForm, recordForms: recordForms, context: req.pageContext())
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
            _ = try await service.schedule(.init(number: form.number, scheduledAt: scheduledAt, mode: form.mode, place: form.place), for: application,
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
            try await ProgramService(db: req.db).record(.init(durationMinutes: fields["durationMinutes"], topics: fields["topics"],
                                                              progress: Dictionary(uniqueKeysWithValues: (1...4).map { ($0, fields["goal\($0)"] ?? "") }),
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

enum ExpertPages {
    static func companies(expert: ExpertProfile, applications: [ProgramApplication], visitsDone: [UUID: Int], upcoming: [ProgramVisit],
                          calendarLink: String?, context: PageContext) -> String {
        let t = context.t
        let names = Dictionary(uniqueKeysWithValues: applications.map { ($0.id!, $0.organization.name) })
        return Layout.page(title: t(L.Program.expertCompaniesTitle), context: context) {
            heading(1, t(L.Program.expertCompaniesTitle))
            if let next = upcoming.first {
                // The expert's landing page (the dashboard sends experts here): their next visit first.
                El("section", [("class", "card card-wide"), ("aria-labelledby", "next-visit"), ("id", "expert-next-visit")]) {
                    heading(2, t(L.Program.nextVisitTitle), id: "next-visit")
                    El("p") {
                        El("strong") { timeElement(next.scheduledAt, context) }
                        Text(" · \(names[next.$application.id] ?? "") \(t(L.Program.visitNumber(next.number))) · \(t(L.Program.visitMode(next.mode))) · ")
                        if next.mode == .online { link(next.place, to: next.place, [("rel", "noopener noreferrer")]) } else { Text(next.place) }
                    }
                    link(t(L.Diagnosis.view), to: SiteURL.expertCompany(application: next.$application.id).path)
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
                                    El("td", [("data-label", t(L.Organization.name))]) { Text(application.organization.name) }
                                    El("td", [("data-label", t(L.Accounts.prefecture))]) { Text(application.prefecture.map { $0.name(context.locale) } ?? "") }
                                    El("td", [("data-label", t(L.Program.contactName))]) { Text(application.contactName + " / " + application.contactPhone) }
                                    El("td", [("class", "number"), ("data-label", t(L.Program.visitsDone))]) { Text(String(visitsDone[application.id!] ?? 0)) }
                                    El("td", [("data-label", t(L.Organization.actions))]) { link(t(L.Diagnosis.view), to: SiteURL.expertCompany(application: application.id!).path) }
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
                                Text(" \(names[visit.$application.id] ?? "") \(t(L.Program.visitNumber(visit.number))) · \(t(L.Program.visitMode(visit.mode)))")
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

    static func company(expert: ExpertProfile, application: ProgramApplication, settings: ProgramSettings, visits: [ProgramVisit],
                        attachments: [UUID: [VisitAttachment]], deliverables: [(Deliverable, Deliverable.Status)], policy: PolicyDeliverable,
                        scheduleForm: FormState, recordForms: [Int: FormState],
                        context: PageContext) -> String {
        let t = context.t
        let id = application.id!
        let modes = ProgramVisit.Mode.allCases.filter { $0 == .onSite ? expert.onSite : expert.online }
        let next = (1...settings.visitsPerCompany).first { number in !visits.contains { $0.number == number } } ?? 1
        let scheduleState = scheduleForm.values.isEmpty && scheduleForm.errors.isEmpty ? FormState(values: ["number": String(next)]) : scheduleForm
        return Layout.page(title: application.organization.name, context: context) {
            heading(1, application.organization.name)
            El("section", [("class", "card card-wide")]) {
                OrganizationFacts(organization: application.organization, context: context)
                paragraph(t(L.Program.contactName) + t(L.Common.colon) + application.contactName + " / " + application.contactPhone)
                if !application.message.isEmpty { paragraph(t(L.Program.applyMessage) + t(L.Common.colon) + application.message) }
            }
            El("section", [("class", "card card-wide")]) {
                heading(2, t(L.Program.visitsTitle))
                VisitList(visits: visits, visitsPerCompany: settings.visitsPerCompany, attachments: attachments, context: context)
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
                DeliverableList(deliverables: deliverables, context: context, policy: policy)
            }
        }
    }
}
