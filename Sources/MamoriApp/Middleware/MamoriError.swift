import MamoriCore
import Vapor

/// An error a person can act on: an HTTP status, a stable code for API clients, a sentence in
/// both languages and, for input errors, the problem of each field.
struct MamoriError: Error, Sendable {
    let status: HTTPResponseStatus
    let code: String
    let message: LocalizedText
    var fields: [(name: String, message: LocalizedText)] = []

    static func notFound() -> MamoriError {
        MamoriError(status: .notFound, code: "not_found", message: L.Common.errorNotFound)
    }

    static func forbidden(_ message: LocalizedText) -> MamoriError {
        MamoriError(status: .forbidden, code: "forbidden", message: message)
    }

    static func unauthorized(_ message: LocalizedText = L.Common.errorUnauthorized) -> MamoriError {
        MamoriError(status: .unauthorized, code: "unauthorized", message: message)
    }

    static func conflict(_ message: LocalizedText) -> MamoriError {
        MamoriError(status: .conflict, code: "conflict", message: message)
    }

    static func invalid(_ problems: FieldProblems, status: HTTPResponseStatus = .unprocessableEntity) -> MamoriError {
        MamoriError(
            status: status, code: "validation_failed", message: L.Common.errorValidation,
            fields: problems.entries.map { ($0.field, L.Common.describe($0.problem)) }
        )
    }

    static func badRequest(_ message: LocalizedText) -> MamoriError {
        MamoriError(status: .badRequest, code: "bad_request", message: message)
    }
}

/// An error a face can show beside its form: a face's own `MamoriError`, or a service's
/// `Refusal` in the same words the edge would use (`ErrorRenderingMiddleware.map`).
protocol ExplainableError: Error {
    var explained: MamoriError { get }
}

extension MamoriError: ExplainableError {
    var explained: MamoriError { self }
}

extension Refusal: ExplainableError {
    var explained: MamoriError { mamoriError }
}
