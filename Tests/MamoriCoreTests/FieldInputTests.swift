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
        ("1.5", .unreadable), ("十二", .unreadable), ("12a", .unreadable),
    ])
    func integer(raw: String?, expected: FieldInput<Int>) {
        #expect(FieldInput<Int>.integer(raw) == expected)
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
