import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The basic policy, related rules and SECURITY ACTION operations. Same services and refusals
/// as the pages; member tokens get 403 for the owner's steps.
extension MamoriAPI {
    func getPolicy(_ input: Operations.GetPolicy.Input) async throws -> Operations.GetPolicy.Output {
        let (_, organization) = try await organizationOfToken()
        let page = try Self.pageRequest(input.query.page, input.query.per)
        let service = PolicyService(db: db)
        let versions = try await PolicyVersion.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$document == PolicyDocumentKind.basicPolicy.storageKey)
            .sort(\.$number, .descending)
            .paginate(page)
        let stages = try await OrganizationEvidence(db: db).facts(of: organization).policyStage
        let slug = try await service.slug(of: organization)
        let body = Components.Schemas.PolicyOverview(
            stage: .init(rawValue: stages.rawValue)!,
            published: try await service.published(of: organization).map { try dto($0, slug: slug) },
            versions: versions.items.map(Self.summary),
            metadata: .init(versions.metadata))
        return .ok(.init(body: .json(body)))
    }

    func createPolicyVersion(_ input: Operations.CreatePolicyVersion.Input) async throws -> Operations.CreatePolicyVersion.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        guard let kind = PolicyDocumentKind(storageKey: body.document ?? PolicyDocumentKind.basicPolicy.storageKey) else {
            throw Refusal.invalid("document", .unknownChoice)
        }
        let locale = body.language.flatMap { AppLocale(rawValue: $0.rawValue) } ?? APIContext.locale
        let source: PolicyService.DraftSource
        switch (body.fromTemplate ?? false, body.sections) {
        case (true, nil): source = .template(locale)
        case (false, let sections?): source = .sections(sections.map { .init(id: $0.id, heading: $0.heading, body: $0.body) }, locale)
        case (true, _?): throw Refusal.invalid("sections", .unknownChoice)
        case (false, nil): throw Refusal.invalid("sections", .required)
        }
        let version = try await PolicyService(db: db).createDraft(kind, from: source, in: organization, by: principal, ip: nil)
        return .created(.init(body: .json(try dto(version, slug: nil))))
    }

    func getPolicyVersion(_ input: Operations.GetPolicyVersion.Input) async throws -> Operations.GetPolicyVersion.Output {
        let (_, organization) = try await organizationOfToken()
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        return .ok(.init(body: .json(try dto(version, slug: try await PolicyService(db: db).slug(of: organization)))))
    }

    func updatePolicyVersion(_ input: Operations.UpdatePolicyVersion.Input) async throws -> Operations.UpdatePolicyVersion.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        try await PolicyService(db: db).edit(version, sections: body.sections.map { .init(id: $0.id, heading: $0.heading, body: $0.body) },
                                            by: principal, ip: nil)
        return .ok(.init(body: .json(try dto(version, slug: nil))))
    }

    func approvePolicyVersion(_ input: Operations.ApprovePolicyVersion.Input) async throws -> Operations.ApprovePolicyVersion.Output {
        let (principal, organization) = try await organizationOfToken()
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        try await PolicyService(db: db).approve(version, by: principal, ip: nil)
        return .ok(.init(body: .json(try dto(version, slug: nil))))
    }

    func publishPolicyVersion(_ input: Operations.PublishPolicyVersion.Input) async throws -> Operations.PublishPolicyVersion.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        let service = PolicyService(db: db)
        try await service.publish(version, slug: body.slug, by: principal, ip: nil)
        return .ok(.init(body: .json(try dto(version, slug: try await service.slug(of: organization)))))
    }

    func listPolicyComments(_ input: Operations.ListPolicyComments.Input) async throws -> Operations.ListPolicyComments.Output {
        let (_, organization) = try await organizationOfToken()
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        let items = try await PolicyService(db: db).comments(of: version).map(Self.dto)
        return .ok(.init(body: .json(.init(items: items))))
    }

    func addPolicyComment(_ input: Operations.AddPolicyComment.Input) async throws -> Operations.AddPolicyComment.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        let comment = try await PolicyService(db: db).comment(on: version, sectionID: body.sectionId, body: body.body, by: principal, ip: nil)
        return .created(.init(body: .json(Self.dto(comment))))
    }

    func getRulesCheck(_ input: Operations.GetRulesCheck.Input) async throws -> Operations.GetRulesCheck.Output {
        let (_, organization) = try await organizationOfToken()
        let current = try await RulesCheckService(db: db).current(of: organization)
        let chapters = PolicyContent.bundled.chapters.map { Self.dto($0, current[$0.key]) }
        return .ok(.init(body: .json(.init(chapters: chapters))))
    }

    func putRuleCheck(_ input: Operations.PutRuleCheck.Input) async throws -> Operations.PutRuleCheck.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        guard let chapter = PolicyContent.bundled.chapter(input.path.chapter) else { throw Refusal.notFound }
        let parsed: RulesCheckService.Input
        switch RulesCheckService.Input.parse(status: body.status.rawValue, note: body.note, owner: body.owner, reviewOn: body.reviewOn) {
        case .success(let value): parsed = value
        case .failure(let problems): throw Refusal.invalid(problems)
        }
        let service = RulesCheckService(db: db)
        try await service.record([chapter.key: parsed], in: organization, by: principal, ip: nil)
        return .ok(.init(body: .json(Self.dto(chapter, try await service.current(of: organization)[chapter.key]))))
    }

    func getSecurityAction(_ input: Operations.GetSecurityAction.Input) async throws -> Operations.GetSecurityAction.Output {
        let (_, organization) = try await organizationOfToken()
        let readiness = try await OrganizationEvidence(db: db).facts(of: organization).readiness
        let locale = APIContext.locale
        func condition(_ requirement: SecurityActionReadiness.Requirement) -> Components.Schemas.StarCondition {
            .init(key: .init(rawValue: requirement.rawValue)!, met: readiness.met.contains(requirement), description: L.Diagnosis.requirement(requirement)(locale))
        }
        let body = Components.Schemas.SecurityActionStatus(
            declaredStars: readiness.declaredStars ?? 0,
            policyStage: .init(rawValue: readiness.policyStage.rawValue)!,
            nextStar: readiness.nextStar,
            oneStar: .init(ready: readiness.oneStarReady, conditions: [condition(.basicMeasures)]),
            twoStars: .init(ready: readiness.twoStarsReady, conditions: [condition(.selfDiagnosis), condition(.policyPublished)]))
        return .ok(.init(body: .json(body)))
    }

    // MARK: DTOs

    func dto(_ version: PolicyVersion, slug: String?) throws -> Components.Schemas.PolicyVersion {
        let base = self.publicURL
        let address = version.policyStatus == .published ? slug.map { Self.link(base, SiteURL.publicPolicy(slug: $0).path) } : nil
        return .init(id: try version.requireID().uuidString, document: version.document, number: version.number,
                     status: .init(rawValue: version.status)!, language: version.language, createdBy: version.createdByName,
                     createdAt: version.createdAt ?? Date(), approvedBy: version.approvedByName, approvedAt: version.approvedAt,
                     publishedAt: version.publishedAt, publicUrl: address,
                     sections: version.sections.map { .init(id: $0.id, heading: $0.heading, body: $0.body) })
    }

    private static func link(_ base: String, _ path: String) -> String {
        base.hasSuffix("/") ? String(base.dropLast()) + path : base + path
    }

    static func summary(_ version: PolicyVersion) -> Components.Schemas.PolicyVersionSummary {
        .init(id: version.id!.uuidString, document: version.document, number: version.number, status: .init(rawValue: version.status)!,
              language: version.language, createdBy: version.createdByName, createdAt: version.createdAt ?? Date(),
              approvedBy: version.approvedByName, approvedAt: version.approvedAt, publishedAt: version.publishedAt)
    }

    static func dto(_ comment: PolicyComment) -> Components.Schemas.PolicyComment {
        .init(id: comment.id!.uuidString, sectionId: comment.sectionID, author: comment.authorName, authorRole: comment.authorRole,
              body: comment.body, createdAt: comment.createdAt ?? Date(), resolvedAt: comment.resolvedAt)
    }

    static func dto(_ chapter: PolicyContent.Chapter, _ check: RuleCheck?) -> Components.Schemas.RuleChapterCheck {
        .init(chapter: chapter.key, number: chapter.number, title: chapter.title(APIContext.locale),
              status: check.flatMap { .init(rawValue: $0.status) }, note: check?.note, owner: check?.ownerName, reviewOn: check?.reviewOn,
              checkedBy: check?.checkedByName, checkedAt: check?.createdAt)
    }
}
