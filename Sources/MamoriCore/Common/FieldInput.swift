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

extension FieldInput where Value == Int {
    /// A count within `range`: absent is `.required` (when required), unreadable `.notANumber`,
    /// outside the range `.outOfRange` naming it.
    public func count(_ field: String, in range: ClosedRange<Int>, required: Bool = true, into problems: inout FieldProblems) -> Int? {
        guard let value = read(field, required: required, unreadable: .notANumber, into: &problems) else { return nil }
        guard range.contains(value) else {
            problems.add(field, .outOfRange(minimum: Int64(range.lowerBound), maximum: Int64(range.upperBound)))
            return nil
        }
        return value
    }
}

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

    /// A value read by the type's own parser (a prefecture by name or code…).
    public static func parsed(_ raw: String?, _ parse: (String) -> Value?) -> FieldInput {
        guard let text = text(raw) else { return .absent }
        return parse(text).map { .given($0) } ?? .unreadable
    }

    /// Several choices by key (ticked boxes): none is an empty list, one unknown key makes the
    /// whole field unreadable.
    public static func choices<Choice>(_ raws: [String]) -> FieldInput where Value == [Choice], Choice: RawRepresentable, Choice.RawValue == String {
        let chosen = raws.compactMap(Choice.init(rawValue:))
        return chosen.count == raws.count ? .given(chosen) : .unreadable
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

    /// A whole number as people type it: full-width digits read as ASCII (１２ → 12), thousands
    /// separators ignored (1,000).
    public static func integer(_ raw: String?) -> FieldInput<Int> {
        guard let text = text(raw) else { return .absent }
        let digits = text.precomposedStringWithCompatibilityMapping.replacingOccurrences(of: ",", with: "")
        return Int(digits).map { .given($0) } ?? .unreadable
    }

    /// A calendar date, `yyyy-MM-dd` and a real day (the form's fields read by `DateInput` first),
    /// kept as the text Mamori stores (`CalendarDate`).
    public static func calendarDate(_ raw: String?) -> FieldInput<String> {
        guard let text = text(raw) else { return .absent }
        return CalendarDate.isValid(text) ? .given(text) : .unreadable
    }

    /// A Tokyo local date and time, `yyyy-MM-ddTHH:mm` (the form's fields read by `DateInput` first).
    public static func tokyoDateTime(_ raw: String?) -> FieldInput<Date> {
        guard let text = text(raw) else { return .absent }
        return TokyoDateTime.parse(text).map { .given($0) } ?? .unreadable
    }
}
