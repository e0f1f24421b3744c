import Foundation
import MamoriCore
import OpenAPIRuntime

/// The guidance program's public operations.
extension MamoriAPI {
    func checkEligibility(_ input: Operations.CheckEligibility.Input) async throws -> Operations.CheckEligibility.Output {
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.errorBadRequestTitle) }
        let request = EligibilityInput(
            category: body.category, mainIndustry: body.mainIndustry, capitalYen: body.capitalYen, employees: body.employees,
            soleProprietor: body.soleProprietor ?? false, legalPersonality: body.legalPersonality ?? true,
            securityActionStars: body.securityActionStars, hasSecurityPolicy: body.hasSecurityPolicy ?? false,
            participatedPreviousYear: body.participatedPreviousYear ?? false)
        switch request.decide() {
        case .failure(let error): throw error
        case .success(let decision):
            let locale = APIContext.locale
            return .ok(.init(body: .json(.init(
                eligible: decision.eligible,
                smeBasis: decision.smeBasis.flatMap { .init(rawValue: $0.rawValue) },
                reasons: decision.reasons.map { .init(rawValue: $0.rawValue)! },
                explanations: decision.reasons.map { .init(reason: $0.rawValue, text: L.reason($0)(locale)) }))))
        }
    }
}
