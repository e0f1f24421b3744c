import Foundation
import Testing
@testable import MamoriCore

/// Issue #12: date fields are text fields that follow the page's language, so what people type
/// in Japan (2026/12/03, 令和8年12月3日, full-width digits) must read into the stored forms.
@Suite("Dates as people type them")
struct DateInputTests {
    @Test("dates read into yyyy-MM-dd", arguments: [
        ("2026-12-03", "2026-12-03"),
        ("2026/12/03", "2026-12-03"),
        ("2026/12/3", "2026-12-03"),
        ("2026.12.3", "2026-12-03"),
        ("2026年12月3日", "2026-12-03"),
        ("2026年12月3", "2026-12-03"),
        ("２０２６／１２／０３", "2026-12-03"),            // full-width, as typed with a Japanese IME on
        ("２０２６年１２月３日", "2026-12-03"),
        ("2026－12－03", "2026-12-03"),                  // full-width hyphen-minus
        ("2026ー12ー03", "2026-12-03"),                  // the long vowel mark an IME gives for "-"
        ("20261203", "2026-12-03"),                      // digits only: what a phone's number pad can type
        ("令和8年12月3日", "2026-12-03"),
        ("令和８年１２月３日", "2026-12-03"),
        ("R8.12.3", "2026-12-03"),
        ("R8/12/3", "2026-12-03"),
        ("r8.12.3", "2026-12-03"),
        ("Ｒ８．１２．３", "2026-12-03"),
        ("R08.12.03", "2026-12-03"),
        ("㋿8年12月3日", "2026-12-03"),
        ("H30.4.1", "2018-04-01"),
        ("平成30年4月1日", "2018-04-01"),
        ("S64.1.7", "1989-01-07"),
        // spaces around the parts, and at both ends
        ("  2026/12/03  ", "2026-12-03"),
        ("2026 / 12 / 03", "2026-12-03"),
        ("令和 8 年 12 月 3 日", "2026-12-03"),
        ("\u{3000}2026/12/03\u{3000}", "2026-12-03"),
        // the weekday, when given, is checked
        ("2026/12/03(木)", "2026-12-03"),
        ("2026/12/03（木）", "2026-12-03"),
        ("2026年12月3日（木曜日）", "2026-12-03"),
        ("2026-12-03 (Thu)", "2026-12-03"),
        ("2026-12-03 (thursday)", "2026-12-03"),
        // leap days
        ("2024/02/29", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("令和6年2月29日", "2024-02-29"),
    ])
    func reads(_ typed: String, _ stored: String) {
        #expect(DateInput.date(typed) == stored, "\(typed)")
    }

    @Test("the era boundary: Heisei ends on 30 April 2019, Reiwa (元年) starts on 1 May", arguments: [
        ("平成31年4月30日", "2019-04-30"),
        ("H31.4.30", "2019-04-30"),
        ("令和元年5月1日", "2019-05-01"),
        ("令和1年5月1日", "2019-05-01"),
        ("R1.5.1", "2019-05-01"),
        ("令和元年12月31日", "2019-12-31"),
        ("平成元年1月8日", "1989-01-08"),
        ("昭和64年1月7日", "1989-01-07"),
    ])
    func eraBoundary(_ typed: String, _ stored: String) {
        #expect(DateInput.date(typed) == stored, "\(typed)")
    }

    @Test("anything that is not one real date is refused", arguments: [
        "",
        "   ",
        "2026-02-30",                 // no such day
        "2026/02/29",                 // 2026 is no leap year
        "2100-02-29",                 // nor is 2100
        "2026-13-01",
        "2026-00-10",
        "2026-12-00",
        "2026-12-32",
        "平成31年5月1日",              // Heisei had ended
        "令和元年4月30日",             // Reiwa had not begun
        "令和0年5月1日",
        "平成元年1月7日",              // still Shōwa
        "元年5月1日",                 // 元年 of which era?
        "26/12/03",                   // which century?
        "12/03/2026",                 // month first: ambiguous across countries
        "03.12.2026",
        "2026/12-03",                 // mixed separators
        "2026年12/3",
        "2026 12 03",
        "2026/12/03(金)",             // 3 December 2026 is a Thursday
        "2026/12/03(Fri)",
        "2026/12/03 14:30",           // a date-time where a date is asked
        "2026-12-03T14:30",
        "202612031430",
        "1899-12-31",                 // outside the years Mamori stores
        "3000-01-01",
        "tomorrow",
        "明日",
        "2026/12/03/",
        "2026//12/03",
    ])
    func refuses(_ typed: String) {
        #expect(DateInput.date(typed) == nil, "\(typed)")
    }

    @Test("date-times read into yyyy-MM-ddTHH:mm", arguments: [
        ("2026-12-03T14:30", "2026-12-03T14:30"),     // what browsers and the existing forms send
        ("2026-04-01T10:00:45", "2026-04-01T10:00"),  // seconds are dropped
        ("2026/12/03 14:30", "2026-12-03T14:30"),
        ("2026/12/3 9:05", "2026-12-03T09:05"),
        ("2026-12-03 14:30", "2026-12-03T14:30"),
        ("2026年12月3日 14時30分", "2026-12-03T14:30"),
        ("2026年12月3日14時30分", "2026-12-03T14:30"),
        ("2026年12月3日 14時", "2026-12-03T14:00"),
        ("2026年12月3日 14時半", "2026-12-03T14:30"),
        ("令和8年12月3日 14:30", "2026-12-03T14:30"),
        ("R8.12.3 14:30", "2026-12-03T14:30"),
        ("２０２６／１２／０３　１４：３０", "2026-12-03T14:30"),
        ("2026/12/03(木) 14:30", "2026-12-03T14:30"),
        ("2026/12/03 1430", "2026-12-03T14:30"),
        ("202612031430", "2026-12-03T14:30"),         // digits only, from a number pad
        ("2026/12/03 0:00", "2026-12-03T00:00"),
        ("2026/12/03 23:59", "2026-12-03T23:59"),
        (" 2026/12/03  14:30 ", "2026-12-03T14:30"),
        ("2024/02/29 12:00", "2024-02-29T12:00"),
        ("令和元年5月1日 0:00", "2019-05-01T00:00"),
    ])
    func readsDateTimes(_ typed: String, _ stored: String) {
        #expect(DateInput.dateTime(typed) == stored, "\(typed)")
    }

    @Test("date-times without a real date or time are refused", arguments: [
        "",
        "2026-12-03",                 // no time
        "2026/12/03 14",
        "2026-11-20T9",
        "2026/12/03 24:00",
        "2026/12/03 14:60",
        "2026/12/03 14:5",
        "2026/12/03 14:30:75",
        "2026/12/03 25時",
        "2026/02/30 10:00",
        "平成31年5月1日 10:00",
        "2026/12/03 2:30 PM",
        "2026/12/0314:30",
        "tomorrow 10:00",
    ])
    func refusesDateTimes(_ typed: String) {
        #expect(DateInput.dateTime(typed) == nil, "\(typed)")
    }

    @Test("stored values shown in a field: Japanese 2026/12/03, English ISO", arguments: [
        ("2026-12-03", AppLocale.ja, "2026/12/03"),
        ("2026-12-03", .en, "2026-12-03"),
        ("2024-02-29", .ja, "2024/02/29"),
        ("", .ja, ""),
        ("令和8年12月3日", .ja, "令和8年12月3日"),    // typed text that was refused stays as typed
        ("2026-02-30", .en, "2026-02-30"),
    ])
    func displaysDates(_ stored: String, _ locale: AppLocale, _ shown: String) {
        #expect(DateInput.display(date: stored, locale) == shown)
    }

    @Test("stored date-times shown in a field", arguments: [
        ("2026-12-03T14:30", AppLocale.ja, "2026/12/03 14:30"),
        ("2026-12-03T09:05", .en, "2026-12-03 09:05"),
        ("", .en, ""),
        ("2026-12-03T25:00", .ja, "2026-12-03T25:00"),
        ("yesterday", .ja, "yesterday"),
    ])
    func displaysDateTimes(_ stored: String, _ locale: AppLocale, _ shown: String) {
        #expect(DateInput.display(dateTime: stored, locale) == shown)
    }

    @Test("what a field shows reads back to the same stored value", arguments: ["2026-12-03", "2019-05-01", "2024-02-29", "1989-01-08"])
    func roundTrip(_ stored: String) {
        for locale in AppLocale.allCases {
            #expect(DateInput.date(DateInput.display(date: stored, locale)) == stored)
            #expect(DateInput.dateTime(DateInput.display(dateTime: stored + "T07:45", locale)) == stored + "T07:45")
        }
    }

    @Test("official documents write the era with the Western year", arguments: [
        (Day(2026, 12, 3), "令和8年（2026年）12月3日"),
        (Day(2019, 5, 1), "令和元年（2019年）5月1日"),
        (Day(2019, 4, 30), "平成31年（2019年）4月30日"),
        (Day(1989, 1, 8), "平成元年（1989年）1月8日"),
        (Day(1989, 1, 7), "昭和64年（1989年）1月7日"),
        (Day(1920, 6, 1), "1920年6月1日"),
    ])
    func official(_ day: Day, _ text: String) {
        #expect(JapaneseEra.officialText(day) == text)
    }
}

@Suite("Typed months (a plan's start and due month)")
struct MonthInputTests {
    @Test("months as people type them", arguments: [
        ("2027/03", "2027-03"), ("2027-03", "2027-03"), ("2027.3", "2027-03"), ("2027年3月", "2027-03"), ("202703", "2027-03"),
        ("令和9年3月", "2027-03"), ("R9.3", "2027-03"), ("２０２７／０３", "2027-03"), (" 2027/12 ", "2027-12"),
        ("平成31年4月", "2019-04"), ("令和元年5月", "2019-05"), ("平成31年5月", nil), ("令和元年4月", nil),
        ("2027/13", nil), ("2027/00", nil), ("27/03", nil), ("2027/03/01", nil), ("", nil), ("March 2027", nil),
    ] as [(String, String?)])
    func month(text: String, expected: String?) {
        #expect(DateInput.month(text) == expected, "\(text)")
    }

    @Test("a stored month as the field shows it")
    func display() {
        #expect(DateInput.display(month: "2027-03", .ja) == "2027/03")
        #expect(DateInput.display(month: "2027-03", .en) == "2027-03")
        #expect(DateInput.display(month: "2027/3", .ja) == "2027/3")
    }
}
