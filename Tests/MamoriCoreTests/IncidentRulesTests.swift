import Foundation
import Testing
@testable import MamoriCore

@Suite("Japanese holidays and administrative deadlines")
struct CalendarTests {
    /// The published national holidays (Cabinet Office), substitute and citizens' holidays included.
    static let published: [Int: [String]] = [
        2025: ["01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06",
               "07-21", "08-11", "09-15", "09-23", "10-13", "11-03", "11-23", "11-24"],
        2026: ["01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06",
               "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23"],
        2027: ["01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29", "05-03", "05-04", "05-05",
               "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23"],
    ]

    @Test("the holiday calendar matches the published holidays of 2025–2027", arguments: [2025, 2026, 2027])
    func published(year: Int) {
        let computed = JapaneseHolidays.holidays(in: year).keys.map { String($0.description.dropFirst(5)) }.sorted()
        #expect(computed == Self.published[year]!)
    }

    @Test("22 September 2026 is a citizens' holiday; 6 May 2026 a substitute holiday")
    func kinds() {
        #expect(JapaneseHolidays.holidays(in: 2026)[Day(2026, 9, 22)] == .citizens)
        #expect(JapaneseHolidays.holidays(in: 2026)[Day(2026, 5, 6)] == .substitute)
        #expect(JapaneseHolidays.holidays(in: 2026)[Day(2026, 11, 23)] == .national)
    }

    @Test("the 2019–2021 exceptions", arguments: [
        ("2019-05-01", true), ("2019-10-22", true), ("2019-12-23", false), ("2020-07-24", true), ("2020-10-12", false),
        ("2020-08-10", true), ("2021-07-23", true), ("2021-08-09", true), ("2021-10-11", false), ("2018-12-23", true),
    ])
    func exceptions(date: String, holiday: Bool) {
        #expect(JapaneseHolidays.isHoliday(Day(date)!) == holiday)
    }

    @Test("deadlines move past weekends, holidays and the year-end closure", arguments: [
        // (awareness, days, nominal, due)
        ("2026-04-01", 60, "2026-05-31", "2026-06-01"),    // Sunday → Monday
        ("2026-04-01", 5, "2026-04-06", "2026-04-06"),     // a Monday stays
        ("2026-04-01", 30, "2026-05-01", "2026-05-01"),    // Friday before Golden Week
        ("2026-04-02", 30, "2026-05-02", "2026-05-07"),    // Sat, Sun 3rd, 4th, 5th, substitute 6th → Thursday 7th
        ("2026-08-23", 30, "2026-09-22", "2026-09-24"),    // citizens' holiday 22nd and equinox 23rd
        ("2026-11-29", 30, "2026-12-29", "2027-01-04"),    // 29 Dec – 3 Jan closure
        ("2026-12-02", 30, "2027-01-01", "2027-01-04"),
        ("2027-02-19", 30, "2027-03-21", "2027-03-23"),    // equinox on Sunday, substitute Monday 22nd
        ("2026-10-15", 30, "2026-11-14", "2026-11-16"),    // Saturday → Monday
    ])
    func deadlines(aware: String, days: Int, nominal: String, due: String) {
        let deadline = AdministrativeCalendar.deadline(from: Day(aware)!, days: days)
        #expect(deadline.nominal.description == nominal)
        #expect(deadline.due.description == due)
    }
}

@Suite("Notification duties")
struct NotificationDutiesTests {
    typealias Data = NotificationDuties.PersonalData
    static let aware = ISO8601DateFormatter().date(from: "2026-04-01T01:00:00Z")!     // 10:00 in Tokyo

    func facts(_ data: Data, kind: IncidentKind = .informationLeak, ransomware: Bool = false, crime: Bool = false, lost: Bool = false,
               delegated: String? = nil) -> NotificationDuties.Facts {
        .init(kind: kind, awareAt: Self.aware, personalData: data, ransomware: ransomware, crimeSuspected: crime, lostOrStolenOutside: lost,
              ppcPowersDelegatedTo: delegated)
    }

    @Test("each PPC category alone makes a leak reportable", arguments: [
        (Data(involved: true, persons: 1, specialCare: true), NotificationDuties.ReportableReason.specialCare),
        (Data(involved: true, persons: 1, financialDamageRisk: true), .financialDamage),
        (Data(involved: true, persons: 1, wrongfulIntent: true), .wrongfulIntent),
        (Data(involved: true, persons: 1001), .over1000Persons),
    ])
    func categories(data: Data, reason: NotificationDuties.ReportableReason) {
        let result = NotificationDuties.compute(facts(data))
        #expect(result.reportableToPPC)
        #expect(result.reportableReasons == [reason])
        #expect(result.duties.filter { $0.recipient == .ppc }.map(\.action) == [NotificationDuties.Action.preliminaryReport, .finalReport])
    }

    @Test("1,000 persons is not reportable, 1,001 is")
    func thousand() {
        #expect(!NotificationDuties.compute(facts(Data(involved: true, persons: 1000))).reportableToPPC)
        #expect(NotificationDuties.compute(facts(Data(involved: true, persons: 1001))).reportableToPPC)
    }

    @Test("protected (encrypted or pseudonymized) data is exempt; persons are still advised to be told")
    func protectedData() {
        let result = NotificationDuties.compute(facts(Data(involved: true, persons: 5000, specialCare: true, protected: true)))
        #expect(!result.reportableToPPC)
        #expect(result.duties.first { $0.recipient == .affectedPersons }?.required == false)
    }

    @Test("final report: 30 days, 60 with wrongful intent; the issue's example dates")
    func finalDays() {
        let example = NotificationDuties.compute(facts(Data(involved: true, persons: 1200, wrongfulIntent: true), crime: true))
        #expect(example.reportableReasons == [.wrongfulIntent, .over1000Persons])
        #expect(example.duties[0].action == .preliminaryReport && example.duties[0].due?.day.description == "2026-04-06")
        #expect(example.duties[1].action == .finalReport && example.duties[1].due?.day.description == "2026-06-01")
        #expect(example.duties[1].due?.nominal.description == "2026-05-31")
        let thirty = NotificationDuties.compute(facts(Data(involved: true, persons: 3, specialCare: true)))
        #expect(thirty.duties[1].due?.day.description == "2026-05-01" && thirty.duties[1].basis == .appiFinal30)
    }

    @Test("a sector whose powers the PPC delegated reports to that ministry instead")
    func delegated() {
        let result = NotificationDuties.compute(facts(Data(involved: true, persons: 2, financialDamageRisk: true), delegated: "金融庁"))
        #expect(result.duties.filter { $0.recipient == .ppc }.isEmpty)
        let ministry = result.duties.filter { $0.recipient == .ministry }
        #expect(ministry.map(\.action) == [NotificationDuties.Action.preliminaryReport, .finalReport])
        #expect(ministry.allSatisfy { $0.authority == "金融庁" })
    }

    @Test("police for ransomware, crime and loss outside; IPA for viruses and unauthorized access", arguments: [
        (IncidentKind.ransomware, false, false, NotificationDuties.Recipient.police, true),
        (.systemOutage, true, false, .police, true),
        (.lossTheft, false, true, .police, true),
        (.virusInfection, false, false, .ipa, true),
        (.unauthorizedAccess, false, false, .ipa, true),
        (.systemOutage, false, false, .police, false),
        (.systemOutage, false, false, .ipa, false),
    ])
    func otherRecipients(kind: IncidentKind, crime: Bool, lost: Bool, recipient: NotificationDuties.Recipient, expected: Bool) {
        let result = NotificationDuties.compute(facts(Data(involved: false), kind: kind, crime: crime, lost: lost))
        #expect(result.duties.contains { $0.recipient == recipient } == expected)
    }

    @Test("ransomware with personal data counts as wrongful intent (60-day final report)")
    func ransomwareWrongful() {
        let result = NotificationDuties.compute(facts(Data(involved: true, persons: 10), kind: .ransomware))
        #expect(result.reportableReasons == [.wrongfulIntent])
        #expect(result.duties.first { $0.action == .finalReport }?.due?.countedDays == 60)
    }
}

@Suite("Contact directory")
struct ContactDirectoryTests {
    @Test("search folds full-width, half-width and katakana, and ignores hyphens in numbers", arguments: [
        "ﾗﾝｻﾑｳｪｱ", "らんさむうぇあ", "ランサムウェア", "ＩＰＡ　ランサム", "0359787509", "03-5978-7509",
    ])
    func folding(query: String) {
        #expect(!ContactDirectory.bundled.search(query, category: nil).isEmpty, "\(query)")
    }

    @Test("every contact names a defined category, a source seed and a date; phone numbers are as in the seeds")
    func content() {
        let directory = ContactDirectory.bundled
        let categories = Set(directory.categories.map(\.key))
        for contact in directory.contacts {
            #expect(categories.contains(contact.category), "\(contact.id)")
            #expect(!contact.sourceSeed.isEmpty && !contact.asOf.isEmpty)
            if let url = contact.url { #expect(url.hasPrefix("http")) }
        }
        #expect(directory.contact("ipa-anshin-soudan")?.phone == "03-5978-7509")
        #expect(directory.contact("houterasu")?.phone == "0570-078374")
        #expect(directory.contact("tokyo-tcyss")?.phone == "03-5320-4773")
        #expect(directory.contact("ipa-bec-page")?.phone == "03-5978-7535")
        #expect(directory.search(nil, category: "ransomware").count == directory.contacts.filter { $0.category == "ransomware" }.count)
    }
}

@Suite("Playbook content")
struct PlaybookContentTests {
    @Test("each seed playbook covers all three steps; other kinds use the general steps; point contacts exist")
    func playbooks() {
        let content = PlaybookContent.bundled
        for kind in [IncidentKind.virusInfection, .ransomware, .systemOutage, .informationLeak] {
            #expect(content.playbook(for: kind).kind == kind.rawValue)
            #expect(Set(content.playbook(for: kind).points.map(\.step)) == [1, 2, 3])
        }
        #expect(content.playbook(for: .phishingBEC).kind == "general")
        #expect(content.recordItems.map(\.key) == ["category", "organization", "responsible_people", "noticed_at", "occurred_at",
                                                    "observed_impact", "response_timeline", "suspected_cause", "affected_assets", "security_tools"])
        let ids = content.playbooks.flatMap(\.points).flatMap(\.contactIds)
        #expect(!ids.isEmpty)
        for id in ids { #expect(ContactDirectory.bundled.contact(id) != nil, "\(id)") }
        #expect(content.firstAid.count == 6)
    }
}

@Suite("The PPC preliminary report is never moved later")
struct PreliminaryReportTests {
    /// Awareness on a weekday before a weekend or holiday: the target stays on the fifth day;
    /// the final report keeps the administrative-holiday rule.
    @Test("the fifth day after awareness, even on a weekend or holiday", arguments: [
        ("2026-12-01", "2026-12-06", "2026-12-31", "2027-01-04"),
        ("2026-04-06", "2026-04-11", "2026-05-06", "2026-05-07"),
        ("2026-08-23", "2026-08-28", "2026-09-22", "2026-09-24"),
        ("2026-03-31", "2026-04-05", "2026-04-30", "2026-04-30"),
        ("2026-04-01", "2026-04-06", "2026-05-01", "2026-05-01"),
    ])
    func preliminary(_ aware: String, _ preliminary: String, _ nominalFinal: String, _ final: String) throws {
        let day = try #require(Day(aware))
        let facts = NotificationDuties.Facts(kind: .informationLeak, awareAt: day.noon,
                                             personalData: .init(involved: true, persons: 3, specialCare: true))
        let duties = NotificationDuties.compute(facts).duties
        let first = try #require(duties.first { $0.action == .preliminaryReport })
        #expect(first.due?.day.description == preliminary)
        #expect(first.due?.moved == false)
        let last = try #require(duties.first { $0.action == .finalReport })
        #expect(last.due?.nominal.description == nominalFinal)
        #expect(last.due?.day.description == final)
    }
}

@Suite("Timeline notes and IPA reporting")
struct TimelineNoteRulesTests {
    static let now = ISO8601DateFormatter().date(from: "2026-04-01T01:00:00Z")!

    @Test("a note is checked the same for page and API", arguments: [
        // text, occurred, corrects, expected problems (field:problem)
        ("見つけた", TimelineNote.Occurred.now, Int?.none, [String]()),
        ("  前後の空白  ", .now, nil, []),
        ("", .now, nil, ["text:required"]),
        ("   \n ", .now, nil, ["text:required"]),
        (String(repeating: "あ", count: 10_000), .now, nil, []),
        (String(repeating: "あ", count: 10_001), .now, nil, ["text:tooLong"]),
        ("記録", .at(now.addingTimeInterval(-86_400)), nil, []),
        ("記録", .at(now.addingTimeInterval(300)), nil, []),
        ("記録", .at(now.addingTimeInterval(301)), nil, ["occurredAt:inFuture"]),
        ("記録", .unreadable, nil, ["occurredAt:invalidDateTime"]),
        ("訂正", .now, 2, []),
        ("訂正", .now, 9, ["corrects:unknownChoice"]),
        ("訂正", .now, 0, ["corrects:unknownChoice"]),
        ("", .unreadable, 9, ["text:required", "occurredAt:invalidDateTime", "corrects:unknownChoice"]),
    ])
    func note(text: String, occurred: TimelineNote.Occurred, corrects: Int?, expected: [String]) {
        let result = TimelineNote(text: text, occurred: occurred, corrects: corrects).checked(now: Self.now, isEntry: [1, 2, 3].contains)
        switch result {
        case .success(let checked):
            #expect(expected.isEmpty)
            #expect(checked.text == text.trimmingCharacters(in: .whitespacesAndNewlines))
        case .failure(let problems):
            let found = problems.entries.map { entry -> String in
                let name: String = switch entry.problem {
                case .required: "required"
                case .tooLong: "tooLong"
                case .inFuture: "inFuture"
                case .invalidDateTime: "invalidDateTime"
                case .unknownChoice: "unknownChoice"
                default: "\(entry.problem)"
                }
                return "\(entry.field):\(name)"
            }
            #expect(found == expected)
        }
    }

    @Test("IPA takes reports of viruses, unauthorized access and ransomware, also ransomware found in another kind", arguments: [
        (IncidentKind.virusInfection, false, true),
        (.unauthorizedAccess, false, true),
        (.ransomware, false, true),
        (.systemOutage, true, true),
        (.informationLeak, true, true),
        (.systemOutage, false, false),
        (.informationLeak, false, false),
        (.lossTheft, false, false),
    ])
    func ipaReporting(kind: IncidentKind, ransomware: Bool, expected: Bool) {
        let facts = NotificationDuties.Facts(kind: kind, awareAt: Self.now, personalData: .init(involved: false), ransomware: ransomware,
                                             crimeSuspected: false, lostOrStolenOutside: false, ppcPowersDelegatedTo: nil)
        #expect(NotificationDuties.reportableToIPA(facts) == expected)
        #expect(NotificationDuties.compute(facts).duties.contains { $0.recipient == .ipa } == expected)
    }
}
