import Foundation

/// A calendar date without a time or time zone: what "due on 6 April" means in Japan.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `yyyy-MM-dd`, or nil for anything that is not a real date.
    public init?(_ text: String) {
        guard CalendarDate.isValid(text) else { return nil }
        let parts = text.split(separator: "-").map { Int($0)! }
        self.init(parts[0], parts[1], parts[2])
    }

    /// The Tokyo calendar date of an instant.
    public init(_ instant: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(parts.year!, parts.month!, parts.day!)
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.tokyo
        return calendar
    }()

    var noon: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))! }

    public func adding(days: Int) -> Day { Day(Self.calendar.date(byAdding: .day, value: days, to: noon)!) }

    /// 1 = Sunday … 7 = Saturday.
    public var weekday: Int { Self.calendar.component(.weekday, from: noon) }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (lhs: Day, rhs: Day) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }
}

/// Japanese national holidays (国民の祝日, REFERENCE §10) from 2000 to 2099, with substitute
/// holidays, the "citizens' holiday" between two holidays, and the 2019–2021 exceptions.
public enum JapaneseHolidays {
    public enum Kind: String, Sendable {
        case national
        case substitute
        case citizens
    }

    public static let supportedYears = 2000...2099

    /// Every holiday of a year with its kind.
    public static func holidays(in year: Int) -> [Day: Kind] {
        var result: [Day: Kind] = [:]
        for day in nationalHolidays(in: year) { result[day] = .national }
        // A holiday on a Sunday makes the next day that is not a holiday a substitute holiday.
        for day in result.keys.sorted() where day.weekday == 1 {
            var next = day.adding(days: 1)
            while result[next] != nil { next = next.adding(days: 1) }
            if next.year == year { result[next] = .substitute }
        }
        // A day squeezed between two national holidays is itself a holiday (e.g. 22 Sep 2026).
        for day in nationalHolidays(in: year) {
            let between = day.adding(days: 1), after = day.adding(days: 2)
            if result[between] == nil, nationalHolidays(in: after.year).contains(after), between.weekday != 1 {
                result[between] = .citizens
            }
        }
        return result
    }

    public static func isHoliday(_ day: Day) -> Bool { holidays(in: day.year)[day] != nil }

    static func nationalHolidays(in year: Int) -> Set<Day> {
        var days: Set<Day> = [Day(year, 1, 1), Day(year, 2, 11), Day(year, 4, 29), Day(year, 5, 3), Day(year, 5, 4), Day(year, 5, 5), Day(year, 11, 3), Day(year, 11, 23)]
        if year >= 2020 { days.insert(Day(year, 2, 23)) }                           // Emperor's Birthday (Reiwa)
        if year <= 2018 { days.insert(Day(year, 12, 23)) }                          // Emperor's Birthday (Heisei)
        days.insert(Day(year, 3, vernalEquinox(year)))
        days.insert(Day(year, 9, autumnalEquinox(year)))
        days.insert(nthMonday(2, of: 1, in: year))                                  // Coming of Age Day
        days.insert(nthMonday(3, of: 9, in: year))                                  // Respect for the Aged Day
        switch year {
        case 2020:
            days.formUnion([Day(2020, 7, 23), Day(2020, 7, 24), Day(2020, 8, 10)])  // Olympic moves
        case 2021:
            days.formUnion([Day(2021, 7, 22), Day(2021, 7, 23), Day(2021, 8, 8)])
        default:
            days.insert(nthMonday(3, of: 7, in: year))                              // Marine Day
            days.insert(nthMonday(2, of: 10, in: year))                             // Sports Day
            if year >= 2016 { days.insert(Day(year, 8, 11)) }                       // Mountain Day
        }
        if year == 2019 { days.formUnion([Day(2019, 4, 30), Day(2019, 5, 1), Day(2019, 5, 2), Day(2019, 10, 22)]) }  // enthronement
        return days
    }

    static func vernalEquinox(_ year: Int) -> Int {
        Int(20.8431 + 0.242194 * Double(year - 1980) - Double((year - 1980) / 4))
    }

    static func autumnalEquinox(_ year: Int) -> Int {
        Int(23.2488 + 0.242194 * Double(year - 1980) - Double((year - 1980) / 4))
    }

    static func nthMonday(_ n: Int, of month: Int, in year: Int) -> Day {
        let first = Day(year, month, 1)
        let offset = (2 - first.weekday + 7) % 7          // Monday is weekday 2
        return Day(year, month, 1 + offset + 7 * (n - 1))
    }
}

/// Days the administration is closed (行政機関の休日, Act on Holidays of Administrative Organs
/// Art. 2): Saturdays, Sundays, national holidays, and 29 December to 3 January. A deadline that
/// falls on one moves to the next day that is none of these.
public enum AdministrativeCalendar {
    public static func isClosed(_ day: Day) -> Bool {
        if day.weekday == 1 || day.weekday == 7 { return true }
        if (day.month == 12 && day.day >= 29) || (day.month == 1 && day.day <= 3) { return true }
        return JapaneseHolidays.isHoliday(day)
    }

    public static func nextOpenDay(onOrAfter day: Day) -> Day {
        var candidate = day
        while isClosed(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// A period of `days` counted from the day of awareness (which is not counted, Civil Code
    /// Art. 140), moved past administrative holidays. Returns the nominal and the actual due date.
    public static func deadline(from awareness: Day, days: Int) -> (nominal: Day, due: Day) {
        let nominal = awareness.adding(days: days)
        return (nominal, nextOpenDay(onOrAfter: nominal))
    }
}
