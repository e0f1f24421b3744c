import Plot

/// Writes a page's component tree to HTML in one pass into one string.
///
/// Plot's own renderer reflects every component with `Mirror` (to look for environment values
/// Mamori never uses), renders each element into a string of its own and copies it into its
/// parent, and escapes text in several passes. On the dashboard that was about a third of the
/// request's CPU (docs/PERFORMANCE.md). Mamori's views are built from `El`, `Text`, groups and
/// small components whose `body` is made of those, so this writer handles them directly and
/// leaves anything else (a Plot `Node`) to Plot. The output is the same markup.
enum HTMLWriter {
    static func render(_ component: Component) -> String {
        var html = ""
        html.reserveCapacity(32 * 1024)
        write(component, into: &html)
        return html
    }

    static func write(_ component: Component, into html: inout String) {
        switch component {
        case let element as El:
            element.write(into: &html)
        case let text as Text:
            appendEscapedText(text.string, to: &html)
        case let group as ComponentGroup:
            for member in group.members { write(member, into: &html) }
        case is EmptyComponent:
            break
        default:
            let body = component.body
            // A Plot node is its own body: Plot renders it.
            if type(of: body) == type(of: component) {
                html += component.render()
            } else {
                write(body, into: &html)
            }
        }
    }

    /// `&`, `<` and `>` in text; quotes need no escaping outside attributes.
    static func appendEscapedText(_ text: String, to html: inout String) {
        appendEscaped(text, quotes: false, to: &html)
    }

    /// `& " ' < >` in attribute values.
    static func appendEscapedAttribute(_ value: String, to html: inout String) {
        appendEscaped(value, quotes: true, to: &html)
    }

    private static func appendEscaped(_ text: String, quotes: Bool, to html: inout String) {
        // Most texts need no escaping: copy them whole.
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || (quotes && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")))
        }
        guard needsEscaping else {
            html += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"" where quotes: html += "&quot;"
            case "'" where quotes: html += "&#39;"
            default: html.unicodeScalars.append(scalar)
            }
        }
    }
}

/// Text in a page, escaped when written. Mamori's own type (it shadows Plot's `Text`) so that
/// `HTMLWriter` can read the string; rendered through Plot it is Plot's text node.
struct Text: Component {
    let string: String

    init(_ string: String) { self.string = string }

    var body: Component { Node<HTML.BodyContext>.text(string) }
}
