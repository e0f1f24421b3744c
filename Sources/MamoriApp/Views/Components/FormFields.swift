import MamoriCore
import Plot

/// What a form shows again after a refused submit: the values typed and an error per field.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: LocalizedText] = [:]

    static let empty = FormState()

    init(values: [String: String] = [:], errors: [String: LocalizedText] = [:]) {
        self.values = values
        self.errors = errors
    }

    init(values: [String: String], error: MamoriError) {
        self.values = values
        self.errors = Dictionary(error.fields.map { ($0.name, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Accessible form controls: a visible label tied to the control, hints and inline errors
/// referenced by `aria-describedby`, `aria-invalid` on refused fields.
enum FormField {
    struct Options {
        var type = "text"
        var autocomplete: String?
        var required = false
        var hint: String?
        var inputMode: String?
        var maxLength: Int?
    }

    static func input(_ name: String, label: String, state: FormState, context: PageContext, options: Options = Options(), keepValue: Bool = true) -> Component {
        let id = "field-\(name)"
        let error = state.errors[name].map { context.t($0) }
        var attributes: [(String, String?)] = [("type", options.type), ("id", id), ("name", name)]
        if keepValue, let value = state.values[name] { attributes.append(("value", value)) }
        if let autocomplete = options.autocomplete { attributes.append(("autocomplete", autocomplete)) }
        if let inputMode = options.inputMode { attributes.append(("inputmode", inputMode)) }
        if let maxLength = options.maxLength { attributes.append(("maxlength", String(maxLength))) }
        if options.required { attributes.append(("required", nil)) }
        attributes += describedBy(id: id, hint: options.hint, error: error)
        return div("field" + (error == nil ? "" : " field-invalid")) {
            fieldLabel(id: id, label: label, required: options.required, context: context)
            El.void("input", attributes)
            hintAndError(id: id, hint: options.hint, error: error)
        }
    }

    static func select(_ name: String, label: String, choices: [(value: String, label: String)], state: FormState, context: PageContext, required: Bool = true,
                       hint: String? = nil, emptyLabel: String? = nil) -> Component {
        let id = "field-\(name)"
        let error = state.errors[name].map { context.t($0) }
        let selected = state.values[name]
        var attributes: [(String, String?)] = [("id", id), ("name", name)]
        if required { attributes.append(("required", nil)) }
        attributes += describedBy(id: id, hint: hint, error: error)
        return div("field" + (error == nil ? "" : " field-invalid")) {
            fieldLabel(id: id, label: label, required: required, context: context)
            El("select", attributes) {
                El("option", [("value", "")]) { Text(emptyLabel ?? context.t(L.chooseOne)) }
                for choice in choices {
                    El("option", [("value", choice.value)] + (choice.value == selected ? [("selected", nil)] : [])) { Text(choice.label) }
                }
            }
            hintAndError(id: id, hint: hint, error: error)
        }
    }

    static func textArea(_ name: String, label: String, state: FormState, context: PageContext, required: Bool = false, maxLength: Int = 5000,
                         rows: Int? = nil, placeholder: String? = nil, showOptional: Bool = true) -> Component {
        let id = "field-\(name)"
        let error = state.errors[name].map { context.t($0) }
        // Tall enough for what it holds, within reason.
        let lines = (state.values[name] ?? "").split(separator: "\n", omittingEmptySubsequences: false).count
        let height = rows ?? min(max(4, lines + 1), 20)
        return div("field" + (error == nil ? "" : " field-invalid")) {
            fieldLabel(id: id, label: label, required: required || !showOptional, context: context)
            El("textarea", [("id", id), ("name", name), ("rows", String(height)), ("maxlength", String(maxLength))]
               + (placeholder.map { [("placeholder", $0)] } ?? [])
               + (required ? [("required", nil)] : []) + describedBy(id: id, hint: nil, error: error)) {
                Text(state.values[name] ?? "")
            }
            hintAndError(id: id, hint: nil, error: error)
        }
    }

    static func checkbox(_ name: String, label: String, checked: Bool, state: FormState, context: PageContext) -> Component {
        let id = "field-\(name)"
        let error = state.errors[name].map { context.t($0) }
        return div("field field-check" + (error == nil ? "" : " field-invalid")) {
            El("label", [("for", id), ("class", "measure")]) {
                El.void("input", [("type", "checkbox"), ("id", id), ("name", name), ("value", "on")]
                        + (checked || state.values[name] == "on" ? [("checked", nil)] : []) + describedBy(id: id, hint: nil, error: error))
                El("span") { Text(label) }
            }
            hintAndError(id: id, hint: nil, error: error)
        }
    }

    static func submit(_ label: String, secondary: Bool = false) -> Component {
        El("button", [("type", "submit"), ("class", secondary ? "button secondary" : "button")]) { Text(label) }
    }

    /// A one-button form for an action on a row (revoke, remove…), with a confirmation text
    /// that stays readable without JavaScript.
    static func actionButton(_ label: String, action: String, context: PageContext, danger: Bool = false) -> Component {
        El("form", [("method", "post"), ("action", action), ("class", "inline-form")]) {
            csrfField(context)
            El("button", [("type", "submit"), ("class", danger ? "button small danger" : "button small secondary")]) { Text(label) }
        }
    }

    /// A summary at the top of a refused form, so screen-reader users hear that it failed. It
    /// takes the focus when the page opens, so the browser scrolls to the refused form even
    /// when it sits far down a long page; each error links to its field.
    static func errorSummary(_ state: FormState, context: PageContext) -> Component {
        if state.errors.isEmpty { return EmptyComponent() }
        return El("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("autofocus", nil)]) {
            paragraph(context.t(L.errorValidation))
            El("ul") {
                for (name, message) in state.errors.sorted(by: { $0.key < $1.key }) {
                    El("li") { link(context.t(message), to: "#field-\(name)") }
                }
            }
        }
    }

    private static func fieldLabel(id: String, label: String, required: Bool, context: PageContext) -> Component {
        El("label", [("for", id)]) {
            Text(label)
            if !required { El("span", [("class", "optional")]) { Text(context.t(L.optional)) } }
        }
    }

    private static func describedBy(id: String, hint: String?, error: String?) -> [(String, String?)] {
        let ids = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"].compactMap { $0 }
        var attributes: [(String, String?)] = []
        if !ids.isEmpty { attributes.append(("aria-describedby", ids.joined(separator: " "))) }
        if error != nil { attributes.append(("aria-invalid", "true")) }
        return attributes
    }

    private static func hintAndError(id: String, hint: String?, error: String?) -> Component {
        ComponentGroup {
            if let hint { El("p", [("class", "hint"), ("id", "\(id)-hint")]) { Text(hint) } }
            if let error { El("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
        }
    }
}
