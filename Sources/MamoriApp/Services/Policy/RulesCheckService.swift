import Fluent
import Foundation
import MamoriCore

/// The check of the related rules, chapter by chapter (REFERENCE §6). Every save adds rows, so
/// the history of checks is kept; the latest row of a chapter is its current state.
struct RulesCheckService {
    let db: any Database

    /// One chapter's check as typed: the same parsing for the page and the API.
    struct Input: Sendable, Equatable {
        var status: RuleCheckStatus
        var note: String
        var owner: String
        var reviewOn: String?

        static let maximumNote = 2000
        static let maximumOwner = 100

        /// Field names are as given in `prefix` + `status` / `note` / `owner` / `reviewOn`.
        static func parse(status: String?, note: String?, owner: String?, reviewOn: String?, prefix: String = "",
                          today: String = CalendarDate.today()) -> Result<Input, FieldProblems> {
            var problems = FieldProblems()
            let rawStatus = (status ?? "").trimmingCharacters(in: .whitespaces)
            let parsed = RuleCheckStatus(rawValue: rawStatus)
            if parsed == nil { problems.add(prefix + "status", rawStatus.isEmpty ? .required : .unknownChoice) }
            let note = (note ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if note.count > maximumNote { problems.add(prefix + "note", .tooLong(maximum: maximumNote)) }
            let owner = (owner ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if owner.count > maximumOwner { problems.add(prefix + "owner", .tooLong(maximum: maximumOwner)) }
            let review = (reviewOn ?? "").trimmingCharacters(in: .whitespaces)
            if !review.isEmpty && !CalendarDate.isValid(review) { problems.add(prefix + "reviewOn", .invalidDate) }
            guard problems.isEmpty, let parsed else { return .failure(problems) }
            return .success(Input(status: parsed, note: note, owner: owner, reviewOn: review.isEmpty ? nil : review))
        }
    }

    /// The latest check of each chapter (missing key: never checked).
    func current(of organization: Organization) async throws -> [String: RuleCheck] {
        let rows = try await RuleCheck.query(on: db)
            .filter(\.$organizationID == organization.requireID())
            .sort(\.$createdAt, .descending)
            .limit(5000)
            .all()
        var latest: [String: RuleCheck] = [:]
        for row in rows where latest[row.chapter] == nil { latest[row.chapter] = row }
        return latest
    }

    /// How many chapters stand at each status (and how many were never checked).
    struct Summary: Sendable, Equatable { var ok = 0, needsRevision = 0, missing = 0, unchecked = 0 }

    func summary(of organization: Organization) async throws -> Summary {
        let current = try await current(of: organization)
        var summary = Summary()
        for chapter in PolicyContent.bundled.chapters {
            switch current[chapter.key]?.checkStatus {
            case .ok: summary.ok += 1
            case .needsRevision: summary.needsRevision += 1
            case .missing: summary.missing += 1
            case nil: summary.unchecked += 1
            }
        }
        return summary
    }

    func history(of organization: Organization, page: PageRequest) async throws -> Page<RuleCheck> {
        try await RuleCheck.query(on: db)
            .filter(\.$organizationID == organization.requireID())
            .sort(\.$createdAt, .descending)
            .paginate(page)
    }

    /// Records the checks that differ from the current state; returns how many were recorded.
    @discardableResult
    func record(_ checks: [String: Input], in organization: Organization, by actor: Principal, ip: String?) async throws -> Int {
        let chapters = Set(PolicyContent.bundled.chapters.map(\.key))
        for key in checks.keys where !chapters.contains(key) { throw Refusal.notFound }
        let orgID = try organization.requireID()
        let current = try await current(of: organization)
        let changed = checks.filter { key, input in
            guard let row = current[key] else { return true }
            return row.status != input.status.rawValue || row.note != input.note || row.ownerName != input.owner || row.reviewOn != input.reviewOn
        }
        guard !changed.isEmpty else { return 0 }
        try await db.transaction { db in
            for (key, input) in changed.sorted(by: { $0.key < $1.key }) {
                let row = RuleCheck()
                row.organizationID = orgID
                row.chapter = key
                row.status = input.status.rawValue
                row.note = input.note
                row.ownerName = input.owner
                row.reviewOn = input.reviewOn
                row.checkedByID = actor.userID
                row.checkedByName = actor.user.displayName
                try await row.create(on: db)
            }
            try await AuditLog.record(.rulesChecked, by: .principal(actor, ip: ip), organizationID: orgID, target: ("organization", orgID),
                                      summary: L.Audit.rulesChecked(changed.sorted(by: { $0.key < $1.key }).map { (chapter: $0.key, status: $0.value.status) }),
                                      on: db)
        }
        return changed.count
    }
}
