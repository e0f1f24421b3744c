import MamoriCore
import Vapor

// The program's typed refusals in the words and statuses people see, written once here at the
// edge: `ErrorRenderingMiddleware` answers with them for the API and any page that does not
// show the refusal in its own form.

extension ProgramService.ApplyRefusal: ExplainableError {
    var explained: MamoriError {
        switch self {
        case .notOpen: .conflict(L.Program.applicationsClosed)
        case .alreadyApplied: .conflict(L.Program.alreadyApplied)
        case .notEligible(let decision):
            MamoriError(status: .unprocessableEntity, code: "not_eligible", message: L.Program.notEligibleToApply,
                        fields: decision.reasons.map { ("reasons.\($0.rawValue)", L.Program.reason($0)) })
        }
    }
}

extension ProgramService.DecisionRefusal: ExplainableError {
    var explained: MamoriError {
        switch self {
        case .full: .conflict(L.Program.capacityFull)
        case .reasonRequired: Refusal.invalid("reason", .required).mamoriError.withMessage(L.Program.rejectReasonRequired, for: "reason")
        }
    }
}

extension ProgramService.AssignRefusal: ExplainableError {
    var explained: MamoriError {
        switch self {
        case .notAccepted: .conflict(L.Program.assignNeedsAcceptance)
        case .expertFull: .conflict(L.Program.expertFull)
        }
    }
}

extension ProgramService.SurveyRefusal: ExplainableError {
    var explained: MamoriError {
        switch self {
        case .notYet: .conflict(L.Program.surveyNotYet)
        case .alreadyAnswered: .conflict(L.Program.surveyAlreadyAnswered)
        }
    }
}

extension MamoriError {
    /// The same error with one field's message replaced by a more specific sentence.
    func withMessage(_ message: LocalizedText, for field: String) -> MamoriError {
        var error = self
        error.fields = fields.map { $0.name == field ? (name: field, message: message) : $0 }
        return error
    }
}
