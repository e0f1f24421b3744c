import Fluent
import MamoriCore
import Vapor

/// The audit log: an organization's entries for its members, everything for the office.
struct AuditController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.audit(organization: SiteURL.anyID).route, use: organizationLog)
    }

    static func filter(from req: Request) -> AuditLog.Filter {
        let action = req.query[String.self, at: "action"].flatMap { AuditAction(rawValue: $0)?.rawValue }
        return AuditLog.Filter(actorID: req.query[String.self, at: "user"].flatMap(UUID.init(uuidString:)), action: action)
    }

    @Sendable func organizationLog(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let orgID = try organization.requireID()
        let filter = Self.filter(from: req)
        let page = pageNumber(req.query[String.self, at: "page"])
        let entries = try await AuditLog.page(organizationID: orgID, filter: filter, page: PageRequest(page: page, per: Self.perPage), on: req.db)
        let people = try await AuditLog.people(organizationID: orgID, on: req.db)
        let model = AuditPage.Model(entries: entries.map(AuditPage.Entry.init), filter: filter, people: people.map(AuditPage.Person.init), isOffice: false) {
            .audit(organization: orgID, filter: $0, page: $1)
        }
        return Layout.response(AuditPage.render(model, context: req.pageContext()))
    }

    @Sendable func officeLog(req: Request) async throws -> Response {
        let filter = Self.filter(from: req)
        let page = pageNumber(req.query[String.self, at: "page"])
        let entries = try await AuditLog.page(organizationID: nil, filter: filter, page: PageRequest(page: page, per: Self.perPage), on: req.db)
        let people = try await AuditLog.people(organizationID: nil, on: req.db)
        let model = AuditPage.Model(entries: entries.map(AuditPage.Entry.init), filter: filter, people: people.map(AuditPage.Person.init), isOffice: true) {
            .officeAudit(filter: $0, page: $1)
        }
        return Layout.response(AuditPage.render(model, context: req.pageContext()))
    }
}
