import Foundation
import Plot
import MamoriCore

/// Dates as people in Japan read them: Asia/Tokyo, and the Japanese era (令和) in Japanese.
enum DateText {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    private static let japaneseDateTime: DateFormatter = formatter(calendar: .japanese, locale: "ja_JP", format: "GGGGy年M月d日 H:mm")
    private static let japaneseDate: DateFormatter = formatter(calendar: .japanese, locale: "ja_JP", format: "GGGGy年M月d日")
    private static let englishDateTime: DateFormatter = formatter(calendar: .gregorian, locale: "en_GB", format: "d MMM yyyy, HH:mm")
    private static let englishDate: DateFormatter = formatter(calendar: .gregorian, locale: "en_GB", format: "d MMM yyyy")
    private static let japaneseMonth: DateFormatter = formatter(calendar: .japanese, locale: "ja_JP", format: "GGGGy年M月")
    private static let englishMonth: DateFormatter = formatter(calendar: .gregorian, locale: "en_GB", format: "MMM yyyy")

    static func dateTime(_ date: Date, _ locale: AppLocale) -> String {
        (locale == .ja ? japaneseDateTime : englishDateTime).string(from: date)
    }

    static func date(_ date: Date, _ locale: AppLocale) -> String {
        (locale == .ja ? japaneseDate : englishDate).string(from: date)
    }

    /// A stored `yyyy-MM-dd` date as people read it (令和8年4月1日 / 1 Apr 2026).
    /// A `yyyy-MM` (a source dated by its month only) reads as the month (令和5年4月 / Apr 2023),
    /// so one list does not mix 2023-04 with 令和2年3月12日.
    static func calendarDate(_ text: String, _ locale: AppLocale) -> String {
        let pieces = text.split(separator: "-").compactMap { Int($0) }
        if pieces.count == 2, text.count == 7, (1...12).contains(pieces[1]),
           let month = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: tokyo, year: pieces[0], month: pieces[1], day: 15, hour: 12)) {
            return (locale == .ja ? japaneseMonth : englishMonth).string(from: month)
        }
        guard pieces.count == 3,
              let date = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: tokyo, year: pieces[0], month: pieces[1], day: pieces[2], hour: 12))
        else { return text }
        return self.date(date, locale)
    }

    /// On official forms (report drafts, printed policy and program documents) Japanese readers
    /// expect the era and the Western year: 令和8年（2026年）12月3日. English: as `date`.
    static func officialDate(_ date: Date, _ locale: AppLocale) -> String {
        guard locale == .ja else { return self.date(date, locale) }
        return JapaneseEra.officialText(Day(date))
    }

    /// 令和8年（2026年）12月3日 15:08 in Japanese; English: as `dateTime`.
    static func officialDateTime(_ date: Date, _ locale: AppLocale) -> String {
        guard locale == .ja else { return dateTime(date, locale) }
        return JapaneseEra.officialText(Day(date)) + " " + clockTime(date)
    }

    /// A stored `yyyy-MM-dd` date on an official form (令和8年（2026年）4月1日 / 1 Apr 2026).
    static func officialCalendarDate(_ text: String, _ locale: AppLocale) -> String {
        guard locale == .ja else { return calendarDate(text, locale) }
        guard let day = Day(text) else { return text }
        return JapaneseEra.officialText(day)
    }

    /// H:mm in Tokyo, as the Japanese date-time above writes the time.
    private static func clockTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tokyo
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        return String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// For `<time datetime="…">`.
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    private static func formatter(calendar: Calendar.Identifier, locale: String, format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: calendar)
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = tokyo
        formatter.dateFormat = format
        return formatter
    }
}



/// `<time>` with a machine-readable value and a human one.
func timeElement(_ date: Date?, _ context: PageContext, dateOnly: Bool = false) -> Component {
    guard let date else { return Text("—") }
    return El("time", [("datetime", DateText.iso(date))]) {
        Text(dateOnly ? DateText.date(date, context.locale) : DateText.dateTime(date, context.locale))
    }
}
