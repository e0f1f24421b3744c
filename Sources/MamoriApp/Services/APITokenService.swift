import Fluent
import Foundation
import MamoriCore
import Vapor

/// API tokens: created by an owner (or by the command line for scripts), shown once,
/// stored as SHA-256, revocable. A token acts as its user within that user's organization.
struct APITokenService {
    let db: any Database

    static let maximumNameLength = 100

    func create(name rawName: String?, for user: User, actor: AuditActor) async throws -> (APIToken, secret: String) {
        let name = (rawName ?? "").precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        if name.isEmpty { problems.add("name", .required) }
        else if name.count > Self.maximumNameLength { problems.add("name", .tooLong(maximum: Self.maximumNameLength)) }
        guard problems.isEmpty else { throw Refusal.invalid(problems) }

        let secret = SecretToken.generate(prefix: APIToken.prefix)
        let token = APIToken(name: name, tokenHash: SecretToken.sha256Hex(secret), tokenHint: String(secret.prefix(APIToken.prefix.count + 4)),
                             organizationID: user.$organization.id, userID: try user.requireID())
        try await token.create(on: db)
        try await AuditLog.record(.apiTokenCreated, by: actor, organizationID: user.$organization.id,
                                  target: ("api_token", token.id), summary: name, on: db)
        return (token, secret)
    }

    func revoke(_ token: APIToken, actor: AuditActor) async throws {
        guard token.revokedAt == nil else { return }
        token.revokedAt = Date()
        try await token.save(on: db)
        try await AuditLog.record(.apiTokenRevoked, by: actor, organizationID: token.$organization.id,
                                  target: ("api_token", token.id), summary: token.name, on: db)
    }

    func tokens(of organization: Organization) async throws -> [APIToken] {
        try await APIToken.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .with(\.$user)
            .sort(\.$createdAt, .descending)
            .limit(200)
            .all()
    }

    /// The principal behind a Bearer token, or nil for an unknown, revoked or orphaned token.
    func authenticate(bearer secret: String) async throws -> Principal? {
        guard secret.hasPrefix(APIToken.prefix), secret.count <= 128 else { return nil }
        let found = try await APIToken.query(on: db)
            .filter(\.$tokenHash == SecretToken.sha256Hex(secret))
            .filter(\.$revokedAt == nil)
            .with(\.$user) { user in user.with(\.$organization) }
            .first()
        guard let token = found, token.user.isActive else { return nil }
        // Record use at most once a minute: a busy integration should not write on every call.
        if (token.lastUsedAt.map { Date().timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = Date()
            try await token.save(on: db)
        }
        return Principal(user: token.user, organization: token.user.organization, token: token)
    }
}
