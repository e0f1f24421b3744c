import Foundation
import MamoriCore
import OpenAPIRuntime

/// The guidance program's public operations.
extension MamoriAPI {
    func checkEligibility(_ input: Operations.CheckEligibility.Input) async throws -> Operations.CheckEligibility.Output {
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let request = EligibilityInput(
            category: body.category, mainIndustry: body.mainIndustry, capitalYen: body.capitalYen, employees: body.employees,
            soleProprietor: body.soleProprietor ?? false, legalPersonality: body.legalPersonality ?? true,
            securityActionStars: body.securityActionStars, hasSecurityPolicy: body.hasSecurityPolicy ?? false,
            participatedPreviousYear: body.participatedPreviousYear ?? false)
        switch request.decide() {
        case .failure(let problems): throw Refusal.invalid(problems)
        case .success(let decision):
            let locale = APIContext.locale
            return .ok(.init(body: .json(.init(
                eligible: decision.eligible,
                smeBasis: decision.smeBasis.flatMap { .init(rawValue: $0.rawValue) },
                reasons: decision.reasons.map { .init(rawValue: $0.rawValue)! },
                explanations: decision.reasons.map { .init(reason: $0.rawValue, text: L.Program.reason($0)(locale)) }))))
        }
    }
}

extension MamoriAPI {
    func getProgramApplication(_ input: Operations.GetProgramApplication.Input) async throws -> Operations.GetProgramApplication.Output {
        let (_, organization) = try await organizationOfToken()
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        guard let application = try await service.application(of: organization, fiscalYear: settings.fiscalYear) else { throw MamoriError.notFound() }
        return .ok(.init(body: .json(try await programDTO(application, organization: organization))))
    }

    func applyToProgram(_ input: Operations.ApplyToProgram.Input) async throws -> Operations.ApplyToProgram.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        let application = try await service.apply(organization, settings: settings, input: .init(
            legalForm: .choice(body.legalForm.rawValue), hasSecurityPolicy: .given(body.hasSecurityPolicy),
            participatedPreviousYear: .given(body.participatedPreviousYear), contactName: body.contactName,
            contactPhone: body.contactPhone, message: body.message, agreed: true, termsVersion: body.agreedTermsVersion),
            by: principal, ip: nil)
        return .created(.init(body: .json(try await programDTO(application, organization: organization))))
    }

    func getProgramStatistics(_ input: Operations.GetProgramStatistics.Input) async throws -> Operations.GetProgramStatistics.Output {
        let principal = try APIContext.requirePrincipal()
        guard principal.isOfficeAdmin else {
            throw MamoriError.forbidden(LocalizedText(ja: "事務局のトークンが必要です。", en: "A program-office token is needed."))
        }
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        let statistics = try await service.statistics(fiscalYear: settings.fiscalYear, visitsPerCompany: settings.visitsPerCompany)
        return .ok(.init(body: .json(.init(
            fiscalYear: settings.fiscalYear, capacity: settings.capacity, applications: statistics.applications, accepted: statistics.accepted,
            visitsDone: statistics.visitsDone, completed: statistics.completed, completionRate: statistics.completionRate,
            producedResultsShare: statistics.producedResultsShare, outsideMetropolitanShare: statistics.outsideMetropolitanShare,
            byPrefecture: Prefecture.all.map { prefecture in
                let count = statistics.byPrefecture[prefecture.code] ?? .init()
                return .init(code: prefecture.code, applications: count.applications, accepted: count.accepted, completed: count.completed)
            }))))
    }

    /// The terms of this fiscal year, in both languages: the current version, or `?version=`.
    func getProgramTerms(_ input: Operations.GetProgramTerms.Input) async throws -> Operations.GetProgramTerms.Output {
        _ = try APIContext.requirePrincipal()
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        if let version = input.query.version, version != settings.termsVersion {
            guard let terms = try await service.terms(fiscalYear: settings.fiscalYear, version: version) else { throw MamoriError.notFound() }
            return .ok(.init(body: .json(Self.termsDTO(terms))))
        }
        return .ok(.init(body: .json(Self.termsDTO(fiscalYear: settings.fiscalYear, version: settings.termsVersion,
                                                   ja: settings.termsTextJa, en: settings.termsTextEn))))
    }

    /// The survey after the last visit, as on the program page (any member of the organization).
    func answerProgramSurvey(_ input: Operations.AnswerProgramSurvey.Input) async throws -> Operations.AnswerProgramSurvey.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        guard let application = try await service.application(of: organization, fiscalYear: settings.fiscalYear) else { throw MamoriError.notFound() }
        try await service.answerSurvey(.init(producedResults: .given(body.producedResults), satisfaction: .given(body.satisfaction),
                                             comments: body.comments), for: application, settings: settings, by: principal, ip: nil)
        return .created(.init(body: .json(try await programDTO(application, organization: organization))))
    }

    static func termsDTO(_ terms: ProgramTermsVersion) -> Components.Schemas.ProgramTerms {
        termsDTO(fiscalYear: terms.fiscalYear, version: terms.version, ja: terms.textJa, en: terms.textEn)
    }

    /// Both texts, and `text` in the caller's language (Japanese when there is no English).
    static func termsDTO(fiscalYear: Int, version: Int, ja: String, en: String) -> Components.Schemas.ProgramTerms {
        let locale = APIContext.locale
        let english = locale == .en && !ProgramTerms.fallsBackToJapanese(en: en, locale: locale)
        return .init(fiscalYear: fiscalYear, version: version, textJa: ja, textEn: en,
                     text: ProgramTerms.text(ja: ja, en: en, locale: locale), language: english ? .en : .ja)
    }

    private func programDTO(_ application: ProgramApplication, organization: Organization) async throws -> Components.Schemas.ProgramApplication {
        let service = ProgramService(db: db)
        let visits = try await service.visits(of: application)
        let expertName: String? = if let expertID = application.$expert.id { try await ExpertProfile.find(expertID, on: db)?.name } else { nil }
        return .init(
            id: application.id!.uuidString, fiscalYear: application.fiscalYear, status: .init(rawValue: application.status.rawValue)!,
            submittedAt: application.submittedAt, termsVersion: application.termsVersion,
            agreedTerms: try await service.terms(fiscalYear: application.fiscalYear, version: application.termsVersion).map { Self.termsDTO($0) },
            expertName: expertName,
            visits: visits.map { .init(number: $0.number, scheduledAt: $0.scheduledAt, mode: .init(rawValue: $0.mode.rawValue)!, place: $0.place,
                                       done: $0.isDone, durationMinutes: $0.durationMinutes, topics: $0.topics, nextSteps: $0.nextSteps) },
            deliverables: try await service.deliverables(of: organization).map { .init(number: $0.0.rawValue, status: .init(rawValue: $0.1.rawValue)!) },
            surveyAnswered: try await service.survey(of: application) != nil)
    }
}
