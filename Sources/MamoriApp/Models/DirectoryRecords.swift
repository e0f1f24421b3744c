import Fluent
import Foundation
import MamoriCore

/// The office's layer over the bundled help directory: a correction of a bundled entry (only
/// the fields it changes), or an entry the office added (the whole entry); retirement and the
/// date it was last verified. One row per entry id.
final class DirectoryEntryRecord: Model, @unchecked Sendable {
    static let schema = "directory_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: String
    /// True for an entry the office added (no bundled base).
    @Field(key: "added") var added: Bool
    /// `DirectoryCorrection` JSON for a bundled entry, `ContactDirectory.Contact` JSON for an added one.
    @Field(key: "data") var data: String
    @Field(key: "retired") var retired: Bool
    @OptionalField(key: "verified_on") var verifiedOn: String?
    @Field(key: "updated_by_name") var updatedByName: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var correction: DirectoryCorrection? {
        added ? nil : try? JSONDecoder().decode(DirectoryCorrection.self, from: Data(data.utf8))
    }

    var addedEntry: ContactDirectory.Contact? {
        added ? try? JSONDecoder().decode(ContactDirectory.Contact.self, from: Data(data.utf8)) : nil
    }
}

/// "This entry looks outdated", reported by anyone signed in, queued for the office.
final class DirectoryReport: Model, @unchecked Sendable {
    static let schema = "directory_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: String
    @Field(key: "note") var note: String
    @Field(key: "reported_by_id") var reportedByID: UUID
    @Field(key: "reported_by_name") var reportedByName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "resolved_by_name") var resolvedByName: String?

    init() {}
}
