/// The longest text each kind of field takes, in characters: one table that the services check
/// and the forms' `maxlength` repeat, so a limit changes in one place.
public enum TextLimit {
    /// Phone numbers and registration numbers.
    public static let number = 20
    /// A SECURITY ACTION declaration's identifier.
    public static let code = 64
    /// A person's, department's or authority's name.
    public static let name = 100
    /// A title, a client's name, a threat, an invitation's note.
    public static let line = 200
    /// An e-mail address (RFC 5321's path limit).
    public static let email = 254
    /// A plan item's title.
    public static let longLine = 300
    /// A reason, a place, a category note, one line of measures.
    public static let shortText = 500
    /// A risk's measure.
    public static let paragraph = 1000
    /// A message, notes, a team's members, a directory note.
    public static let text = 2000
    /// Comments, topics, causes, impacts, a response policy.
    public static let longText = 5000

    /// Adds the field's problem when the (already trimmed) text is empty but required, or longer
    /// than `maximum` characters.
    public static func check(_ text: String, _ field: String, maximum: Int, required: Bool = false, into problems: inout FieldProblems) {
        if text.isEmpty { if required { problems.add(field, .required) } }
        else if text.count > maximum { problems.add(field, .tooLong(maximum: maximum)) }
    }
}
