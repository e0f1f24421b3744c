import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The incident page's remaining actions: ticking a playbook point, closing the incident and
/// undoing a notification recorded by mistake. Same `IncidentService` calls and refusals as
/// `IncidentController` (closed → 409, an unknown point → 404, "not applicable" without a
/// reason → 422 on `note`); the incident is looked up within the token's organization.
extension MamoriAPI {
    func checkIncidentPoint(_ input: Operations.CheckIncidentPoint.Input) async throws -> Operations.CheckIncidentPoint.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let state: IncidentCheck.State?
        switch body.state {
        case .done: state = .done
        case .notApplicable: state = .notApplicable
        case .clear: state = nil
        }
        try await IncidentService(db: db).check(input.path.pointId, state: state, note: body.note, of: incident, by: principal)
        return .ok(.init(body: .json(try await dto(incident))))
    }

    func closeIncident(_ input: Operations.CloseIncident.Input) async throws -> Operations.CloseIncident.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        // The page's text area holds one measure a line; the API sends them as a list.
        try await IncidentService(db: db).close(incident, causeSummary: body.causeSummary, measures: body.measures.joined(separator: "\n"),
                                                by: principal, ip: nil)
        return .ok(.init(body: .json(try await dto(incident))))
    }

    func undoIncidentDuty(_ input: Operations.UndoIncidentDuty.Input) async throws -> Operations.UndoIncidentDuty.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        try await IncidentService(db: db).undoNotification(recipient: input.path.recipient, action: input.path.action, of: incident, by: principal)
        return .ok(.init(body: .json(try await duties(incident))))
    }
}
