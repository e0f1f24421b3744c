import Fluent
import Foundation
import MamoriCore

/// Finds what the organizations with webhooks must be told: duties due within two days,
/// duties overdue, timelines that no longer verify. Safe to run as often as wanted and on
/// several servers at once: every event has a key, queued once per webhook.
struct ReminderScan {
    let db: any Database
    let publicURL: String

    /// Open incidents read per organization and scan (the newest first).
    static let incidentsPerOrganization = 500

    struct Outcome: Sendable, Equatable {
        var organizations = 0
        var incidents = 0
        var queued = 0
    }

    func run(today: Day = Day(Date())) async throws -> Outcome {
        var outcome = Outcome()
        let organizationIDs = Set(try await Webhook.query(on: db).filter(\.$active == true).all(\.$organization.$id))
        for organizationID in organizationIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let organization = try await Organization.find(organizationID, on: db) else { continue }
            outcome.organizations += 1
            let (incidents, queued) = try await scan(organization, today: today)
            outcome.incidents += incidents
            outcome.queued += queued
        }
        return outcome
    }

    private func scan(_ organization: Organization, today: Day) async throws -> (incidents: Int, queued: Int) {
        let organizationID = try organization.requireID()
        let webhooks = try await Webhook.query(on: db).filter(\.$organization.$id == organizationID).filter(\.$active == true).all()
        let open = try await Incident.query(on: db).filter(\.$organization.$id == organizationID).filter(\.$status == .open)
            .sort(\.$detectedAt, .descending).limit(Self.incidentsPerOrganization).all()
        let ids = open.compactMap(\.id)
        guard !ids.isEmpty else { return (0, 0) }
        // Two queries for every open incident of the organization: what was done, and the timelines.
        let done = Dictionary(grouping: try await IncidentNotification.query(on: db).filter(\.$incident.$id ~~ ids).all(), by: { $0.$incident.id })
        let entries = Dictionary(grouping: try await TimelineEntry.query(on: db).filter(\.$incident.$id ~~ ids).sort(\.$sequence).all(), by: { $0.$incident.id })
        var queued = 0
        for incident in open {
            let id = try incident.requireID()
            let link = URLLink.absolute(publicURL, SiteURL.incident(organization: organizationID, incident: id).path)
            let recorded = done[id] ?? []
            for duty in NotificationDuties.compute(incident.facts).duties {
                guard let due = duty.due?.day,
                      !recorded.contains(where: { $0.recipient == duty.recipient.rawValue && $0.action == duty.action.rawValue }),
                      let reminder = Reminders.event(for: .init(incidentID: id, recipient: duty.recipient.rawValue, action: duty.action.rawValue, due: due), today: today)
                else { continue }
                var payload = ReminderPayload(event: reminder.event, organization: organization,
                                              text: L.Reminders.dutyText(reminder.event, duty: duty, due: due, incident: incident.title), link: link)
                payload.incident = incident
                payload.incidentLink = link
                payload.duty = .init(recipient: duty.recipient.rawValue, action: duty.action.rawValue, due: due.description, required: duty.required)
                queued += try await WebhookService.enqueue(payload, key: reminder.key, for: webhooks, on: db)
            }
            let chain = (entries[id] ?? []).map { HashChain.Stored(content: $0.chainContent, previousHash: $0.previousHash, hash: $0.hash) }
            if let broken = HashChain.firstBroken(chain) {
                var payload = ReminderPayload(event: .timelineVerificationFailed, organization: organization,
                                              text: L.Reminders.verificationFailedText(sequence: broken, incident: incident.title), link: link)
                payload.incident = incident
                payload.incidentLink = link
                queued += try await WebhookService.enqueue(payload, key: Reminders.verificationFailedKey(incident: id, firstBrokenSequence: broken),
                                                           for: webhooks, on: db)
            }
        }
        return (open.count, queued)
    }
}

enum URLLink {
    static func absolute(_ base: String, _ path: String) -> String {
        base.hasSuffix("/") ? String(base.dropLast()) + path : base + path
    }
}
