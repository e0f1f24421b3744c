import Fluent
import FluentSQL
import SQLKit
import Foundation
import MamoriCore
import Vapor

/// The tamper-evident timeline (appends, notes, verification) and the evidence kept with it.
extension IncidentService {
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
}
