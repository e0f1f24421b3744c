import Foundation

/// One field of a service's typed command, as a face read it from its own format (a form's
/// text, an API's JSON): not given, given but not readable as the type, or given. Services
/// decide what each case means (required, unchanged, refused) with `read`, so the page and the
/// API are refused in the same words.
public enum FieldInput<Value: Sendable>: Sendable {
    case absent
    case unreadable
    case given(Value)

    /// The given value; otherwise the field's problem is added (absent and required → `.required`,
    /// unreadable → `unreadable`) and nil returned.
    public func read(_ field: String, required: Bool = true, unreadable problem: FieldProblem = .unknownChoice,
                     into problems: inout FieldProblems) -> Value? {
        switch self {
        case .given(let value): return value
        case .absent: if required { problems.add(field, .required) }
        case .unreadable: problems.add(field, problem)
        }
        return nil
    }
}

extension FieldInput: Equatable where Value: Equatable {}

/// The shared parsers from a form's text (blank is absent).
extension FieldInput {
    private static func text(_ raw: String?) -> String? {
        let trimmed = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A choice by its key (`corporation`, `on_site`…).
    public static func choice(_ raw: String?) -> FieldInput where Value: RawRepresentable, Value.RawValue == String {
        guard let text = text(raw) else { return .absent }
        return Value(rawValue: text).map { .given($0) } ?? .unreadable
    }

    /// A yes/no question answered `yes` or `no`.
    public static func yesNo(_ raw: String?) -> FieldInput<Bool> {
        switch text(raw) {
        case nil: .absent
        case "yes": .given(true)
        case "no": .given(false)
        default: .unreadable
        }
    }

    /// A whole number, full-width digits read as ASCII (１２ → 12).
    public static func integer(_ raw: String?) -> FieldInput<Int> {
        guard let text = text(raw) else { return .absent }
        return Int(text.precomposedStringWithCompatibilityMapping).map { .given($0) } ?? .unreadable
    }

    /// A Tokyo local date and time, `yyyy-MM-ddTHH:mm` (the form's fields read by `DateInput` first).
    public static func tokyoDateTime(_ raw: String?) -> FieldInput<Date> {
        guard let text = text(raw) else { return .absent }
        return TokyoDateTime.parse(text).map { .given($0) } ?? .unreadable
    }
}
