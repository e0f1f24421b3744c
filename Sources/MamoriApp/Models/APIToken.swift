import Fluent
import Foundation

/// A Bearer token for scripts and tools (an EDR opening an incident, say). Shown once; only
/// its SHA-256 is stored. It acts as the user who created it, within that user's organization.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    static let prefix = "mamori_"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters, so a person can tell tokens apart without the secret.
    @Field(key: "token_hint") var tokenHint: String
    @OptionalParent(key: "organization_id") var organization: Organization?
    @Parent(key: "user_id") var user: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(name: String, tokenHash: String, tokenHint: String, organizationID: UUID?, userID: UUID) {
        self.name = name
        self.tokenHash = tokenHash
        self.tokenHint = tokenHint
        self.$organization.id = organizationID
        self.$user.id = userID
    }
}
