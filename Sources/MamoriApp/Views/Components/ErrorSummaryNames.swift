import Foundation

/// Names the fields in a refused form's error summary, in the order the fields appear.
///
/// The summary sits above its form, so it is written before the fields and their labels; a
/// form's labels are only known once the form is written. Without names, a form with several
/// empty required fields listed "Please fill this in." seven times. Rather than make every form
/// hand its labels to the summary a second time (and drift from them), the page fills the names
/// in after writing: each summary item carries the name of its field, and the label written
/// for that field (`<label for="field-…">`) is put in front of the message. Only pages with a
/// refused form contain a summary, so other pages pay one `contains` check.
enum ErrorSummaryNames {
    /// The attribute that marks a summary item with its field's name.
    static let marker = "data-summary-field"

    static func fill(_ html: String, separator: String) -> String {
        guard html.contains(marker) else { return html }
        var result = html
        var searchStart = result.startIndex
        while let list = nextSummaryList(in: result, from: searchStart) {
            let items = summaryItems(in: String(result[list]))
            let ordered = items.enumerated().sorted { lhs, rhs in
                let (left, right) = (position(ofField: lhs.element.field, in: html), position(ofField: rhs.element.field, in: html))
                return (left ?? Int.max, lhs.offset) < (right ?? Int.max, rhs.offset)
            }.map(\.element)
            // Typed as String: a multi-line closure returning an interpolated literal could
            // otherwise be inferred as another string-interpolating type (SQLKit's query string).
            let rewritten: [String] = ordered.map { (item: Item) -> String in
                let name: String = label(ofField: item.field, in: html).map { (text: String) -> String in "<span class=\"error-field\">\(text)</span>\(separator)" } ?? ""
                return "<li><a href=\"#field-\(item.field)\">\(name)\(item.message)</a></li>"
            }
            let replacement: String = "<ul>" + rewritten.joined() + "</ul>"
            let listStart = result.distance(from: result.startIndex, to: list.lowerBound)
            result.replaceSubrange(list, with: replacement)
            searchStart = result.index(result.startIndex, offsetBy: listStart + replacement.count)
        }
        return result
    }

    private struct Item { let field: String; let message: String }

    /// The `<ul>…</ul>` of the next summary that still carries markers.
    private static func nextSummaryList(in html: String, from start: String.Index) -> Range<String.Index>? {
        guard let item = html.range(of: "<li \(marker)=\"", range: start..<html.endIndex),
              let open = html.range(of: "<ul>", options: .backwards, range: start..<item.lowerBound),
              let close = html.range(of: "</ul>", range: item.upperBound..<html.endIndex) else { return nil }
        return open.lowerBound..<close.upperBound
    }

    /// Items as `errorSummary` writes them: `<li data-summary-field="NAME"><a href="#field-NAME">MESSAGE</a></li>`.
    /// Names and messages are taken as written (already escaped), so they go back unchanged.
    private static func summaryItems(in list: String) -> [Item] {
        list.components(separatedBy: "<li \(marker)=\"").dropFirst().compactMap { chunk in
            guard let quote = chunk.firstIndex(of: "\""),
                  let linkEnd = chunk.range(of: "\">"),
                  let messageEnd = chunk.range(of: "</a></li>") else { return nil }
            return Item(field: String(chunk[..<quote]), message: String(chunk[linkEnd.upperBound..<messageEnd.lowerBound]))
        }
    }

    private static func position(ofField field: String, in html: String) -> Int? {
        html.range(of: " id=\"field-\(field)\"").map { html.distance(from: html.startIndex, to: $0.lowerBound) }
    }

    /// The text of the field's label without the "(optional)" note; tags inside (a checkbox's
    /// own input, a span) are dropped, the text between them kept as written.
    private static func label(ofField field: String, in html: String) -> String? {
        guard let open = html.range(of: "<label for=\"field-\(field)\""),
              let openEnd = html.range(of: ">", range: open.upperBound..<html.endIndex),
              let close = html.range(of: "</label>", range: openEnd.upperBound..<html.endIndex) else { return nil }
        var inner = String(html[openEnd.upperBound..<close.lowerBound])
        if let optional = inner.range(of: "<span class=\"optional\">") { inner = String(inner[..<optional.lowerBound]) }
        let text = inner.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
