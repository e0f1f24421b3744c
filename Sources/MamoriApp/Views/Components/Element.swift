import Plot

/// An HTML element whose attribute values are always escaped.
///
/// Plot escapes text nodes but writes attribute values as they are, so a value containing a
/// quote could break out of the attribute. Every view builds elements through `El`, which
/// escapes `& " ' < >` in values; text goes through Plot's `Text`, which escapes `<` and `>`.
struct El: Component {
    let name: String
    var attributes: [(name: String, value: String?)]
    var selfClosing: Bool
    var content: () -> Component

    init(_ name: String, _ attributes: [(String, String?)] = [], @ComponentBuilder content: @escaping () -> Component = { EmptyComponent() }) {
        self.name = name
        self.attributes = attributes.map { (name: $0.0, value: $0.1) }
        self.selfClosing = false
        self.content = content
    }

    /// A void element such as `<input>` or `<meta>`.
    static func void(_ name: String, _ attributes: [(String, String?)]) -> El {
        var element = El(name, attributes)
        element.selfClosing = true
        return element
    }

    var body: Component {
        let rendered: [Attribute<HTML.BodyContext>] = attributes.map { attribute in
            if let value = attribute.value {
                return Attribute(name: attribute.name, value: escapeAttribute(value), ignoreIfValueIsEmpty: false)
            }
            // A boolean attribute such as `required`.
            return Attribute(name: attribute.name, value: nil, ignoreIfValueIsEmpty: false)
        }
        if selfClosing {
            return Node<HTML.BodyContext>.selfClosedElement(named: name, attributes: rendered)
        }
        return Node<HTML.BodyContext>.element(named: name, nodes: rendered.map { .attribute($0) } + [.component(content())])
    }
}

extension El {
    /// Writes the element as Plot would (attributes in order, a repeated name once with its
    /// last value, an empty or missing value as the bare name, `/>` for void elements), with
    /// every value escaped.
    func write(into html: inout String) {
        html += "<"
        html += name
        for index in attributes.indices {
            let attribute = attributes[index]
            // A repeated name is written once, where it first appears, with its last value.
            if attributes[..<index].contains(where: { $0.name == attribute.name }) { continue }
            let value = attributes[index...].last { $0.name == attribute.name }?.value ?? ""
            html += " "
            html += attribute.name
            if !value.isEmpty {
                html += "=\""
                HTMLWriter.appendEscapedAttribute(value, to: &html)
                html += "\""
            }
        }
        if selfClosing {
            html += "/>"
            return
        }
        html += ">"
        HTMLWriter.write(content(), into: &html)
        html += "</"
        html += name
        html += ">"
    }
}

func escapeAttribute(_ value: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(value.utf8.count)
    HTMLWriter.appendEscapedAttribute(value, to: &escaped)
    return escaped
}

/// Links may only use safe schemes; anything else (javascript:, data:…) becomes "#".
func safeHref(_ url: String) -> String {
    let lowered = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    if lowered.hasPrefix("/") && !lowered.hasPrefix("//") { return url }
    for scheme in ["https://", "http://", "mailto:", "tel:"] where lowered.hasPrefix(scheme) { return url }
    if lowered.hasPrefix("#") || lowered.hasPrefix("?") { return url }
    return "#"
}

/// Shorthands that keep views readable.
func div(_ cls: String? = nil, @ComponentBuilder _ content: @escaping () -> Component) -> El {
    El("div", cls.map { [("class", $0)] } ?? [], content: content)
}

func link(_ label: String, to url: String, _ extra: [(String, String?)] = []) -> El {
    El("a", [("href", safeHref(url))] + extra) { Text(label) }
}

func heading(_ level: Int, _ text: String, id: String? = nil) -> El {
    El("h\(min(max(level, 1), 6))", id.map { [("id", $0)] } ?? []) { Text(text) }
}

func paragraph(_ text: String, class cls: String? = nil) -> El {
    El("p", cls.map { [("class", $0)] } ?? []) { Text(text) }
}

/// `<thead>` with one column header per label.
func tableHead(_ labels: [String]) -> El {
    El("thead") {
        El("tr") {
            for label in labels { El("th", [("scope", "col")]) { Text(label) } }
        }
    }
}
