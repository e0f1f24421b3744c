import Vapor

/// Headers from the security model on every response: a Content Security Policy without
/// inline script, no framing, no MIME sniffing, a strict referrer policy. Pages are not cached
/// unless a route says otherwise (signed-in pages must not stay in shared caches).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    let usesHTTPS: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        Self.apply(to: response.headers, usesHTTPS: usesHTTPS).forEach { response.headers.replaceOrAdd(name: $0.name, value: $0.value) }
        return response
    }

    static func apply(to existing: HTTPHeaders, usesHTTPS: Bool) -> [(name: String, value: String)] {
        var headers: [(String, String)] = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        if existing.first(name: .cacheControl) == nil { headers.append(("Cache-Control", "no-store")) }
        if usesHTTPS { headers.append(("Strict-Transport-Security", "max-age=31536000")) }
        return headers
    }
}
