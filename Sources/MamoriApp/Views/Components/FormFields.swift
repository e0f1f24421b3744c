import Foundation
import MamoriCore
import Plot

/// What a form shows again after a refused submit: the values typed and an error per field.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: LocalizedText] = [:]
    /// The values are what a person just submitted (a refused form), so date fields show them
    /// exactly as typed; otherwise they are stored values, shown in the page's date format.
    var isTyped = false

    static let empty = FormState()

    init(values: [String: String] = [:], errors: [String: LocalizedText] = [:], isTyped: Bool = false) {
        self.values = values
        self.errors = errors
        self.isTyped = isTyped
    }

    init(values: [String: String], error: MamoriError) {
        self.values = values
        self.errors = Dictionary(error.fields.map { ($0.name, $0.message) }, uniquingKeysWith: { first, _ in first })
        self.isTyped = true
    }
}

/// The date fields of a submitted form, read with `DateInput` before any service sees them, so
/// services keep receiving `yyyy-MM-dd` / `yyyy-MM-ddTHH:mm` whatever the person typed
/// (2026/12/03, 令和8年12月3日, …). Text that is no date is passed on as typed: the service
/// refuses it as before, and `explained` words that refusal with the format the page asks for.
/// The API does not use this: it takes ISO 8601 only.
struct TypedDates {
    private var fields: [(name: String, dateTime: Bool, blank: Bool, readable: Bool)] = []

    /// `yyyy-MM-dd` for the service; nil stays nil and blank text becomes "".
    mutating func date(_ field: String, _ typed: String?) -> String? {
        read(field, typed, dateTime: false)
    }

    /// `yyyy-MM` for the service (a plan month); text that is no month is passed on as typed.
    static func month(_ typed: String?) -> String? {
        guard let typed else { return nil }
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "" : DateInput.month(trimmed) ?? trimmed
    }

    /// `yyyy-MM-ddTHH:mm` for the service; nil stays nil and blank text becomes "".
    mutating func dateTime(_ field: String, _ typed: String?) -> String? {
        read(field, typed, dateTime: true)
    }

    private mutating func read(_ field: String, _ typed: String?, dateTime: Bool) -> String? {
        let trimmed = (typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            fields.append((name: field, dateTime: dateTime, blank: true, readable: false))
            return typed == nil ? nil : ""
        }
        let read: String? = dateTime ? DateInput.dateTime(trimmed) : DateInput.date(trimmed)
        fields.append((name: field, dateTime: dateTime, blank: false, readable: read != nil))
        return read ?? trimmed
    }

    /// The refusal with the expected format beside every date field whose text could not be
    /// read, instead of the services' ISO wording (meant for API clients); a blank field the
    /// service refused as a bad date is asked for as a required one.
    func explained(_ error: MamoriError) -> MamoriError {
        var error = error
        let isoWording: [LocalizedText] = [L.Common.describe(.invalidDate), L.Common.describe(.invalidDateTime)]
        for field in fields where !field.readable {
            let message: LocalizedText
            if field.blank {
                message = L.Common.describe(.required)
            } else {
                message = field.dateTime ? L.DateEntry.unreadableDateTime : L.DateEntry.unreadableDate
            }
            if let index = error.fields.firstIndex(where: { $0.name == field.name }) {
                if !field.blank || isoWording.contains(error.fields[index].message) {
                    error.fields[index] = (name: field.name, message: message)
                }
            } else if !field.blank {
                error.fields.append((name: field.name, message: message))
            }
        }
        return error
    }

    func explained(_ problems: FieldProblems) -> MamoriError {
        explained(MamoriError.invalid(problems))
    }
}

/// Accessible form controls: a visible label tied to the control, hints and inline errors
/// referenced by `aria-describedby`, `aria-invalid` on refused fields.
enum FormField {
    /// What a text field holds. Dates are typed, not picked: browsers draw `type="date"` in
    /// their own locale (mm/dd/yyyy on a Japanese page), so a date field is a text field with
    /// the page's format as its hint and value, read on the server by `TypedDates`.
    enum InputKind: Sendable {
        case text
        case date
        case dateTime
        case month
    }

    struct Options {
        var kind: InputKind = .text
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
        let format = formatHint(options.kind, context: context)
        var attributes: [(String, String?)] = [("type", options.kind == .text ? options.type : "text"), ("id", id), ("name", name)]
        if keepValue, let value = state.values[name] { attributes.append(("value", shownValue(value, kind: options.kind, isTyped: state.isTyped, locale: context.locale))) }
        attributes += dateAttributes(options)
        if let autocomplete = options.autocomplete { attributes.append(("autocomplete", autocomplete)) }
        if let inputMode = options.inputMode { attributes.append(("inputmode", inputMode)) }
        if let maxLength = options.maxLength { attributes.append(("maxlength", String(maxLength))) }
        if options.required { attributes.append(("required", nil)) }
        attributes += describedBy(id: id, hint: options.hint, error: error, format: format)
        return div("field" + (error == nil ? "" : " field-invalid")) {
            fieldLabel(id: id, label: label, required: options.required, context: context)
            El.void("input", attributes)
            hintAndError(id: id, hint: options.hint, error: error, format: format)
        }
    }

    /// The example under a date field, in the page's language (例 2026/12/03, e.g. 2026-12-03).
    static func formatHint(_ kind: InputKind, context: PageContext) -> String? {
        switch kind {
        case .text: nil
        case .date: context.t(L.DateEntry.dateExample)
        case .dateTime: context.t(L.DateEntry.dateTimeExample)
        case .month: context.t(L.DateEntry.monthExample)
        }
    }

    /// A stored date as the page writes it (2026/12/03 in Japanese, 2026-12-03 in English);
    /// what a person typed into a refused form stays exactly as typed.
    static func shownValue(_ value: String, kind: InputKind, isTyped: Bool, locale: AppLocale) -> String {
        if isTyped { return value }
        switch kind {
        case .text: return value
        case .date: return DateInput.display(date: value, locale)
        case .dateTime: return DateInput.display(dateTime: value, locale)
        case .month: return DateInput.display(month: value, locale)
        }
    }

    /// Date fields: the number pad on phones, no autofill of old values, a sane length.
    private static func dateAttributes(_ options: Options) -> [(String, String?)] {
        guard options.kind != .text else { return [] }
        var attributes: [(String, String?)] = []
        if options.inputMode == nil { attributes.append(("inputmode", "numeric")) }
        if options.autocomplete == nil { attributes.append(("autocomplete", "off")) }
        if options.maxLength == nil { attributes.append(("maxlength", "40")) }
        return attributes
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
                El("option", [("value", "")]) { Text(emptyLabel ?? context.t(L.Common.chooseOne)) }
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
            paragraph(context.t(L.Common.errorValidation))
            El("ul") {
                // Named and put in the form's order once the page is written (`ErrorSummaryNames`).
                for (name, message) in state.errors.sorted(by: { $0.key < $1.key }) {
                    El("li", [(ErrorSummaryNames.marker, name)]) { link(context.t(message), to: "#field-\(name)") }
                }
            }
        }
    }

    private static func fieldLabel(id: String, label: String, required: Bool, context: PageContext) -> Component {
        El("label", [("for", id)]) {
            Text(label)
            if !required { El("span", [("class", "optional")]) { Text(context.t(L.Common.optional)) } }
        }
    }

    private static func describedBy(id: String, hint: String?, error: String?, format: String? = nil) -> [(String, String?)] {
        let candidates: [String?] = [format == nil ? nil : "\(id)-format", hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"]
        let ids = candidates.compactMap { $0 }
        var attributes: [(String, String?)] = []
        if !ids.isEmpty { attributes.append(("aria-describedby", ids.joined(separator: " "))) }
        if error != nil { attributes.append(("aria-invalid", "true")) }
        return attributes
    }

    private static func hintAndError(id: String, hint: String?, error: String?, format: String? = nil) -> Component {
        ComponentGroup {
            if let format { El("p", [("class", "hint date-format"), ("id", "\(id)-format")]) { Text(format) } }
            if let hint { El("p", [("class", "hint"), ("id", "\(id)-hint")]) { Text(hint) } }
            if let error { El("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
        }
    }
}
