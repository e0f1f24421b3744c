import Foundation
import Testing
@testable import MamoriCore

@Suite("Guidance program rules")
struct ProgramRulesTests {
    func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test("fiscal years start on 1 April in Tokyo", arguments: [
        ("2026-03-31T14:59:59Z", 2025),   // 23:59:59 on 31 March in Tokyo
        ("2026-03-31T15:00:00Z", 2026),   // 00:00 on 1 April in Tokyo
        ("2027-01-15T00:00:00Z", 2026),
    ])
    func fiscalYear(instant: String, year: Int) {
        #expect(FiscalYear.of(date(instant)) == year)
    }

    @Test("the metropolitan classification of all 47 prefectures")
    func metropolitan() {
        let metropolitan = Set(Prefecture.all.filter(\.isMetropolitan).map(\.code))
        #expect(metropolitan == ["11", "12", "13", "14", "21", "23", "24", "26", "27", "28", "29"])
        for prefecture in Prefecture.all {
            #expect(prefecture.isMetropolitan == metropolitan.contains(prefecture.code), "\(prefecture.name.ja)")
        }
    }

    @Test("the waitlist is in submission order, optionally outside the metropolitan areas first")
    func waitlist() {
        let tokyo = Waitlist.Entry(id: UUID(), submittedAt: date("2026-05-01T00:00:00Z"), prefecture: .withCode("13"))
        let akita = Waitlist.Entry(id: UUID(), submittedAt: date("2026-05-03T00:00:00Z"), prefecture: .withCode("05"))
        let osaka = Waitlist.Entry(id: UUID(), submittedAt: date("2026-05-02T00:00:00Z"), prefecture: .withCode("27"))
        let kochi = Waitlist.Entry(id: UUID(), submittedAt: date("2026-05-04T00:00:00Z"), prefecture: .withCode("39"))
        let entries = [kochi, osaka, akita, tokyo]
        #expect(Waitlist.ordered(entries, preferOutsideMetropolitanAreas: false) == [tokyo, osaka, akita, kochi])
        #expect(Waitlist.ordered(entries, preferOutsideMetropolitanAreas: true) == [akita, kochi, tokyo, osaka])
    }

    @Test("experts are suggested by same prefecture, then same region, then load; full ones are left out")
    func expertRanking() {
        func expert(_ name: String, _ code: String, regions: Set<Prefecture.Region> = [], load: Int, max: Int = 5) -> ExpertMatching.Candidate {
            .init(id: UUID(), name: name, prefecture: .withCode(code), regions: regions, load: load, maximumCompanies: max)
        }
        let sameBusy = expert("A", "04", load: 3)                        // Miyagi, same prefecture
        let sameFree = expert("B", "04", load: 1)
        let regionByHome = expert("C", "02", load: 0)                    // Aomori, Tohoku
        let regionByCoverage = expert("D", "13", regions: [.tohoku], load: 0)
        let elsewhere = expert("E", "40", load: 0)
        let full = expert("F", "04", load: 5, max: 5)
        let ranked = ExpertMatching.rank([elsewhere, full, regionByCoverage, sameBusy, regionByHome, sameFree], for: .withCode("04")!)
        #expect(ranked.map(\.candidate.name) == ["B", "A", "C", "D", "E"])
        #expect(ranked.map(\.proximity) == [.samePrefecture, .samePrefecture, .sameRegion, .sameRegion, .elsewhere])
    }

    @Test("deliverables come from data; missing features say so")
    func deliverables() {
        #expect(Deliverable.status(evidence: true) == .done)
        #expect(Deliverable.status(evidence: false) == .notYet)
        #expect(Deliverable.status(evidence: nil) == .notAvailableYet)
    }

    @Test("statistics: completion, produced results, outside the metropolitan areas, by prefecture and region")
    func statistics() {
        typealias P = ProgramStatistics.Participant
        let participants = [
            P(prefecture: .withCode("13"), status: .accepted, visitsDone: 4, producedResults: true),
            P(prefecture: .withCode("05"), status: .accepted, visitsDone: 4, producedResults: false),
            P(prefecture: .withCode("05"), status: .accepted, visitsDone: 2, producedResults: nil),
            P(prefecture: .withCode("39"), status: .accepted, visitsDone: 4, producedResults: true),
            P(prefecture: .withCode("27"), status: .rejected, visitsDone: 0, producedResults: nil),
            P(prefecture: .withCode("01"), status: .waitlisted, visitsDone: 0, producedResults: nil),
        ]
        let statistics = ProgramStatistics(participants, visitsPerCompany: 4)
        #expect(statistics.applications == 6)
        #expect(statistics.accepted == 4)
        #expect(statistics.visitsDone == 14)
        #expect(statistics.completed == 3)
        #expect(statistics.completionRate == 0.75)
        #expect(statistics.surveysAnswered == 3)
        #expect(statistics.producedResultsShare == 2.0 / 3.0)
        #expect(statistics.outsideMetropolitanShare == 0.75)
        #expect(statistics.byPrefecture["05"]?.applications == 2 && statistics.byPrefecture["05"]?.completed == 1)
        #expect(statistics.byRegion[.tohoku]?.accepted == 2)
        #expect(statistics.byRegion[.kinki]?.accepted == 0)
        #expect(ProgramStatistics([], visitsPerCompany: 4).completionRate == nil)
    }

    @Test("iCalendar text is escaped and long lines are folded without splitting characters")
    func icalendar() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let line = "SUMMARY:" + String(repeating: "訪", count: 40)
        let folded = ICalendar.fold(line)
        for physical in folded.components(separatedBy: "\r\n") {
            #expect(physical.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        let calendar = ICalendar.calendar(name: "Mamori", events: [
            .init(uid: "1@mamori", start: date("2026-11-20T00:30:00Z"), end: date("2026-11-20T02:30:00Z"), summary: "山田商店, 第1回",
                  location: "東京都千代田区", description: nil, url: nil),
        ], now: date("2026-11-01T00:00:00Z"))
        #expect(calendar.contains("DTSTART:20261120T003000Z\r\n"))
        #expect(calendar.contains("SUMMARY:山田商店\\, 第1回\r\n"))
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\n") && calendar.hasSuffix("END:VCALENDAR\r\n"))
    }
}
