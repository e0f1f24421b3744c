import Fluent
import Foundation
import MamoriCore
import Vapor

/// The one-year action plan: propose from the gaps, edit, reorder, agree, timeline, exports
/// and a calendar feed of due months.
struct PlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.plan(organization: id).route, use: show)
        routes.post(SiteURL.planProposal(organization: id).route, use: propose)
        routes.post(SiteURL.planItems(organization: id).route, use: add)
        routes.get(SiteURL.planItem(organization: id, item: id).route, use: editForm)
        routes.post(SiteURL.planItem(organization: id, item: id).route, use: save)
        routes.post(SiteURL.planItemAction(organization: id, item: id, action: "a").route, use: action)
        routes.post(SiteURL.planAgree(organization: id).route, use: agree)
        routes.post(SiteURL.planCalendar(organization: id).route, use: calendar)
        routes.get(SiteURL.planPrint(organization: id).route, use: printable)
        routes.get(SiteURL.planDocx(organization: id).route, use: docx)
        routes.get(SiteURL.planXLSX(organization: id).route, use: xlsx)
        routes.post(SiteURL.planComments(organization: id).route, use: comment)
    }

    static func model(_ req: Request, _ organization: Organization, principal: Principal, addForm: FormState = .empty) async throws -> PlanPages.Model {
        let service = PlanService(db: req.db)
        let record = try await service.agreement(of: organization)
        return .init(organizationID: try organization.requireID(), organizationName: organization.name,
                     items: try await service.items(of: organization).map(PlanPages.Item.init),
                     agreedAt: record?.agreedAt, agreedBy: record?.agreedByName, isOwner: principal.isOwner,
                     today: PlanMonth(Day(Date())), calendarLink: req.takeRevealedSecret(), addForm: addForm,
                     comments: try await service.comments(of: organization).map(PlanPages.Comment.init),
                     commentAction: SiteURL.planComments(organization: try organization.requireID()).path)
    }

    @Sendable func comment(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        struct Form: Content { var body: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await PlanService(db: req.db).comment(form.body, on: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Plan.commentAdded)
            return req.redirect(to: SiteURL.plan(organization: try organization.requireID()).path + "#comments", redirectType: .normal)
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            var model = try await Self.model(req, organization, principal: principal)
            model.commentForm = FormState(values: ["body": form.body ?? ""], error: refusal.mamoriError)
            return Layout.response(PlanPages.plan(model, context: req.pageContext()), status: .unprocessableEntity)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        return Layout.response(PlanPages.plan(try await Self.model(req, organization, principal: principal), context: req.pageContext()))
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let count = try await PlanService(db: req.db).propose(for: organization, by: principal, ip: req.clientIP)
        req.flash(.success, L.Plan.proposed(count))
        return req.redirect(to: .plan(organization: try organization.requireID()))
    }

    @Sendable func add(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        struct Form: Content { var title: String?; var ownerName: String?; var startMonth: String?; var dueMonth: String? }
        let form = try req.content.decode(Form.self)
        do {
            _ = try await PlanService(db: req.db).add(title: form.title, ownerName: form.ownerName, startMonth: TypedDates.month(form.startMonth),
                                                      dueMonth: TypedDates.month(form.dueMonth),
                                                      to: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Plan.added)
            return req.redirect(to: .plan(organization: try organization.requireID()))
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            let state = FormState(values: ["title": form.title ?? "", "ownerName": form.ownerName ?? "", "startMonth": form.startMonth ?? "",
                                           "dueMonth": form.dueMonth ?? ""], error: refusal.mamoriError)
            return Layout.response(PlanPages.plan(try await Self.model(req, organization, principal: principal, addForm: state), context: req.pageContext()),
                                   status: .unprocessableEntity)
        }
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let item = try await PlanService(db: req.db).find(req.uuidParameter("itemID"), in: organization)
        let row = PlanPages.Item(item)
        return Layout.response(PlanPages.edit(.init(organizationID: try organization.requireID(), item: row,
                                                    state: FormState(values: PlanPages.values(of: row))), context: req.pageContext()))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let service = PlanService(db: req.db)
        let item = try await service.find(req.uuidParameter("itemID"), in: organization)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let raw = PlanService.Patch.Raw(title: fields["title"], status: fields["status"], progress: .integer(fields["progress"]), ownerName: fields["ownerName"],
                                        startMonth: TypedDates.month(fields["startMonth"]), dueMonth: TypedDates.month(fields["dueMonth"]),
                                        notes: fields["notes"], dropReason: fields["dropReason"])
        do {
            switch PlanService.Patch.parse(raw) {
            case .success(let patch): try await service.update(item, with: patch, by: principal, ip: req.clientIP)
            case .failure(let problems): throw Refusal.invalid(problems)
            }
            req.flash(.success, L.Plan.saved)
            return req.redirect(to: SiteURL.plan(organization: try organization.requireID()).path + "#item-\(item.id!.uuidString)", redirectType: .normal)
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            return Layout.response(PlanPages.edit(.init(organizationID: try organization.requireID(), item: PlanPages.Item(item),
                                                        state: FormState(values: fields, error: refusal.mamoriError)), context: req.pageContext()),
                                   status: .unprocessableEntity)
        }
    }

    @Sendable func action(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let service = PlanService(db: req.db)
        let item = try await service.find(req.uuidParameter("itemID"), in: organization)
        switch req.parameters.get("action") {
        case "up": try await service.move(item, up: true, in: organization, by: principal, ip: req.clientIP)
        case "down": try await service.move(item, up: false, in: organization, by: principal, ip: req.clientIP)
        case "remove": try await service.remove(item, by: principal, ip: req.clientIP); req.flash(.success, L.Plan.removed)
        default: throw Refusal.notFound
        }
        return req.redirect(to: .plan(organization: try organization.requireID()))
    }

    @Sendable func agree(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        do {
            try await PlanService(db: req.db).agree(organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Plan.agreedFlash)
        } catch Refusal.conflict(let message) {
            req.flash(.error, message)
        } catch Refusal.notAllowed(let message) {
            req.flash(.error, message)
        }
        return req.redirect(to: .plan(organization: try organization.requireID()))
    }

    @Sendable func calendar(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let token = try await PlanService(db: req.db).renewCalendar(of: organization, by: principal, ip: req.clientIP)
        req.revealOnce(req.application.settings.absoluteLink(SiteURL.planFeed(token: token + ".ics").path))
        req.flash(.success, L.Plan.calendarCreated)
        return req.redirect(to: SiteURL.plan(organization: try organization.requireID()).path + "#calendar", redirectType: .normal)
    }

    @Sendable func printable(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        return Layout.response(PlanPages.printable(try await Self.model(req, organization, principal: principal), context: req.pageContext()))
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let model = try await Self.model(req, organization, principal: principal)
        let locale = req.locale
        let header = [L.Plan.priority, L.Plan.item, L.Plan.source, L.Plan.owner, L.Plan.startMonth, L.Plan.dueMonth, L.Plan.status, L.Plan.progress, L.Plan.notes]
            .map { $0(locale) }
        let rows = model.items.enumerated().map { index, item in
            [String(index + 1), item.title, L.Plan.sourceName(item.sourceKind)(locale), item.ownerName, item.start?.description ?? "",
             item.due?.description ?? "", L.Plan.statusName(item.status)(locale), String(item.progress), item.notes]
        }
        return PolicyController.download(try XLSXWorkbook(sheetName: L.Plan.title(locale), rows: [header] + rows).data(), filename: "action-plan.xlsx",
                                         contentType: XLSXWorkbook.contentType)
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let model = try await Self.model(req, organization, principal: principal)
        return PolicyController.download(try PlanPages.docx(model, locale: req.locale), filename: "action-plan.docx", contentType: DocxDocument.contentType)
    }
}

/// `GET /calendar/plan/<token>.ics`: the open items' due months for calendar apps (which cannot
/// log in); only the SHA-256 of the token is stored, and a new one revokes the old.
struct PlanFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planFeed(token: "t").route, use: feed)
    }

    @Sendable func feed(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("token"), raw.hasSuffix(".ics"),
              let (organization, items) = try await PlanService(db: req.db).calendar(token: String(raw.dropLast(4))) else { throw Refusal.notFound }
        let events = items.compactMap { item -> ICalendar.Event? in
            guard let due = PlanMonth(item.dueMonth), let start = Day(due.year, due.month, 1).morningInTokyo else { return nil }
            return ICalendar.Event(uid: "\(item.id!.uuidString)@mamori-plan", start: start, end: start.addingTimeInterval(3600),
                                   summary: "【期限】" + item.title, location: nil,
                                   description: (item.ownerName.isEmpty ? "" : "担当：\(item.ownerName)\n") + "\(item.progress)%", url: nil)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.calendar(name: "Mamori — \(organization.name)", events: events)))
    }
}

extension Day {
    /// 09:00 in Tokyo on this day, as an instant (calendar entries for due months).
    var morningInTokyo: Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.tokyo
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 9))
    }
}

/// The assigned expert reads the company's plan and comments on it; editing stays with the company.
struct ExpertPlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.expertPlan(application: SiteURL.anyID).route, use: show)
        routes.post(SiteURL.expertPlanComments(application: SiteURL.anyID).route, use: comment)
    }

    private func company(_ req: Request) async throws -> (Principal, ProgramApplication) {
        let principal = try req.requirePrincipal()
        guard let expert = try await TenantScope.expertProfile(for: principal, on: req.db) else { throw Refusal.notFound }
        return (principal, try await TenantScope.assignedApplication(req.uuidParameter("applicationID"), to: expert, on: req.db))
    }

    private func model(_ req: Request, _ application: ProgramApplication, _ principal: Principal) async throws -> PlanPages.Model {
        var model = try await PlanController.model(req, application.organization, principal: principal)
        model.readOnly = true
        model.isOwner = false
        model.commentAction = SiteURL.expertPlanComments(application: try application.requireID()).path
        return model
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (principal, application) = try await company(req)
        return Layout.response(PlanPages.plan(try await model(req, application, principal), context: req.pageContext()))
    }

    @Sendable func comment(req: Request) async throws -> Response {
        let (principal, application) = try await company(req)
        struct Form: Content { var body: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await PlanService(db: req.db).comment(form.body, on: application.organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Plan.commentAdded)
            return req.redirect(to: SiteURL.expertPlan(application: try application.requireID()).path + "#comments", redirectType: .normal)
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            var model = try await model(req, application, principal)
            model.commentForm = FormState(values: ["body": form.body ?? ""], error: refusal.mamoriError)
            return Layout.response(PlanPages.plan(model, context: req.pageContext()), status: .unprocessableEntity)
        }
    }
}
