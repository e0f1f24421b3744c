import Foundation
import Testing
@testable import MamoriCore

@Suite("Risk arithmetic (IPA SME guideline)")
struct RiskRulesTableTests {
    @Test("damage likelihood: the full 3×3 table of threat likelihood × vulnerability", arguments: [
        (1, 1, 1), (1, 2, 1), (1, 3, 1),
        (2, 1, 1), (2, 2, 1), (2, 3, 2),
        (3, 1, 1), (3, 2, 2), (3, 3, 3),
    ])
    func damageLikelihood(threat: Int, vulnerability: Int, expected: Int) {
        #expect(RiskRules.damageLikelihood(threat: threat, vulnerability: vulnerability) == expected)
    }

    @Test("importance is the highest of confidentiality, integrity and availability", arguments: [
        (1, 1, 1, 1), (3, 1, 1, 3), (1, 2, 1, 2), (1, 1, 3, 3), (2, 3, 2, 3), (2, 2, 1, 2), (1, 1, 2, 2), (3, 3, 3, 3),
    ])
    func importance(confidentiality: Int, integrity: Int, availability: Int, expected: Int) {
        #expect(RiskRules.importance(confidentiality: confidentiality, integrity: integrity, availability: availability) == expected)
    }

    @Test("risk value = importance × damage likelihood, with its band, for all 9 combinations", arguments: [
        (1, 1, 1, RiskRules.Band.small), (1, 2, 2, .small), (1, 3, 3, .small),
        (2, 1, 2, .small), (2, 2, 4, .medium), (2, 3, 6, .large),
        (3, 1, 3, .small), (3, 2, 6, .large), (3, 3, 9, .large),
    ])
    func riskValue(importance: Int, damage: Int, value: Int, band: RiskRules.Band) {
        let computed = RiskRules.riskValue(importance: importance, damageLikelihood: damage)
        #expect(computed == value)
        #expect(RiskRules.Band.of(computed) == band)
    }

    @Test("the values importance × damage likelihood can take, in order")
    func allValues() {
        let values = [1, 2, 3].flatMap { importance in [1, 2, 3].map { RiskRules.riskValue(importance: importance, damageLikelihood: $0) } }
        #expect(values == [1, 2, 3, 2, 4, 6, 3, 6, 9])
        #expect(Set(values) == [1, 2, 3, 4, 6, 9])
    }

    @Test("bands of every value that occurs: 1–3 small, 4 medium, 6 and 9 large", arguments: [
        (1, RiskRules.Band.small), (2, .small), (3, .small), (4, .medium), (6, .large), (9, .large),
    ])
    func bandOf(value: Int, band: RiskRules.Band) {
        #expect(RiskRules.Band.of(value) == band)
    }

    @Test("bands are ordered small < medium < large")
    func bandOrder() {
        #expect(RiskRules.Band.small < .medium)
        #expect(RiskRules.Band.medium < .large)
        #expect(!(RiskRules.Band.large < .small))
        #expect([RiskRules.Band.large, .small, .medium].sorted() == [.small, .medium, .large])
    }

    @Test("ratings accepted as text: 1–3, full-width digits and surrounding spaces", arguments: [
        ("1", 1), ("2", 2), ("3", 3), ("３", 3), ("１", 1), (" 2 ", 2),
    ])
    func ratingAccepted(raw: String, expected: Int) {
        #expect(RiskRules.rating(.integer(raw)) == .success(expected))
    }

    @Test("ratings refused with the problem named", arguments: [
        ("", FieldProblem.required), ("   ", .required),
        ("0", .outOfRange(minimum: 1, maximum: 3)), ("4", .outOfRange(minimum: 1, maximum: 3)), ("-1", .outOfRange(minimum: 1, maximum: 3)),
        ("４", .outOfRange(minimum: 1, maximum: 3)),
        ("x", .notANumber), ("1.5", .notANumber), ("高", .notANumber),
    ])
    func ratingRefused(raw: String, problem: FieldProblem) {
        #expect(RiskRules.rating(.integer(raw)) == .failure(problem))
    }

    @Test("a missing rating is required")
    func ratingMissing() {
        #expect(RiskRules.rating(.integer(nil)) == .failure(.required))
    }

    @Test("an assessment computes damage likelihood, value and band", arguments: [
        (3, 3, 3, 3, 9, RiskRules.Band.large),
        (3, 3, 2, 2, 6, .large),
        (2, 3, 3, 3, 6, .large),
        (2, 2, 3, 2, 4, .medium),
        (3, 1, 3, 1, 3, .small),
        (1, 3, 3, 3, 3, .small),
        (1, 1, 1, 1, 1, .small),
        (2, 2, 2, 1, 2, .small),
    ])
    func assessment(importance: Int, threat: Int, vulnerability: Int, damage: Int, value: Int, band: RiskRules.Band) {
        let assessment = RiskRules.Assessment(importance: importance, threat: threat, vulnerability: vulnerability)
        #expect(assessment.importance == importance)
        #expect(assessment.threat == threat)
        #expect(assessment.vulnerability == vulnerability)
        #expect(assessment.damageLikelihood == damage)
        #expect(assessment.value == value)
        #expect(assessment.band == band)
    }

    @Test("assessments with the same inputs are equal")
    func assessmentEquality() {
        #expect(RiskRules.Assessment(importance: 2, threat: 3, vulnerability: 1) == RiskRules.Assessment(importance: 2, threat: 3, vulnerability: 1))
        #expect(RiskRules.Assessment(importance: 2, threat: 3, vulnerability: 1) != RiskRules.Assessment(importance: 3, threat: 3, vulnerability: 1))
    }
}

@Suite("The threat catalog")
struct RiskCatalogTests {
    static let keys = ["malware", "unauthorized_access", "theft_loss", "eavesdropping", "operating_mistake", "failure_disaster", "insider_misuse"]

    @Test("the bundled catalog has the seven threats, each with a name in both languages")
    func bundled() {
        let catalog = RiskCatalog.bundled
        #expect(catalog.threats.count == 7)
        #expect(Set(catalog.threats.map(\.key)) == Set(Self.keys))
        for key in Self.keys {
            let threat = catalog.threat(key)
            #expect(threat != nil, "\(key)")
            #expect(threat?.name.ja.isEmpty == false, "\(key)")
            #expect(threat?.name.en.isEmpty == false, "\(key)")
        }
        #expect(catalog.threat("台風") == nil)
        #expect(catalog.likelihood.map(\.value) == [1, 2, 3])
        #expect(catalog.vulnerability.map(\.value) == [1, 2, 3])
        #expect(catalog.confidentiality.map(\.value) == [1, 2, 3])
        #expect(catalog.integrity.map(\.value) == [1, 2, 3])
        #expect(catalog.availability.map(\.value) == [1, 2, 3])
    }

    @Test("name() gives the catalog name of a key and the text itself for a typed threat")
    func names() {
        for key in Self.keys {
            let name = RiskCatalog.name(key)
            #expect(name == RiskCatalog.bundled.threat(key)?.name, "\(key)")
            #expect(name.ja != key, "\(key) has a Japanese name")
        }
        #expect(RiskCatalog.name("台風による浸水") == LocalizedText(ja: "台風による浸水", en: "台風による浸水"))
        #expect(RiskCatalog.name("USB memory") == LocalizedText(ja: "USB memory", en: "USB memory"))
    }
}

@Suite("Plan months")
struct PlanMonthTests {
    @Test("yyyy-MM is read")
    func parse() throws {
        let month = try #require(PlanMonth("2027-03"))
        #expect(month.year == 2027)
        #expect(month.month == 3)
        #expect(month.description == "2027-03")
        #expect(PlanMonth(" 2027-03 ") == month)
        #expect(PlanMonth(year: 2027, month: 3) == month)
        #expect(PlanMonth("2026-12")?.description == "2026-12")
    }

    @Test("other shapes are refused", arguments: ["2027-3", "27-03", "2027-13", "2027/03", "2027-00", "", "2027", "2027-03-01", "abcd-ef", "1999-12"])
    func refused(text: String) {
        #expect(PlanMonth(text) == nil)
    }

    @Test("adding months crosses year ends both ways", arguments: [
        ("2026-12", 1, "2027-01"), ("2026-12", 2, "2027-02"), ("2026-12", 11, "2027-11"), ("2026-12", 13, "2028-01"),
        ("2027-01", -1, "2026-12"), ("2027-05", 0, "2027-05"), ("2027-11", 25, "2029-12"),
    ])
    func adding(start: String, months: Int, expected: String) throws {
        let month = try #require(PlanMonth(start))
        #expect(month.adding(months: months).description == expected)
    }

    @Test("months(to:) counts whole months, negative when earlier", arguments: [
        ("2026-12", "2027-02", 2), ("2027-05", "2026-12", -5), ("2027-03", "2027-03", 0), ("2026-01", "2027-01", 12),
    ])
    func monthsBetween(from: String, to: String, expected: Int) throws {
        let start = try #require(PlanMonth(from))
        let end = try #require(PlanMonth(to))
        #expect(start.months(to: end) == expected)
    }

    @Test("months are ordered")
    func order() throws {
        let december = try #require(PlanMonth("2026-12"))
        let january = try #require(PlanMonth("2027-01"))
        #expect(december < january)
        #expect(!(january < december))
        #expect([january, december].sorted() == [december, january])
    }

    @Test("the month of a day")
    func ofDay() {
        #expect(PlanMonth(Day(2027, 2, 28)).description == "2027-02")
    }
}

@Suite("Proposing and scheduling the one-year plan")
struct PlanRulesTests {
    static let december = PlanMonth("2026-12")!

    static func gap(_ origin: GapOrigin, _ key: String, _ urgency: GapUrgency) -> Gap {
        Gap(origin: origin, key: key, title: LocalizedText(ja: "\(origin.rawValue) \(key)", en: "\(origin.rawValue) \(key)"), urgency: urgency)
    }

    @Test("schedule from 2026-12 for each urgency", arguments: [
        (GapUrgency.high, "2026-12", "2027-02"),
        (.medium, "2027-01", "2027-05"),
        (.low, "2027-05", "2027-11"),
    ])
    func schedule(urgency: GapUrgency, start: String, due: String) {
        let (first, last) = PlanRules.schedule(urgency, from: Self.december)
        #expect(first.description == start)
        #expect(last.description == due)
        #expect(Self.december.months(to: last) <= 11, "within the next 12 months")
    }

    /// Deliberately shuffled: every origin and urgency, two high risks in a given order.
    static let mixed: [Gap] = [
        gap(.telework, "1", .medium),
        gap(.risk, "r1", .high),
        gap(.diagnosis, "10", .low),
        gap(.rules, "people", .medium),
        gap(.diagnosis, "1", .high),
        gap(.risk, "r2", .medium),
        gap(.telework, "14", .low),
        gap(.diagnosis, "20", .medium),
        gap(.risk, "r0", .high),
        gap(.rules, "organization", .low),
    ]

    static let expectedOrder = [
        "diagnosis:1", "risk:r1", "risk:r0",
        "diagnosis:20", "rules:people", "risk:r2", "telework:1",
        "diagnosis:10", "rules:organization", "telework:14",
    ]

    @Test("propose orders by urgency, then diagnosis → rules → risk → telework, keeping each source's order")
    func prioritized() {
        let proposed = PlanRules.propose(Self.mixed, existing: [], from: Self.december)
        #expect(proposed.map { PlanRules.sourceKey($0.gap.origin.rawValue, $0.gap.key) } == Self.expectedOrder)
        #expect(proposed.map(\.priority) == Array(1...10))
        #expect(Gap.prioritized(Self.mixed).map { "\($0.origin.rawValue):\($0.key)" } == Self.expectedOrder)
        for item in proposed {
            let (start, due) = PlanRules.schedule(item.gap.urgency, from: Self.december)
            #expect(item.start == start, "\(item.gap.key)")
            #expect(item.due == due, "\(item.gap.key)")
        }
        let first = proposed[0]
        #expect(first.gap.urgency == .high)
        #expect(first.start.description == "2026-12" && first.due.description == "2027-02")
        let last = proposed[proposed.count - 1]
        #expect(last.gap.urgency == .low)
        #expect(last.start.description == "2027-05" && last.due.description == "2027-11")
    }

    @Test("propose skips gaps the plan already holds and numbers the rest after priorityAfter")
    func skipsExisting() {
        let existing: Set<String> = ["diagnosis:1", "rules:people", "telework:14", "risk:unknown"]
        let proposed = PlanRules.propose(Self.mixed, existing: existing, from: Self.december, priorityAfter: 4)
        #expect(proposed.map { "\($0.gap.origin.rawValue):\($0.gap.key)" } == Self.expectedOrder.filter { !existing.contains($0) })
        #expect(proposed.map(\.priority) == Array(5...11))
        #expect(!proposed.contains { $0.gap.origin == .diagnosis && $0.gap.key == "1" })
    }

    @Test("the key is kind:key, so the same key from another source is not held")
    func keyIncludesKind() {
        #expect(PlanRules.sourceKey("diagnosis", "1") == "diagnosis:1")
        let proposed = PlanRules.propose([Self.gap(.telework, "1", .medium), Self.gap(.diagnosis, "1", .high)], existing: ["telework:1"], from: Self.december)
        #expect(proposed.map(\.gap.origin) == [.diagnosis])
        #expect(proposed.map(\.priority) == [1])
    }

    @Test("nothing to propose when everything is held or there are no gaps")
    func nothingNew() {
        #expect(PlanRules.propose([], existing: [], from: Self.december).isEmpty)
        #expect(PlanRules.propose(Self.mixed, existing: Set(Self.expectedOrder), from: Self.december, priorityAfter: 10).isEmpty)
    }

    @Test("overdue: open items whose due month has passed", arguments: [
        (PlanRules.Status.notStarted, "2027-02", true),
        (.inProgress, "2027-02", true),
        (.inProgress, "2026-11", true),
        (.done, "2027-02", false),
        (.dropped, "2027-02", false),
        (.notStarted, "2027-03", false),
        (.inProgress, "2027-03", false),
        (.notStarted, "2027-04", false),
        (.done, "2027-04", false),
    ])
    func overdue(status: PlanRules.Status, due: String, expected: Bool) throws {
        let today = try #require(PlanMonth("2027-03"))
        let dueMonth = try #require(PlanMonth(due))
        #expect(PlanRules.isOverdue(status: status, due: dueMonth, today: today) == expected)
    }

    @Test("statuses have the API's raw values")
    func statusValues() {
        #expect(PlanRules.Status.allCases.map(\.rawValue) == ["not_started", "in_progress", "done", "dropped"])
        #expect(GapOrigin.allCases.map(\.rawValue) == ["diagnosis", "rules", "risk", "telework"])
        #expect(GapUrgency.high < .medium && GapUrgency.medium < .low)
    }
}
