import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The policy page's remaining actions: discarding a draft (any member) and resolving a comment
/// (the owner; a member's token gets 403 from `PolicyService.resolve`, as the page's button is
/// refused). Versions and comments are looked up within the token's organization (else 404).
extension MamoriAPI {
    func discardPolicyVersion(_ input: Operations.DiscardPolicyVersion.Input) async throws -> Operations.DiscardPolicyVersion.Output {
        let (principal, organization) = try await organizationOfToken()
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        try await PolicyService(db: db).discard(version, by: principal, ip: nil)
        return .ok(.init(body: .json(try dto(version, slug: nil))))
    }

    func resolvePolicyComment(_ input: Operations.ResolvePolicyComment.Input) async throws -> Operations.ResolvePolicyComment.Output {
        let (principal, organization) = try await organizationOfToken()
        let version = try await TenantScope.policyVersion(UUID(uuidString: input.path.versionId), in: organization, on: db)
        let commentID = UUID(uuidString: input.path.commentId)
        try await PolicyService(db: db).resolve(commentID, on: version, by: principal, ip: nil)
        guard let commentID,
              let comment = try await PolicyComment.query(on: db).filter(\.$id == commentID).filter(\.$version.$id == version.requireID()).first()
        else { throw Refusal.notFound }
        return .ok(.init(body: .json(Self.dto(comment))))
    }
}
