import Fluent
import Foundation
import MamoriCore

/// One telework self-check (15 points) with its counts kept beside the answers, so history
/// and trends need no decoding.
final class TeleworkSelfCheck: Model, @unchecked Sendable {
    static let schema = "telework_self_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "answers") var answersJSON: String
    @Field(key: "yes_count") var yesCount: Int
    @Field(key: "partly_count") var partlyCount: Int
    @Field(key: "no_count") var noCount: Int
    @Field(key: "respondent_name") var respondentName: String
    @Field(key: "created_by_id") var createdByID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var answers: TeleworkAnswers? {
        guard let raw = try? JSONDecoder().decode([String: String].self, from: Data(answersJSON.utf8)) else { return nil }
        return try? TeleworkAnswers.parse(raw).get()
    }
}

/// One save of the telework checklist: the keys of the items in place. Every save is a row,
/// so the history stays; the latest row is the current state.
final class TeleworkChecklistRecord: Model, @unchecked Sendable {
    static let schema = "telework_checklists"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "done") var doneJSON: String
    @Field(key: "done_count") var doneCount: Int
    @Field(key: "created_by_id") var createdByID: UUID
    @Field(key: "created_by_name") var createdByName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var done: Set<String> { Set((try? JSONDecoder().decode([String].self, from: Data(doneJSON.utf8))) ?? []) }
}
