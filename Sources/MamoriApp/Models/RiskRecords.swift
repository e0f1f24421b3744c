import Fluent
import Foundation
import MamoriCore

/// One information asset with the columns of the IPA register (REFERENCE §5); importance is
/// derived from C, I and A and stored for filtering and sorting.
final class InformationAsset: Model, @unchecked Sendable {
    static let schema = "information_assets"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "business") var business: String
    @Field(key: "name") var name: String
    @Field(key: "notes") var notes: String
    @Field(key: "users_allowed") var usersAllowed: String
    @Field(key: "owner_department") var ownerDepartment: String
    @Field(key: "medium") var medium: String
    @Field(key: "personal_data") var personalData: String
    @Field(key: "confidentiality") var confidentiality: Int
    @Field(key: "integrity") var integrity: Int
    @Field(key: "availability") var availability: Int
    @Field(key: "importance") var importance: Int
    @Field(key: "retention") var retention: String
    @Field(key: "registered_on") var registeredOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var personalDataKind: PersonalDataKind { PersonalDataKind(rawValue: personalData) ?? .none }
}

/// One threat to one asset, rated, with the computed damage likelihood, value and band kept
/// for sorting, and what is done about it.
final class AssetRisk: Model, @unchecked Sendable {
    static let schema = "asset_risks"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Parent(key: "asset_id") var asset: InformationAsset
    @Field(key: "threat") var threat: String
    @Field(key: "likelihood") var likelihood: Int
    @Field(key: "vulnerability") var vulnerability: Int
    @Field(key: "damage_likelihood") var damageLikelihood: Int
    @Field(key: "risk_value") var riskValue: Int
    @Field(key: "band") var band: String
    @OptionalField(key: "treatment") var treatment: String?
    @Field(key: "measure") var measure: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var riskBand: RiskRules.Band { RiskRules.Band(rawValue: band) ?? .small }
}

/// One item of the one-year action plan, linked to the gap it came from (`source_kind`,
/// `source_key`) or `manual`. `touched` marks items the organization edited, which a new
/// proposal never changes.
final class PlanItem: Model, @unchecked Sendable {
    static let schema = "plan_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "source_kind") var sourceKind: String
    @Field(key: "source_key") var sourceKey: String
    @Field(key: "title") var title: String
    @Field(key: "priority") var priority: Int
    @Field(key: "owner_name") var ownerName: String
    @Field(key: "start_month") var startMonth: String
    @Field(key: "due_month") var dueMonth: String
    @Field(key: "status") var status: String
    @Field(key: "progress") var progress: Int
    @Field(key: "notes") var notes: String
    @OptionalField(key: "drop_reason") var dropReason: String?
    @Field(key: "touched") var touched: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var planStatus: PlanRules.Status { PlanRules.Status(rawValue: status) ?? .notStarted }
}

/// The plan as a whole: agreed by the owner (deliverable ③) and its calendar feed secret.
final class ActionPlanRecord: Model, @unchecked Sendable {
    static let schema = "action_plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @OptionalField(key: "agreed_at") var agreedAt: Date?
    @OptionalField(key: "agreed_by_name") var agreedByName: String?
    @OptionalField(key: "calendar_token_hash") var calendarTokenHash: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A spreadsheet uploaded for import, kept until the user confirms the preview (then every row
/// is saved in one transaction) — so nothing is saved from a file before it was seen whole.
final class AssetImportRecord: Model, @unchecked Sendable {
    static let schema = "asset_imports"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "format") var format: String
    @Field(key: "data") var data: Data
    @Field(key: "created_by_id") var createdByID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?

    init() {}
}

/// A comment on the plan, by the assigned expert or a member; shown on the plan page.
final class PlanComment: Model, @unchecked Sendable {
    static let schema = "plan_comments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "author_name") var authorName: String
    @Field(key: "author_role") var authorRole: String
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
