import Foundation
import Testing
@testable import MamoriCore

/// Builds answers: `base` everywhere, then the listed overrides.
func answers(_ base: DiagnosisAnswer, _ overrides: [Int: DiagnosisAnswer] = [:]) -> DiagnosisAnswers {
    DiagnosisAnswers(answers: Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, overrides[$0] ?? base) }))!
}

/// `count` items (from item 1) with `answer`, the rest implemented.
func answers(first count: Int, _ answer: DiagnosisAnswer) -> DiagnosisAnswers {
    answers(.implemented, Dictionary(uniqueKeysWithValues: (1...max(count, 1)).prefix(count).map { ($0, answer) }))
}

@Suite("Self-diagnosis scoring")
struct DiagnosisScoringTests {
    @Test("points per answer", arguments: [
        (DiagnosisAnswer.implemented, 4), (.partly, 2), (.notInPlace, 0), (.dontKnow, -1),
    ])
    func points(answer: DiagnosisAnswer, points: Int) {
        #expect(answer.points == points)
        #expect(DiagnosisResult(answers(answer)).total == points * 25)
    }

    @Test("all implemented is 100 and reaches the entry level; all don't know is −25")
    func extremes() {
        let best = DiagnosisResult(answers(.implemented))
        #expect(best.total == 100 && best.band == .entryLevelReached && best.gaps.isEmpty)
        let unknown = DiagnosisResult(answers(.dontKnow))
        #expect(unknown.total == -25 && unknown.band == .atRisk && unknown.gaps.count == 25)
    }

    /// Answers with the given numbers of "not implemented" (−4 each from 100), "don't know" (−5)
    /// and "partly" (−2), the rest implemented.
    static func mix(notInPlace: Int = 0, dontKnow: Int = 0, partly: Int = 0) -> DiagnosisAnswers {
        let sequence = Array(repeating: DiagnosisAnswer.notInPlace, count: notInPlace)
            + Array(repeating: .dontKnow, count: dontKnow) + Array(repeating: .partly, count: partly)
        return answers(.implemented, Dictionary(uniqueKeysWithValues: sequence.enumerated().map { ($0.offset + 1, $0.element) }))
    }

    @Test("band boundaries: 49/50, 69/70, 98/100", arguments: [
        (mix(notInPlace: 11, dontKnow: 1, partly: 1), 49, DiagnosisBand.atRisk),      // 100 − 44 − 5 − 2
        (mix(notInPlace: 12, partly: 1), 50, .gapsStandOut),                           // 100 − 48 − 2
        (mix(notInPlace: 4, dontKnow: 3), 69, .gapsStandOut),                          // 100 − 16 − 15
        (mix(notInPlace: 7, partly: 1), 70, .mostlyDone),                              // 100 − 28 − 2
        (mix(partly: 1), 98, .mostlyDone),
        (mix(dontKnow: 1), 95, .mostlyDone),
        (mix(), 100, .entryLevelReached),
    ])
    func bands(input: DiagnosisAnswers, total: Int, band: DiagnosisBand) {
        let result = DiagnosisResult(input)
        #expect(result.total == total)
        #expect(result.band == band)
    }

    @Test("99 cannot occur: no single change from 100 loses exactly one point less than 2")
    func ninetyNineImpossible() {
        let reachable = Set(DiagnosisAnswer.allCases.flatMap { a in DiagnosisAnswer.allCases.map { b in 92 + a.points + b.points } })
        #expect(!reachable.contains(99))
        #expect(DiagnosisBand.of(total: 99) == .mostlyDone)
    }

    @Test("band of every total", arguments: [(-25, DiagnosisBand.atRisk), (0, .atRisk), (49, .atRisk), (50, .gapsStandOut), (69, .gapsStandOut),
                                             (70, .mostlyDone), (98, .mostlyDone), (100, .entryLevelReached)])
    func bandOf(total: Int, band: DiagnosisBand) {
        #expect(DiagnosisBand.of(total: total) == band)
    }

    @Test("parts are scored separately with their maximums 20, 52 and 28")
    func parts() {
        let result = DiagnosisResult(answers(.implemented, [6: .partly, 19: .notInPlace, 20: .dontKnow]))
        #expect(result.score(of: .basic).score == 20 && result.score(of: .basic).maximum == 20)
        #expect(result.score(of: .employees).score == 50 && result.score(of: .employees).maximum == 52)
        #expect(result.score(of: .organization).score == 19 && result.score(of: .organization).maximum == 28)
        #expect(result.total == 89)
    }

    @Test("gaps: answers 0 and −1 first, then partly; part 1 before parts 2 and 3; then by item")
    func gapOrder() {
        let result = DiagnosisResult(answers(.implemented, [25: .notInPlace, 3: .partly, 7: .dontKnow, 2: .notInPlace, 19: .partly, 6: .partly]))
        #expect(result.gaps.map(\.item) == [2, 7, 25, 3, 6, 19])
        #expect(result.gaps.map(\.urgency) == [0, 0, 0, 1, 1, 1])
    }
}

@Suite("Self-diagnosis answers")
struct DiagnosisAnswersTests {
    func complete() -> [String: String] {
        Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { (String($0), "implemented") })
    }

    @Test("a complete set parses")
    func parses() throws {
        var raw = complete()
        raw["6"] = "partly"
        let parsed = try DiagnosisAnswers.parse(raw).get()
        #expect(parsed[6] == .partly)
        #expect(parsed.dictionary == raw)
    }

    @Test("every offending item is named: missing, unknown number, unknown value")
    func problems() {
        var raw = complete()
        raw["3"] = nil
        raw["26"] = "implemented"
        raw["x"] = "partly"
        raw["7"] = "yes"
        raw["07"] = "implemented"
        guard case .failure(let problems) = DiagnosisAnswers.parse(raw) else { Issue.record("expected failure"); return }
        #expect(problems.byItem == ["3": .missing, "26": .unknownItem, "x": .unknownItem, "7": .unknownAnswer, "07": .unknownItem])
    }

    @Test("an empty answer set names all 25 items")
    func empty() {
        guard case .failure(let problems) = DiagnosisAnswers.parse([:]) else { Issue.record("expected failure"); return }
        #expect(problems.byItem.count == 25 && problems.byItem.values.allSatisfy { $0 == .missing })
    }

    @Test("several sites combine with the weakest answer per item")
    func combine() throws {
        let head = answers(.implemented, [1: .partly, 2: .notInPlace])
        let factory = answers(.implemented, [1: .dontKnow, 3: .partly])
        let combined = try #require(DiagnosisAnswers.combiningWeakest([head, factory]))
        #expect(combined[1] == .dontKnow)
        #expect(combined[2] == .notInPlace)
        #expect(combined[3] == .partly)
        #expect(combined[4] == .implemented)
        #expect(DiagnosisAnswers.combiningWeakest([]) == nil)
        #expect(DiagnosisAnswers.combiningWeakest([head]) == head)
    }

    @Test("comparison lists what improved and what got worse")
    func compare() {
        let before = answers(.partly, [1: .notInPlace])
        let after = answers(.partly, [1: .implemented, 2: .dontKnow])
        let comparison = DiagnosisComparison(before: before, after: after)
        #expect(comparison.improved.map(\.item) == [1])
        #expect(comparison.worse.map(\.item) == [2])
        #expect(comparison.unchanged.count == 23)
        #expect(comparison.totalChange == 4 - 3)
    }

    @Test("the bundled content has 25 items in their parts, and bands matching the rules")
    func content() {
        let content = DiagnosisContent.bundled
        #expect(content.items.count == 25)
        #expect(content.items.filter { $0.part == .employees }.count == 13)
        #expect(content.basicMeasures.map(\.diagnosisItem) == [1, 2, 3, 4, 5])
        #expect(!content.asOf.isEmpty && content.source.url.hasPrefix("https://"))
        for item in content.items {
            #expect(!item.question.ja.isEmpty && !item.question.en.isEmpty && !item.advice.ja.isEmpty && !item.advice.en.isEmpty)
        }
    }
}

@Suite("SECURITY ACTION readiness")
struct SecurityActionReadinessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let measures: Set<Int>
        let diagnosis: Bool
        let policy: Bool
        let declared: Int?
        let next: Int?
        let missing: [SecurityActionReadiness.Requirement]
        var testDescription: String { "measures \(measures.sorted()), diagnosis \(diagnosis), policy \(policy), declared \(declared ?? 0)" }
    }

    static let cases: [Case] = [
        Case(measures: [], diagnosis: false, policy: false, declared: nil, next: 1, missing: [.basicMeasures]),
        Case(measures: [1, 2, 3, 4], diagnosis: true, policy: false, declared: nil, next: 1, missing: [.basicMeasures]),
        Case(measures: [1, 2, 3, 4, 5], diagnosis: false, policy: false, declared: nil, next: 1, missing: []),
        Case(measures: [1, 2, 3, 4, 5], diagnosis: false, policy: false, declared: 1, next: 2, missing: [.selfDiagnosis, .policyPublished]),
        Case(measures: [1, 2, 3, 4, 5], diagnosis: true, policy: false, declared: 1, next: 2, missing: [.policyPublished]),
        Case(measures: [1, 2, 3, 4, 5], diagnosis: true, policy: true, declared: 1, next: 2, missing: []),
        Case(measures: [], diagnosis: true, policy: true, declared: 2, next: nil, missing: []),
    ]

    @Test("what is missing for the next star", arguments: cases)
    func missing(_ example: Case) {
        let readiness = SecurityActionReadiness(checkedMeasures: example.measures, hasSelfDiagnosis: example.diagnosis,
                                                policyPublished: example.policy, declaredStars: example.declared)
        #expect(readiness.nextStar == example.next)
        #expect(readiness.missingForNextStar == example.missing)
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("valid and invalid dates", arguments: [
        ("2026-04-01", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-02-30", false), ("2026-13-01", false),
        ("2026-4-1", false), ("26-04-01", false), ("", false), ("2026-04-01T00:00", false), ("abcd-ef-gh", false),
    ])
    func validity(text: String, valid: Bool) {
        #expect(CalendarDate.isValid(text) == valid)
    }

    @Test("today is the date in Tokyo, not UTC")
    func tokyo() {
        // 2026-04-01 20:00 UTC is already 2026-04-02 in Tokyo.
        let instant = ISO8601DateFormatter().date(from: "2026-04-01T20:00:00Z")!
        #expect(CalendarDate.today(now: instant) == "2026-04-02")
    }
}
