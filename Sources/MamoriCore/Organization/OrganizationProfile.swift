import Foundation

/// What an organization tells Mamori about itself at sign-up; the fields the SME definition
/// and the program statistics need.
public struct OrganizationProfile: Sendable, Equatable {
    public static let maximumNameLength = 200
    public static let maximumEmployees: Int64 = 10_000_000
    public static let maximumCapitalYen: Int64 = 100_000_000_000_000

    public var name: String
    public var prefecture: Prefecture
    public var category: IndustryCategory
    public var employees: Int
    public var capitalYen: Int64?

    public init(name: String, prefecture: Prefecture, category: IndustryCategory, employees: Int, capitalYen: Int64?) {
        self.name = name
        self.prefecture = prefecture
        self.category = category
        self.employees = employees
        self.capitalYen = capitalYen
    }

    /// Validates raw form or API input and returns either the profile or every problem found.
    public static func validate(
        name rawName: String?,
        prefecture rawPrefecture: String?,
        category rawCategory: String?,
        employees rawEmployees: String?,
        capitalYen rawCapital: String?
    ) -> Result<OrganizationProfile, FieldProblems> {
        var problems = FieldProblems()
        let name = (rawName ?? "").precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("name", .required) }
        else if name.count > maximumNameLength { problems.add("name", .tooLong(maximum: maximumNameLength)) }

        let prefecture = rawPrefecture.flatMap(Prefecture.parse)
        if (rawPrefecture ?? "").isEmpty { problems.add("prefecture", .required) }
        else if prefecture == nil { problems.add("prefecture", .unknownChoice) }

        let category = rawCategory.flatMap(IndustryCategory.init(rawValue:))
        if (rawCategory ?? "").isEmpty { problems.add("category", .required) }
        else if category == nil { problems.add("category", .unknownChoice) }

        let employees = parseCount("employees", rawEmployees, maximum: maximumEmployees, required: true, into: &problems)
        let capital = parseCount("capitalYen", rawCapital, maximum: maximumCapitalYen, required: false, into: &problems)

        guard problems.isEmpty, let prefecture, let category, let employees else { return .failure(problems) }
        return .success(OrganizationProfile(name: name, prefecture: prefecture, category: category, employees: Int(employees), capitalYen: capital))
    }

    /// Accepts half- or full-width digits and thousands separators ("１，２００" → 1200).
    public static func parseCount(_ field: String, _ raw: String?, maximum: Int64, required: Bool, into problems: inout FieldProblems) -> Int64? {
        let cleaned = (raw ?? "").precomposedStringWithCompatibilityMapping
            .replacingOccurrences(of: ",", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if cleaned.isEmpty {
            if required { problems.add(field, .required) }
            return nil
        }
        guard let value = Int64(cleaned) else {
            problems.add(field, .notANumber)
            return nil
        }
        guard (0...maximum).contains(value) else {
            problems.add(field, .outOfRange(minimum: 0, maximum: maximum))
            return nil
        }
        return value
    }
}
