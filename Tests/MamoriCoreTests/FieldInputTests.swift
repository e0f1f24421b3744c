import Foundation
import MamoriCore
import Testing

@Suite("Typed command fields: the faces' shared parsers")
struct FieldInputTests {
    @Test("yes/no questions", arguments: [
        (String?.none, FieldInput<Bool>.absent), ("", .absent), ("  ", .absent),
        ("yes", .given(true)), ("no", .given(false)), (" yes ", .given(true)),
        ("YES", .unreadable), ("on", .unreadable), ("true", .unreadable),
    ])
    func yesNo(raw: String?, expected: FieldInput<Bool>) {
        #expect(FieldInput<Bool>.yesNo(raw) == expected)
    }

    @Test("choices by key", arguments: [
        (String?.none, FieldInput<LegalForm>.absent), ("", .absent),
        ("corporation", .given(.corporation)), ("sole_proprietor", .given(.soleProprietor)), ("group", .given(.group)),
        ("Corporation", .unreadable), ("soleProprietor", .unreadable), ("株式会社", .unreadable),
    ])
    func choice(raw: String?, expected: FieldInput<LegalForm>) {
        #expect(FieldInput<LegalForm>.choice(raw) == expected)
    }

    @Test("whole numbers, full-width digits too", arguments: [
        (String?.none, FieldInput<Int>.absent), ("", .absent), ("12", .given(12)), ("１２", .given(12)), ("-3", .given(-3)),
        ("1,000", .given(1000)), ("１，０００", .given(1000)),
        ("1.5", .unreadable), ("十二", .unreadable), ("12a", .unreadable), ("99999999999999999999", .unreadable),
    ])
    func integer(raw: String?, expected: FieldInput<Int>) {
        #expect(FieldInput<Int>.integer(raw) == expected)
    }

    @Test("calendar dates: a real day or unreadable", arguments: [
        (String?.none, FieldInput<String>.absent), ("", .absent), ("2026-12-03", .given("2026-12-03")), (" 2026-12-03 ", .given("2026-12-03")),
        ("2026-02-30", .unreadable), ("2026-2-3", .unreadable), ("令和8年12月3日", .unreadable), ("2026-12-03T10:00", .unreadable),
    ])
    func calendarDate(raw: String?, expected: FieldInput<String>) {
        #expect(FieldInput<String>.calendarDate(raw) == expected)
    }

    @Test("counts within a range", arguments: [
        (FieldInput<Int>.absent, true, nil, FieldProblem?.some(.required)), (.absent, false, nil, nil),
        (.unreadable, true, nil, .notANumber), (.given(0), true, nil, .outOfRange(minimum: 1, maximum: 20)),
        (.given(1), true, 1, nil), (.given(20), true, 20, nil), (.given(21), true, nil, .outOfRange(minimum: 1, maximum: 20)),
    ])
    func count(input: FieldInput<Int>, required: Bool, expected: Int?, problem: FieldProblem?) {
        var problems = FieldProblems()
        #expect(input.count("visits", in: 1...20, required: required, into: &problems) == expected)
        #expect(problems["visits"] == problem)
    }

    @Test("Tokyo date-times", arguments: [
        (String?.none, false, false), ("", false, false), ("2026-12-03T14:30", true, false), ("2026-02-30T10:00", false, true),
        ("2026-12-03", false, true), ("2026-12-03T24:00", false, true),
    ])
    func dateTime(raw: String?, given: Bool, unreadable: Bool) {
        let input = FieldInput<Date>.tokyoDateTime(raw)
        if case .given(let date) = input { #expect(given); #expect(TokyoDateTime.format(date) == raw) } else { #expect(!given) }
        #expect((input == .unreadable) == unreadable)
    }

    @Test("reading a field adds its problem: required when absent (if required), the given problem when unreadable")
    func read() {
        var problems = FieldProblems()
        #expect(FieldInput<Int>.given(3).read("a", into: &problems) == 3)
        #expect(FieldInput<Int>.absent.read("b", into: &problems) == nil)
        #expect(FieldInput<Int>.absent.read("c", required: false, into: &problems) == nil)
        #expect(FieldInput<Int>.unreadable.read("d", unreadable: .notANumber, into: &problems) == nil)
        #expect(problems.entries.map(\.field) == ["b", "d"])
        #expect(problems["b"] == .required && problems["d"] == .notANumber)
    }
}
