import Fluent
import Foundation
import MamoriCore

/// The organization's calendar feed of open duties: every duty of an open incident not yet
/// recorded as done, on its due date, with alarms two days and one day before. The address
/// holds a secret (calendar apps cannot sign in); only its SHA-256 is stored.
struct DutyCalendarService {
    let db: any Database

    /// Open incidents a feed reads (newest first): a feed is a reminder, not an archive.
    static let incidentLimit = 500

    /// Issues a new address (any earlier one stops working) and returns its secret.
    func renew(for organization: Organization, by actor: Principal, ip: String?) async throws -> String {
        guard actor.isOwner, actor.organizationID == organization.id else { throw Refusal.notAllowed(L.Reminders.ownerOnly) }
        let token = SecretToken.generate()
        organization.dutyCalendarTokenHash = SecretToken.sha256Hex(token)
        try await db.transaction { db in
            try await organization.save(on: db)
            try await AuditLog.record(.dutyCalendarRenewed, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("organization", organization.id), summary: L.Audit.dutyCalendarRenewed, on: db)
        }
        return token
    }

    func revoke(for organization: Organization, by actor: Principal, ip: String?) async throws {
        guard actor.isOwner, actor.organizationID == organization.id else { throw Refusal.notAllowed(L.Reminders.ownerOnly) }
        guard organization.dutyCalendarTokenHash != nil else { return }
        organization.dutyCalendarTokenHash = nil
        try await db.transaction { db in
            try await organization.save(on: db)
            try await AuditLog.record(.dutyCalendarRevoked, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("organization", organization.id), summary: L.Audit.dutyCalendarRevoked, on: db)
        }
    }

    /// The events behind a feed address, or nil for an unknown or stopped address.
    func feed(token: String, locale: AppLocale, publicURL: String) async throws -> (Organization, [ICalendar.Event])? {
        guard !token.isEmpty, token.count <= 128,
              let organization = try await Organization.query(on: db).filter(\.$dutyCalendarTokenHash == SecretToken.sha256Hex(token)).first()
        else { return nil }
        let organizationID = try organization.requireID()
        let open = try await Incident.query(on: db).filter(\.$organization.$id == organizationID).filter(\.$status == .open)
            .sort(\.$detectedAt, .descending).limit(Self.incidentLimit).all()
        let ids = open.compactMap(\.id)
        let done = ids.isEmpty ? [:] : Dictionary(grouping: try await IncidentNotification.query(on: db).filter(\.$incident.$id ~~ ids).all(),
                                                  by: { $0.$incident.id })
        var events: [ICalendar.Event] = []
        for incident in open {
            let id = try incident.requireID()
            let link = URLLink.absolute(publicURL, SiteURL.incident(organization: organizationID, incident: id).path)
            for duty in NotificationDuties.compute(incident.facts).duties {
                guard let due = duty.due?.day,
                      !(done[id] ?? []).contains(where: { $0.recipient == duty.recipient.rawValue && $0.action == duty.action.rawValue })
                else { continue }
                let summary = L.Reminders.calendarSummary(recipient: L.Incident.recipient(duty.recipient), action: L.Incident.dutyAction(duty.action), incident: incident.title)
                events.append(ICalendar.Event(uid: "\(id.uuidString)-\(duty.recipient.rawValue)-\(duty.action.rawValue)@mamori-duty", day: due,
                                              summary: summary(locale), description: L.Reminders.calendarDescription(required: duty.required)(locale),
                                              url: link, alarmHoursBefore: Reminders.alarmHoursBeforeStart))
            }
        }
        return (organization, events.sorted { ($0.allDay ?? Day(2999, 1, 1)) < ($1.allDay ?? Day(2999, 1, 1)) })
    }
}
