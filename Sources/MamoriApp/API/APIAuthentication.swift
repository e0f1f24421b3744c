import Foundation
import MamoriCore
import Vapor

/// The principal of the API request being handled. Generated handlers have no access to the
/// Vapor request, so the authentication middleware hands them the principal in a task local.
enum APIContext {
    @TaskLocal static var principal: Principal?
    @TaskLocal static var locale: AppLocale = .default
    @TaskLocal static var maxUploadBytes: Int = 25 * 1024 * 1024

    static func requirePrincipal() throws -> Principal {
        guard let principal else { throw MamoriError.unauthorized() }
        return principal
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
        return try await APIContext.$principal.withValue(principal) {
            try await APIContext.$locale.withValue(locale) {
                try await APIContext.$maxUploadBytes.withValue(request.application.settings.maxUploadBytes) {
                    try await next.respond(to: request)
                }
            }
        }
    }
}
