import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// Issue #12: official forms (report drafts, the printed policy, program documents) write the
/// Japanese era with the Western year; pages keep the era alone; English is unchanged.
@Suite("Dates on official forms")
struct DateTextTests {
    @Test("official dates: era and Western year in Japanese, Western only in English", arguments: [
        ("2026-12-03T15:08", "令和8年（2026年）12月3日", "3 Dec 2026"),
        ("2019-05-01T00:00", "令和元年（2019年）5月1日", "1 May 2019"),
        ("2019-04-30T23:59", "平成31年（2019年）4月30日", "30 Apr 2019"),
        ("2024-02-29T12:00", "令和6年（2024年）2月29日", "29 Feb 2024"),
    ])
    func officialDate(_ moment: String, _ japanese: String, _ english: String) throws {
        let date = try #require(TokyoDateTime.parse(moment))
        #expect(DateText.officialDate(date, .ja) == japanese)
        #expect(DateText.officialDate(date, .en) == english)
        #expect(DateText.officialDate(date, .en) == DateText.date(date, .en), "English is unchanged")
    }

    @Test("official date-times add the Tokyo time")
    func officialDateTime() throws {
        let afternoon = try #require(TokyoDateTime.parse("2026-12-03T15:08"))
        #expect(DateText.officialDateTime(afternoon, .ja) == "令和8年（2026年）12月3日 15:08")
        #expect(DateText.officialDateTime(afternoon, .en) == DateText.dateTime(afternoon, .en))
        let morning = try #require(TokyoDateTime.parse("2026-12-03T09:05"))
        #expect(DateText.officialDateTime(morning, .ja) == "令和8年（2026年）12月3日 9:05")
        // The Tokyo day, not the server's: 23:30 UTC on 2 December is 3 December in Tokyo.
        let lateUTC = try #require(ISO8601DateFormatter().date(from: "2026-12-02T23:30:00Z"))
        #expect(DateText.officialDateTime(lateUTC, .ja) == "令和8年（2026年）12月3日 8:30")
    }

    @Test("stored calendar dates on official forms", arguments: [
        ("2026-04-01", AppLocale.ja, "令和8年（2026年）4月1日"),
        ("2026-04-01", .en, "1 Apr 2026"),
        ("2019-05-01", .ja, "令和元年（2019年）5月1日"),
        ("not a date", .ja, "not a date"),
    ])
    func officialCalendarDate(_ stored: String, _ locale: AppLocale, _ shown: String) {
        #expect(DateText.officialCalendarDate(stored, locale) == shown)
    }

    @Test("pages keep the era alone")
    func pagesUnchanged() throws {
        let date = try #require(TokyoDateTime.parse("2026-12-03T15:08"))
        #expect(DateText.date(date, .ja).hasPrefix("令和8年"))
        #expect(!DateText.date(date, .ja).contains("2026"))
    }

    @Test("stored dates on pages; a source dated by its month reads as the month", arguments: [
        ("2026-04-01", AppLocale.ja, "令和8年4月1日"),
        ("2026-04-01", .en, "1 Apr 2026"),
        ("2023-04", .ja, "令和5年4月"),
        ("2023-04", .en, "Apr 2023"),
        ("2019-04", .ja, "平成31年4月"),
        ("2023-13", .ja, "2023-13"),
        ("2023-4", .ja, "2023-4"),
        ("not a date", .en, "not a date"),
    ])
    func pageDates(_ stored: String, _ locale: AppLocale, _ expected: String) {
        #expect(DateText.calendarDate(stored, locale) == expected)
    }
}
