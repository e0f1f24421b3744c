import Fluent
import Foundation
import MamoriCore
import SQLKit

/// Saved versions of an incident's reports (issue #12, "Nothing written is lost"). Saving always
/// makes the next version; nothing saved is changed afterwards. Submitting freezes a version
/// as what was sent and writes its SHA-256 into the incident's hash-chained timeline, once.
///
/// Every method takes an incident already resolved within the principal's organization
/// (`IncidentService.find(_:in:)`); a version is only ever looked up within that incident.
///
/// A closed incident still takes new versions and submissions. `IncidentService` freezes the
/// record, the playbook and the timeline notes once an incident is closed, but it still lets
/// notifications be recorded, because the duties outlive the response: the final report to
/// the PPC is due 30 or 60 days after awareness, often after the incident was closed. Writing
/// and submitting that report is the same kind of act, so it is allowed, audited and, when
/// submitted, recorded in the timeline like a recorded notification.
struct IncidentReportService {
    let db: any Database

    /// The most versions a history shows (newest first); older ones stay stored.
    static let historyLimit = 100

    /// A version as typed in the form or sent to the API.
    struct SaveInput: Sendable {
        var kind: IncidentReport
        var sections: [ReportSection]
        /// The language the text is written in.
        var locale: AppLocale
    }

    struct Saved {
        let version: IncidentReportVersion
        /// False when the sections equal the latest version's: nothing new was stored.
        let isNew: Bool
    }

    /// What a history row needs, without the sections (a history stays small).
    struct Summary: Sendable {
        let id: UUID
        let kind: String
        let number: Int
        let locale: AppLocale
        let authorName: String
        let createdAt: Date?
        let submittedAt: Date?
        let submittedByName: String?
        let sha256: String

        init(_ version: IncidentReportVersion) {
            id = version.id!
            kind = version.kind
            number = version.number
            locale = version.appLocale
            authorName = version.authorName
            createdAt = version.createdAt
            submittedAt = version.submittedAt
            submittedByName = version.submittedByName
            sha256 = version.sha256
        }
    }

    /// Per report kind: the latest saved version and the latest submitted one.
    struct KindStatus: Sendable {
        let latest: Summary
        let submitted: Summary?
    }

    // MARK: Saving

    func saveVersion(_ input: SaveInput, of incident: Incident, by actor: Principal, ip: String?) async throws -> Saved {
        let sections: [ReportSection]
        switch ReportVersionRules.validate(input.sections) {
        case .success(let cleaned): sections = cleaned
        case .failure(let problems): throw Refusal.invalid(problems)
        }
        let incidentID = try incident.requireID()
        let organizationID = incident.$organization.id
        let kind = input.kind.rawValue
        // Numbers are unique per incident and kind: two people saving at once both retry.
        for _ in 0..<5 {
            let previous = try await latest(of: incident, kind: input.kind)
            if let previous, previous.sections == sections { return Saved(version: previous, isNew: false) }
            let number = (previous?.number ?? 0) + 1
            let version = IncidentReportVersion()
            version.$organization.id = organizationID
            version.$incident.id = incidentID
            version.kind = kind
            version.number = number
            version.sections = sections
            version.locale = input.locale.rawValue
            version.authorID = actor.userID
            version.authorName = actor.user.displayName
            version.sha256 = ReportVersionRules.sha256(kind: kind, number: number, sections: sections)
            do {
                try await db.transaction { db in
                    try await version.create(on: db)
                    try await AuditLog.record(.incidentReportSaved, by: .principal(actor, ip: ip), organizationID: organizationID,
                                              target: ("incident", incidentID), summary: L.Audit.reportVersion(kind, number: number), on: db)
                }
                return Saved(version: version, isNew: true)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue
            }
        }
        throw Refusal.conflict(L.Reports.tryAgain)
    }

    // MARK: Reading

    /// The newest versions of one report, newest first, at most `limit` (bounded; the API pages).
    func versions(of incident: Incident, kind: IncidentReport, limit: Int = IncidentReportService.historyLimit) async throws -> [Summary] {
        try await summaryQuery(of: incident).filter(\.$kind == kind.rawValue)
            .sort(\.$number, .descending).limit(limit).all().map(Summary.init)
    }

    /// One page of a report's versions, newest first.
    func page(of incident: Incident, kind: IncidentReport, page: PageRequest) async throws -> Page<Summary> {
        try await summaryQuery(of: incident).filter(\.$kind == kind.rawValue)
            .sort(\.$number, .descending).paginate(page).map(Summary.init)
    }

    /// The latest version of a report, with its sections.
    func latest(of incident: Incident, kind: IncidentReport) async throws -> IncidentReportVersion? {
        try await IncidentReportVersion.query(on: db)
            .filter(\.$incident.$id == incident.requireID())
            .filter(\.$kind == kind.rawValue)
            .sort(\.$number, .descending)
            .first()
    }

    /// One version of this incident's report (404 for another incident's, kind's or organization's).
    func version(_ id: UUID?, of incident: Incident, kind: IncidentReport) async throws -> IncidentReportVersion {
        try await TenantScope.reportVersion(id, of: incident, kind: kind, on: db)
    }

    /// Every report's latest and latest submitted version, from one query for all kinds
    /// (the incident page's reports card).
    func statusByKind(of incident: Incident) async throws -> [String: KindStatus] {
        let rows = try await summaryQuery(of: incident).sort(\.$number, .descending).limit(1000).all().map(Summary.init)
        var result: [String: KindStatus] = [:]
        for (kind, versions) in Dictionary(grouping: rows, by: \.kind) {
            guard let latest = versions.first else { continue }
            result[kind] = KindStatus(latest: latest, submitted: versions.first(where: { $0.submittedAt != nil }))
        }
        return result
    }

    /// The history's columns only: the sections are not read.
    private func summaryQuery(of incident: Incident) throws -> QueryBuilder<IncidentReportVersion> {
        let incidentID = try incident.requireID()
        return IncidentReportVersion.query(on: db)
            .filter(\.$incident.$id == incidentID)
            .field(\.$id).field(\.$incident.$id).field(\.$kind).field(\.$number).field(\.$locale).field(\.$authorName)
            .field(\.$createdAt).field(\.$submittedAt).field(\.$submittedByName).field(\.$sha256)
    }

    // MARK: Submitting

    /// Freezes a version as submitted and writes `reportSubmitted` (kind, number, SHA-256) into
    /// the timeline. Claimed with `UPDATE … WHERE submitted_at IS NULL` inside the transaction
    /// that appends the entry, so a double submit (a reload, two people at once) writes one
    /// entry. Returns false when the version was already submitted. A version whose stored
    /// content no longer matches its hash is refused (409): its hash would prove nothing.
    @discardableResult
    func submit(_ version: IncidentReportVersion, of incident: Incident, by actor: Principal, ip: String?) async throws -> Bool {
        let incidentID = try incident.requireID()
        guard version.$incident.id == incidentID else { throw Refusal.notFound }
        if version.submittedAt != nil { return false }
        guard version.computedSHA256 == version.sha256 else { throw Refusal.conflict(L.Reports.contentAltered) }
        let versionID = try version.requireID()
        let organizationID = incident.$organization.id
        let now = Date()
        let kind = version.kind, number = version.number, sha256 = version.sha256
        let event = TimelineEvent.reportSubmitted(report: kind, version: number, sha256: sha256)
        let claimed = try await db.transaction { db -> Bool in
            let rows = try await db.sql.update(IncidentReportVersion.schema)
                .set("submitted_at", to: now)
                .set("submitted_by_id", to: actor.userID)
                .set("submitted_by_name", to: actor.user.displayName)
                .where("id", .equal, versionID)
                .where("incident_id", .equal, incidentID)
                .where("submitted_at", .is, SQLLiteral.null)
                .returning("id")
                .all()
            guard !rows.isEmpty else { return false }
            try await IncidentService(db: db).append(to: incident, event, author: actor.user.displayName)
            try await AuditLog.record(.incidentReportSubmitted, by: .principal(actor, ip: ip), organizationID: organizationID,
                                      target: ("incident", incidentID), summary: L.Audit.reportSubmitted(kind, number: number, sha256: sha256), on: db)
            return true
        }
        if claimed {
            version.submittedAt = now
            version.submittedByID = actor.userID
            version.submittedByName = actor.user.displayName
        } else if let current = try await IncidentReportVersion.find(versionID, on: db) {
            // Someone else submitted it meanwhile: show their submission.
            version.submittedAt = current.submittedAt
            version.submittedByID = current.submittedByID
            version.submittedByName = current.submittedByName
        }
        return claimed
    }
}

extension TenantScope {
    /// A saved version of one of the incident's reports. The incident was resolved within the
    /// principal's organization; the version must belong to it, to its organization and to the
    /// report in the address. Anything else is 404.
    static func reportVersion(_ id: UUID?, of incident: Incident, kind: IncidentReport, on db: any Database) async throws -> IncidentReportVersion {
        guard let id else { throw Refusal.notFound }
        let incidentID = try incident.requireID()
        let organizationID = incident.$organization.id
        guard let version = try await IncidentReportVersion.query(on: db)
            .filter(\.$id == id)
            .filter(\.$incident.$id == incidentID)
            .filter(\.$organization.$id == organizationID)
            .filter(\.$kind == kind.rawValue)
            .first()
        else { throw Refusal.notFound }
        return version
    }
}
