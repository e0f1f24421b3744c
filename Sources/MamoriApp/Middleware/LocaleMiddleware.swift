import MamoriCore
import Vapor

/// Decides the language of the response: the user's setting, then `?lang=`, then the
/// visitor's choice kept in the session, then `Accept-Language`, then Japanese.
struct LocaleMiddleware: AsyncMiddleware {
    static let sessionKey = "lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.locale = Self.resolve(for: request)
        return try await next.respond(to: request)
    }

    static func resolve(for request: Request) -> AppLocale {
        if let user = request.principal?.user { return user.appLocale }
        if let query = request.query[String.self, at: "lang"], let locale = AppLocale(rawValue: query) { return locale }
        if request.hasSession, let stored = request.session.data[sessionKey], let locale = AppLocale(rawValue: stored) { return locale }
        return AppLocale.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage)) ?? .default
    }
}

extension Request {
    private struct LocaleKey: StorageKey { typealias Value = AppLocale }

    var locale: AppLocale {
        get { storage[LocaleKey.self] ?? .default }
        set { storage[LocaleKey.self] = newValue }
    }
}
