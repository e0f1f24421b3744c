import Fluent
import Foundation
import MamoriCore

/// The telework self-check (history, comparison), the checklist by role (history) and the
/// organization's "something happened" contact for the staff sheet.
struct TeleworkService {
    let db: any Database

    func save(_ answers: TeleworkAnswers, respondent raw: String?, in organization: Organization, by actor: Principal, ip: String?) async throws -> TeleworkSelfCheck {
        let respondent = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if respondent.count > TextLimit.name { throw Refusal.invalid("respondentName", .tooLong(maximum: TextLimit.name)) }
        let result = TeleworkResult(answers)
        let check = TeleworkSelfCheck()
        check.organizationID = try organization.requireID()
        check.answersJSON = Self.json(answers.dictionary)
        check.yesCount = result.yes
        check.partlyCount = result.partly
        check.noCount = result.no
        check.respondentName = respondent.isEmpty ? actor.user.displayName : respondent
        check.createdByID = actor.userID
        try await db.transaction { db in
            try await check.create(on: db)
            try await AuditLog.record(.teleworkSelfChecked, by: .principal(actor, ip: ip), organizationID: check.organizationID,
                                      target: ("telework_self_check", check.id),
                                      summary: L.Audit.teleworkSelfCheck(yes: result.yes, partly: result.partly, no: result.no), on: db)
        }
        return check
    }

    func page(of organization: Organization, page: PageRequest) async throws -> Page<TeleworkSelfCheck> {
        try await TeleworkSelfCheck.query(on: db).filter(\.$organizationID == organization.requireID())
            .sort(\.$createdAt, .descending).sort(\.$id).paginate(page)
    }

    func find(_ id: UUID?, in organization: Organization) async throws -> TeleworkSelfCheck {
        guard let id, let check = try await TeleworkSelfCheck.query(on: db).filter(\.$id == id)
            .filter(\.$organizationID == organization.requireID()).first() else { throw Refusal.notFound }
        return check
    }

    func latest(of organization: Organization) async throws -> TeleworkSelfCheck? {
        try await TeleworkSelfCheck.query(on: db).filter(\.$organizationID == organization.requireID()).sort(\.$createdAt, .descending).first()
    }

    // MARK: Checklist

    func checklist(of organization: Organization) async throws -> TeleworkChecklistRecord? {
        try await TeleworkChecklistRecord.query(on: db).filter(\.$organizationID == organization.requireID()).sort(\.$createdAt, .descending).first()
    }

    func checklistHistory(of organization: Organization, page: PageRequest) async throws -> Page<TeleworkChecklistRecord> {
        try await TeleworkChecklistRecord.query(on: db).filter(\.$organizationID == organization.requireID())
            .sort(\.$createdAt, .descending).sort(\.$id).paginate(page)
    }

    /// Saves which items are in place; unknown keys are refused, an unchanged list is not saved again.
    @discardableResult
    func saveChecklist(done: Set<String>, in organization: Organization, by actor: Principal, ip: String?) async throws -> TeleworkChecklistRecord? {
        let known = Set(TeleworkContent.bundled.checklist.map(\.key))
        if let unknown = done.subtracting(known).sorted().first { throw Refusal.invalid("done.\(unknown)", .unknownChoice) }
        if let current = try await checklist(of: organization), current.done == done { return nil }
        let record = TeleworkChecklistRecord()
        record.organizationID = try organization.requireID()
        record.doneJSON = Self.json(done.sorted())
        record.doneCount = done.count
        record.createdByID = actor.userID
        record.createdByName = actor.user.displayName
        try await db.transaction { db in
            try await record.create(on: db)
            try await AuditLog.record(.teleworkChecklistSaved, by: .principal(actor, ip: ip), organizationID: record.organizationID,
                                      target: ("telework_checklist", record.id), summary: L.Audit.teleworkChecklist(done: done.count, of: known.count), on: db)
        }
        return record
    }

    // MARK: The staff sheet's contact

    static let maximumContact = 200

    func setIncidentContact(_ raw: String?, of organization: Organization, by actor: Principal, ip: String?) async throws {
        guard actor.isOwner, actor.organizationID == organization.id else { throw Refusal.notAllowed(L.Telework.ownerSetsContact) }
        let text = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > Self.maximumContact { throw Refusal.invalid("incidentContact", .tooLong(maximum: Self.maximumContact)) }
        let value: String? = text.isEmpty ? nil : text
        guard value != organization.incidentContact else { return }
        organization.incidentContact = value
        try await organization.save(on: db)
        try await AuditLog.record(.incidentContactChanged, by: .principal(actor, ip: ip), organizationID: organization.id,
                                  target: ("organization", organization.id), summary: value ?? "—", on: db)
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}

/// Points of the latest telework self-check answered "no" (medium) or "partly" (low); the key
/// is the point number.
struct TeleworkGapSource: GapSource {
    var origin: GapOrigin { .telework }

    func gaps(of organization: Organization, on db: any Database) async throws -> [Gap] {
        guard let answers = try await TeleworkService(db: db).latest(of: organization)?.answers else { return [] }
        let content = TeleworkContent.bundled
        return TeleworkResult(answers).gaps.map { gap in
            Gap(origin: .telework, key: String(gap.point), title: L.Telework.gapTitle(content.point(gap.point).text),
                urgency: gap.answer == .no ? .medium : .low)
        }
    }
}
