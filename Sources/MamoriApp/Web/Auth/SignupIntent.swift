import MamoriCore

/// What a visitor was doing when they chose to sign up, carried in the sign-up link itself
/// (`/signup?then=…`) rather than remembered in the session: the link the visitor clicked last
/// decides where sign-up continues, and nothing seen earlier silently overrides it.
/// Answers of the public self-diagnosis are saved at sign-up whatever the intent.
enum SignupIntent: Sendable, Equatable {
    /// Keep the self-diagnosis result (the result page's button).
    case saveDiagnosis
    /// Open an incident of this kind (a first-aid page's button).
    case openIncident(IncidentKind)

    init?(rawValue: String) {
        if rawValue == "diagnosis" { self = .saveDiagnosis; return }
        let prefix = "incident:"
        guard rawValue.hasPrefix(prefix), let kind = IncidentKind(rawValue: String(rawValue.dropFirst(prefix.count))) else { return nil }
        self = .openIncident(kind)
    }

    var rawValue: String {
        switch self {
        case .saveDiagnosis: "diagnosis"
        case .openIncident(let kind): "incident:" + kind.rawValue
        }
    }
}
