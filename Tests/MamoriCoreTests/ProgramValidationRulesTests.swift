import Foundation
import Testing
@testable import MamoriCore

/// The rules behind issue #14: capacity, the application period, visits within the fiscal year,
/// the eligibility conditions one by one, and basic measures the self-diagnosis contradicts.
@Suite("Program validation rules")
struct ProgramValidationRulesTests {
    @Test("capacity: at least one place and never fewer than already accepted", arguments: [
        ("0", 0, Result<Int, FieldProblem>.failure(.capacityTooSmall(accepted: 0))),
        ("-3", 0, .failure(.capacityTooSmall(accepted: 0))),
        ("1", 0, .success(1)),
        ("400", 0, .success(400)),
        ("１０", 0, .success(10)),            // full-width digits, as typed with a Japanese IME
        ("1,000", 0, .success(1000)),
        ("5", 5, .success(5)),
        ("4", 5, .failure(.capacityTooSmall(accepted: 5))),
        ("0", 5, .failure(.capacityTooSmall(accepted: 5))),
        ("100000", 0, .success(100_000)),
        ("100001", 0, .failure(.outOfRange(minimum: 1, maximum: 100_000))),
        ("", 0, .failure(.required)),
        ("many", 0, .failure(.notANumber)),
    ])
    func capacity(raw: String, accepted: Int, expected: Result<Int, FieldProblem>) {
        #expect(ProgramValidation.capacity(.integer(raw), accepted: accepted) == expected, "\(raw) with \(accepted) accepted")
    }

    @Test("the application period closes on or after the day it opens; the problem is on the end date", arguments: [
        ("2026-05-01", "2026-05-31", [String](), [FieldProblem]()),
        ("2026-05-01", "2026-05-01", [], []),
        ("2026-05-01", "2026-04-30", ["closesOn"], [.endBeforeStartDate]),
        ("2026-05-01", "2026-02-30", ["closesOn"], [.invalidDate]),
        ("2026-05-01", "", ["closesOn"], [.required]),
        ("", "2026-05-01", ["opensOn"], [.required]),
        ("someday", "2026-05-01", ["opensOn"], [.invalidDate]),
    ])
    func period(opens: String, closes: String, fields: [String], problems: [FieldProblem]) {
        let found = ProgramValidation.periodProblems(opensOn: .calendarDate(opens), closesOn: .calendarDate(closes))
        #expect(found.entries.map(\.field) == fields, "\(opens)–\(closes)")
        #expect(found.entries.map(\.problem) == problems, "\(opens)–\(closes)")
    }

    @Test("a visit falls within its fiscal year (1 April – 31 March, Tokyo)", arguments: [
        ("2026-04-01T00:00", true),
        ("2026-12-01T10:00", true),
        ("2027-03-31T23:59", true),
        ("2026-03-31T23:59", false),
        ("2027-04-01T00:00", false),
        ("2020-06-01T10:00", false),
    ])
    func visitWithinFiscalYear(moment: String, accepted: Bool) throws {
        let date = try #require(TokyoDateTime.parse(moment))
        let expected: FieldProblem? = accepted ? nil : .outsideFiscalYear(2026)
        #expect(ProgramValidation.visitProblem(at: date, fiscalYear: 2026) == expected, "\(moment)")
    }

    @Test("the first and last day of a fiscal year")
    func fiscalYearDays() {
        #expect(FiscalYear.firstDay(of: 2026) == "2026-04-01")
        #expect(FiscalYear.lastDay(of: 2026) == "2027-03-31")
    }

    @Test("the eligibility result lists every condition in the official order, met or not")
    func conditions() throws {
        let decision = try ProgramEligibility.decide(.init(category: .retail, capitalYen: nil, employees: 20, legalPersonality: false,
                                                           securityActionStars: 0, participatedPreviousYear: true))
        #expect(decision.conditions.map(\.reason) == ProgramEligibility.Reason.allCases)
        #expect(decision.conditions.map(\.met) == [true, false, true, false, false])
        #expect(decision.conditions.filter { !$0.met }.map(\.reason) == decision.reasons)

        let eligible = try ProgramEligibility.decide(.init(category: .retail, capitalYen: nil, employees: 20, securityActionStars: 1))
        #expect(eligible.eligible && eligible.conditions.allSatisfy(\.met) && eligible.conditions.count == 5)
    }

    @Test("a ticked basic measure that the diagnosis answers 'not implemented' or 'don't know' is a conflict")
    func measureConflicts() throws {
        var answers = Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, DiagnosisAnswer.implemented) })
        answers[1] = .notInPlace
        answers[2] = .dontKnow
        answers[3] = .partly
        answers[5] = .notInPlace
        let diagnosis = try #require(DiagnosisAnswers(answers: answers))
        // The five basic measures are the diagnosis's items 1–5, one each.
        #expect(DiagnosisContent.bundled.basicMeasures.map(\.diagnosisItem) == [1, 2, 3, 4, 5])
        let conflicts = SecurityActionReadiness.conflicts(checked: [1, 2, 3, 4], answers: diagnosis)
        #expect(conflicts == [.init(measure: 1, answer: .notInPlace), .init(measure: 2, answer: .dontKnow)])
        #expect(SecurityActionReadiness.conflicts(checked: [], answers: diagnosis).isEmpty)
        #expect(SecurityActionReadiness.conflicts(checked: [1, 2, 3, 4, 5], answers: nil).isEmpty)
    }

    @Test("the official SECURITY ACTION address is the one printed in the call for applications")
    func officialSite() {
        #expect(SecurityActionReadiness.officialSite == "https://www.ipa.go.jp/security/security-action/")
    }
}
