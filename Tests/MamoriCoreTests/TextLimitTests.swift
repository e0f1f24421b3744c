import MamoriCore
import Testing

@Suite("Text limits: one table for services and forms")
struct TextLimitTests {
    @Test("each limit accepts its length and refuses one character more; empty is refused only when required", arguments: [
        TextLimit.number, TextLimit.code, TextLimit.name, TextLimit.line, TextLimit.email, TextLimit.longLine,
        TextLimit.shortText, TextLimit.paragraph, TextLimit.text, TextLimit.longText,
    ])
    func boundaries(maximum: Int) {
        var problems = FieldProblems()
        TextLimit.check(String(repeating: "あ", count: maximum), "atLimit", maximum: maximum, required: true, into: &problems)
        TextLimit.check(String(repeating: "a", count: maximum + 1), "over", maximum: maximum, into: &problems)
        TextLimit.check("", "optional", maximum: maximum, into: &problems)
        TextLimit.check("", "required", maximum: maximum, required: true, into: &problems)
        #expect(problems.entries.map(\.field) == ["over", "required"])
        #expect(problems["over"] == .tooLong(maximum: maximum))
        #expect(problems["required"] == .required)
    }

    @Test("the limits keep their documented sizes (a change here changes every form and the API)")
    func sizes() {
        #expect([TextLimit.number, TextLimit.code, TextLimit.name, TextLimit.line, TextLimit.email, TextLimit.longLine,
                 TextLimit.shortText, TextLimit.paragraph, TextLimit.text, TextLimit.longText]
                == [20, 64, 100, 200, 254, 300, 500, 1000, 2000, 5000])
    }
}
