import Foundation
import MamoriCore

// Plain values the program pages share (the company's, the office's and the expert's), each
// converted from its record at the boundary, so the pages render from `.mock` without a database.

/// A fiscal year's settings as the pages show them.
struct ProgramSettingsSummary: Sendable {
    var fiscalYear: Int
    var capacity: Int
    var visitsPerCompany: Int
    var hoursPerVisit: Int
    /// `YYYY-MM-DD`, Tokyo.
    var opensOn: String
    var closesOn: String
    var termsVersion: Int
    var termsTextJa: String
    var termsTextEn: String
    var acceptedCount: Int
    var preferOutsideMetro: Bool

    static let mock = ProgramSettingsSummary(fiscalYear: 2025, capacity: 400, visitsPerCompany: 4, hoursPerVisit: 2, opensOn: "2025-04-01",
                                             closesOn: "2026-01-31", termsVersion: 2, termsTextJa: ProgramTerms.defaultJa, termsTextEn: ProgramTerms.defaultEn,
                                             acceptedCount: 12, preferOutsideMetro: true)
}

extension ProgramSettingsSummary {
    init(_ settings: ProgramSettings) {
        self.init(fiscalYear: settings.fiscalYear, capacity: settings.capacity, visitsPerCompany: settings.visitsPerCompany,
                  hoursPerVisit: settings.hoursPerVisit, opensOn: settings.opensOn, closesOn: settings.closesOn, termsVersion: settings.termsVersion,
                  termsTextJa: settings.termsTextJa, termsTextEn: settings.termsTextEn, acceptedCount: settings.acceptedCount,
                  preferOutsideMetro: settings.preferOutsideMetro)
    }
}

/// An application for one fiscal year, with the names of its organization and expert when
/// they were loaded with it.
struct ApplicationRow: Sendable {
    var id: UUID
    var organizationID: UUID
    /// Nil when the organization was not loaded with the application.
    var organizationName: String?
    var fiscalYear: Int
    var status: ApplicationStatus
    /// JIS X 0401 two-digit code.
    var prefectureCode: String
    var contactName: String
    var contactPhone: String
    var message: String
    /// The eligibility decided at submission.
    var eligible: Bool
    var smeBasis: String?
    var termsVersion: Int
    var submittedAt: Date
    var decisionReason: String?
    var expertID: UUID?
    /// Nil when no expert is assigned (or the expert was not loaded with the application).
    var expertName: String?

    var prefecture: Prefecture? { Prefecture.withCode(prefectureCode) }

    static let mock = ApplicationRow(id: SiteURL.anyID, organizationID: OrganizationRow.mock.id, organizationName: OrganizationRow.mock.name,
                                     fiscalYear: 2025, status: .accepted, prefectureCode: "32", contactName: "山田 <太郎>", contactPhone: "0852-00-0000",
                                     message: "ランサムウェアが<心配>です", eligible: true, smeBasis: ProgramEligibility.SMEBasis.employees.rawValue,
                                     termsVersion: 2, submittedAt: Date(timeIntervalSince1970: 1_746_000_000), decisionReason: nil,
                                     expertID: ExpertRow.mock.id, expertName: ExpertRow.mock.name)
}

extension ApplicationRow {
    /// Reads the organization and the expert only if they were loaded with the application.
    init(_ application: ProgramApplication) {
        self.init(id: application.id!, organizationID: application.$organization.id, organizationName: application.$organization.value?.name,
                  fiscalYear: application.fiscalYear, status: application.status, prefectureCode: application.prefectureCode,
                  contactName: application.contactName, contactPhone: application.contactPhone, message: application.message,
                  eligible: application.eligible, smeBasis: application.smeBasis, termsVersion: application.termsVersion,
                  submittedAt: application.submittedAt, decisionReason: application.decisionReason, expertID: application.$expert.id,
                  expertName: application.$expert.value.flatMap { $0 }?.name)
    }
}

/// A registered expert as the office and the expert's own pages show them.
struct ExpertRow: Sendable {
    var id: UUID
    var name: String
    /// JIS X 0401 two-digit code.
    var prefectureCode: String
    var maxCompanies: Int
    var onSite: Bool
    var online: Bool

    var prefecture: Prefecture? { Prefecture.withCode(prefectureCode) }

    static let mock = ExpertRow(id: UUID(uuidString: "00000000-0000-0000-0000-00000000e001")!, name: "支援士 <鈴木>", prefectureCode: "31",
                                maxCompanies: 5, onSite: true, online: true)
}

extension ExpertRow {
    init(_ expert: ExpertProfile) {
        self.init(id: expert.id!, name: expert.name, prefectureCode: expert.prefectureCode, maxCompanies: expert.maxCompanies,
                  onSite: expert.onSite, online: expert.online)
    }
}

/// A file attached to a visit (its bytes are never part of a page).
struct AttachmentRow: Sendable {
    var id: UUID
    var filename: String
    var size: Int
    var sha256: String

    static let mock = AttachmentRow(id: UUID(), filename: "議事録<第1回>.pdf", size: 48_213, sha256: String(repeating: "ab", count: 32))
}

extension AttachmentRow {
    init(_ attachment: VisitAttachment) {
        self.init(id: attachment.id!, filename: attachment.filename, size: attachment.size, sha256: attachment.sha256)
    }
}

/// One visit of a company, with its record once it is done and the files attached to it.
struct VisitRow: Sendable {
    var id: UUID
    var applicationID: UUID
    var number: Int
    var scheduledAt: Date
    var mode: ProgramVisit.Mode
    /// The address for an on-site visit, the meeting URL for an online one.
    var place: String
    var isDone: Bool
    var durationMinutes: Int?
    var topics: String?
    var nextSteps: String?
    /// Progress toward achievement goals 1–4, in percent.
    var progress: [Int: Int]
    var attachments: [AttachmentRow] = []

    /// The first visit done (on site, with its record and a file), the second to come (online).
    static let mock: [VisitRow] = [
        VisitRow(id: UUID(), applicationID: ApplicationRow.mock.id, number: 1, scheduledAt: Date(timeIntervalSince1970: 1_748_000_000), mode: .onSite,
                 place: "松江市殿町1-<2>", isDone: true, durationMinutes: 120, topics: "パスワード<管理>の見直し", nextSteps: "基本方針の<下書き>",
                 progress: [1: 50, 2: 25], attachments: [.mock]),
        VisitRow(id: UUID(), applicationID: ApplicationRow.mock.id, number: 2, scheduledAt: Date(timeIntervalSince1970: 1_750_000_000), mode: .online,
                 place: "https://meet.example.jp/<room>", isDone: false, durationMinutes: nil, topics: nil, nextSteps: nil, progress: [:]),
    ]
}

extension VisitRow {
    init(_ visit: ProgramVisit, attachments: [VisitAttachment] = []) {
        self.init(id: visit.id!, applicationID: visit.$application.id, number: visit.number, scheduledAt: visit.scheduledAt, mode: visit.mode,
                  place: visit.place, isDone: visit.isDone, durationMinutes: visit.durationMinutes, topics: visit.topics,
                  nextSteps: visit.nextSteps, progress: visit.progress, attachments: attachments.map(AttachmentRow.init))
    }

    /// The visits with the files attached to each (as `ProgramService.attachments(of:)` groups them).
    static func rows(_ visits: [ProgramVisit], attachments: [UUID: [VisitAttachment]]) -> [VisitRow] {
        visits.map { VisitRow($0, attachments: attachments[$0.id!] ?? []) }
    }
}

/// The company's answer to the survey after the last visit.
struct SurveyAnswer: Sendable {
    var producedResults: Bool
    var satisfaction: Int
    var comments: String

    static let mock = SurveyAnswer(producedResults: true, satisfaction: 5, comments: "とても<役に立ちました>")
}

extension SurveyAnswer {
    init(_ survey: ProgramSurvey) {
        self.init(producedResults: survey.producedResults, satisfaction: survey.satisfaction, comments: survey.comments)
    }
}
