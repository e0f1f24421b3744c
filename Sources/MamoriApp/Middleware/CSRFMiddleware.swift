import MamoriCore
import Vapor

/// Cross-site request forgery protection for the browser routes: every state-changing request
/// must carry the session's token in the `_csrf` form field (or `X-CSRF-Token` header) and,
/// when the browser says where it comes from, come from Mamori's own origin.
/// API routes use Bearer tokens instead of cookies and are not behind this middleware.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let formField = "_csrf"
    let allowedOrigins: Set<String>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        guard isSameOrigin(request) else {
            throw MamoriError.forbidden(L.Common.csrfCrossOrigin)
        }
        // A larger form (a few KB of Japanese text, percent-encoded) arrives in several chunks
        // and is still streaming when middleware runs: collect it first, within the routes'
        // size limit, so the token can be read (the route then reuses the collected body).
        // File uploads (multipart) may be as large as the upload limit; other forms are small.
        let isUpload = request.headers.contentType?.type == "multipart"
        _ = try await request.body.collect(max: isUpload ? request.application.settings.maxUploadBytes + 64 * 1024
                                                         : request.application.routes.defaultMaxBodySize.value).get()
        let sent = request.headers.first(name: "X-CSRF-Token")
            ?? (try? request.content.get(String.self, at: Self.formField))
        guard let expected = request.hasSession ? request.session.data[Self.sessionKey] : nil else {
            // No session at all: the page was opened long ago, or cookies are blocked.
            throw MamoriError.forbidden(L.Common.csrfSessionExpired)
        }
        guard let sent, SecretToken.constantTimeEquals(sent, expected) else {
            throw MamoriError.forbidden(L.Common.csrfSessionExpired)
        }
        return try await next.respond(to: request)
    }

    private func isSameOrigin(_ request: Request) -> Bool {
        if let origin = request.headers.first(name: .origin) {
            return origin != "null" && allowed(origin, request)
        }
        if let referer = request.headers.first(name: .referer), let url = URL(string: referer),
           let scheme = url.scheme, let host = url.host {
            let origin = url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
            return allowed(origin, request)
        }
        // Neither header: an old browser or a privacy setting; the token alone decides.
        return true
    }

    /// Mamori's public origin, or the origin of the host the request was sent to.
    private func allowed(_ origin: String, _ request: Request) -> Bool {
        let origin = origin.lowercased()
        if allowedOrigins.contains(origin) { return true }
        guard let host = request.headers.first(name: .host)?.lowercased() else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}

extension Request {
    /// The session's CSRF token, created on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = SecretToken.generate()
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
