import Fluent
import FluentSQL
import Foundation
import MamoriCore
import SQLKit
import Vapor

/// Who is acting: a signed-in user (browser session) or an API token acting for its user.
/// Every organization-scoped query starts from a principal (see `TenantScope`).
struct Principal: Authenticatable, Sendable {
    let user: User
    let organization: Organization?
    /// Set when the request came with an API token.
    let token: APIToken?

    var userID: UUID { user.id! }
    var role: Role { user.role }
    var organizationID: UUID? { organization?.id }

    var isOwner: Bool { role == .owner }
    var isOfficeAdmin: Bool { role == .officeAdmin }
}

extension Request {
    var principal: Principal? { auth.get(Principal.self) }

    /// The principal, or a 401 (API) / redirect to login (web, handled by `RequireSignIn`).
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }
}

/// Loads the user of the browser session. A deactivated user is signed out.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Only look when the request brought a session: touching `request.session` creates one.
        if request.hasSession, let raw = request.session.data[DatabaseSessionDriver.userIDKey] {
            if let id = UUID(uuidString: raw),
               let (user, organization) = try await Self.account(id, on: request.db),
               user.isActive {
                request.auth.login(Principal(user: user, organization: organization, token: nil))
            } else {
                request.session.data[DatabaseSessionDriver.userIDKey] = nil
            }
        }
        return try await next.respond(to: request)
    }

    /// The user and their organization. Every signed-in page asks this first, so it is two
    /// plain statements decoded into the models, without the query builder's work per query
    /// (docs/PERFORMANCE.md).
    static func account(_ id: UUID, on db: any Database) async throws -> (User, Organization?)? {
        guard let row = try await db.sql.raw("SELECT * FROM \(ident: User.schema) WHERE id = \(bind: id)").first() else { return nil }
        let user = try row.decode(fluentModel: User.self)
        guard let organizationID = user.$organization.id else { return (user, nil) }
        let organization = try await db.sql.raw("SELECT * FROM \(ident: Organization.schema) WHERE id = \(bind: organizationID)").first()
            .map { try $0.decode(fluentModel: Organization.self) }
        return (user, organization)
    }
}

/// Pages that need an account: without one, go to the login page and come back afterwards.
struct RequireSignIn: AsyncMiddleware {
    var roles: Set<Role>? = nil

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let principal = request.principal else {
            let back = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
            request.flash(.info, L.Common.signInToContinue)
            return request.redirect(to: SiteURL.login(next: back).path)
        }
        if let roles, !roles.contains(principal.role) {
            // Pages of another role do not exist for this user.
            throw Abort(.notFound)
        }
        return try await next.respond(to: request)
    }
}

/// For pages a signed-in person of another role may well find (the help directory's editing is
/// linked from the public directory): they are told plainly it is not theirs (403) instead of
/// getting a page that does not exist. Visitors still go to the login page first.
struct RequireRole: AsyncMiddleware {
    let roles: Set<Role>
    let refusal: LocalizedText

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let principal = request.principal, !roles.contains(principal.role) { throw MamoriError.forbidden(refusal) }
        return try await next.respond(to: request)
    }
}
