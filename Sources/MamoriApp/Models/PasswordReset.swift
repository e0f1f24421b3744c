import Fluent
import Foundation

/// A single-use link with which a person who forgot their password chooses a new one. The
/// organization's owner issues it for a member, the program office for anyone; Mamori sends no
/// mail yet, so the issuer passes the link on. Only the token's SHA-256 is stored.
final class PasswordReset: Model, @unchecked Sendable {
    static let schema = "password_resets"
    static let lifetime: TimeInterval = 24 * 60 * 60

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    /// Whose password the link resets.
    @Parent(key: "user_id") var user: User
    /// Who issued it (the owner or an office admin).
    @Parent(key: "created_by_id") var createdBy: User
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    /// Set when a newer link for the same person replaced this one.
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(tokenHash: String, userID: UUID, createdByID: UUID, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.$createdBy.id = createdByID
        self.expiresAt = expiresAt
    }

    func isOpen(at now: Date) -> Bool { usedAt == nil && revokedAt == nil && expiresAt > now }
}
