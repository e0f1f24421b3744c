import Fluent
import Foundation
import MamoriCore
import SQLKit
import Testing
import VaporTesting
@testable import MamoriApp

/// Issue #12: the participation terms in Japanese and English, every version keeping both.
@Suite("Participation terms in two languages")
struct ProgramTermsTests {
    func settingsForm(ja: String, en: String) -> [String: String] {
        ["capacity": "400", "visitsPerCompany": "4", "hoursPerVisit": "2", "opensOn": "2000-01-01", "closesOn": "2999-12-31",
         "preferOutsideMetro": "on", "termsTextJa": ja, "termsTextEn": en]
    }

    func applyForm(termsVersion: Int) -> [String: String] {
        ["legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no", "contactName": "山田",
         "contactPhone": "03-1234-5678", "agreed": "on", "termsVersion": String(termsVersion)]
    }

    @Test("a new fiscal year starts with the default terms in both languages, as version 1")
    func defaults() async throws {
        try await withMamori { app in
            let service = ProgramService(db: app.db)
            let settings = try await service.settings()
            #expect(settings.termsVersion == 1)
            #expect(settings.termsTextJa == ProgramTerms.defaultJa && settings.termsTextEn == ProgramTerms.defaultEn)
            let first = try #require(try await service.terms(fiscalYear: settings.fiscalYear, version: 1))
            #expect(first.textJa == ProgramTerms.defaultJa && first.textEn == ProgramTerms.defaultEn)
            // The defaults are what they claim to be: no Japanese left in the English, and the program's facts in both.
            #expect(!ProgramTerms.defaultEn.unicodeScalars.contains { (0x3040...0x9FFF).contains(Int($0.value)) })
            #expect(ProgramTerms.defaultJa.contains("4回") && ProgramTerms.defaultEn.contains("four times"))
            #expect(ProgramTerms.defaultJa.contains("二つ星") && ProgramTerms.defaultEn.contains("two-star"))
        }
    }

    @Test("the office saves both languages; a change in either becomes a new version that keeps both; no change, no version")
    func bothLanguagesPerVersion() async throws {
        try await withMamori { app in
            let office = try await ProgramFixtures.office(app)
            let page = try await office.get("/office/program")
            #expect(page.body.string.contains(#"name="termsTextJa""#) && page.body.string.contains(#"name="termsTextEn""#))
            #expect(page.body.string.contains(L.Program.termsJaLabel.ja) && page.body.string.contains(L.Program.termsEnLabel.ja))

            let saved = try await office.post("/office/program", settingsForm(ja: "第2版の参加規約です。", en: "These are the terms, version 2."))
            #expect(saved.status == .seeOther)
            let service = ProgramService(db: app.db)
            var settings = try await service.settings()
            #expect(settings.termsVersion == 2)
            #expect(settings.termsTextJa == "第2版の参加規約です。" && settings.termsTextEn == "These are the terms, version 2.")
            let second = try #require(try await service.terms(fiscalYear: settings.fiscalYear, version: 2))
            #expect(second.textJa == "第2版の参加規約です。" && second.textEn == "These are the terms, version 2.")
            // Version 1 is still there, both languages as they were.
            let first = try #require(try await service.terms(fiscalYear: settings.fiscalYear, version: 1))
            #expect(first.textJa == ProgramTerms.defaultJa && first.textEn == ProgramTerms.defaultEn)

            // Only the English changes: a new version, with the Japanese carried over.
            try await office.get("/office/program")
            #expect(try await office.post("/office/program", settingsForm(ja: "第2版の参加規約です。", en: "These are the terms, version 3.")).status == .seeOther)
            settings = try await service.settings()
            #expect(settings.termsVersion == 3)
            let third = try #require(try await service.terms(fiscalYear: settings.fiscalYear, version: 3))
            #expect(third.textJa == "第2版の参加規約です。" && third.textEn == "These are the terms, version 3.")

            // Saving the same texts (Windows line ends and surrounding space aside) is no new version.
            try await office.get("/office/program")
            #expect(try await office.post("/office/program", settingsForm(ja: "第2版の参加規約です。\r\n", en: "  These are the terms, version 3.")).status == .seeOther)
            #expect(try await service.settings().termsVersion == 3)
            #expect(try await ProgramTermsVersion.query(on: app.db).count() == 3)
        }
    }

    @Test("an empty or too long text is refused beside its field, and both texts stay as typed")
    func refusalKeepsText() async throws {
        try await withMamori { app in
            let office = try await ProgramFixtures.office(app)
            try await office.get("/office/program")

            let missingEnglish = try await office.post("/office/program", settingsForm(ja: "日本語だけの新しい規約", en: "  "))
            #expect(missingEnglish.status == .unprocessableEntity)
            let html = missingEnglish.body.string
            #expect(html.contains(#"id="field-termsTextEn-error""#))
            #expect(!html.contains(#"id="field-termsTextJa-error""#))
            #expect(html.contains("日本語だけの新しい規約</textarea>"))

            let tooLong = String(repeating: "a", count: ProgramTerms.maximumLength + 1)
            let long = try await office.post("/office/program", settingsForm(ja: "", en: tooLong))
            #expect(long.status == .unprocessableEntity)
            let longHTML = long.body.string
            #expect(longHTML.contains(#"id="field-termsTextJa-error""#))
            #expect(longHTML.contains(#"id="field-termsTextEn-error""#))
            #expect(longHTML.contains(L.Common.describe(.tooLong(maximum: ProgramTerms.maximumLength)).ja))
            #expect(longHTML.contains(tooLong + "</textarea>"))

            // Nothing was saved.
            let settings = try await ProgramService(db: app.db).settings()
            #expect(settings.termsVersion == 1 && settings.termsTextJa == ProgramTerms.defaultJa && settings.termsTextEn == ProgramTerms.defaultEn)
        }
    }

    @Test("an applicant reads the terms in the page's language, agrees to the version shown, and finds it again after applying")
    func applicantReadsOwnLanguage() async throws {
        try await withMamori { app in
            try await ProgramFixtures.openApplications(app)
            let office = try await ProgramFixtures.office(app)
            try await office.get("/office/program")
            try await office.post("/office/program", settingsForm(ja: "日本語の参加規約（第2版）", en: "The participation terms in English, version 2"))
            let (account, owner) = try await ProgramFixtures.company(app, name: "二言語商店", email: "owner@example.jp")
            let path = "/orgs/\(account.organizationID!.uuidString)/program"

            let japanese = try await owner.get(path).body.string
            #expect(japanese.contains("日本語の参加規約（第2版）"))
            #expect(!japanese.contains("The participation terms in English, version 2"))
            #expect(japanese.contains(#"name="termsVersion" value="2""#))

            try await owner.post("/language", ["lang": "en", "back": path])
            let english = try await owner.get(path).body.string
            #expect(english.contains("The participation terms in English, version 2"))
            #expect(!english.contains("日本語の参加規約（第2版）"))
            #expect(!english.contains(L.Program.termsShownInJapanese.en))

            let applied = try await owner.post("\(path)/apply", applyForm(termsVersion: 2))
            #expect(applied.status == .seeOther)
            let application = try #require(try await ProgramApplication.query(on: app.db).first())
            #expect(application.termsVersion == 2)
            let after = try await owner.get(path).body.string
            #expect(after.contains(L.Program.agreedTermsTitle(2).en))
            #expect(after.contains("The participation terms in English, version 2"))
        }
    }

    @Test("a version without English is shown in Japanese on English pages, and the page says so")
    func fallbackToJapanese() async throws {
        try await withMamori { app in
            try await ProgramFixtures.openApplications(app)
            let settings = try await ProgramService(db: app.db).settings()
            settings.termsTextJa = "英語のない古い規約"
            settings.termsTextEn = ""
            try await settings.save(on: app.db)
            let (account, owner) = try await ProgramFixtures.company(app, name: "古い規約商店", email: "owner@example.jp")
            let path = "/orgs/\(account.organizationID!.uuidString)/program"
            try await owner.get(path)
            try await owner.post("/language", ["lang": "en", "back": path])
            let html = try await owner.get(path).body.string
            #expect(html.contains("英語のない古い規約"))
            #expect(html.contains(L.Program.termsShownInJapanese.en))
            #expect(html.contains(#"class="terms" tabindex="0" lang="ja""#))
        }
    }

    @Test("migration 012 splits the combined default of before into its two languages and copies any other text into both")
    func migrationSplitsOldDefault() async throws {
        try await withMamori { app in
            let service = ProgramService(db: app.db)
            _ = try await service.settings(fiscalYear: 2019)
            _ = try await service.settings(fiscalYear: 2020)

            // given: the tables as they were before 012, one year with the old combined default
            // and one with a text the office wrote
            // All on one connection (a transaction pins it): with several pooled connections to
            // one in-memory SQLite database, a schema change made on one was once not yet seen
            // by the next, and adding the column back failed as a duplicate.
            let migration = SplitProgramTerms()
            try await app.db.transaction { db in
                try await migration.revert(on: db)
                let sql = db as! any SQLDatabase
                for (year, text) in [(2019, SplitProgramTerms.legacyDefault), (2020, "事務局が書いた独自の規約")] {
                    try await sql.update(ProgramSettings.schema).set("terms_text", to: text).where("fiscal_year", .equal, year).run()
                    try await sql.update(ProgramTermsVersion.schema).set("text", to: text).where("fiscal_year", .equal, year).run()
                }

                // when
                try await migration.prepare(on: db)
            }

            // then: the old default is split, line by line as it was written
            let old = try #require(try await ProgramSettings.query(on: app.db).filter(\.$fiscalYear == 2019).first())
            #expect(old.termsTextJa == SplitProgramTerms.legacyDefaultJa)
            #expect(old.termsTextEn == SplitProgramTerms.legacyDefaultEn)
            #expect(old.termsTextJa.hasPrefix("1. 本事業の指導は無償です。") && !old.termsTextJa.contains("English"))
            #expect(old.termsTextEn.hasPrefix("1. The guidance is free") && old.termsTextEn.contains("\n5. Applications may close early"))
            #expect(!old.termsTextEn.unicodeScalars.contains { (0x3040...0x9FFF).contains(Int($0.value)) })
            let oldVersion = try #require(try await service.terms(fiscalYear: 2019, version: 1))
            #expect(oldVersion.textJa == SplitProgramTerms.legacyDefaultJa && oldVersion.textEn == SplitProgramTerms.legacyDefaultEn)

            // and the office's own text is kept in both languages, nothing lost
            let own = try #require(try await ProgramSettings.query(on: app.db).filter(\.$fiscalYear == 2020).first())
            #expect(own.termsTextJa == "事務局が書いた独自の規約" && own.termsTextEn == "事務局が書いた独自の規約")
            let ownVersion = try #require(try await service.terms(fiscalYear: 2020, version: 1))
            #expect(ownVersion.textJa == "事務局が書いた独自の規約" && ownVersion.textEn == "事務局が書いた独自の規約")

            // Splitting again leaves rows that have English alone.
            try await SplitProgramTerms.splitExistingTexts(on: app.db)
            let again = try #require(try await ProgramSettings.query(on: app.db).filter(\.$fiscalYear == 2019).first())
            #expect(again.termsTextJa == SplitProgramTerms.legacyDefaultJa && again.termsTextEn == SplitProgramTerms.legacyDefaultEn)
        }
    }
}
