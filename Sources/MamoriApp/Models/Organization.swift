import Fluent
import Foundation
import MamoriCore

final class Organization: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// JIS X 0401 two-digit code.
    @Field(key: "prefecture_code") var prefectureCode: String
    @Field(key: "category") var category: String
    @Field(key: "employees") var employees: Int
    @OptionalField(key: "capital_yen") var capitalYen: Int64?
    /// Whom staff call when something happens (name and phone), printed on the telework sheet.
    @OptionalField(key: "incident_contact") var incidentContact: String?
    /// Where the business is registered, and who represents it: the reporter block of the
    /// PPC report and the notice ask for the business, not the person who fills them in.
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "representative") var representative: String?
    /// SHA-256 of the secret in the address of the open-duties calendar feed (the secret
    /// itself is shown once and never stored).
    @OptionalField(key: "duty_calendar_token_hash") var dutyCalendarTokenHash: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, profile: OrganizationProfile) {
        self.id = id
        apply(profile)
    }

    func apply(_ profile: OrganizationProfile) {
        name = profile.name
        prefectureCode = profile.prefecture.code
        category = profile.category.rawValue
        employees = profile.employees
        capitalYen = profile.capitalYen
    }

    var prefecture: Prefecture? { Prefecture.withCode(prefectureCode) }
    var industryCategory: IndustryCategory? { IndustryCategory(rawValue: category) }
}
