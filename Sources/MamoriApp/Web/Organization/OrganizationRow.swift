import Foundation
import MamoriCore

/// An organization as the pages show it (details, dashboard facts, the office's tables): plain
/// values, converted from the model at the boundary.
struct OrganizationRow: Sendable {
    var id: UUID
    var name: String
    /// JIS X 0401 two-digit code.
    var prefectureCode: String
    var category: String
    var employees: Int
    var capitalYen: Int64?
    var incidentContact: String?
    var address: String?
    var representative: String?
    var createdAt: Date?

    var prefecture: Prefecture? { Prefecture.withCode(prefectureCode) }
    var industryCategory: IndustryCategory? { IndustryCategory(rawValue: category) }

    static let mock = OrganizationRow(id: SiteURL.anyID, name: "株式会社<テスト>", prefectureCode: "13", category: IndustryCategory.allCases[0].rawValue,
                                      employees: 25, capitalYen: 10_000_000, incidentContact: "総務部 <内線 100>", address: "東京都千代田区1-1",
                                      representative: "代表取締役 山田 太郎", createdAt: Date())
}

extension OrganizationRow {
    init(_ organization: Organization) {
        self.init(id: organization.id!, name: organization.name, prefectureCode: organization.prefectureCode, category: organization.category,
                  employees: organization.employees, capitalYen: organization.capitalYen, incidentContact: organization.incidentContact,
                  address: organization.address, representative: organization.representative, createdAt: organization.createdAt)
    }
}
