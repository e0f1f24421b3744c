import Testing
@testable import MamoriApp

/// The plan chart's left column holds about 34 half-width characters: a Japanese label is cut
/// at half the length of an English one.
@Suite("Chart labels")
struct ChartLabelTests {
    @Test("labels are cut to the column's width, a Japanese character counting twice", arguments: [
        ("1. 従業員への教育", "1. 従業員への教育"),
        ("2. リスク対策：顧客名簿（取込）（マルウェア感染）", "2. リスク対策：顧客名簿（取込）（…"),
        ("1. Keeping OS and software up to date", "1. Keeping OS and software up to d…"),
        ("Short", "Short"),
        (String(repeating: "a", count: 36), String(repeating: "a", count: 36)),
        (String(repeating: "a", count: 37), String(repeating: "a", count: 34) + "…"),
        (String(repeating: "あ", count: 18), String(repeating: "あ", count: 18)),
        (String(repeating: "あ", count: 19), String(repeating: "あ", count: 17) + "…"),
    ])
    func fitted(_ label: String, _ expected: String) {
        #expect(Chart.fitted(label, width: 36) == expected)
    }
}
