import Fluent
import Foundation
import MamoriCore

// MARK: Settings

extension ProgramService {
    /// The settings of a fiscal year, created with the program's defaults on first use.
    func settings(fiscalYear: Int = FiscalYear.of(Date())) async throws -> ProgramSettings {
        if let existing = try await ProgramSettings.query(on: db).filter(\.$fiscalYear == fiscalYear).first() { return existing }
        let settings = ProgramSettings.defaults(fiscalYear: fiscalYear)
        do {
            try await db.transaction { db in
                try await settings.create(on: db)
                try await ProgramTermsVersion(fiscalYear: fiscalYear, version: 1, textJa: settings.termsTextJa, textEn: settings.termsTextEn).create(on: db)
            }
            return settings
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another request created them at the same moment.
            return try await ProgramSettings.query(on: db).filter(\.$fiscalYear == fiscalYear).first()!
        }
    }

    /// The office's settings, typed; each face reads its own format into it.
    struct SettingsInput {
        var capacity: FieldInput<Int>
        var visitsPerCompany: FieldInput<Int>
        var hoursPerVisit: FieldInput<Int>
        /// `yyyy-MM-dd` (`FieldInput.calendarDate`).
        var opensOn: FieldInput<String>
        var closesOn: FieldInput<String>
        /// The participation terms in Japanese and in English: both required.
        var termsTextJa: String?
        var termsTextEn: String?
        var preferOutsideMetro: Bool
    }

    /// One version of a fiscal year's terms (nil when there is no such version).
    func terms(fiscalYear: Int, version: Int) async throws -> ProgramTermsVersion? {
        try await ProgramTermsVersion.query(on: db).filter(\.$fiscalYear == fiscalYear).filter(\.$version == version).first()
    }

    /// A terms text as typed: line ends normalized, surrounding blank space removed; empty or
    /// too long is a problem of that field.
    private static func termsText(_ raw: String?, field: String, into problems: inout FieldProblems) -> String {
        let text = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.add(field, .required) }
        else if text.count > ProgramTerms.maximumLength { problems.add(field, .tooLong(maximum: ProgramTerms.maximumLength)) }
        return text
    }

    func update(_ settings: ProgramSettings, with input: SettingsInput, by actor: Principal, ip: String?) async throws {
        try actor.requireOffice()
        var problems = FieldProblems()
        // The rules live in MamoriCore (`ProgramValidation`): at least one place and never fewer
        // than already accepted; the period closes on or after the day it opens.
        var capacity: Int?
        switch ProgramValidation.capacity(input.capacity, accepted: settings.acceptedCount) {
        case .success(let value): capacity = value
        case .failure(let problem): problems.add("capacity", problem)
        }
        let visits = input.visitsPerCompany.count("visitsPerCompany", in: 1...20, into: &problems)
        let hours = input.hoursPerVisit.count("hoursPerVisit", in: 1...24, into: &problems)
        problems.merge(ProgramValidation.periodProblems(opensOn: input.opensOn, closesOn: input.closesOn))
        let termsJa = Self.termsText(input.termsTextJa, field: "termsTextJa", into: &problems)
        let termsEn = Self.termsText(input.termsTextEn, field: "termsTextEn", into: &problems)
        guard problems.isEmpty, let capacity, let visits, let hours, case .given(let opens) = input.opensOn, case .given(let closes) = input.closesOn
        else { throw Refusal.invalid(problems) }

        // A change in either language is a new version, which keeps both texts.
        let termsChanged = termsJa != settings.termsTextJa || termsEn != settings.termsTextEn
        try await db.transaction { db in
            settings.capacity = capacity
            settings.visitsPerCompany = visits
            settings.hoursPerVisit = hours
            settings.opensOn = opens
            settings.closesOn = closes
            settings.preferOutsideMetro = input.preferOutsideMetro
            if termsChanged {
                settings.termsVersion += 1
                settings.termsTextJa = termsJa
                settings.termsTextEn = termsEn
                try await ProgramTermsVersion(fiscalYear: settings.fiscalYear, version: settings.termsVersion, textJa: termsJa, textEn: termsEn).create(on: db)
            }
            try await settings.save(on: db)
            try await AuditLog.record(.programSettingsChanged, by: .principal(actor, ip: ip), target: ("program_settings", settings.id),
                                      summary: "FY\(settings.fiscalYear): capacity \(capacity), \(visits)×\(hours)h, \(opens)–\(closes)"
                                        + (termsChanged ? ", terms v\(settings.termsVersion)" : ""), on: db)
        }
    }
}
