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

    struct OpenInput {
        var kind: String?
        var title: String?
        var detectedAt: Date?
        var severity: String?
    }

    func open(_ input: OpenInput, in organization: Organization, by actor: Principal, ip: String?) async throws -> Incident {
        var problems = FieldProblems()
        let kind = input.kind.flatMap(IncidentKind.init(rawValue:))
        if kind == nil { problems.add("kind", (input.kind ?? "").isEmpty ? .required : .unknownChoice) }
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(title, "title", maximum: TextLimit.line, required: true, into: &problems)
        if input.detectedAt == nil { problems.add("detectedAt", .invalidDateTime) }
        else if input.detectedAt! > Date().addingTimeInterval(3600) { problems.add("detectedAt", .inFuture) }
        let severity = Incident.Severity(rawValue: input.severity ?? "medium")
        if severity == nil { problems.add("severity", .unknownChoice) }
        guard problems.isEmpty, let kind, let detected = input.detectedAt, let severity else { throw Refusal.invalid(problems) }

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
        let note = String((note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(2000))
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

    // MARK: Timeline

    func timeline(of incident: Incident) async throws -> [TimelineEntry] {
        try await TimelineEntry.query(on: db).filter(\.$incident.$id == incident.requireID()).sort(\.$sequence).all()
    }

    /// How often an append may lose the race for the next sequence number (to another server:
    /// within one process `TimelineAppendQueue` lets one append per incident through) before
    /// giving up. Every round has a winner; the jittered pause spreads the servers out
    /// (`TwoInstanceTests`: two servers, 24 appends to one incident at once).
    static let appendAttempts = 60

    /// Appends an entry: its hash covers its content and the previous entry's hash. Two
    /// appends at once collide on the unique sequence; the loser retries on the new tail.
    @discardableResult
    func append(to incident: Incident, type: String, text: String, occurredAt: Date? = nil, author: String, corrects: Int? = nil) async throws -> TimelineEntry {
        try await TimelineAppendQueue.shared.serialized(incident.requireID()) {
            try await appendRacing(to: incident, type: type, text: text, occurredAt: occurredAt, author: author, corrects: corrects)
        }
    }

    private func appendRacing(to incident: Incident, type: String, text: String, occurredAt: Date?, author: String, corrects: Int?) async throws -> TimelineEntry {
        var attempt = 0
        while true {
            attempt += 1
            if attempt > 1 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(2 * min(attempt, 10)))))
            }
            let last = try await TimelineEntry.query(on: db).filter(\.$incident.$id == incident.requireID()).sort(\.$sequence, .descending).first()
            let now = Date()
            let entry = TimelineEntry()
            entry.$incident.id = try incident.requireID()
            entry.sequence = (last?.sequence ?? 0) + 1
            // Millisecond precision, as the hash covers it and both databases keep it.
            entry.occurredAt = Date(timeIntervalSince1970: ((occurredAt ?? now).timeIntervalSince1970 * 1000).rounded() / 1000)
            entry.recordedAt = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded() / 1000)
            entry.author = author
            entry.type = type
            entry.text = String(text.prefix(10_000))
            entry.correctsSequence = corrects
            entry.previousHash = last?.hash ?? HashChain.genesis
            entry.hash = HashChain.hash(entry.chainContent, previous: entry.previousHash)
            do {
                try await entry.create(on: db)
                return entry
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < Self.appendAttempts {
                continue
            }
        }
    }

    /// Appends an entry Mamori writes itself: stored as data, shown in the reader's language.
    @discardableResult
    func append(to incident: Incident, _ event: TimelineEvent, occurredAt: Date? = nil, author: String) async throws -> TimelineEntry {
        try await append(to: incident, type: event.type, text: event.storedText, occurredAt: occurredAt, author: author)
    }

    /// Moments typed by people (when it happened, when we became aware) may not be later than
    /// now; five minutes allow for a clock that runs a little fast.
    /// The longest timeline entry people may type.
    static var latestAcceptable: Date { Date().addingTimeInterval(TimelineNote.futureTolerance) }

    /// A note or correction typed by a person (page or API), checked by `TimelineNote`'s rules.
    /// A token's entries name the token after the person, so the timeline shows how it came in.
    func addNote(_ note: TimelineNote, to incident: Incident, by actor: Principal) async throws -> TimelineEntry {
        guard incident.status == .open else { throw Refusal.conflict(L.Incident.incidentIsClosed) }
        let sequences = note.corrects == nil ? [] : Set(try await timeline(of: incident).map(\.sequence))
        switch note.checked(now: Date(), isEntry: sequences.contains) {
        case .failure(let problems):
            throw Refusal.invalid(problems)
        case .success(let checked):
            return try await append(to: incident, type: note.corrects == nil ? "note" : "correction", text: checked.text, occurredAt: checked.occurredAt,
                                    author: actor.user.displayName + (actor.token.map { " (API: \($0.name))" } ?? ""), corrects: note.corrects)
        }
    }

    /// Recomputes the chain: intact, or the first entry that does not match.
    func verify(_ incident: Incident) async throws -> Int? {
        let entries = try await timeline(of: incident)
        return HashChain.firstBroken(entries.map { .init(content: $0.chainContent, previousHash: $0.previousHash, hash: $0.hash) })
    }

    // MARK: Evidence

    func addEvidence(filename: String, contentType: String?, data: Data, to incident: Incident, limit: Int, by actor: Principal) async throws -> EvidenceFile {
        guard incident.status == .open else { throw Refusal.conflict(L.Incident.incidentIsClosed) }
        let facts = try FileIntake.check(filename: filename, contentType: contentType, data: data, limit: limit)
        let evidence = EvidenceFile()
        evidence.$incident.id = try incident.requireID()
        evidence.filename = facts.filename
        evidence.contentType = facts.contentType
        evidence.size = facts.size
        evidence.sha256 = facts.sha256
        evidence.data = data
        evidence.uploadedBy = actor.user.displayName
        try await db.transaction { db in
            try await evidence.create(on: db)
            try await IncidentService(db: db).append(to: incident, .evidenceUploaded(filename: evidence.filename, size: data.count, sha256: evidence.sha256),
                                                     author: actor.user.displayName)
        }
        return evidence
    }

    func evidence(of incident: Incident) async throws -> [EvidenceFile] {
        try await EvidenceFile.query(on: db).filter(\.$incident.$id == incident.requireID())
            .field(\.$id).field(\.$incident.$id).field(\.$filename).field(\.$contentType).field(\.$size).field(\.$sha256).field(\.$uploadedBy).field(\.$uploadedAt)
            .sort(\.$uploadedAt).all()
    }

    /// The file, its download recorded in the timeline (chain of custody).
    func download(_ id: UUID?, of incident: Incident, by actor: Principal) async throws -> EvidenceFile {
        guard let id, let evidence = try await EvidenceFile.query(on: db).filter(\.$id == id).filter(\.$incident.$id == incident.requireID()).first()
        else { throw Refusal.notFound }
        try await append(to: incident, .evidenceDownloaded(filename: evidence.filename, sha256: evidence.sha256), author: actor.user.displayName)
        return evidence
    }

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
        let reference = String((reference ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
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
