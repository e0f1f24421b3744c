import Foundation
import Testing
@testable import MamoriCore

@Suite("Guidance program eligibility")
struct EligibilityTests {
    typealias Applicant = ProgramEligibility.Applicant

    /// An applicant that passes every condition but the SME test under examination.
    func applicant(_ category: IndustryCategory, main: IndustryCategory? = nil, capital: Int64?, employees: Int) -> Applicant {
        Applicant(category: category, mainIndustry: main, capitalYen: capital, employees: employees, securityActionStars: 1)
    }

    struct Limits: Sendable, CustomTestStringConvertible {
        let category: IndustryCategory
        let capital: Int64?
        let employees: Int
        var testDescription: String { category.rawValue }
    }

    /// The definition table (REFERENCE §2), written out again here so that the code is checked
    /// against the table rather than against itself.
    static let table: [Limits] = [
        Limits(category: .manufacturingConstructionTransport, capital: 300_000_000, employees: 300),
        Limits(category: .wholesale, capital: 100_000_000, employees: 100),
        Limits(category: .services, capital: 50_000_000, employees: 100),
        Limits(category: .retail, capital: 50_000_000, employees: 50),
        Limits(category: .rubberProducts, capital: 300_000_000, employees: 900),
        Limits(category: .softwareITServices, capital: 300_000_000, employees: 300),
        Limits(category: .inns, capital: 50_000_000, employees: 200),
        Limits(category: .otherIndustries, capital: 300_000_000, employees: 300),
        Limits(category: .medicalSocialWelfare, capital: nil, employees: 300),
        Limits(category: .school, capital: nil, employees: 300),
        Limits(category: .commerceAssociations, capital: nil, employees: 100),
    ]

    @Test("each category at its employee limit is an SME, one above is not (capital above its limit)", arguments: table)
    func employeeLimit(_ row: Limits) throws {
        let bigCapital = (row.capital ?? 0) + 1
        let at = try ProgramEligibility.decide(applicant(row.category, capital: bigCapital, employees: row.employees))
        #expect(at.eligible && at.smeBasis == .employees)
        let above = try ProgramEligibility.decide(applicant(row.category, capital: bigCapital, employees: row.employees + 1))
        #expect(!above.eligible && above.smeBasis == nil && above.reasons == [.notSME])
    }

    @Test("rows 1–8 at their capital limit are SMEs whatever the employees; one yen above needs the employee test", arguments: table.filter { $0.capital != nil })
    func capitalLimit(_ row: Limits) throws {
        let capital = try #require(row.capital)
        let at = try ProgramEligibility.decide(applicant(row.category, capital: capital, employees: row.employees * 10))
        #expect(at.eligible && at.smeBasis == .capital)
        let above = try ProgramEligibility.decide(applicant(row.category, capital: capital + 1, employees: row.employees * 10))
        #expect(!above.eligible && above.reasons == [.notSME])
    }

    @Test("rows 9–11 are judged on employees only: capital never helps", arguments: table.filter { $0.capital == nil })
    func employeesOnly(_ row: Limits) throws {
        let decision = try ProgramEligibility.decide(applicant(row.category, capital: 1, employees: row.employees + 1))
        #expect(decision.reasons == [.notSME])
    }

    @Test("without capital, rows 1–8 decide on employees")
    func missingCapital() throws {
        let decision = try ProgramEligibility.decide(applicant(.retail, capital: nil, employees: 50))
        #expect(decision.eligible && decision.smeBasis == .employees)
    }

    @Test("the issue's example: retail with 60M yen and 50 employees is eligible on employees")
    func issueExample() throws {
        let decision = try ProgramEligibility.decide(Applicant(category: .retail, mainIndustry: nil, capitalYen: 60_000_000, employees: 50,
                                                              soleProprietor: false, legalPersonality: true, securityActionStars: 1,
                                                              hasSecurityPolicy: false, participatedPreviousYear: false))
        #expect(decision == .init(eligible: true, smeBasis: .employees, reasons: []))
    }

    @Test("rows 12–15 take the employee limit of their main industry",
          arguments: [IndustryCategory.smeOrganizations, .specialLawUnions, .foundationsAssociations, .npo])
    func mainIndustry(category: IndustryCategory) throws {
        let atRetail = try ProgramEligibility.decide(applicant(category, main: .retail, capital: nil, employees: 50))
        #expect(atRetail.eligible && atRetail.smeBasis == .employees)
        let aboveRetail = try ProgramEligibility.decide(applicant(category, main: .retail, capital: 1, employees: 51))
        #expect(aboveRetail.reasons == [.notSME])
        let rubber = try ProgramEligibility.decide(applicant(category, main: .rubberProducts, capital: nil, employees: 900))
        #expect(rubber.eligible)
        #expect(throws: ProgramEligibility.InputProblem.mainIndustryRequired) { try ProgramEligibility.decide(applicant(category, capital: nil, employees: 5)) }
        #expect(throws: ProgramEligibility.InputProblem.mainIndustryNotAllowed) { try ProgramEligibility.decide(applicant(category, main: .school, capital: nil, employees: 5)) }
    }

    @Test("sole proprietors are eligible on the employee limit; groups without legal personality are not")
    func legalForm() throws {
        var sole = applicant(.retail, capital: 1, employees: 50)
        sole.soleProprietor = true
        sole.legalPersonality = false
        #expect(try ProgramEligibility.decide(sole).eligible)
        sole.employees = 51
        #expect(try ProgramEligibility.decide(sole).reasons == [.notSME], "capital does not count for a sole proprietor")

        var group = applicant(.retail, capital: 1, employees: 5)
        group.legalPersonality = false
        #expect(try ProgramEligibility.decide(group).reasons == [.noLegalPersonality])
    }

    @Test("each other condition is a reason of its own")
    func otherReasons() throws {
        var base = applicant(.retail, capital: 1, employees: 5)
        base.securityActionStars = 0
        #expect(try ProgramEligibility.decide(base).reasons == [.noSecurityAction])
        base.securityActionStars = 2
        base.hasSecurityPolicy = true
        #expect(try ProgramEligibility.decide(base).reasons == [.hasSecurityPolicy])
        base.hasSecurityPolicy = false
        base.participatedPreviousYear = true
        #expect(try ProgramEligibility.decide(base).reasons == [.previousParticipant])
    }

    @Test("every failing reason is listed, in the official order")
    func allReasons() throws {
        let decision = try ProgramEligibility.decide(Applicant(category: .retail, capitalYen: 60_000_000, employees: 51, soleProprietor: false,
                                                              legalPersonality: false, securityActionStars: 0, hasSecurityPolicy: true,
                                                              participatedPreviousYear: true))
        #expect(decision.reasons == [.notSME, .noSecurityAction, .hasSecurityPolicy, .previousParticipant, .noLegalPersonality])
        #expect(!decision.eligible && decision.smeBasis == nil)
    }
}
