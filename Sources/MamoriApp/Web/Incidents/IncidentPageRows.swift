import Foundation
import MamoriCore

/// What the incident page shows, as plain values converted from the loaded records.
extension IncidentPage {
    /// The incident itself.
    struct Record {
        var id: UUID
        var organizationID: UUID
        var kind: IncidentKind
        var title: String
        var severity: Incident.Severity
        var status: Incident.Status
        var currentStep: Int
        var detectedAt: Date
        var awareAt: Date
        var personalDataInvolved: Bool
        var responsePolicy: String
        var causeSummary: String
        /// The record form's fields as stored: the texts, the flags that are set ("on"), the
        /// number of persons, the instants in Tokyo time.
        var recordValues: [String: String]
        /// The reports that apply to the recorded facts.
        var availableReports: [IncidentReport]
    }

    /// A playbook point marked done or not applicable.
    struct Check {
        var state: IncidentCheck.State
        var byName: String
        var at: Date
        var note: String
    }

    /// A notification duty and whether it was done.
    struct DutyStatus {
        var duty: NotificationDuties.Duty
        var done: Done?
        var overdue: Bool
        var dueSoon: Bool

        struct Done {
            var doneOn: String
            var doneBy: String
            var reference: String
        }
    }

    /// An entry of the hash-chained timeline: the chained fields as stored, and what it says.
    struct TimelineRow {
        var sequence: Int
        var occurredAt: Date
        var recordedAt: Date
        var author: String
        var type: String
        var text: String
        var correctsSequence: Int?
        var previousHash: String
        var hash: String
        /// The entry's words in both languages (an event described, or a note as typed).
        var words: LocalizedText

        var chainContent: HashChain.Content {
            .init(sequence: sequence, occurredAt: occurredAt, recordedAt: recordedAt, author: author, type: type, text: text, correctsSequence: correctsSequence)
        }
    }

    /// A stored evidence file (without its bytes).
    struct EvidenceRow {
        var id: UUID
        var filename: String
        var size: Int
        var uploadedBy: String
        var sha256: String
    }
}

// MARK: From the records

extension IncidentPage.Record {
    init(_ incident: Incident) {
        var values: [String: String] = [:]
        for field in IncidentService.textFields { values[field.key] = incident[keyPath: field.path] }
        for field in IncidentService.flagFields where incident[keyPath: field.path] { values[field.key] = "on" }
        // Blank until someone enters a number: a prefilled 0 read as "nobody" (the service reads blank as 0).
        values["persons"] = incident.persons == 0 ? "" : String(incident.persons)
        values["occurredAt"] = incident.occurredAt.map(TokyoDateTime.format) ?? ""
        values["awareAt"] = TokyoDateTime.format(incident.awareAt)
        values["severity"] = incident.severity.rawValue
        values["ppcDelegatedTo"] = incident.ppcDelegatedTo ?? ""
        self.init(id: incident.id!, organizationID: incident.$organization.id, kind: incident.kind, title: incident.title, severity: incident.severity,
                  status: incident.status, currentStep: incident.currentStep, detectedAt: incident.detectedAt, awareAt: incident.awareAt,
                  personalDataInvolved: incident.personalDataInvolved, responsePolicy: incident.responsePolicy, causeSummary: incident.causeSummary,
                  recordValues: values, availableReports: IncidentReport.available(for: incident))
    }
}

extension IncidentPage.Check {
    init(_ check: IncidentCheck) {
        self.init(state: check.state, byName: check.byName, at: check.at, note: check.note)
    }
}

extension IncidentPage.DutyStatus {
    init(_ status: IncidentService.DutyStatus) {
        self.init(duty: status.duty, done: status.done.map { Done(doneOn: $0.doneOn, doneBy: $0.doneBy, reference: $0.reference) },
                  overdue: status.overdue, dueSoon: status.dueSoon)
    }
}

extension IncidentPage.TimelineRow {
    init(_ entry: TimelineEntry) {
        self.init(sequence: entry.sequence, occurredAt: entry.occurredAt, recordedAt: entry.recordedAt, author: entry.author, type: entry.type,
                  text: entry.text, correctsSequence: entry.correctsSequence, previousHash: entry.previousHash, hash: entry.hash,
                  words: L.Incident.timelineText(entry))
    }
}

extension IncidentPage.EvidenceRow {
    init(_ file: EvidenceFile) {
        self.init(id: file.id!, filename: file.filename, size: file.size, uploadedBy: file.uploadedBy, sha256: file.sha256)
    }
}

// MARK: Mock

extension IncidentPage.Model {
    /// An open ransomware incident with personal data involved, a few checks, notes (typed
    /// text with markup), one evidence file and one duty done.
    static var mock: IncidentPage.Model {
        let now = Date()
        let aware = now.addingTimeInterval(-3 * 3_600)
        var values = ["title": "サーバーが<暗号化>された", "categoryNote": "", "clientName": "", "responsibleName": "山田 太郎", "responsibleDepartment": "総務部",
                      "teamMembers": "山田 太郎 — 責任者", "observedImpact": "共有フォルダが開けない <全社>", "suspectedCause": "", "affectedAssets": "",
                      "securityTools": "", "responsePolicy": "", "leakedItems": "", "secondaryDamage": "", "personalDataInvolved": "on", "crimeSuspected": "on",
                      "persons": "120", "occurredAt": "", "ppcDelegatedTo": ""]
        values["awareAt"] = TokyoDateTime.format(aware)
        values["severity"] = Incident.Severity.critical.rawValue
        let record = IncidentPage.Record(id: SiteURL.anyID, organizationID: SiteURL.anyID, kind: .ransomware, title: "サーバーが<暗号化>された", severity: .critical,
                                         status: .open, currentStep: 1, detectedAt: aware, awareAt: aware, personalDataInvolved: true, responsePolicy: "",
                                         causeSummary: "", recordValues: values, availableReports: [.management, .ppc, .ipa, .notice])
        let facts = NotificationDuties.Facts(kind: .ransomware, awareAt: aware, personalData: .init(involved: true, persons: 120), ransomware: true, crimeSuspected: true)
        let result = NotificationDuties.compute(facts)
        var duties = result.duties.map { IncidentPage.DutyStatus(IncidentService.DutyStatus(duty: $0, done: nil)) }
        if !duties.isEmpty {
            duties[duties.count - 1].done = .init(doneOn: CalendarDate.today(), doneBy: "山田 <太郎>", reference: "")
        }
        let checks = ["ransom-1-report": IncidentPage.Check(state: .done, byName: "山田 太郎", at: now, note: "LANケーブルを<抜いた>")]
        return IncidentPage.Model(incident: record, checks: checks,
                                  timeline: IncidentPage.TimelineRow.chained([("note", "山田 太郎", "社内に連絡した"), ("note", "佐藤 <花子>", "バックアップは<無事>")], at: aware),
                                  evidence: [IncidentPage.EvidenceRow(id: UUID(), filename: "ransom-note<1>.txt", size: 2_048, uploadedBy: "山田 太郎",
                                                                      sha256: String(repeating: "ab", count: 32))],
                                  duties: (result, duties), measures: [])
    }
}

extension IncidentPage.TimelineRow {
    /// Entries chained as the service chains them (for mocks): each note's words are its text.
    static func chained(_ notes: [(type: String, author: String, text: String)], at start: Date) -> [IncidentPage.TimelineRow] {
        var rows: [IncidentPage.TimelineRow] = []
        var previous = HashChain.genesis
        for (index, note) in notes.enumerated() {
            let when = start.addingTimeInterval(Double(index) * 60)
            let content = HashChain.Content(sequence: index + 1, occurredAt: when, recordedAt: when, author: note.author, type: note.type, text: note.text, correctsSequence: nil)
            let hash = HashChain.hash(content, previous: previous)
            rows.append(.init(sequence: index + 1, occurredAt: when, recordedAt: when, author: note.author, type: note.type, text: note.text,
                              correctsSequence: nil, previousHash: previous, hash: hash, words: LocalizedText(ja: note.text, en: note.text)))
            previous = hash
        }
        return rows
    }
}
