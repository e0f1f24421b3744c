import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime
import Vapor

/// The JSON API, implementing the operations generated from `openapi.yaml`. Handlers are thin:
/// they check the principal, call the same services as the web pages and map to the DTOs.
struct MamoriAPI: APIProtocol {
    let db: any Database
    /// The address people use, for absolute links in answers (the public policy page).
    var publicURL = "http://127.0.0.1:8080"
    /// `MAMORI_WEBHOOK_ALLOW_PRIVATE`: as for the page.
    var webhooksAllowPrivateTargets = false

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let principal = try APIContext.requirePrincipal()
        let me = Components.Schemas.Me(
            user: .init(principal.user),
            role: .init(rawValue: principal.role.rawValue)!,
            organization: principal.organization.map(Components.Schemas.Organization.init)
        )
        return .ok(.init(body: .json(me)))
    }

    func listMembers(_ input: Operations.ListMembers.Input) async throws -> Operations.ListMembers.Output {
        let organization = try APIContext.requireTenant(named: input.path.organizationId).organization
        let page = try Self.pageRequest(input.query.page, input.query.per)
        let members = try await User.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$deactivatedAt == nil)
            .sort(\.$role, .descending).sort(\.$displayName).sort(\.$id)
            .paginate(page)
        let items = members.items.map { user in
            Components.Schemas.Member(id: user.id!.uuidString, displayName: user.displayName, email: user.email,
                                      role: user.role == .owner ? .owner : .member, joinedAt: user.createdAt ?? Date(timeIntervalSince1970: 0))
        }
        return .ok(.init(body: .json(.init(items: items, metadata: .init(members.metadata)))))
    }

    func listAuditEntries(_ input: Operations.ListAuditEntries.Input) async throws -> Operations.ListAuditEntries.Output {
        let organization = try APIContext.requireTenant(named: input.path.organizationId).organization
        var filter = AuditLog.Filter(action: input.query.action)
        if let user = input.query.user {
            guard let id = UUID(uuidString: user) else { throw Self.invalid("user", .notANumber) }
            filter.actorID = id
        }
        let entries = try await AuditLog.page(organizationID: organization.requireID(), filter: filter,
                                              page: try Self.pageRequest(input.query.page, input.query.per), on: db)
        let items = entries.items.map { entry in
            Components.Schemas.AuditEntry(id: entry.id!.uuidString, at: entry.createdAt, actorId: entry.actorID?.uuidString,
                                          actorEmail: entry.actorEmail, action: entry.action, targetType: entry.targetType,
                                          targetId: entry.targetID, summary: entry.summary(APIContext.locale))
        }
        return .ok(.init(body: .json(.init(items: items, metadata: .init(entries.metadata)))))
    }

    static let defaultPerPage = 25
    static let maximumPerPage = 100

    static func pageRequest(_ page: Int?, _ per: Int?) throws -> PageRequest {
        if let page, page < 1 { throw invalid("page", .outOfRange(minimum: 1, maximum: Int64(Int32.max))) }
        if let per, !(1...maximumPerPage).contains(per) { throw invalid("per", .outOfRange(minimum: 1, maximum: Int64(maximumPerPage))) }
        return PageRequest(page: page ?? 1, per: per ?? defaultPerPage)
    }

    static func invalid(_ field: String, _ problem: FieldProblem) -> MamoriError {
        var problems = FieldProblems()
        problems.add(field, problem)
        return .invalid(problems)
    }
}

extension Components.Schemas.User {
    init(_ user: User) {
        self.init(id: user.id!.uuidString, email: user.email, displayName: user.displayName, locale: user.appLocale == .en ? .en : .ja)
    }
}

extension Components.Schemas.Organization {
    init(_ organization: Organization) {
        self.init(
            id: organization.id!.uuidString,
            name: organization.name,
            prefecture: .init(code: organization.prefectureCode, name: organization.prefecture?.name.ja ?? organization.prefectureCode),
            category: organization.category,
            employees: organization.employees,
            capitalYen: organization.capitalYen
        )
    }
}

extension Components.Schemas.PageMetadata {
    init(_ metadata: PageMetadata) {
        self.init(page: metadata.page, per: metadata.per, total: metadata.total)
    }
}
