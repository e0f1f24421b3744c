import Foundation

/// A note or a correction someone adds to an incident's timeline, as the page and the API both
/// hand it to the service once they have read their own formats.
public struct TimelineNote: Sendable, Equatable {
    /// When what the note tells happened.
    public enum Occurred: Sendable, Equatable {
        /// Not given: the moment it is recorded.
        case now
        case at(Date)
        /// Given, but not a date and time the face could read.
        case unreadable
    }

    public var text: String
    public var occurred: Occurred
    /// The sequence number of the entry this one corrects; nil for a plain note.
    public var corrects: Int?

    public init(text: String, occurred: Occurred = .now, corrects: Int? = nil) {
        self.text = text
        self.occurred = occurred
        self.corrects = corrects
    }

    /// The longest note, in characters.
    public static let textMaximum = 10_000
    /// Clocks differ: a moment up to five minutes ahead of the server's is still "now".
    public static let futureTolerance: TimeInterval = 300

    /// A checked note: its text trimmed and the moment it happened, or the problem of each field.
    /// `isEntry` says whether a sequence number is one of the incident's entries.
    public func checked(now: Date, isEntry: (Int) -> Bool) -> Result<(text: String, occurredAt: Date?), FieldProblems> {
        var problems = FieldProblems()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { problems.add("text", .required) }
        else if trimmed.count > Self.textMaximum { problems.add("text", .tooLong(maximum: Self.textMaximum)) }
        var occurredAt: Date?
        switch occurred {
        case .now: break
        case .unreadable: problems.add("occurredAt", .invalidDateTime)
        case .at(let date):
            if date > now.addingTimeInterval(Self.futureTolerance) { problems.add("occurredAt", .inFuture) }
            occurredAt = date
        }
        if let corrects, !isEntry(corrects) { problems.add("corrects", .unknownChoice) }
        return problems.isEmpty ? .success((trimmed, occurredAt)) : .failure(problems)
    }
}
