import Foundation

/// Calendar dates as `yyyy-MM-dd` strings in Asia/Tokyo: what a person in Japan means by
/// "the date". Stored as text so that SQLite and PostgreSQL sort them the same way.
public enum CalendarDate {
    public static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tokyo
        return calendar
    }

    public static func string(from date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    public static func today(now: Date = Date()) -> String { string(from: now) }

    /// A real date in the form `yyyy-MM-dd`, years 1900–2999 (rejects 2026-02-30).
    public static func isValid(_ text: String) -> Bool {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
              let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
              (1900...2999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return false }
        return string(from: date) == text
    }
}
