import Fluent
import FluentSQL
import SQLKit
import Foundation
import MamoriCore
import Vapor

/// Who must be notified and by when, what was done, and closing the incident.
extension IncidentService {
    // MARK: Duties

    /// "Due soon" means due within this many days, wherever Mamori says it.
    static let dueSoonDays = 7

    struct DutyStatus {
        let duty: NotificationDuties.Duty
        let done: IncidentNotification?
        var overdue: Bool { done == nil && (duty.due.map { $0.day < Day(Date()) } ?? false) }
        /// Due within `IncidentService.dueSoonDays` days (and not yet overdue or done).
        var dueSoon: Bool { done == nil && !overdue && (duty.due.map { $0.day <= Day(Date()).adding(days: IncidentService.dueSoonDays) } ?? false) }
    }

    func duties(of incident: Incident) async throws -> (NotificationDuties.Result, [DutyStatus]) {
        let result = NotificationDuties.compute(incident.facts)
        let done = try await IncidentNotification.query(on: db).filter(\.$incident.$id == incident.requireID()).all()
        return (result, Self.statuses(result, done: done))
    }

    private static func statuses(_ result: NotificationDuties.Result, done: [IncidentNotification]) -> [DutyStatus] {
        result.duties.map { duty in
            DutyStatus(duty: duty, done: done.first { $0.recipient == duty.recipient.rawValue && $0.action == duty.action.rawValue })
        }
    }

    /// The checks and the measures of many incidents, two queries in all (lists).
    func checksAndMeasures(of incidents: [Incident]) async throws -> (checks: [UUID: [String: IncidentCheck]], measures: [UUID: [IncidentMeasure]]) {
        let ids = incidents.compactMap(\.id)
        guard !ids.isEmpty else { return ([:], [:]) }
        let checks = try await IncidentCheck.query(on: db).filter(\.$incident.$id ~~ ids).all()
        let measures = try await IncidentMeasure.query(on: db).filter(\.$incident.$id ~~ ids).sort(\.$createdAt).all()
        return (Dictionary(grouping: checks, by: { $0.$incident.id }).mapValues { rows in
                    Dictionary(rows.map { ($0.pointID, $0) }, uniquingKeysWith: { first, _ in first }) },
                Dictionary(grouping: measures, by: { $0.$incident.id }))
    }

    func recordNotification(recipient: String, action: String, doneOn: String?, reference: String?, of incident: Incident, by actor: Principal) async throws {
        var problems = FieldProblems()
        let date = (doneOn ?? "").trimmingCharacters(in: .whitespaces)
        if !CalendarDate.isValid(date) { problems.add("doneOn", date.isEmpty ? .required : .invalidDate) }
        else if date > CalendarDate.today() { problems.add("doneOn", .inFuture) }
        // Too long is refused, never cut: an API caller would not notice the loss.
        let reference = (reference ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(reference, "reference", maximum: TextLimit.line, into: &problems)
        let (_, statuses) = try await duties(of: incident)
        guard statuses.contains(where: { $0.duty.recipient.rawValue == recipient && $0.duty.action.rawValue == action }) else { throw Refusal.notFound }
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        try await db.transaction { db in
            try await IncidentNotification.query(on: db).filter(\.$incident.$id == incident.requireID())
                .filter(\.$recipient == recipient).filter(\.$action == action).delete()
            let record = IncidentNotification()
            record.$incident.id = try incident.requireID()
            record.recipient = recipient
            record.action = action
            record.doneOn = date
            record.reference = reference
            record.doneBy = actor.user.displayName
            try await record.create(on: db)
            try await IncidentService(db: db).append(to: incident, .notificationRecorded(recipient: recipient, action: action, doneOn: date, reference: reference),
                                                     author: actor.user.displayName)
        }
    }

    /// Open incidents' duties still to do: every required one, and recommended ones due within
    /// two days; the earliest first, for the dashboard.
    func dueSoon(in organization: Organization) async throws -> [(Incident, DutyStatus)] {
        // Read on every dashboard view: plain statements decoded into the models (docs/PERFORMANCE.md).
        let open = try await db.sql.raw("""
            SELECT * FROM incidents WHERE organization_id = \(bind: organization.requireID()) AND status = \(bind: Incident.Status.open.rawValue) LIMIT 100
            """).all().map { try $0.decode(fluentModel: Incident.self) }
        // One query for the notifications of every open incident, not one per incident.
        let ids: [any Encodable & Sendable] = open.compactMap(\.id)
        let recorded = ids.isEmpty ? [] : try await db.sql.raw("""
            SELECT * FROM incident_notifications WHERE incident_id IN (\(binds: ids))
            """).all().map { try $0.decode(fluentModel: IncidentNotification.self) }
        let byIncident = Dictionary(grouping: recorded, by: { $0.$incident.id })
        var result: [(Incident, DutyStatus)] = []
        for incident in open {
            for status in Self.statuses(NotificationDuties.compute(incident.facts), done: byIncident[incident.id!] ?? [])
            where status.done == nil && (status.duty.required || status.dueSoon) {
                result.append((incident, status))
            }
        }
        return result.sorted { ($0.1.duty.due?.day ?? Day(2999, 1, 1)) < ($1.1.duty.due?.day ?? Day(2999, 1, 1)) }
    }

    /// Takes back a notification recorded by mistake (the timeline keeps both entries).
    func undoNotification(recipient: String, action: String, of incident: Incident, by actor: Principal) async throws {
        guard incident.status == .open else { throw Refusal.conflict(L.Incident.incidentIsClosed) }
        guard let record = try await IncidentNotification.query(on: db).filter(\.$incident.$id == incident.requireID())
            .filter(\.$recipient == recipient).filter(\.$action == action).first() else { throw Refusal.notFound }
        try await db.transaction { db in
            try await record.delete(on: db)
            try await IncidentService(db: db).append(to: incident, .notificationUndone(recipient: recipient, action: action, doneOn: record.doneOn),
                                                     author: actor.user.displayName)
        }
    }

    // MARK: Closing

    func measures(of incident: Incident) async throws -> [IncidentMeasure] {
        try await IncidentMeasure.query(on: db).filter(\.$incident.$id == incident.requireID()).sort(\.$createdAt).all()
    }

    /// Closes with a summary of the cause and the recurrence-prevention measures (one a line).
    func close(_ incident: Incident, causeSummary: String?, measures: String?, by actor: Principal, ip: String?) async throws {
        guard incident.status == .open else { throw Refusal.conflict(L.Incident.incidentIsClosed) }
        var problems = FieldProblems()
        let cause = (causeSummary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(cause, "causeSummary", maximum: TextLimit.longText, required: true, into: &problems)
        let lines = (measures ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.isEmpty { problems.add("measures", .required) }
        if lines.contains(where: { $0.count > TextLimit.shortText }) || lines.count > 50 { problems.add("measures", .tooLong(maximum: TextLimit.shortText)) }
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        try await db.transaction { db in
            incident.status = .closed
            incident.closedAt = Date()
            incident.causeSummary = cause
            try await incident.save(on: db)
            for line in lines {
                let measure = IncidentMeasure()
                measure.$incident.id = try incident.requireID()
                measure.text = line
                try await measure.create(on: db)
            }
            try await IncidentService(db: db).append(to: incident, .closed(cause: String(cause.prefix(200)), measures: lines.count), author: actor.user.displayName)
            try await AuditLog.record(.incidentClosed, by: .principal(actor, ip: ip), organizationID: incident.$organization.id,
                                      target: ("incident", incident.id), summary: String(cause.prefix(200)), on: db)
        }
    }
}
