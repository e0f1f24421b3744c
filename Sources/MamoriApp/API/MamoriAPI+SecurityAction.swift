import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// SECURITY ACTION's changes: the five basic measures and the declarations, for any member's
/// token, as on the page (`SecurityActionController`). `SecurityActionService` decides; two stars
/// are refused while a condition is unmet unless `conditionsMetElsewhere` is true.
extension MamoriAPI {
    func getBasicMeasures(_ input: Operations.GetBasicMeasures.Input) async throws -> Operations.GetBasicMeasures.Output {
        let (_, organization) = try await organizationOfToken()
        return .ok(.init(body: .json(try await basicMeasuresDTO(of: organization))))
    }

    func putBasicMeasures(_ input: Operations.PutBasicMeasures.Input) async throws -> Operations.PutBasicMeasures.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        // The page can only send the five boxes it shows; an API client could send anything, and
        // a number that is no measure is refused rather than silently dropped.
        let known = Set(DiagnosisContent.bundled.basicMeasures.map(\.number))
        if body.measures.contains(where: { !known.contains($0) }) { throw Refusal.invalid("measures", .unknownChoice) }
        try await SecurityActionService(db: db).setCheckedMeasures(Set(body.measures), of: organization, by: principal, ip: nil)
        return .ok(.init(body: .json(try await basicMeasuresDTO(of: organization))))
    }

    func listSecurityActionDeclarations(_ input: Operations.ListSecurityActionDeclarations.Input) async throws -> Operations.ListSecurityActionDeclarations.Output {
        let (_, organization) = try await organizationOfToken()
        let declarations = try await SecurityActionService(db: db).declarations(of: organization)
        return .ok(.init(body: .json(.init(items: declarations.map(Self.declarationDTO)))))
    }

    func recordSecurityActionDeclaration(_ input: Operations.RecordSecurityActionDeclaration.Input) async throws -> Operations.RecordSecurityActionDeclaration.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let confirmed = body.conditionsMetElsewhere ?? false
        do {
            let declaration = try await SecurityActionService(db: db).record(
                .init(stars: .given(body.stars), declarationID: body.declarationId, declaredOn: .calendarDate(body.declaredOn),
                      conditionsMetElsewhere: confirmed),
                for: organization, by: principal, ip: nil)
            return .created(.init(body: .json(Self.declarationDTO(declaration))))
        } catch let caught as any ExplainableError {
            let error = caught.explained
            // The service names the page's field `declarationID`; the API's is `declarationId`.
            var refusal = error
            refusal.fields = error.fields.map { (name: $0.name == "declarationID" ? "declarationId" : $0.name, message: $0.message) }
            // The page offers a box to tick for two stars; an API client is told which field says the same.
            if body.stars == 2 && !confirmed && error.fields.contains(where: { $0.name == "stars" }) {
                refusal.fields.append((name: "conditionsMetElsewhere", message: L.Program.conditionsMetElsewhereHint))
            }
            throw refusal
        }
    }

    func getSecurityActionDeclaration(_ input: Operations.GetSecurityActionDeclaration.Input) async throws -> Operations.GetSecurityActionDeclaration.Output {
        let (_, organization) = try await organizationOfToken()
        let declaration = try await TenantScope.securityActionDeclaration(UUID(uuidString: input.path.declarationId), in: organization, on: db)
        return .ok(.init(body: .json(Self.declarationDTO(declaration))))
    }

    // MARK: DTOs

    /// The ticked measures, and those the latest self-diagnosis answers "not implemented" or
    /// "don't know" (the page's warning, in the caller's language).
    private func basicMeasuresDTO(of organization: Organization) async throws -> Components.Schemas.BasicMeasures {
        let service = SecurityActionService(db: db)
        let checked = try await service.checkedMeasures(of: organization)
        let content = DiagnosisContent.bundled
        let locale = APIContext.locale
        var conflicts: [Components.Schemas.BasicMeasureConflict] = []
        for conflict in try await service.conflicts(of: organization, checked: checked) {
            guard let measure = content.basicMeasures.first(where: { $0.number == conflict.measure }),
                  let answer = Components.Schemas.BasicMeasureConflict.AnswerPayload(rawValue: conflict.answer.rawValue) else { continue }
            let message = L.Diagnosis.measureConflictSaved(measure: measure.title, answer: content.answer(conflict.answer).label)(locale)
            conflicts.append(.init(measure: conflict.measure, answer: answer, message: message))
        }
        return .init(measures: checked.sorted(), conflicts: conflicts)
    }

    static func declarationDTO(_ declaration: SecurityActionDeclaration) -> Components.Schemas.SecurityActionDeclaration {
        .init(id: declaration.id!.uuidString, stars: declaration.stars, declarationId: declaration.declarationID,
              declaredOn: declaration.declaredOn, recordedAt: declaration.createdAt ?? Date())
    }
}
