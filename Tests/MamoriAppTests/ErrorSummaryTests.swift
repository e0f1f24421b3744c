import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// Mamori's `Text` (it shadows Plot's in the app; both are visible here).
private typealias Text = MamoriApp.Text

/// A refused form's summary names each field by its label, in the form's order (not the
/// alphabetical order of the field names), so seven "Please fill this in." can be told apart.
@Suite("Error summary")
struct ErrorSummaryTests {
    static let refused = FormState(values: [:], errors: [
        "alpha": LocalizedText(ja: "数字で入力してください。", en: "Enter a number."),
        "zeta": LocalizedText(ja: "入力してください。", en: "Please fill this in."),
        "middle": LocalizedText(ja: "入力してください。", en: "Please fill this in."),
        "agree": LocalizedText(ja: "同意が必要です。", en: "Agreement is required."),
        "elsewhere": LocalizedText(ja: "この申請は締め切られました。", en: "Applications are closed."),
    ], isTyped: true)

    /// A form whose fields come in another order than their names sort: zeta, middle, alpha, agree.
    static func page(_ context: PageContext) -> String {
        Layout.page(title: "Form", context: context) {
            El("h1") { Text("Form") }
            FormField.errorSummary(refused, context: context)
            El("form", [("method", "post"), ("action", "/x")]) {
                FormField.input("zeta", label: "会社名 <株>", state: refused, context: context, options: .init(required: true))
                FormField.textArea("middle", label: "概要", state: refused, context: context, required: false)
                FormField.input("alpha", label: "従業員数", state: refused, context: context, options: .init(required: true))
                FormField.checkbox("agree", label: "規約に同意する", checked: false, state: refused, context: context)
            }
        }
    }

    static func summaryItems(_ html: String) -> [String] {
        let start = html.range(of: "class=\"error-summary\"")!
        let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex)!
        let list = String(html[start.upperBound..<end.lowerBound])
        let itemStart: String = "<li>"
        return list.components(separatedBy: itemStart).dropFirst().map { (item: String) -> String in
            item.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        }
    }

    @Test("items carry the field's label (escaped, without the optional note), in the form's order; a problem with no field keeps its words")
    func namedInFormOrder() {
        #expect(Self.summaryItems(Self.page(.mock(locale: .ja))) == [
            "会社名 &lt;株&gt;：入力してください。",
            "概要：入力してください。",
            "従業員数：数字で入力してください。",
            "規約に同意する：同意が必要です。",
            "この申請は締め切られました。",
        ])
        #expect(Self.summaryItems(Self.page(.mock(locale: .en))).first == "会社名 &lt;株&gt;: Please fill this in.")
    }

    @Test("each item still links to its field, and the markers are gone")
    func linksKept() {
        let html = Self.page(.mock(locale: .ja))
        for name in ["zeta", "middle", "alpha", "agree"] {
            let link: String = "<a href=\"#field-\(name)\">"
            #expect(html.contains(link), "\(name)")
        }
        #expect(!html.contains(ErrorSummaryNames.marker))
    }

    @Test("a page without a refused form is left as written")
    func untouched() {
        let html = "<main><ul><li>a</li></ul><label for=\"field-x\">X</label></main>"
        #expect(ErrorSummaryNames.fill(html, separator: "：") == html)
    }
}
