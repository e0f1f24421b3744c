import Fluent
import Foundation
import MamoriCore

/// The help directory as people see it: the bundled entries with the office's corrections on
/// top, the entries it added, minus the ones it retired. Corrections live in the database, so
/// a new bundled file never overwrites them.
struct DirectoryService {
    let db: any Database

    struct Entry: Sendable {
        var contact: ContactDirectory.Contact
        /// The bundled entry, when there is one (nil for entries the office added).
        var bundled: ContactDirectory.Contact?
        var correction: DirectoryCorrection?
        var retired = false
        var verifiedOn: String?
        var updatedBy: String?
        var updatedAt: Date?
    }

    /// One entry as typed by the office, parsed the same way for the page and the API.
    struct EntryInput: Sendable {
        var organization: LocalizedText
        var name: LocalizedText
        var purpose: LocalizedText
        var category: String
        var phone: String?
        var email: String?
        var url: String?
        var hours: LocalizedText?
        var needs: [DirectoryNeed]
        var historical: Bool

        struct Raw: Sendable {
            var organizationJa, organizationEn, nameJa, nameEn, purposeJa, purposeEn, category, phone, email, url, hoursJa, hoursEn: String?
            var needs: [String]
            var historical: Bool
        }

        /// Japanese texts are required; an English text left empty repeats the Japanese one.
        static func parse(_ raw: Raw) -> Result<EntryInput, FieldProblems> {
            var problems = FieldProblems()
            func text(_ ja: String?, _ en: String?, _ field: String, maximum: Int, required: Bool = true) -> LocalizedText? {
                let ja = (ja ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                let en = (en ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if ja.isEmpty { if required { problems.add(field + "Ja", .required) }; return nil }
                if ja.count > maximum { problems.add(field + "Ja", .tooLong(maximum: maximum)) }
                if en.count > maximum { problems.add(field + "En", .tooLong(maximum: maximum)) }
                return LocalizedText(ja: ja, en: en.isEmpty ? ja : en)
            }
            let organization = text(raw.organizationJa, raw.organizationEn, "organization", maximum: TextLimit.line)
            let name = text(raw.nameJa, raw.nameEn, "name", maximum: TextLimit.line)
            let purpose = text(raw.purposeJa, raw.purposeEn, "purpose", maximum: TextLimit.text)
            let hours = text(raw.hoursJa, raw.hoursEn, "hours", maximum: TextLimit.longLine, required: false)
            let category = (raw.category ?? "").trimmingCharacters(in: .whitespaces)
            if !ContactDirectory.bundled.categories.contains(where: { $0.key == category }) { problems.add("category", category.isEmpty ? .required : .unknownChoice) }
            let phone = (raw.phone ?? "").precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
            if phone.count > 30 || !phone.allSatisfy({ $0.isNumber || "-+() ".contains($0) }) { problems.add("phone", .notANumber) }
            let email = (raw.email ?? "").trimmingCharacters(in: .whitespaces)
            if !email.isEmpty && !EmailAddress.isValid(EmailAddress.normalize(email)) { problems.add("email", .invalidEmail) }
            let url = (raw.url ?? "").trimmingCharacters(in: .whitespaces)
            if !url.isEmpty && (url.count > 500 || !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil) {
                problems.add("url", .notAURL)
            }
            var needs: [DirectoryNeed] = []
            for key in raw.needs {
                guard let need = DirectoryNeed(rawValue: key) else { problems.add("needs", .unknownChoice); continue }
                if !needs.contains(need) { needs.append(need) }
            }
            guard problems.isEmpty, let organization, let name, let purpose else { return .failure(problems) }
            return .success(EntryInput(organization: organization, name: name, purpose: purpose, category: category,
                                       phone: phone.isEmpty ? nil : phone, email: email.isEmpty ? nil : email, url: url.isEmpty ? nil : url,
                                       hours: hours, needs: DirectoryNeed.allCases.filter(needs.contains), historical: raw.historical))
        }

        func applied(to base: ContactDirectory.Contact) -> ContactDirectory.Contact {
            var entry = base
            entry.organization = organization
            entry.name = name
            entry.purpose = purpose
            entry.category = category
            entry.phone = phone
            entry.email = email
            entry.url = url
            entry.hours = hours
            entry.needs = needs
            entry.historical = historical
            return entry
        }
    }

    // MARK: Reading

    func entries(includeRetired: Bool = false) async throws -> [Entry] {
        let records = try await DirectoryEntryRecord.query(on: db).limit(10_000).all()
        let byID = Dictionary(records.map { ($0.entryID, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = ContactDirectory.bundled.contacts.map { bundled in
            guard let record = byID[bundled.id] else { return Entry(contact: bundled, bundled: bundled) }
            let correction = record.correction
            return Entry(contact: correction?.apply(to: bundled) ?? bundled, bundled: bundled, correction: correction, retired: record.retired,
                         verifiedOn: record.verifiedOn, updatedBy: record.updatedByName, updatedAt: record.updatedAt)
        }
        for record in records where record.added {
            guard let contact = record.addedEntry else { continue }
            entries.append(Entry(contact: contact, bundled: nil, retired: record.retired, verifiedOn: record.verifiedOn,
                                 updatedBy: record.updatedByName, updatedAt: record.updatedAt))
        }
        return includeRetired ? entries : entries.filter { !$0.retired }
    }

    /// The directory with the office's layer applied, for search.
    func directory() async throws -> ContactDirectory {
        let bundled = ContactDirectory.bundled
        return ContactDirectory(asOf: bundled.asOf, asOfNote: bundled.asOfNote, categories: bundled.categories,
                                contacts: try await entries().map(\.contact))
    }

    func entry(_ id: String, includeRetired: Bool = false) async throws -> Entry {
        guard let entry = try await entries(includeRetired: includeRetired).first(where: { $0.contact.id == id }) else { throw Refusal.notFound }
        return entry
    }

    // MARK: The office's changes

    private func requireOffice(_ actor: Principal) throws {
        guard actor.isOfficeAdmin else { throw Refusal.notAllowed(L.Directory.officeOnly) }
    }

    /// Corrects a bundled entry (stores only what differs) or replaces an added one.
    func correct(_ id: String, with input: EntryInput, by actor: Principal, ip: String?) async throws -> Entry {
        try requireOffice(actor)
        let current = try await entry(id, includeRetired: true)
        let record = try await DirectoryEntryRecord.query(on: db).filter(\.$entryID == id).first() ?? newRecord(id, added: current.bundled == nil)
        if let bundled = current.bundled {
            let correction = DirectoryCorrection(from: bundled, to: input.applied(to: bundled))
            record.data = Self.json(correction)
        } else {
            record.data = Self.json(input.applied(to: current.contact))
        }
        record.updatedByName = actor.user.displayName
        try await db.transaction { db in
            try await record.save(on: db)
            try await AuditLog.record(.directoryCorrected, by: .principal(actor, ip: ip), target: ("directory_entry", record.id),
                                      summary: "\(id): " + (record.correction?.fields.joined(separator: ", ") ?? "entry replaced"), on: db)
        }
        return try await entry(id, includeRetired: true)
    }

    func add(_ input: EntryInput, by actor: Principal, ip: String?) async throws -> Entry {
        try requireOffice(actor)
        let id = "office-" + String(UUID().uuidString.lowercased().prefix(8))
        let contact = input.applied(to: ContactDirectory.Contact(id: id, organization: input.organization, name: input.name, purpose: input.purpose,
                                                                 category: input.category, sourceSeed: "office", asOf: String(CalendarDate.today().prefix(7)),
                                                                 kind: .contact))
        let record = newRecord(id, added: true)
        record.data = Self.json(contact)
        record.updatedByName = actor.user.displayName
        try await db.transaction { db in
            try await record.save(on: db)
            try await AuditLog.record(.directoryAdded, by: .principal(actor, ip: ip), target: ("directory_entry", record.id),
                                      summary: "\(id): \(input.name.ja)", on: db)
        }
        return try await entry(id)
    }

    func setRetired(_ id: String, _ retired: Bool, by actor: Principal, ip: String?) async throws {
        try requireOffice(actor)
        let current = try await entry(id, includeRetired: true)
        let record = try await DirectoryEntryRecord.query(on: db).filter(\.$entryID == id).first() ?? newRecord(id, added: current.bundled == nil)
        guard record.retired != retired || record.id == nil else { return }
        record.retired = retired
        record.updatedByName = actor.user.displayName
        try await db.transaction { db in
            try await record.save(on: db)
            try await AuditLog.record(retired ? .directoryRetired : .directoryRestored, by: .principal(actor, ip: ip),
                                      target: ("directory_entry", record.id), summary: id, on: db)
        }
    }

    func verify(_ id: String, on date: String = CalendarDate.today(), by actor: Principal, ip: String?) async throws {
        try requireOffice(actor)
        let current = try await entry(id, includeRetired: true)
        let record = try await DirectoryEntryRecord.query(on: db).filter(\.$entryID == id).first() ?? newRecord(id, added: current.bundled == nil)
        record.verifiedOn = date
        record.updatedByName = actor.user.displayName
        try await db.transaction { db in
            try await record.save(on: db)
            try await AuditLog.record(.directoryVerified, by: .principal(actor, ip: ip), target: ("directory_entry", record.id),
                                      summary: "\(id) verified \(date)", on: db)
        }
    }

    private func newRecord(_ id: String, added: Bool) -> DirectoryEntryRecord {
        let record = DirectoryEntryRecord()
        record.entryID = id
        record.added = added
        record.data = added ? "{}" : Self.json(DirectoryCorrection())
        record.retired = false
        return record
    }

    // MARK: Reports

    func report(_ id: String, note raw: String?, by actor: Principal, ip: String?) async throws -> DirectoryReport {
        _ = try await entry(id)
        let note = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > TextLimit.text { throw Refusal.invalid("note", .tooLong(maximum: TextLimit.text)) }
        let report = DirectoryReport()
        report.entryID = id
        report.note = note
        report.reportedByID = actor.userID
        report.reportedByName = actor.user.displayName
        try await db.transaction { db in
            try await report.create(on: db)
            // Reports are about public content: they carry no organization's data.
            try await AuditLog.record(.directoryReported, by: .principal(actor, ip: ip), organizationID: nil, target: ("directory_report", report.id),
                                      summary: id, on: db)
        }
        return report
    }

    func openReports(page: PageRequest) async throws -> Page<DirectoryReport> {
        try await DirectoryReport.query(on: db).filter(\.$resolvedAt == nil).sort(\.$createdAt).sort(\.$id).paginate(page)
    }

    func resolve(_ reportID: UUID?, by actor: Principal, ip: String?) async throws {
        try requireOffice(actor)
        guard let reportID, let report = try await DirectoryReport.find(reportID, on: db) else { throw Refusal.notFound }
        guard report.resolvedAt == nil else { return }
        report.resolvedAt = Date()
        report.resolvedByName = actor.user.displayName
        try await db.transaction { db in
            try await report.save(on: db)
            try await AuditLog.record(.directoryReportResolved, by: .principal(actor, ip: ip), target: ("directory_report", report.id),
                                      summary: report.entryID, on: db)
        }
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
