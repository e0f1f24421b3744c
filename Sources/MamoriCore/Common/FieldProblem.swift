/// Why one input field was refused. The app turns each case into a sentence in the user's
/// language (form: inline error; API: the `fields` object of the error body).
public enum FieldProblem: Sendable, Equatable, Hashable {
    case required
    case tooLong(maximum: Int)
    case tooShort(minimum: Int)
    /// Passwords are limited in UTF-8 bytes (Bcrypt reads 72), not characters.
    case tooManyBytes(maximum: Int)
    case outOfRange(minimum: Int64, maximum: Int64)
    case notANumber
    case unknownChoice
    case invalidEmail
    case alreadyTaken
    case mismatch
    case incorrect
    case invalidDate
    case inFuture
    /// The moment the organization became aware of an incident cannot be later than now: the
    /// legal reporting periods count from it.
    case awarenessInFuture
    case alreadyRegistered
    case termsChanged
    case notAURL
    case invalidDateTime
    case ownerOnly
    /// An address part with characters other than a–z, 0–9 and single inner hyphens.
    case invalidSlug
    /// A month not written as yyyy-MM.
    case invalidMonth
    /// An end (due month, end date) before the start.
    case beforeStart
    /// An end date before its start date (the end date must be on or after the start date).
    case endBeforeStartDate
    /// A program capacity below its floor: at least one place, and never fewer than the
    /// applications already accepted (`accepted`).
    case capacityTooSmall(accepted: Int64)
    /// A program visit outside the program's fiscal year (1 April – 31 March, Tokyo).
    case outsideFiscalYear(Int)
    /// An uploaded file: empty, too large, not a readable CSV/XLSX, a column missing, too many rows.
    case fileEmpty
    case fileTooLarge(maximumMegabytes: Int)
    case fileUnreadable
    case missingColumn(String)
    case tooManyRows(maximum: Int)
    /// A webhook address Mamori will not post to (not HTTPS, a private address, …).
    case webhookTarget(WebhookTarget.Problem)
    /// More entries than allowed (e.g. webhooks of one organization).
    case tooMany(maximum: Int)
    /// The eligibility rules need the main industry of a "other" category, and refuse it otherwise.
    case mainIndustryRequired
    case mainIndustryNotAllowed
    /// Marking a playbook point "not applicable" without saying why.
    case reasonRequired
    /// Two SECURITY ACTION stars while these requirements are not met.
    case twoStarsNotReady(missing: [SecurityActionReadiness.Requirement])
}

/// Field name → problem, in the order the form shows the fields.
public struct FieldProblems: Error, Sendable, Equatable {
    public private(set) var entries: [(field: String, problem: FieldProblem)] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(field: String) -> FieldProblem? {
        entries.first { $0.field == field }?.problem
    }

    public mutating func add(_ field: String, _ problem: FieldProblem) {
        guard self[field] == nil else { return }
        entries.append((field, problem))
    }

    /// Adds another set's problems (a rule checked on its own), keeping the first per field.
    public mutating func merge(_ other: FieldProblems) {
        for entry in other.entries { add(entry.field, entry.problem) }
    }

    public static func == (lhs: FieldProblems, rhs: FieldProblems) -> Bool {
        lhs.entries.map(\.field) == rhs.entries.map(\.field)
            && lhs.entries.map(\.problem) == rhs.entries.map(\.problem)
    }
}

/// Lets a single refused field travel in a `Result`.
extension FieldProblem: Error {}
