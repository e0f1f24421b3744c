import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The self-diagnosis operations of the API.
extension MamoriAPI {
    func scoreSelfDiagnosis(_ input: Operations.ScoreSelfDiagnosis.Input) async throws -> Operations.ScoreSelfDiagnosis.Output {
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let answers = try Self.answers(body.answers.additionalProperties)
        return .ok(.init(body: .json(Self.score(DiagnosisResult(answers), locale: APIContext.locale))))
    }

    func saveSelfDiagnosis(_ input: Operations.SaveSelfDiagnosis.Input) async throws -> Operations.SaveSelfDiagnosis.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let answers = try Self.answers(body.answers.additionalProperties)
        let saved = try await DiagnosisService(db: db).save(
            // Defaults for a client that sends the answers alone (an EDR, a script); given values are checked as on the page.
            answers, input: .init(respondentName: body.respondentName ?? principal.user.displayName,
                                  siteLabel: body.siteLabel ?? L.Diagnosis.defaultSite(APIContext.locale),
                                  diagnosedOn: body.diagnosedOn ?? CalendarDate.today()),
            in: organization, by: principal, ip: nil)
        return .created(.init(body: .json(try Self.dto(saved, locale: APIContext.locale))))
    }

    func listSelfDiagnoses(_ input: Operations.ListSelfDiagnoses.Input) async throws -> Operations.ListSelfDiagnoses.Output {
        let (_, organization) = try await organizationOfToken()
        let page = try await DiagnosisService(db: db).page(of: organization, page: try Self.pageRequest(input.query.page, input.query.per))
        let items = try page.items.map { try Self.dto($0, locale: APIContext.locale) }
        return .ok(.init(body: .json(.init(items: items, metadata: .init(page.metadata)))))
    }

    func getSelfDiagnosis(_ input: Operations.GetSelfDiagnosis.Input) async throws -> Operations.GetSelfDiagnosis.Output {
        let (_, organization) = try await organizationOfToken()
        let diagnosis = try await DiagnosisService(db: db).find(UUID(uuidString: input.path.diagnosisId), in: organization)
        return .ok(.init(body: .json(try Self.dto(diagnosis, locale: APIContext.locale))))
    }

    func getCombinedSelfDiagnosis(_ input: Operations.GetCombinedSelfDiagnosis.Input) async throws -> Operations.GetCombinedSelfDiagnosis.Output {
        let (_, organization) = try await organizationOfToken()
        guard let combined = try await DiagnosisService(db: db).combined(of: organization) else { throw MamoriError.notFound() }
        let body = Components.Schemas.CombinedDiagnosis(
            rule: L.Diagnosis.combinedRule(APIContext.locale),
            answers: .init(additionalProperties: combined.answers.dictionary),
            score: Self.score(DiagnosisResult(combined.answers), locale: APIContext.locale),
            sites: combined.sites.map { .init(id: $0.id!.uuidString, siteLabel: $0.siteLabel, diagnosedOn: $0.diagnosedOn, total: $0.total) })
        return .ok(.init(body: .json(body)))
    }

    /// The token's organization; a token of an office admin or expert has none (403).
    func organizationOfToken() async throws -> (Principal, Organization) {
        let tenant = try APIContext.requireTenant()
        return (tenant.principal, tenant.organization)
    }

    /// Validates the answers object; 422 names each offending item (`answers.26`, `answers.3`…).
    static func answers(_ raw: [String: String]) throws -> DiagnosisAnswers {
        switch DiagnosisAnswers.parse(raw) {
        case .success(let answers): return answers
        case .failure(let problems):
            var error = MamoriError.invalid(FieldProblems())
            error.fields = problems.byItem.sorted { (Int($0.key) ?? 99, $0.key) < (Int($1.key) ?? 99, $1.key) }.map { key, problem in
                ("answers.\(key)", L.Common.describe(problem))
            }
            throw error
        }
    }

    static func score(_ result: DiagnosisResult, locale: AppLocale) -> Components.Schemas.DiagnosisScore {
        let content = DiagnosisContent.bundled
        func part(_ key: DiagnosisPart) -> Components.Schemas.PartScore {
            let score = result.score(of: key)
            return .init(score: score.score, max: score.maximum)
        }
        return .init(
            total: result.total, max: result.maximum,
            band: .init(rawValue: result.band.rawValue)!,
            parts: .init(basic: part(.basic), employees: part(.employees), organization: part(.organization)),
            gaps: result.gaps.map { gap in
                .init(item: gap.item, answer: .init(rawValue: gap.answer.rawValue)!, advice: content.item(gap.item).advice(locale))
            })
    }

    static func dto(_ diagnosis: SelfDiagnosis, locale: AppLocale) throws -> Components.Schemas.SelfDiagnosis {
        guard let answers = diagnosis.answers else { throw MamoriError.notFound() }
        return .init(id: diagnosis.id!.uuidString, respondentName: diagnosis.respondentName, siteLabel: diagnosis.siteLabel,
                     diagnosedOn: diagnosis.diagnosedOn, createdAt: diagnosis.createdAt,
                     answers: .init(additionalProperties: answers.dictionary), score: score(DiagnosisResult(answers), locale: locale))
    }
}
