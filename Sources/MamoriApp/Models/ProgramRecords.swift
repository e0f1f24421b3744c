import Fluent
import Foundation
import MamoriCore

/// The settings of one fiscal year of the guidance program, set by the office.
final class ProgramSettings: Model, @unchecked Sendable {
    static let schema = "program_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "capacity") var capacity: Int
    @Field(key: "visits_per_company") var visitsPerCompany: Int
    @Field(key: "hours_per_visit") var hoursPerVisit: Int
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "closes_on") var closesOn: String
    @Field(key: "terms_version") var termsVersion: Int
    /// The current participation terms in Japanese (the column kept its name from before the
    /// terms had two languages) and in English.
    @Field(key: "terms_text") var termsTextJa: String
    @Field(key: "terms_text_en") var termsTextEn: String
    /// Accepted applications, kept here so that acceptance can be refused atomically at capacity.
    @Field(key: "accepted_count") var acceptedCount: Int
    @Field(key: "prefer_outside_metro") var preferOutsideMetro: Bool
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// The program's published figures: 400 companies, 4 visits of about 2 hours.
    static func defaults(fiscalYear: Int) -> ProgramSettings {
        let settings = ProgramSettings()
        settings.fiscalYear = fiscalYear
        settings.capacity = 400
        settings.visitsPerCompany = 4
        settings.hoursPerVisit = 2
        settings.opensOn = "\(fiscalYear)-04-01"
        settings.closesOn = "\(fiscalYear + 1)-01-31"
        settings.termsVersion = 1
        settings.termsTextJa = ProgramTerms.defaultJa
        settings.termsTextEn = ProgramTerms.defaultEn
        settings.acceptedCount = 0
        settings.preferOutsideMetro = true
        return settings
    }
}

/// Every version of the participation terms, both languages, so an application shows what was
/// agreed to.
final class ProgramTermsVersion: Model, @unchecked Sendable {
    static let schema = "program_terms"

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "version") var version: Int
    /// Japanese (the column kept its name from before the terms had two languages).
    @Field(key: "text") var textJa: String
    /// English; empty only if a row was written without it.
    @Field(key: "text_en") var textEn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(fiscalYear: Int, version: Int, textJa: String, textEn: String) {
        self.fiscalYear = fiscalYear
        self.version = version
        self.textJa = textJa
        self.textEn = textEn
    }
}

/// A registered expert (情報処理安全確保支援士) and the account that signs in for them.
final class ExpertProfile: Model, @unchecked Sendable {
    static let schema = "expert_profiles"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "registration_number") var registrationNumber: String
    @Field(key: "prefecture_code") var prefectureCode: String
    /// Region keys, comma-separated.
    @Field(key: "regions") var regions: String
    @Field(key: "on_site") var onSite: Bool
    @Field(key: "online") var online: Bool
    @Field(key: "max_companies") var maxCompanies: Int
    /// SHA-256 of the secret in the expert's calendar feed address.
    @OptionalField(key: "calendar_token_hash") var calendarTokenHash: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var prefecture: Prefecture? { Prefecture.withCode(prefectureCode) }
    var regionSet: Set<Prefecture.Region> { Set(regions.split(separator: ",").compactMap { Prefecture.Region(rawValue: String($0)) }) }
}

/// An organization's application for one fiscal year, with the eligibility computed when it
/// was submitted.
final class ProgramApplication: Model, @unchecked Sendable {
    static let schema = "program_applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Enum(key: "status") var status: ApplicationStatus
    @Field(key: "prefecture_code") var prefectureCode: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_phone") var contactPhone: String
    @Field(key: "message") var message: String
    @Field(key: "eligible") var eligible: Bool
    @Field(key: "eligibility_reasons") var eligibilityReasons: String
    @OptionalField(key: "sme_basis") var smeBasis: String?
    @Field(key: "terms_version") var termsVersion: Int
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "submitted_by_id") var submittedByID: UUID
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @OptionalParent(key: "expert_profile_id") var expert: ExpertProfile?
    @OptionalField(key: "assigned_at") var assignedAt: Date?

    init() {}

    var prefecture: Prefecture? { Prefecture.withCode(prefectureCode) }
    var reasons: [ProgramEligibility.Reason] {
        eligibilityReasons.split(separator: ",").compactMap { ProgramEligibility.Reason(rawValue: String($0)) }
    }
}

/// One of the four visits of a company.
final class ProgramVisit: Model, @unchecked Sendable {
    static let schema = "program_visits"

    enum Mode: String, Codable, Sendable, CaseIterable { case onSite = "on_site", online }

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ProgramApplication
    @Field(key: "number") var number: Int
    @Field(key: "scheduled_at") var scheduledAt: Date
    @Enum(key: "mode") var mode: Mode
    /// The address for an on-site visit, the meeting URL for an online one.
    @Field(key: "place") var place: String
    @OptionalField(key: "duration_minutes") var durationMinutes: Int?
    @OptionalField(key: "topics") var topics: String?
    /// Progress toward achievement goals 1–4 in percent, JSON `{"1": 50, …}`.
    @OptionalField(key: "goal_progress") var goalProgress: String?
    @OptionalField(key: "next_steps") var nextSteps: String?
    @OptionalField(key: "recorded_at") var recordedAt: Date?
    @OptionalField(key: "recorded_by_id") var recordedByID: UUID?

    init() {}

    var isDone: Bool { recordedAt != nil }

    var progress: [Int: Int] {
        guard let goalProgress, let raw = try? JSONDecoder().decode([String: Int].self, from: Data(goalProgress.utf8)) else { return [:] }
        return Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in Int(key).map { ($0, value) } })
    }
}

/// The company's answer after the last visit.
final class ProgramSurvey: Model, @unchecked Sendable {
    static let schema = "program_surveys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ProgramApplication
    @Field(key: "produced_results") var producedResults: Bool
    @Field(key: "satisfaction") var satisfaction: Int
    @Field(key: "comments") var comments: String
    @Field(key: "answered_by_id") var answeredByID: UUID
    @Timestamp(key: "answered_at", on: .create) var answeredAt: Date?

    init() {}
}
