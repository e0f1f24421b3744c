import Fluent
import Foundation
import MamoriCore
import Vapor

/// The organization's telework pages: overview, self-check, result, comparison, checklist and
/// the staff sheet.
struct TeleworkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.telework(organization: id).route, use: overview)
        routes.get(SiteURL.teleworkSelfCheck(organization: id).route, use: form)
        routes.post(SiteURL.teleworkSelfCheck(organization: id).route, use: save)
        routes.get(SiteURL.teleworkResult(organization: id, check: id).route, use: result)
        routes.get(SiteURL.teleworkCompare(organization: id).route, use: compare)
        routes.get(SiteURL.teleworkChecklist(organization: id).route, use: checklist)
        routes.post(SiteURL.teleworkChecklist(organization: id).route, use: saveChecklist)
        routes.get(SiteURL.teleworkSheet(organization: id).route, use: sheet)
        routes.post(SiteURL.teleworkContact(organization: id).route, use: saveContact)
    }

    @Sendable func overview(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let service = TeleworkService(db: req.db)
        let history = try await service.page(of: organization, page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: 20))
        let checklist = try await service.checklist(of: organization)
        return Layout.response(TeleworkPages.overview(.init(
            organizationID: try organization.requireID(),
            latest: try await service.latest(of: organization).flatMap(TeleworkPages.Check.init),
            history: history.map { TeleworkPages.Check($0) ?? TeleworkPages.Check.unreadable($0) },
            checklistDone: checklist?.doneCount ?? 0, checklistTotal: TeleworkContent.bundled.checklist.count), context: req.pageContext()))
    }

    @Sendable func form(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        return Layout.response(TeleworkPages.form(.init(organizationID: try organization.requireID(), answers: [:], missing: [],
                                                        respondent: principal.user.displayName), context: req.pageContext()))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var raw: [String: String] = [:]
        for point in TeleworkAnswers.pointNumbers { if let value = fields["p\(point)"], !value.isEmpty { raw[String(point)] = value } }
        switch TeleworkAnswers.parse(raw) {
        case .success(let answers):
            let check = try await TeleworkService(db: req.db).save(answers, respondent: fields["respondentName"], in: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Telework.saved)
            return req.redirect(to: .teleworkResult(organization: try organization.requireID(), check: try check.requireID()))
        case .failure(let problems):
            // Keep every answer given; mark the missing ones.
            let given = raw.compactMapValues(TeleworkAnswer.init(rawValue:)).reduce(into: [Int: TeleworkAnswer]()) { $0[Int($1.key) ?? 0] = $1.value }
            let missing = Set(problems.byItem.keys.compactMap(Int.init))
            return Layout.response(TeleworkPages.form(.init(organizationID: try organization.requireID(), answers: given, missing: missing,
                                                            respondent: fields["respondentName"] ?? ""), context: req.pageContext()),
                                   status: .unprocessableEntity)
        }
    }

    @Sendable func result(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let record = try await TeleworkService(db: req.db).find(req.uuidParameter("checkID"), in: organization)
        guard let check = TeleworkPages.Check(record) else { throw Refusal.notFound }
        return Layout.response(TeleworkPages.result(.init(organizationID: try organization.requireID(), check: check), context: req.pageContext()))
    }

    @Sendable func compare(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let service = TeleworkService(db: req.db)
        let recent = try await service.page(of: organization, page: PageRequest(page: 1, per: 50)).items
        let before = try await req.query[String.self, at: "before"].flatMap(UUID.init(uuidString:)).asyncMap { try await service.find($0, in: organization) }
            ?? (recent.count > 1 ? recent[1] : nil)
        let after = try await req.query[String.self, at: "after"].flatMap(UUID.init(uuidString:)).asyncMap { try await service.find($0, in: organization) }
            ?? recent.first
        return Layout.response(TeleworkPages.compare(.init(organizationID: try organization.requireID(), checks: recent.compactMap(TeleworkPages.Check.init),
                                                           before: before.flatMap(TeleworkPages.Check.init), after: after.flatMap(TeleworkPages.Check.init)),
                                                     context: req.pageContext()))
    }

    @Sendable func checklist(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let service = TeleworkService(db: req.db)
        let role = req.query[String.self, at: "role"].flatMap(TeleworkRole.init(rawValue:))
        let threat = req.query[String.self, at: "threat"].flatMap(TeleworkThreat.init(rawValue:))
        return Layout.response(TeleworkPages.checklist(.init(
            organizationID: try organization.requireID(), role: role, threat: threat,
            done: try await service.checklist(of: organization)?.done ?? [],
            history: try await service.checklistHistory(of: organization, page: PageRequest(page: 1, per: 10)).items.map {
                TeleworkPages.ChecklistSave(at: $0.createdAt, by: $0.createdByName, done: $0.doneCount)
            }), context: req.pageContext()))
    }

    /// The form lists `done` checkboxes for the items shown and hidden `kept` fields for ticked
    /// items a filter hides, so a filtered save never loses them.
    @Sendable func saveChecklist(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        struct Form: Content { var done: [String]?; var kept: [String]?; var role: String?; var threat: String? }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let saved = try await TeleworkService(db: req.db).saveChecklist(done: Set((form.done ?? []) + (form.kept ?? [])), in: organization,
                                                                        by: principal, ip: req.clientIP)
        req.flash(.success, saved == nil ? L.Telework.checklistUnchanged : L.Telework.checklistSaved)
        return req.redirect(to: .teleworkChecklist(organization: try organization.requireID(),
                                                   role: form.role.flatMap { $0.isEmpty ? nil : $0 }, threat: form.threat.flatMap { $0.isEmpty ? nil : $0 }))
    }

    @Sendable func sheet(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let language = req.query[String.self, at: "sheet"].flatMap(AppLocale.init(rawValue:)) ?? req.locale
        let printable = req.query[String.self, at: "print"] == "1"
        return Layout.response(TeleworkPages.sheet(.init(organizationID: try organization.requireID(), organizationName: organization.name,
                                                         contact: organization.incidentContact, language: language, printable: printable,
                                                         isOwner: principal.isOwner, form: .empty), context: req.pageContext()))
    }

    @Sendable func saveContact(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        struct Form: Content { var incidentContact: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await TeleworkService(db: req.db).setIncidentContact(form.incidentContact, of: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Telework.contactSaved)
            return req.redirect(to: .teleworkSheet(organization: try organization.requireID()))
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            return Layout.response(TeleworkPages.sheet(.init(organizationID: try organization.requireID(), organizationName: organization.name,
                                                             contact: organization.incidentContact, language: req.locale, printable: false, isOwner: true,
                                                             form: FormState(values: ["incidentContact": form.incidentContact ?? ""], error: refusal.mamoriError)),
                                                       context: req.pageContext()), status: .unprocessableEntity)
        }
    }
}
