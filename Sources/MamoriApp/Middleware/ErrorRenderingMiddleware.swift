import Foundation
import MamoriCore
import OpenAPIRuntime
import Vapor

/// Turns every error into a clear answer: JSON in the documented format under `/api/`, a page
/// in the user's language elsewhere. Unexpected errors are logged and answered with a generic
/// message, never with internals.
struct ErrorRenderingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let mapped = Self.map(error)
            if mapped.status == .internalServerError {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") {
                return APIErrorBody.response(mapped, locale: request.locale)
            }
            return Layout.response(Self.page(for: mapped, request: request), status: mapped.status)
        }
    }

    /// What any error means for the person who sent the request.
    static func map(_ error: any Error) -> MamoriError {
        switch error {
        case let error as any ExplainableError:
            // A face's own error, a service's `Refusal` or a typed refusal (RefusalExplanations).
            return error.explained
        case let error as ServerError:
            // The generated API layer wraps handler errors and its own decoding errors.
            if let inner = error.underlyingError as? any ExplainableError { return inner.explained }
            if error.underlyingError is DecodingError { return decoding(error.underlyingError as! DecodingError) }
            let status = Int(error.httpStatus.code)
            if (400..<500).contains(status) {
                return MamoriError(status: HTTPResponseStatus(statusCode: status), code: "bad_request",
                                   message: LocalizedText(ja: "リクエストの形式が正しくありません：\(error.causeDescription)", en: "The request is malformed: \(error.causeDescription)"))
            }
            return map(error.underlyingError)
        case let error as DecodingError:
            return decoding(error)
        case let abort as any AbortError:
            switch abort.status {
            case .notFound: return .notFound()
            case .unauthorized: return .unauthorized()
            case .payloadTooLarge: return MamoriError(status: .payloadTooLarge, code: "payload_too_large", message: L.Common.errorTooLarge)
            case .unsupportedMediaType:
                return MamoriError(status: .unsupportedMediaType, code: "unsupported_media_type",
                                   message: LocalizedText(ja: "この形式のデータは受け付けていません。", en: "This content type is not accepted."))
            case .methodNotAllowed:
                return MamoriError(status: .methodNotAllowed, code: "method_not_allowed",
                                   message: LocalizedText(ja: "この操作はこのアドレスでは使えません。", en: "This method is not allowed here."))
            default:
                if (400..<500).contains(abort.status.code) {
                    return MamoriError(status: abort.status, code: "bad_request",
                                       message: LocalizedText(ja: "リクエストを処理できません。", en: "The request could not be processed."))
                }
                return MamoriError(status: .internalServerError, code: "internal_error", message: L.Common.errorServer)
            }
        default:
            return MamoriError(status: .internalServerError, code: "internal_error", message: L.Common.errorServer)
        }
    }

    /// A body that does not match: say which field and why.
    static func decoding(_ error: DecodingError) -> MamoriError {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let joined = keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "body" : joined
        }
        let field: String
        let problem: LocalizedText
        switch error {
        case .keyNotFound(let key, let context):
            field = path(context, key)
            problem = LocalizedText(ja: "必須の項目がありません。", en: "This field is required.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            field = path(context)
            problem = LocalizedText(ja: "値の型が正しくありません。", en: "This value has the wrong type.")
        case .dataCorrupted(let context):
            field = path(context)
            problem = LocalizedText(ja: "値を読み取れません。", en: "This value cannot be read.")
        @unknown default:
            field = "body"
            problem = LocalizedText(ja: "値を読み取れません。", en: "This value cannot be read.")
        }
        var result = MamoriError(status: field == "body" ? .badRequest : .unprocessableEntity, code: field == "body" ? "malformed_body" : "validation_failed",
                                 message: field == "body" ? LocalizedText(ja: "送信されたデータを読み取れません（JSON の形式を確認してください）。", en: "The body cannot be read (check that it is valid JSON).") : L.Common.errorValidation)
        if field != "body" { result.fields = [(field, problem)] }
        return result
    }

    private static func page(for error: MamoriError, request: Request) -> String {
        let context = request.pageContext()
        let title: LocalizedText = switch error.status {
        case .notFound: L.Common.errorNotFoundTitle
        case .forbidden: L.Common.errorForbiddenTitle
        case .internalServerError: L.Common.errorServerTitle
        default: L.Common.errorBadRequestTitle
        }
        return MessagePage.render(title: title, message: error.message, context: context)
    }
}

/// `{"error": {"code": "…", "message": "…", "fields": {"name": "…"}}}`
enum APIErrorBody {
    struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let fields: [String: String]?
        }
        let error: Detail
    }

    static func response(_ error: MamoriError, locale: AppLocale) -> Response {
        let fields = error.fields.isEmpty ? nil : Dictionary(error.fields.map { ($0.name, $0.message(locale)) }, uniquingKeysWith: { first, _ in first })
        let body = Body(error: .init(code: error.code, message: error.message(locale), fields: fields))
        var headers = HTTPHeaders()
        headers.contentType = .json
        if error.status == .unauthorized { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        let data = (try? JSONEncoder().encode(body)) ?? Data(#"{"error":{"code":"internal_error","message":"error"}}"#.utf8)
        return Response(status: error.status, headers: headers, body: .init(data: data))
    }
}
