import Fluent
import Foundation
import MamoriCore
import Vapor

final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Normalized (NFKC, lower case); unique.
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @Enum(key: "role") var role: Role
    @OptionalParent(key: "organization_id") var organization: Organization?
    @Field(key: "locale") var locale: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Set when an owner removes the member; the row stays so audit entries keep their author.
    @OptionalField(key: "deactivated_at") var deactivatedAt: Date?

    init() {}

    init(id: UUID? = nil, email: String, passwordHash: String, displayName: String, role: Role, organizationID: UUID?, locale: AppLocale) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.role = role
        self.$organization.id = organizationID
        self.locale = locale.rawValue
    }

    var appLocale: AppLocale { AppLocale(rawValue: locale) ?? .default }
    var isActive: Bool { deactivatedAt == nil }
}
