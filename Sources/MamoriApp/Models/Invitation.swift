import Fluent
import Foundation

/// A single-use link that creates an account: a member of an organization (made by its owner)
/// or an expert (made by the program office). Only the token's hash is stored.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"
    static let lifetime: TimeInterval = 7 * 24 * 60 * 60

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Enum(key: "role") var role: Role
    @OptionalParent(key: "organization_id") var organization: Organization?
    @Parent(key: "created_by_id") var createdBy: User
    /// A note for whoever manages invitations (e.g. the invitee's name); not shown to the invitee.
    @Field(key: "note") var note: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalParent(key: "used_by_id") var usedBy: User?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// For an expert's invitation: the profile the new account signs in for.
    @OptionalField(key: "expert_profile_id") var expertProfileID: UUID?

    init() {}

    init(tokenHash: String, role: Role, organizationID: UUID?, createdByID: UUID, note: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.role = role
        self.$organization.id = organizationID
        self.$createdBy.id = createdByID
        self.note = note
        self.expiresAt = expiresAt
    }

    func isOpen(at now: Date) -> Bool { usedAt == nil && revokedAt == nil && expiresAt > now }
}
