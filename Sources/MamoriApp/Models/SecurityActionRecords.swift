import Fluent
import Foundation

/// A SECURITY ACTION declaration the organization made (it is a self-declaration; Mamori
/// records it, it does not issue it).
final class SecurityActionDeclaration: Model, @unchecked Sendable {
    static let schema = "security_action_declarations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "stars") var stars: Int
    /// The ID shown on the declaration (free text; formats have changed over the years).
    @Field(key: "declaration_id") var declarationID: String
    @Field(key: "declared_on") var declaredOn: String
    @Field(key: "created_by_id") var createdByID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organizationID: UUID, stars: Int, declarationID: String, declaredOn: String, createdByID: UUID) {
        self.$organization.id = organizationID
        self.stars = stars
        self.declarationID = declarationID
        self.declaredOn = declaredOn
        self.createdByID = createdByID
    }
}

/// One of the five basic measures that the organization has ticked as in place.
final class BasicMeasureCheck: Model, @unchecked Sendable {
    static let schema = "basic_measure_checks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "measure") var measure: Int
    @Field(key: "checked_by_id") var checkedByID: UUID
    @Timestamp(key: "checked_at", on: .create) var checkedAt: Date?

    init() {}

    init(organizationID: UUID, measure: Int, checkedByID: UUID) {
        self.$organization.id = organizationID
        self.measure = measure
        self.checkedByID = checkedByID
    }
}
