import Foundation
import Plot
import Testing
@testable import MamoriApp

/// Mamori's `Text` (it shadows Plot's in the app; both are visible here).
private typealias Text = MamoriApp.Text

/// `HTMLWriter` replaces Plot's renderer for pages; it must write the same markup.
@Suite("HTML writer")
struct HTMLWriterTests {
    /// A small component of Mamori's own kind: a `body` made of `El`.
    struct Badge: Component {
        let label: String
        var body: Component { El("span", [("class", "badge")]) { Text(label) } }
    }

    static let hidden = false

    static var samples: [(String, Component)] { [
        ("element with text", El("p", [("class", "hint")]) { Text("見出し <b> & \"引用\"") }),
        ("attribute escaping", El("a", [("href", "/x?a=1&b=\"2\""), ("title", "<'>")]) { Text("link") }),
        ("boolean and empty attributes", El.void("input", [("type", "text"), ("required", nil), ("value", "")])),
        ("a repeated attribute keeps its last value", El("div", [("class", "card"), ("id", "a"), ("class", "card-wide")]) { EmptyComponent() }),
        ("a repeated attribute emptied", El("div", [("class", "card"), ("class", "")]) { EmptyComponent() }),
        ("nesting, groups and loops", El("ul") {
            for index in 1...3 { El("li", [("data-n", String(index))]) { Text("項目 \(index)") } }
            ComponentGroup { Text("a"); Text("b") }
        }),
        ("a component made of El", El("div") { Badge(label: "済") }),
        ("empty optional content", El("div") { if HTMLWriterTests.hidden { Text("never") } }),
        ("a Plot node inside", El("div") { Node<HTML.BodyContext>.span(.text("plot")) }),
    ] }

    static let names = ["element with text", "attribute escaping", "boolean and empty attributes", "a repeated attribute keeps its last value", "a repeated attribute emptied",
                        "nesting, groups and loops", "a component made of El", "empty optional content", "a Plot node inside"]

    @Test("the same markup as Plot", arguments: names)
    func sameAsPlot(name: String) throws {
        let component = try #require(Self.samples.first { $0.0 == name }).1
        #expect(HTMLWriter.render(component) == component.render())
    }

    @Test("text is written exactly as typed: an entity someone types stays visible, never interpreted")
    func entitiesInText() {
        #expect(HTMLWriter.render(Text("&amp; &lt;script&gt;")) == "&amp;amp; &amp;lt;script&amp;gt;")
        #expect(HTMLWriter.render(El("b") { Text("<script>alert(1)</script>") }) == "<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>")
    }

    @Test("a whole page: the layout and the dashboard's heading render from a mock context")
    func page() {
        let html = Layout.page(title: "テスト <ページ>", context: .mock(locale: .en)) { heading(1, "Hello & welcome") }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>テスト &lt;ページ&gt; | "))
        #expect(html.contains("<h1>Hello &amp; welcome</h1>"))
        #expect(html.hasSuffix("</html>"))
    }
}
