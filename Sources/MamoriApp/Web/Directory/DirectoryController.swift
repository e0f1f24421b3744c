import Fluent
import Foundation
import MamoriCore
import Vapor

/// The public help directory and its entry pages; signed-in people report outdated entries.
struct DirectoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.contacts().route, use: list)
        routes.get(SiteURL.contact(id: "e").route, use: show)
        routes.post(SiteURL.contactReports(id: "e").route, use: report)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let query = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        let category = req.query[String.self, at: "category"] ?? ""
        let need = req.query[String.self, at: "need"] ?? ""
        let directory = try await DirectoryService(db: req.db).directory()
        let results = directory.search(query, category: category, need: DirectoryNeed(rawValue: need))
        return Layout.response(ContactsPage.render(.init(results: results, query: query, category: category, need: need), context: req.pageContext()))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let entry = try await DirectoryService(db: req.db).entry(req.parameters.get("entryID") ?? "")
        return Layout.response(ContactPage.render(.init(entry: entry), context: req.pageContext()))
    }

    @Sendable func report(req: Request) async throws -> Response {
        guard let principal = req.principal else {
            return req.redirect(to: .login(next: SiteURL.contact(id: req.parameters.get("entryID") ?? "").path))
        }
        struct Form: Content { var note: String? }
        let id = req.parameters.get("entryID") ?? ""
        let form = try req.content.decode(Form.self)
        let service = DirectoryService(db: req.db)
        do {
            _ = try await service.report(id, note: form.note, by: principal, ip: req.clientIP)
            req.flash(.success, L.Directory.reportSent)
            return req.redirect(to: .contact(id: id))
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            return Layout.response(ContactPage.render(.init(entry: try await service.entry(id),
                                                            reportForm: FormState(values: ["note": form.note ?? ""], error: refusal.mamoriError)),
                                                      context: req.pageContext()), status: .unprocessableEntity)
        }
    }
}

/// The program office corrects, adds, retires and verifies entries and works through reports.
struct OfficeDirectoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.officeDirectory().route, use: list)
        routes.get(SiteURL.officeDirectoryNew.route, use: newForm)
        routes.post(SiteURL.officeDirectoryNew.route, use: create)
        routes.get(SiteURL.officeDirectoryEntry(id: "e").route, use: editForm)
        routes.post(SiteURL.officeDirectoryEntry(id: "e").route, use: save)
        routes.post(SiteURL.officeDirectoryAction(id: "e", action: "a").route, use: action)
        routes.post(SiteURL.officeDirectoryReportResolve(report: SiteURL.anyID).route, use: resolve)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let service = DirectoryService(db: req.db)
        let reports = try await service.openReports(page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: 50))
        return Layout.response(OfficeDirectoryPages.list(.init(entries: try await service.entries(includeRetired: true),
                                                               reports: reports.map(OfficeDirectoryPages.Report.init)), context: req.pageContext()))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        Layout.response(OfficeDirectoryPages.form(.init(entry: nil, state: FormState(values: ["category": "consultation"])), context: req.pageContext()))
    }

    static func input(_ req: Request) -> (DirectoryService.EntryInput.Raw, [String: String]) {
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let raw = DirectoryService.EntryInput.Raw(
            organizationJa: fields["organizationJa"], organizationEn: fields["organizationEn"], nameJa: fields["nameJa"], nameEn: fields["nameEn"],
            purposeJa: fields["purposeJa"], purposeEn: fields["purposeEn"], category: fields["category"], phone: fields["phone"], email: fields["email"],
            url: fields["url"], hoursJa: fields["hoursJa"], hoursEn: fields["hoursEn"],
            needs: DirectoryNeed.allCases.filter { fields["need_\($0.rawValue)"] == "on" }.map(\.rawValue), historical: fields["historical"] == "on")
        return (raw, fields)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (raw, fields) = Self.input(req)
        switch DirectoryService.EntryInput.parse(raw) {
        case .success(let input):
            let entry = try await DirectoryService(db: req.db).add(input, by: principal, ip: req.clientIP)
            req.flash(.success, L.Directory.saved)
            return req.redirect(to: .officeDirectoryEntry(id: entry.contact.id))
        case .failure(let problems):
            return Layout.response(OfficeDirectoryPages.form(.init(entry: nil, state: FormState(values: fields, error: .invalid(problems))), context: req.pageContext()),
                                   status: .unprocessableEntity)
        }
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let entry = try await DirectoryService(db: req.db).entry(req.parameters.get("entryID") ?? "", includeRetired: true)
        return Layout.response(OfficeDirectoryPages.form(.init(entry: entry, state: FormState(values: OfficeDirectoryPages.values(of: entry.contact))),
                                                         context: req.pageContext()))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let service = DirectoryService(db: req.db)
        let id = req.parameters.get("entryID") ?? ""
        let entry = try await service.entry(id, includeRetired: true)
        let (raw, fields) = Self.input(req)
        switch DirectoryService.EntryInput.parse(raw) {
        case .success(let input):
            _ = try await service.correct(id, with: input, by: principal, ip: req.clientIP)
            req.flash(.success, L.Directory.saved)
            return req.redirect(to: .officeDirectoryEntry(id: id))
        case .failure(let problems):
            return Layout.response(OfficeDirectoryPages.form(.init(entry: entry, state: FormState(values: fields, error: .invalid(problems))), context: req.pageContext()),
                                   status: .unprocessableEntity)
        }
    }

    @Sendable func action(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let service = DirectoryService(db: req.db)
        let id = req.parameters.get("entryID") ?? ""
        switch req.parameters.get("action") {
        case "retire": try await service.setRetired(id, true, by: principal, ip: req.clientIP); req.flash(.success, L.Directory.retiredDone)
        case "restore": try await service.setRetired(id, false, by: principal, ip: req.clientIP); req.flash(.success, L.Directory.restoredDone)
        case "verify": try await service.verify(id, by: principal, ip: req.clientIP); req.flash(.success, L.Directory.verifiedDone)
        default: throw Refusal.notFound
        }
        return req.redirect(to: .officeDirectoryEntry(id: id))
    }

    @Sendable func resolve(req: Request) async throws -> Response {
        try await DirectoryService(db: req.db).resolve(req.uuidParameter("reportID"), by: try req.requirePrincipal(), ip: req.clientIP)
        req.flash(.success, L.Directory.resolved)
        return req.redirect(to: .officeDirectory())
    }
}
