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

    static func dateTime(_ date: Date, _ locale: AppLocale) -> String {
        (locale == .ja ? japaneseDateTime : englishDateTime).string(from: date)
    }

    static func date(_ date: Date, _ locale: AppLocale) -> String {
        (locale == .ja ? japaneseDate : englishDate).string(from: date)
    }

    /// A stored `yyyy-MM-dd` date as people read it (令和8年4月1日 / 1 Apr 2026).
    static func calendarDate(_ text: String, _ locale: AppLocale) -> String {
        let pieces = text.split(separator: "-").compactMap { Int($0) }
        guard pieces.count == 3,
              let date = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: tokyo, year: pieces[0], month: pieces[1], day: pieces[2], hour: 12))
        else { return text }
        return self.date(date, locale)
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
