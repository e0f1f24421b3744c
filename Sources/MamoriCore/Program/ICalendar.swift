import Foundation

/// A minimal iCalendar (RFC 5545) writer for the experts' visit feed: text escaped, lines
/// folded at 75 octets, CRLF line ends, times in UTC.
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public let uid: String
        public let start: Date
        public let end: Date
        public let summary: String
        public let location: String?
        public let description: String?
        public let url: String?
        /// An all-day event on this Tokyo date (a due date), instead of `start`…`end`.
        public var allDay: Day? = nil
        /// Display alarms, in hours before the event's start (RFC 5545 VALARM).
        public var alarmHoursBefore: [Int] = []

        public init(uid: String, start: Date, end: Date, summary: String, location: String?, description: String?, url: String?) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.url = url
        }

        /// A whole-day event, e.g. a legal deadline, with alarms before it.
        public init(uid: String, day: Day, summary: String, description: String?, url: String?, alarmHoursBefore: [Int]) {
            self.init(uid: uid, start: day.noon, end: day.noon, summary: summary, location: nil, description: description, url: url)
            self.allDay = day
            self.alarmHoursBefore = alarmHoursBefore
        }
    }

    public static func calendar(name: String, events: [Event], now: Date = Date()) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mamori//Visits//JA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Asia/Tokyo"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(now)]
            if let day = event.allDay {
                // DTEND of an all-day event is exclusive: the next day.
                lines += ["DTSTART;VALUE=DATE:" + compact(day), "DTEND;VALUE=DATE:" + compact(day.adding(days: 1))]
            } else {
                lines += ["DTSTART:" + utc(event.start), "DTEND:" + utc(event.end)]
            }
            lines.append("SUMMARY:" + escape(event.summary))
            if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escape(location)) }
            if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:" + escape(description)) }
            if let url = event.url, !url.isEmpty { lines.append("URL:" + url.filter { !$0.isNewline }) }
            for hours in event.alarmHoursBefore {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(event.summary), "TRIGGER;RELATED=START:-PT\(hours)H", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Backslash, semicolon, comma and line breaks are escaped in TEXT values.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r\n", "\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a
    /// UTF-8 character (Japanese text is 3 octets a character).
    public static func fold(_ line: String) -> String {
        var folded = "", current = 0
        for character in line {
            let size = String(character).utf8.count
            if current + size > 75 {
                folded += "\r\n "
                current = 1
            }
            folded.append(character)
            current += size
        }
        return folded
    }

    static func compact(_ day: Day) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }
}
