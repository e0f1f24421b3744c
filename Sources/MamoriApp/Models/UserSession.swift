import Fluent
import Foundation

/// A browser session, stored in the database so that several instances share it. The cookie
/// holds a random id; the row holds only its SHA-256.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "key_hash") var keyHash: String
    /// Vapor's session data (a string dictionary) as JSON.
    @Field(key: "data") var data: String
    /// Copied from the data so that all sessions of a user can be ended at once.
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(keyHash: String, data: String, userID: UUID?, expiresAt: Date) {
        self.keyHash = keyHash
        self.data = data
        self.userID = userID
        self.expiresAt = expiresAt
    }
}
