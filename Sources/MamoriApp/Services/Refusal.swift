import MamoriCore
import Vapor

/// Why a service will not do what it was asked, in domain terms. Services throw it; the edge
/// (`ErrorRenderingMiddleware.map`) turns it into an HTTP status and the error format once, so
/// the page and the API refuse the same thing in the same words.
enum Refusal: Error, Sendable {
    /// Not there for this principal (another organization's id answers the same).
    case notFound
    /// A known role may not do this (a member approving the policy).
    case notAllowed(LocalizedText)
    /// The thing is not in a state that allows it (editing a published version).
    case conflict(LocalizedText)
    /// Typed input failed a rule.
    case invalid(FieldProblems)

    static func invalid(_ field: String, _ problem: FieldProblem) -> Refusal {
        var problems = FieldProblems()
        problems.add(field, problem)
        return .invalid(problems)
    }

    var mamoriError: MamoriError {
        switch self {
        case .notFound: .notFound()
        case .notAllowed(let message): .forbidden(message)
        case .conflict(let message): .conflict(message)
        case .invalid(let problems): .invalid(problems)
        }
    }
}
