import Foundation
import Vapor

/// The organization a signed-in request acts in, and who acts.
struct Tenant: Sendable {
    let principal: Principal
    let organization: Organization
}

/// Tenancy by construction: on every route of the group whose path carries `:orgID`, the
/// organization is resolved for the principal before any handler runs — 404 for another
/// organization's id, a malformed id or a role outside organizations (`TenantScope`). Handlers
/// read `req.tenant()`, so a new organization route cannot forget the check.
struct TenantMiddleware: AsyncMiddleware {
    static let parameter = "orgID"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.parameters.get(Self.parameter) != nil {
            let principal = try request.requirePrincipal()
            let organization = try await TenantScope.organization(request.uuidParameter(Self.parameter), for: principal, on: request.db)
            request.storage[TenantKey.self] = Tenant(principal: principal, organization: organization)
        }
        return try await next.respond(to: request)
    }

    private struct TenantKey: StorageKey { typealias Value = Tenant }

    static func tenant(of request: Request) -> Tenant? { request.storage[TenantKey.self] }
}

extension Request {
    /// The organization of the URL and the principal acting in it, as `TenantMiddleware`
    /// resolved them. A route outside the middleware's group has none: 404, never another
    /// organization's data.
    func tenant() throws -> (Principal, Organization) {
        guard let tenant = TenantMiddleware.tenant(of: self) else { throw Refusal.notFound }
        return (tenant.principal, tenant.organization)
    }
}
