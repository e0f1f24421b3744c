import Fluent
import FluentSQL
import SQLKit
import Foundation
import MamoriCore
import Vapor

/// Incidents of one organization. Every method takes an incident already resolved through
/// `find(_:in:)`, which is scoped to the organization.
struct IncidentService {
    let db: any Database
    /// Where Mamori is reached, for the links in webhook payloads (empty: relative links).
    var publicURL: String = ""

    // MARK: Records

    /// A new incident as a person reports it, typed; each face reads its own format into it.
    struct OpenInput {
        var kind: FieldInput<IncidentKind>
        var title: String?
        var detectedAt: FieldInput<Date>
        /// Medium when not given.
        var severity: FieldInput<Incident.Severity> = .absent
    }

    func open(_ input: OpenInput, in organization: Organization, by actor: Principal, ip: String?) async throws -> Incident {
        var problems = FieldProblems()
        let kind = input.kind.read("kind", unreadable: .unknownChoice, into: &problems)
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(title, "title", maximum: TextLimit.line, required: true, into: &problems)
        let detectedAt = input.detectedAt.read("detectedAt", unreadable: .invalidDateTime, into: &problems)
        // An hour of tolerance for clocks and typing the current time.
        if let detectedAt, detectedAt > Date().addingTimeInterval(3600) { problems.add("detectedAt", .inFuture) }
        let severity = input.severity.read("severity", required: false, unreadable: .unknownChoice, into: &problems) ?? .medium
        guard problems.isEmpty, let kind, let detected = detectedAt else { throw Refusal.invalid(problems) }

        let incident = Incident()
        incident.$organization.id = try organization.requireID()
        incident.kind = kind
        incident.title = title
        incident.severity = severity
        incident.status = .open
        incident.currentStep = 1
        // Plain assignments: a key-path write on a Fluent field reads it first, which traps on a new model.
        incident.categoryNote = ""
        incident.clientName = ""
        incident.responsibleName = actor.user.displayName
        incident.responsibleDepartment = ""
        incident.teamMembers = ""
        incident.observedImpact = ""
        incident.suspectedCause = ""
        incident.affectedAssets = ""
        incident.securityTools = ""
        incident.responsePolicy = ""
        incident.leakedItems = ""
        incident.secondaryDamage = ""
        incident.causeSummary = ""
        incident.detectedAt = detected
        incident.awareAt = detected
        incident.personalDataInvolved = kind == .informationLeak || kind == .lossTheft
        incident.persons = 0
        incident.specialCare = false
        incident.financialDamageRisk = false
        // Ransomware and unauthorized access are wrongful by nature (APPI reporting category 3).
        incident.wrongfulIntent = kind == .ransomware || kind == .unauthorizedAccess
        incident.dataProtected = false
        incident.crimeSuspected = kind == .ransomware
        incident.lostOrStolenOutside = false
        incident.sectorLawRequiresReport = false
        incident.partnersAffected = false
        incident.publicImpact = false
        incident.createdByID = actor.userID
        try await db.transaction { db in
            try await incident.create(on: db)
            try await IncidentService(db: db).append(to: incident, .opened(kind: kind, title: title), occurredAt: detected, author: actor.user.displayName)
            try await AuditLog.record(.incidentOpened, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("incident", incident.id), summary: L.Incident.timelineEvent(.opened(kind: kind, title: title)), on: db)
            // Queued in the same transaction: the webhook hears of every incident that exists, and of none that does not.
            let link = URLLink.absolute(publicURL, SiteURL.incident(organization: try organization.requireID(), incident: try incident.requireID()).path)
            var payload = ReminderPayload(event: .incidentOpened, organization: organization, text: L.Reminders.openedText(kind: kind, title: title), link: link)
            payload.incident = incident
            payload.incidentLink = link
            try await WebhookService.enqueue(payload, key: Reminders.openedKey(incident: try incident.requireID()), organizationID: try organization.requireID(), on: db)
        }
        return incident
    }

    func find(_ id: UUID?, in organization: Organization) async throws -> Incident {
        guard let id, let incident = try await Incident.query(on: db).filter(\.$id == id)
            .filter(\.$organization.$id == organization.requireID()).first()
        else { throw Refusal.notFound }
        return incident
    }

    func page(of organization: Organization, page: PageRequest) async throws -> Page<Incident> {
        try await Incident.query(on: db).filter(\.$organization.$id == organization.requireID())
            .sort(\.$status, .descending).sort(\.$detectedAt, .descending).sort(\.$id).paginate(page)
    }

    /// Text fields of the record (the ten items, team, policy) and the facts for the duties.
    struct RecordInput {
        var text: [String: String] = [:]
        var flags: [String: Bool] = [:]
        var persons: String?
        /// Absent leaves the moment as it is.
        var occurredAt: FieldInput<Date> = .absent
        var awareAt: FieldInput<Date> = .absent
        var severity: String?
        var ppcDelegatedTo: String?
    }

    static let textFields: [(key: String, path: ReferenceWritableKeyPath<Incident, String>, maximum: Int)] = [
        ("title", \.title, TextLimit.line), ("categoryNote", \.categoryNote, TextLimit.shortText), ("clientName", \.clientName, TextLimit.line), ("responsibleName", \.responsibleName, TextLimit.name),
        ("responsibleDepartment", \.responsibleDepartment, TextLimit.name), ("teamMembers", \.teamMembers, TextLimit.text), ("observedImpact", \.observedImpact, TextLimit.longText),
        ("suspectedCause", \.suspectedCause, TextLimit.longText), ("affectedAssets", \.affectedAssets, TextLimit.longText), ("securityTools", \.securityTools, TextLimit.text),
        ("responsePolicy", \.responsePolicy, TextLimit.longText), ("leakedItems", \.leakedItems, TextLimit.text), ("secondaryDamage", \.secondaryDamage, TextLimit.longText),
    ]

    static let flagFields: [(key: String, path: ReferenceWritableKeyPath<Incident, Bool>)] = [
        ("personalDataInvolved", \.personalDataInvolved), ("specialCare", \.specialCare), ("financialDamageRisk", \.financialDamageRisk),
        ("wrongfulIntent", \.wrongfulIntent), ("dataProtected", \.dataProtected), ("crimeSuspected", \.crimeSuspected),
        ("lostOrStolenOutside", \.lostOrStolenOutside), ("sectorLawRequiresReport", \.sectorLawRequiresReport),
        ("partnersAffected", \.partnersAffected), ("publicImpact", \.publicImpact),
    ]

    func update(_ incident: Incident, with input: RecordInput, by actor: Principal, ip: String?) async throws {
        guard incident.status == .open else { throw Refusal.conflict(L.Incident.incidentIsClosed) }
        var problems = FieldProblems()
        for field in Self.textFields {
            guard let value = input.text[field.key] else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if field.key == "title" && trimmed.isEmpty { problems.add("title", .required) }
            if trimmed.count > field.maximum { problems.add(field.key, .tooLong(maximum: field.maximum)) }
        }
        // The response policy is the owner's decision (step 1 of the guide).
        if let policy = input.text["responsePolicy"]?.trimmingCharacters(in: .whitespacesAndNewlines), policy != incident.responsePolicy, !actor.isOwner {
            problems.add("responsePolicy", .ownerOnly)
        }
        var persons: Int?
        if let raw = input.persons {
            persons = OrganizationProfile.parseCount("persons", raw, maximum: 1_000_000_000, required: false, into: &problems).map { Int($0) } ?? 0
        }
        let occurred = input.occurredAt.read("occurredAt", required: false, unreadable: .invalidDateTime, into: &problems)
        if let occurred, occurred > Self.latestAcceptable { problems.add("occurredAt", .inFuture) }
        let aware = input.awareAt.read("awareAt", required: false, unreadable: .invalidDateTime, into: &problems)
        if let aware, aware > Self.latestAcceptable { problems.add("awareAt", .awarenessInFuture) }
        let severity = input.severity.map(Incident.Severity.init(rawValue:))
        if case .some(.none) = severity { problems.add("severity", .unknownChoice) }
        if let delegated = input.ppcDelegatedTo, delegated.count > TextLimit.name { problems.add("ppcDelegatedTo", .tooLong(maximum: TextLimit.name)) }
        guard problems.isEmpty else { throw Refusal.invalid(problems) }

        var changed: [TimelineEvent.RecordChange] = []
        for field in Self.textFields {
            guard let value = input.text[field.key]?.trimmingCharacters(in: .whitespacesAndNewlines), value != incident[keyPath: field.path] else { continue }
            incident[keyPath: field.path] = value
            changed.append(.init(field: field.key))
        }
        for field in Self.flagFields {
            guard let value = input.flags[field.key], value != incident[keyPath: field.path] else { continue }
            incident[keyPath: field.path] = value
            changed.append(.init(field: field.key, value: String(value)))
        }
        if let persons, persons != incident.persons { incident.persons = persons; changed.append(.init(field: "persons", value: String(persons))) }
        if let occurred, occurred != incident.occurredAt { incident.occurredAt = occurred; changed.append(.init(field: "occurredAt")) }
        if let aware, aware != incident.awareAt { incident.awareAt = aware; changed.append(.init(field: "awareAt")) }
        if let severity = severity ?? nil, severity != incident.severity { incident.severity = severity; changed.append(.init(field: "severity", value: severity.rawValue)) }
        if let delegated = input.ppcDelegatedTo {
            let value = delegated.trimmingCharacters(in: .whitespaces)
            let normalized: String? = value.isEmpty ? nil : value
            if normalized != incident.ppcDelegatedTo { incident.ppcDelegatedTo = normalized; changed.append(.init(field: "ppcDelegatedTo")) }
        }
        guard !changed.isEmpty else { return }
        let event = TimelineEvent.recordChanged(changes: changed)
        try await db.transaction { db in
            try await incident.save(on: db)
            try await IncidentService(db: db).append(to: incident, event, author: actor.user.displayName)
            try await AuditLog.record(.incidentUpdated, by: .principal(actor, ip: ip), organizationID: incident.$organization.id,
                                      target: ("incident", incident.id), summary: L.Incident.timelineEvent(event), on: db)
        }
    }

    func setStep(_ step: Int, of incident: Incident, by actor: Principal) async throws {
        guard incident.status == .open else { throw Refusal.conflict(L.Incident.incidentIsClosed) }
        guard (1...3).contains(step) else { throw Refusal.invalid("step", .outOfRange(minimum: 1, maximum: 3)) }
        guard step != incident.currentStep else { return }
        try await db.transaction { db in
            let from = incident.currentStep
            incident.currentStep = step
            try await incident.save(on: db)
            try await IncidentService(db: db).append(to: incident, .stepChanged(from: from, to: step), author: actor.user.displayName)
        }
    }

    // MARK: Playbook

    func checks(of incident: Incident) async throws -> [String: IncidentCheck] {
        let rows = try await IncidentCheck.query(on: db).filter(\.$incident.$id == incident.requireID()).all()
        return Dictionary(rows.map { ($0.pointID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Marks a point done (with an optional note) or not applicable (with a reason), or clears it.
    func check(_ pointID: String, state: IncidentCheck.State?, note: String?, of incident: Incident, by actor: Principal) async throws {
        guard incident.status == .open else { throw Refusal.conflict(L.Incident.incidentIsClosed) }
        let playbook = PlaybookContent.bundled.playbook(for: incident.kind)
        guard let point = playbook.points.first(where: { $0.id == pointID }) else { throw Refusal.notFound }
        // Too long is refused, never cut: an API caller would not notice the loss.
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > TextLimit.text { throw Refusal.invalid("note", .tooLong(maximum: TextLimit.text)) }
        if state == .notApplicable && note.isEmpty { throw Refusal.invalid("note", .reasonRequired) }
        try await db.transaction { db in
            try await IncidentCheck.query(on: db).filter(\.$incident.$id == incident.requireID()).filter(\.$pointID == pointID).delete()
            if let state {
                let check = IncidentCheck()
                check.$incident.id = try incident.requireID()
                check.pointID = pointID
                check.state = state
                check.note = note
                check.byName = actor.user.displayName
                check.at = Date()
                try await check.create(on: db)
            }
            let marked = state.map { $0 == .done ? TimelineEvent.PointState.done : .notApplicable }
            try await IncidentService(db: db).append(to: incident, .pointMarked(point: point.id, state: marked, note: note), author: actor.user.displayName)
        }
    }
}
