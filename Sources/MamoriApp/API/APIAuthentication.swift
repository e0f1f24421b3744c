import Foundation
import MamoriCore
import Vapor

/// The principal of the API request being handled. Generated handlers have no access to the
/// Vapor request, so the authentication middleware hands them the principal in a task local.
enum APIContext {
    @TaskLocal static var principal: Principal?
    /// The token's organization, resolved once by the middleware (nil for the office's and
    /// experts' tokens, and for public calls).
    @TaskLocal static var tenant: Tenant?
    @TaskLocal static var locale: AppLocale = .default
    @TaskLocal static var maxUploadBytes: Int = 25 * 1024 * 1024

    static func requirePrincipal() throws -> Principal {
        guard let principal else { throw MamoriError.unauthorized() }
        return principal
    }

    /// The token's organization; a token of the office or an expert has none (403).
    static func requireTenant() throws -> Tenant {
        _ = try requirePrincipal()
        guard let tenant else {
            throw Refusal.notAllowed(LocalizedText(ja: "このトークンは組織に属していません。", en: "This token does not belong to an organization."))
        }
        return tenant
    }

    /// The organization a path names (`/organizations/{organizationId}`): the token's own, or 404.
    static func requireTenant(named id: String) throws -> Tenant {
        _ = try requirePrincipal()
        guard let tenant, let named = UUID(uuidString: id), tenant.organization.id == named else { throw Refusal.notFound }
        return tenant
    }
}

/// `Authorization: Bearer <token>`: a present but invalid, revoked or malformed token is
/// refused at once with 401. Without a token only the public operations are reachable; every
/// other path answers 401 before its body is even read (deny by default).
struct APIAuthenticationMiddleware: AsyncMiddleware {
    /// Operations anyone may call (`security: []` in openapi.yaml).
    static let publicPaths: Set<String> = [
        "/api/v1/openapi.yaml",
        "/api/v1/self-diagnosis/score",
        "/api/v1/eligibility",
        "/api/v1/notification-duties",
        "/api/v1/directory",
    ]

    /// The public paths, and reading one directory entry (`GET /api/v1/directory/{id}`).
    static func isPublic(_ request: Request) -> Bool {
        let path = request.url.path
        if publicPaths.contains(path) { return true }
        let prefix = "/api/v1/directory/"
        return request.method == .GET && path.hasPrefix(prefix) && !path.dropFirst(prefix.count).contains("/") && path.count > prefix.count
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let locale = AppLocale.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage)) ?? .default
        request.locale = locale
        var principal: Principal?
        if request.headers.first(name: .authorization) != nil {
            guard let bearer = request.headers.bearerAuthorization,
                  let found = try await APITokenService(db: request.db).authenticate(bearer: bearer.token) else {
                throw MamoriError.unauthorized(LocalizedText(ja: "APIトークンが無効か、取り消されています。", en: "The API token is invalid or has been revoked."))
            }
            principal = found
            request.auth.login(found)
        } else if !Self.isPublic(request) {
            throw MamoriError.unauthorized()
        }
        // Tenancy by construction: the token's organization is resolved here, once, and a path
        // that names an organization must name that one (404 otherwise, before any handler).
        var tenant: Tenant?
        if let principal, principal.role.belongsToOrganization, let organization = principal.organization {
            tenant = Tenant(principal: principal, organization: organization)
        }
        if let named = Self.organizationNamed(in: request.url.path), tenant?.organization.id != UUID(uuidString: named) {
            throw MamoriError.notFound()
        }
        return try await APIContext.$principal.withValue(principal) {
            try await APIContext.$tenant.withValue(tenant) {
            try await APIContext.$locale.withValue(locale) {
                try await APIContext.$maxUploadBytes.withValue(request.application.settings.maxUploadBytes) {
                    try await next.respond(to: request)
                }
            }
            }
        }
    }

    /// The `{organizationId}` of `/api/v1/organizations/{organizationId}[/…]`, if the path has one.
    static func organizationNamed(in path: String) -> String? {
        let prefix = "/api/v1/organizations/"
        guard path.hasPrefix(prefix) else { return nil }
        return path.dropFirst(prefix.count).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
    }
}
