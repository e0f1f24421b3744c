import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The telework self-check and checklist operations.
extension MamoriAPI {
    func saveTeleworkSelfCheck(_ input: Operations.SaveTeleworkSelfCheck.Input) async throws -> Operations.SaveTeleworkSelfCheck.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let answers: TeleworkAnswers
        switch TeleworkAnswers.parse(body.answers.additionalProperties) {
        case .success(let value): answers = value
        case .failure(let problems):
            var error = MamoriError.invalid(FieldProblems())
            error.fields = problems.byItem.sorted { (Int($0.key) ?? 99, $0.key) < (Int($1.key) ?? 99, $1.key) }.map { key, problem in
                ("answers.\(key)", L.Telework.describe(problem))
            }
            throw error
        }
        let check = try await TeleworkService(db: db).save(answers, respondent: body.respondentName, in: organization, by: principal, ip: nil)
        return .created(.init(body: .json(try Self.dto(check))))
    }

    func listTeleworkSelfChecks(_ input: Operations.ListTeleworkSelfChecks.Input) async throws -> Operations.ListTeleworkSelfChecks.Output {
        let (_, organization) = try await organizationOfToken()
        let page = try await TeleworkService(db: db).page(of: organization, page: try Self.pageRequest(input.query.page, input.query.per))
        return .ok(.init(body: .json(.init(items: try page.items.map(Self.dto), metadata: .init(page.metadata)))))
    }

    func getTeleworkSelfCheck(_ input: Operations.GetTeleworkSelfCheck.Input) async throws -> Operations.GetTeleworkSelfCheck.Output {
        let (_, organization) = try await organizationOfToken()
        let check = try await TeleworkService(db: db).find(UUID(uuidString: input.path.checkId), in: organization)
        return .ok(.init(body: .json(try Self.dto(check))))
    }

    func getTeleworkChecklist(_ input: Operations.GetTeleworkChecklist.Input) async throws -> Operations.GetTeleworkChecklist.Output {
        let (_, organization) = try await organizationOfToken()
        let done = try await TeleworkService(db: db).checklist(of: organization)?.done ?? []
        return .ok(.init(body: .json(Self.checklist(done: done, role: input.query.role.flatMap { TeleworkRole(rawValue: $0.rawValue) },
                                                    threat: input.query.threat.flatMap { TeleworkThreat(rawValue: $0.rawValue) }))))
    }

    func putTeleworkChecklist(_ input: Operations.PutTeleworkChecklist.Input) async throws -> Operations.PutTeleworkChecklist.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = TeleworkService(db: db)
        try await service.saveChecklist(done: Set(body.done), in: organization, by: principal, ip: nil)
        return .ok(.init(body: .json(Self.checklist(done: try await service.checklist(of: organization)?.done ?? [], role: nil, threat: nil))))
    }

    static func checklist(done: Set<String>, role: TeleworkRole?, threat: TeleworkThreat?) -> Components.Schemas.TeleworkChecklist {
        let content = TeleworkContent.bundled
        let locale = APIContext.locale
        let items = content.checklist(role: role, threat: threat).map {
            Components.Schemas.TeleworkChecklistItem(key: $0.key, role: $0.role.rawValue, text: $0.text(locale),
                                                     threats: $0.threats.map(\.rawValue), done: done.contains($0.key))
        }
        return .init(items: items, done: done.count, total: content.checklist.count)
    }

    static func dto(_ check: TeleworkSelfCheck) throws -> Components.Schemas.TeleworkSelfCheck {
        guard let answers = check.answers else { throw Refusal.notFound }
        let result = TeleworkResult(answers)
        let content = TeleworkContent.bundled
        let locale = APIContext.locale
        return .init(id: try check.requireID().uuidString, createdAt: check.createdAt ?? Date(), respondentName: check.respondentName,
                     answers: .init(additionalProperties: answers.dictionary),
                     level: .init(rawValue: result.level.rawValue)!,
                     principles: result.principles.map { .init(number: $0.principle, yes: $0.yes, partly: $0.partly, no: $0.no) },
                     gaps: result.gaps.map { .init(point: $0.point, principle: $0.principle, answer: .init(rawValue: $0.answer.rawValue)!,
                                                   guidance: content.point($0.point).guidance(locale)) })
    }
}
