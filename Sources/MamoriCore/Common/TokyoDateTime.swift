import Foundation

/// `datetime-local` values ("2026-11-20T09:30") read as Tokyo time.
public enum TokyoDateTime {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let pieces = trimmed.split(separator: "T")
        guard pieces.count == 2, CalendarDate.isValid(String(pieces[0])) else { return nil }
        let time = pieces[1].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2, (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
        let date = pieces[0].split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.tokyo
        return calendar.date(from: DateComponents(year: date[0], month: date[1], day: date[2], hour: time[0], minute: time[1]))
    }

    /// The `datetime-local` form of a date, in Tokyo.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.tokyo
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!)
    }
}
