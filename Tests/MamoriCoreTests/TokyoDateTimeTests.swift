import Foundation
import Testing
@testable import MamoriCore

@Suite("Tokyo date-times typed in forms")
struct TokyoDateTimeTests {
    @Test("datetime-local values are read as Tokyo time", arguments: [
        ("2026-11-20T09:30", "2026-11-20T00:30:00Z"),
        ("2026-01-01T00:00", "2025-12-31T15:00:00Z"),
        ("2026-12-31T23:59", "2026-12-31T14:59:00Z"),
        (" 2026-04-01T10:00 ", "2026-04-01T01:00:00Z"),
        ("2026-04-01T10:00:45", "2026-04-01T01:00:00Z"),
    ])
    func reads(_ text: String, _ utc: String) throws {
        let date = try #require(TokyoDateTime.parse(text))
        #expect(date == ISO8601DateFormatter().date(from: utc))
    }

    @Test("malformed values are refused", arguments: ["", "2026-11-20", "2026-11-20 09:30", "2026-13-01T09:30", "2026-02-30T09:30",
                                                       "2026-11-20T24:00", "2026-11-20T09:60", "tomorrow", "2026-11-20T9"])
    func refuses(_ text: String) {
        #expect(TokyoDateTime.parse(text) == nil)
    }

    @Test("format gives the datetime-local form back in Tokyo")
    func roundTrip() throws {
        let date = try #require(TokyoDateTime.parse("2026-11-20T09:30"))
        #expect(TokyoDateTime.format(date) == "2026-11-20T09:30")
        #expect(TokyoDateTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T09:00")
    }
}
