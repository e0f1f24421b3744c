import Fluent
import Foundation

/// The one-time link printed on first start, valid one hour, that creates the first
/// program-office admin.
final class SetupToken: Model, @unchecked Sendable {
    static let schema = "setup_tokens"
    static let lifetime: TimeInterval = 60 * 60

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(tokenHash: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
