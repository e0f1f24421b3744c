import Foundation

/// The Japanese eras Mamori reads and writes, newest first. The first year of an era is
/// written 元年 on official documents.
public enum JapaneseEra: String, Sendable, CaseIterable {
    case reiwa
    case heisei
    case showa

    /// The first day of the era.
    public var firstDay: Day {
        switch self {
        case .reiwa: Day(2019, 5, 1)
        case .heisei: Day(1989, 1, 8)
        case .showa: Day(1926, 12, 25)
        }
    }

    /// The last day of the era; nil for the current one.
    public var lastDay: Day? {
        switch self {
        case .reiwa: nil
        case .heisei: Day(2019, 4, 30)
        case .showa: Day(1989, 1, 7)
        }
    }

    /// 令和, 平成, 昭和.
    public var name: String {
        switch self {
        case .reiwa: "令和"
        case .heisei: "平成"
        case .showa: "昭和"
        }
    }

    /// The letter of the short form (R8.12.3).
    public var letter: String {
        switch self {
        case .reiwa: "R"
        case .heisei: "H"
        case .showa: "S"
        }
    }

    /// The Western year of the era's year `eraYear` (令和1年 = 2019).
    public func westernYear(_ eraYear: Int) -> Int { firstDay.year + eraYear - 1 }

    public func contains(_ day: Day) -> Bool {
        guard day >= firstDay else { return false }
        guard let lastDay else { return true }
        return day <= lastDay
    }

    /// The era of a day; nil before Shōwa.
    public static func of(_ day: Day) -> JapaneseEra? {
        allCases.first { $0.contains(day) }
    }

    /// A day as official documents in Japan write it, the era with the Western year:
    /// 令和8年（2026年）12月3日, 令和元年（2019年）5月1日; before Shōwa only 1925年12月3日.
    public static func officialText(_ day: Day) -> String {
        guard let era = of(day) else { return "\(day.year)年\(day.month)月\(day.day)日" }
        let eraYear = day.year - era.firstDay.year + 1
        return "\(era.name)\(eraYear == 1 ? "元" : String(eraYear))年（\(day.year)年）\(day.month)月\(day.day)日"
    }
}

/// What people type into a date field, read into the forms Mamori stores (`yyyy-MM-dd`,
/// `yyyy-MM-ddTHH:mm`, Tokyo), and the stored forms shown back in a field in the page's
/// language. Browsers draw `<input type="date">` in their own locale, not the page's, so date
/// fields are text fields and this is what reads them.
///
/// Dates: 2026/12/03, 2026-12-03, 2026.12.3, 2026年12月3日, 20261203, full-width digits and
/// signs (２０２６／１２／０３), the Japanese era (令和8年12月3日, 令和元年5月1日, R8.12.3, R8/12/3,
/// H31.4.30, within the era's own days), with an optional weekday in brackets that must be the
/// date's own ((木), （木曜日）, (Thu)). Times: 14:30, 14:30:15 (seconds dropped), 14時30分, 14時,
/// 14時半, 1430; between the date and the time a space, `T`, or nothing after 日.
/// Two-digit Western years (26/12/03) are refused: the century is a guess.
public enum DateInput {
    /// `yyyy-MM-dd`, or nil when the text is not one real date (2026-02-30, a date with a time,
    /// empty text).
    public static func date(_ text: String) -> String? {
        var reader = Reader(text)
        guard let day = reader.date(), reader.atEnd() else { return nil }
        return day.description
    }

    /// `yyyy-MM-ddTHH:mm`, or nil when the text is not a real date followed by a time.
    public static func dateTime(_ text: String) -> String? {
        var reader = Reader(text)
        guard let day = reader.date() else { return nil }
        reader.skipDateTimeSeparator()
        guard let time = reader.time(), reader.atEnd() else { return nil }
        return day.description + "T" + twoDigits(time.hour) + ":" + twoDigits(time.minute)
    }

    /// `yyyy-MM` (a plan's start or due month), or nil: 2027/03, 2027-03, 2027年3月, 202703,
    /// 令和9年3月, R9.3, full-width digits.
    public static func month(_ text: String) -> String? {
        var reader = Reader(text)
        guard let month = reader.month(), reader.atEnd() else { return nil }
        return String(month.year) + "-" + twoDigits(month.month)
    }

    /// A stored `yyyy-MM` as a month field shows it (2027/03, 2027-03); other text unchanged.
    public static func display(month text: String, _ locale: AppLocale) -> String {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2, let year = Int(pieces[0]), let month = Int(pieces[1]), (1...12).contains(month)
        else { return text }
        return String(year) + (locale == .ja ? "/" : "-") + twoDigits(month)
    }

    /// A day as a date field shows it: 2026/12/03 in Japanese, 2026-12-03 (ISO, read the same
    /// way everywhere) in English.
    public static func format(_ day: Day, _ locale: AppLocale) -> String {
        let separator = locale == .ja ? "/" : "-"
        return String(day.year) + separator + twoDigits(day.month) + separator + twoDigits(day.day)
    }

    /// A stored `yyyy-MM-dd` as a date field shows it; any other text (what a person typed and
    /// was refused) is returned unchanged.
    public static func display(date text: String, _ locale: AppLocale) -> String {
        guard let day = Day(text) else { return text }
        return format(day, locale)
    }

    /// A stored `yyyy-MM-ddTHH:mm` as a date-time field shows it (2026/12/03 14:30,
    /// 2026-12-03 14:30); any other text is returned unchanged.
    public static func display(dateTime text: String, _ locale: AppLocale) -> String {
        let pieces = text.split(separator: "T", omittingEmptySubsequences: false)
        guard pieces.count == 2, let day = Day(String(pieces[0])) else { return text }
        let time = pieces[1].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2, time[0].count == 2, time[1].count == 2,
              let hour = Int(time[0]), let minute = Int(time[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return text }
        return format(day, locale) + " " + twoDigits(hour) + ":" + twoDigits(minute)
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// One character of typed text as the reader sees it: full-width ASCII made half-width,
    /// every kind of space a space, dashes and the long vowel mark a hyphen, the era ligatures
    /// (㋿ ㍻ ㍼) spelled out, letters upper case.
    static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let value = scalar.value
        switch value {
        case 0xFF01...0xFF5E:
            guard let halfWidth = Unicode.Scalar(value - 0xFEE0) else { return [scalar] }
            return folded(halfWidth)
        case 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x3000:
            return [" "]
        case 0x2010...0x2015, 0x2212, 0x30FC, 0xFF70, 0xFE63:
            return ["-"]
        case 0x32FF:
            return Array("令和".unicodeScalars)
        case 0x337B:
            return Array("平成".unicodeScalars)
        case 0x337C:
            return Array("昭和".unicodeScalars)
        case 0x61...0x7A:
            return [Unicode.Scalar(UInt8(value - 0x20))]
        default:
            return [scalar]
        }
    }
}

/// Reads a date and a time token by token; spaces between tokens are skipped.
private struct Reader {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars { scalars.append(contentsOf: DateInput.folded(scalar)) }
        self.scalars = scalars
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func atEnd() -> Bool {
        skipSpaces()
        return position >= scalars.count
    }

    private mutating func skipSpaces() {
        while let scalar = current, scalar == " " { position += 1 }
    }

    /// Takes `text` when it comes next (after spaces).
    private mutating func take(_ text: String) -> Bool {
        skipSpaces()
        let wanted = Array(text.unicodeScalars)
        guard !wanted.isEmpty, position + wanted.count <= scalars.count,
              Array(scalars[position..<(position + wanted.count)]) == wanted else { return false }
        position += wanted.count
        return true
    }

    /// A run of ASCII digits (after spaces).
    private mutating func digits() -> [Int]? {
        skipSpaces()
        var values: [Int] = []
        while let scalar = current, (48...57).contains(scalar.value) {
            values.append(Int(scalar.value - 48))
            position += 1
        }
        return values.isEmpty ? nil : values
    }

    private static func number<Digits: Sequence>(_ digits: Digits) -> Int where Digits.Element == Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    private mutating func era() -> JapaneseEra? {
        for era in JapaneseEra.allCases {
            if take(era.name) { return era }
            if take(era.letter) { return era }
        }
        return nil
    }

    /// A date: [era] year, month, day, with 年月日 or one of / - . between them.
    mutating func date() -> Day? {
        let era = self.era()
        let year: Int
        var firstYear = false
        if era != nil { firstYear = take("元") }
        if firstYear {
            year = 1
        } else {
            guard let run = digits() else { return nil }
            if era == nil && (run.count == 8 || run.count == 12) {
                // 20261203, or 202612031430 whose last four digits are the time.
                if run.count == 12 { position -= 4 }
                guard let day = Self.day(year: Self.number(run[0..<4]), month: Self.number(run[4..<6]), day: Self.number(run[6..<8]), era: nil)
                else { return nil }
                return weekday(after: day)
            }
            guard era == nil ? run.count == 4 : run.count <= 2 else { return nil }
            year = Self.number(run)
        }
        let kanji = take("年")
        var separator = ""
        if !kanji {
            for candidate in ["/", "-", "."] where separator.isEmpty {
                if take(candidate) { separator = candidate }
            }
            guard !separator.isEmpty else { return nil }
        }
        guard let month = digits(), month.count <= 2 else { return nil }
        guard take(kanji ? "月" : separator) else { return nil }
        guard let dayOfMonth = digits(), dayOfMonth.count <= 2 else { return nil }
        if kanji { _ = take("日") }
        guard let day = Self.day(year: year, month: Self.number(month), day: Self.number(dayOfMonth), era: era) else { return nil }
        return weekday(after: day)
    }

    /// A month: [era] year and month, with 年月 or one of / - . between them, or six digits.
    mutating func month() -> (year: Int, month: Int)? {
        let era = self.era()
        let year: Int
        if era != nil && take("元") {
            year = 1
        } else {
            guard let run = digits() else { return nil }
            if era == nil && run.count == 6 {
                return Self.month(year: Self.number(run[0..<4]), month: Self.number(run[4..<6]), era: nil)
            }
            guard era == nil ? run.count == 4 : run.count <= 2 else { return nil }
            year = Self.number(run)
        }
        let kanji = take("年")
        if !kanji {
            guard take("/") || take("-") || take(".") else { return nil }
        }
        guard let month = digits(), month.count <= 2 else { return nil }
        if kanji { _ = take("月") }
        return Self.month(year: year, month: Self.number(month), era: era)
    }

    /// A month that exists; with an era, one the era covers on at least one day.
    private static func month(year: Int, month: Int, era: JapaneseEra?) -> (year: Int, month: Int)? {
        guard year >= 1, (1...12).contains(month) else { return nil }
        let western = era.map { $0.westernYear(year) } ?? year
        guard (1000...9999).contains(western) else { return nil }
        if let era, !era.contains(Day(western, month, 1)), !era.contains(Day(western, month, 28)) { return nil }
        return (western, month)
    }

    private static func day(year: Int, month: Int, day: Int, era: JapaneseEra?) -> Day? {
        guard year >= 1 else { return nil }
        let western = era.map { $0.westernYear(year) } ?? year
        guard let result = Day(String(western) + "-" + DateInput.twoDigits(month) + "-" + DateInput.twoDigits(day)) else { return nil }
        if let era, !era.contains(result) { return nil }
        return result
    }

    private static let japaneseWeekdays = ["日", "月", "火", "水", "木", "金", "土"]
    private static let englishWeekdays = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]

    /// An optional weekday in brackets after a date, accepted only when it is the date's own
    /// (a mismatch means one of the two was mistyped).
    private mutating func weekday(after day: Day) -> Day? {
        guard take("(") else { return day }
        var name: [Unicode.Scalar] = []
        while let scalar = current, scalar != ")" {
            name.append(scalar)
            position += 1
        }
        guard take(")") else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: name)
        text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        guard let weekday = Self.weekday(named: text), weekday == day.weekday else { return nil }
        return day
    }

    /// 1 = Sunday … 7 = Saturday, as `Day.weekday`.
    private static func weekday(named text: String) -> Int? {
        for (index, name) in japaneseWeekdays.enumerated() where text == name || text == name + "曜" || text == name + "曜日" {
            return index + 1
        }
        guard text.count >= 3 else { return nil }
        for (index, name) in englishWeekdays.enumerated() where name.hasPrefix(text) { return index + 1 }
        return nil
    }

    mutating func skipDateTimeSeparator() {
        _ = take("T")
    }

    /// A time: 14:30, 14:30:15, 14時30分, 14時, 14時半, 1430 (24-hour).
    mutating func time() -> (hour: Int, minute: Int)? {
        guard let run = digits(), run.count <= 4 else { return nil }
        let hour: Int
        let minute: Int
        if run.count >= 3 {
            hour = Self.number(run.dropLast(2))
            minute = Self.number(run.suffix(2))
        } else if take(":") {
            guard let minutes = digits(), minutes.count == 2 else { return nil }
            hour = Self.number(run)
            minute = Self.number(minutes)
            if take(":") {
                guard let seconds = digits(), seconds.count == 2, Self.number(seconds) < 60 else { return nil }
            }
        } else if take("時") {
            hour = Self.number(run)
            if take("半") {
                minute = 30
            } else if let minutes = digits() {
                guard minutes.count <= 2, take("分") else { return nil }
                minute = Self.number(minutes)
            } else {
                minute = 0
            }
        } else {
            return nil
        }
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }
}
