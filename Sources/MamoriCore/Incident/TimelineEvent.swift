import Foundation

/// What an entry that Mamori writes into an incident's timeline says, as data rather than
/// prose: stored as canonical JSON in the entry's text (so the hash covers it) and rendered in
/// the reader's language when shown. Entries people type (notes, corrections) keep their text
/// as typed and are not events. Entries written before events existed are prose; they decode
/// to nil and are shown as stored.
public enum TimelineEvent: Codable, Equatable, Sendable {
    case opened(kind: IncidentKind, title: String)
    /// Fields of the record that changed; `value` is given for facts whose value matters to the
    /// duties (flags "true"/"false", the number of persons, the severity key).
    case recordChanged(changes: [RecordChange])
    case stepChanged(from: Int, to: Int)
    /// A playbook point marked done or not applicable, or its mark cleared (`state` nil).
    case pointMarked(point: String, state: PointState?, note: String)
    case evidenceUploaded(filename: String, size: Int, sha256: String)
    case evidenceDownloaded(filename: String, sha256: String)
    case notificationRecorded(recipient: String, action: String, doneOn: String, reference: String)
    case notificationUndone(recipient: String, action: String, doneOn: String)
    case closed(cause: String, measures: Int)
    /// A report draft frozen as submitted, with the SHA-256 of the text that was submitted.
    case reportSubmitted(report: String, version: Int, sha256: String)

    public struct RecordChange: Codable, Equatable, Sendable {
        public let field: String
        public let value: String?
        public init(field: String, value: String? = nil) {
            self.field = field
            self.value = value
        }
    }

    public enum PointState: String, Codable, Sendable { case done, notApplicable = "not_applicable" }

    /// The entry type this event is stored under (the types the timeline has always used).
    public var type: String {
        switch self {
        case .opened: "opened"
        case .recordChanged: "record"
        case .stepChanged: "step"
        case .pointMarked: "check"
        case .evidenceUploaded: "evidence_upload"
        case .evidenceDownloaded: "evidence_download"
        case .notificationRecorded, .notificationUndone: "notification"
        case .closed: "closed"
        case .reportSubmitted: "report_submitted"
        }
    }

    /// The stored text: JSON with sorted keys, the same bytes for the same event.
    public var storedText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The event an entry's text holds, or nil for prose (typed entries and older entries).
    public init?(storedText: String) {
        guard storedText.hasPrefix("{"), let event = try? JSONDecoder().decode(TimelineEvent.self, from: Data(storedText.utf8)) else { return nil }
        self = event
    }
}
