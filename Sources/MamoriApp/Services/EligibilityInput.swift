import Foundation
import MamoriCore

/// Raw eligibility input from the form or the API, validated into an applicant. Both paths use
/// this, so a field is refused with the same message everywhere.
struct EligibilityInput {
    var category: String?
    var mainIndustry: String?
    var capitalYen: Int64?
    var employees: Int?
    var soleProprietor: Bool
    var legalPersonality: Bool
    var securityActionStars: Int?
    var hasSecurityPolicy: Bool
    var participatedPreviousYear: Bool

    func decide() -> Result<ProgramEligibility.Decision, FieldProblems> {
        var problems = FieldProblems()
        let category = category.flatMap(IndustryCategory.init(rawValue:))
        if (self.category ?? "").isEmpty { problems.add("category", .required) }
        else if category == nil { problems.add("category", .unknownChoice) }
        var main: IndustryCategory?
        if let raw = mainIndustry, !raw.isEmpty {
            main = IndustryCategory(rawValue: raw)
            if main == nil { problems.add("mainIndustry", .unknownChoice) }
        }
        if let capitalYen, capitalYen < 0 { problems.add("capitalYen", .outOfRange(minimum: 0, maximum: OrganizationProfile.maximumCapitalYen)) }
        if let employees {
            if employees < 0 { problems.add("employees", .outOfRange(minimum: 0, maximum: OrganizationProfile.maximumEmployees)) }
        } else { problems.add("employees", .required) }
        if let stars = securityActionStars {
            if !(0...2).contains(stars) { problems.add("securityActionStars", .outOfRange(minimum: 0, maximum: 2)) }
        } else { problems.add("securityActionStars", .required) }
        guard problems.isEmpty, let category, let employees, let stars = securityActionStars else { return .failure(problems) }

        let applicant = ProgramEligibility.Applicant(
            category: category, mainIndustry: category.needsMainIndustry ? main : nil, capitalYen: capitalYen, employees: employees,
            soleProprietor: soleProprietor, legalPersonality: legalPersonality, securityActionStars: stars,
            hasSecurityPolicy: hasSecurityPolicy, participatedPreviousYear: participatedPreviousYear)
        do {
            return .success(try ProgramEligibility.decide(applicant))
        } catch let problem {
            let fieldProblem: FieldProblem = switch problem {
            case .mainIndustryRequired: .mainIndustryRequired
            case .mainIndustryNotAllowed: .mainIndustryNotAllowed
            }
            var problems = FieldProblems()
            problems.add("mainIndustry", fieldProblem)
            return .failure(problems)
        }
    }
}
