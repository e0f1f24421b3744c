import Vapor

/// The generated API layer percent-encodes every header value it sends (the OpenAPI "simple"
/// style), which turns `attachment; filename=…` and `sha-256=:…:` into text no client reads.
/// This puts back the value the handler gave, for the two download headers only; their
/// values were encoded exactly once, so decoding once restores them (a `filename*` keeps its
/// own %XX escapes).
struct DownloadHeaderMiddleware: AsyncMiddleware {
    static let names = ["Content-Disposition", "Repr-Digest"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        for name in Self.names {
            if let value = response.headers.first(name: name), value.contains("%"), let decoded = value.removingPercentEncoding {
                response.headers.replaceOrAdd(name: name, value: decoded)
            }
        }
        return response
    }
}
