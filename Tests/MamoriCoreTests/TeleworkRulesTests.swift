import Foundation
import Testing
@testable import MamoriCore

/// All 15 points answered `base`, with some points answered otherwise.
private func teleworkAnswers(_ base: TeleworkAnswer = .yes, _ overrides: [Int: TeleworkAnswer] = [:]) -> TeleworkAnswers {
    TeleworkAnswers(answers: Dictionary(uniqueKeysWithValues: TeleworkAnswers.pointNumbers.map { ($0, overrides[$0] ?? base) }))!
}

@Suite("Telework self-check answers")
struct TeleworkAnswersTests {
    static func complete() -> [String: String] {
        Dictionary(uniqueKeysWithValues: TeleworkAnswers.pointNumbers.map { (String($0), "yes") })
    }

    struct ParseCase: Sendable, CustomTestStringConvertible {
        let name: String
        var remove: [String] = []
        var set: [String: String] = [:]
        let expected: [String: QuestionnaireProblem]
        var testDescription: String { name }

        var raw: [String: String] {
            var raw = TeleworkAnswersTests.complete()
            for key in remove { raw[key] = nil }
            for (key, value) in set { raw[key] = value }
            return raw
        }
    }

    static let parseCases: [ParseCase] = [
        ParseCase(name: "all 15 answered", expected: [:]),
        ParseCase(name: "mixed answers", set: ["1": "no", "2": "partly", "15": "no"], expected: [:]),
        ParseCase(name: "point 7 missing", remove: ["7"], expected: ["7": .missing]),
        ParseCase(name: "point 16 does not exist", set: ["16": "yes"], expected: ["16": .unknownItem]),
        ParseCase(name: "point 0 does not exist", set: ["0": "yes"], expected: ["0": .unknownItem]),
        ParseCase(name: "negative point", set: ["-1": "yes"], expected: ["-1": .unknownItem]),
        ParseCase(name: "not a number", set: ["x": "no"], expected: ["x": .unknownItem]),
        ParseCase(name: "leading zero", set: ["07": "yes"], expected: ["07": .unknownItem]),
        ParseCase(name: "plus sign", set: ["+7": "yes"], expected: ["+7": .unknownItem]),
        ParseCase(name: "unknown answer", set: ["3": "maybe"], expected: ["3": .unknownAnswer]),
        ParseCase(name: "answers are case-sensitive", set: ["4": "Yes"], expected: ["4": .unknownAnswer]),
        ParseCase(name: "empty answer", set: ["5": ""], expected: ["5": .unknownAnswer]),
        ParseCase(name: "a diagnosis answer is not a telework answer", set: ["6": "implemented"], expected: ["6": .unknownAnswer]),
        ParseCase(name: "several problems at once", remove: ["1", "15"], set: ["16": "yes", "x": "no", "4": "maybe", "07": "partly"],
                  expected: ["1": .missing, "15": .missing, "16": .unknownItem, "x": .unknownItem, "4": .unknownAnswer, "07": .unknownItem]),
    ]

    @Test("parse accepts exactly points 1…15 answered yes, partly or no, and names every offending point", arguments: parseCases)
    func parse(_ example: ParseCase) {
        let raw = example.raw
        switch TeleworkAnswers.parse(raw) {
        case .success(let answers):
            #expect(example.expected.isEmpty, "expected problems \(example.expected)")
            #expect(answers.dictionary == raw)
            #expect(answers.answers.count == 15)
        case .failure(let problems):
            #expect(problems.byItem == example.expected)
        }
    }

    @Test("an empty answer set names all 15 points as missing")
    func empty() {
        guard case .failure(let problems) = TeleworkAnswers.parse([:]) else { Issue.record("expected failure"); return }
        #expect(problems.byItem.count == 15)
        #expect(problems.byItem.values.allSatisfy { $0 == .missing })
        #expect(Set(problems.byItem.keys) == Set((1...15).map(String.init)))
    }

    @Test("the parsed answers are read by point number")
    func subscriptByPoint() throws {
        var raw = Self.complete()
        raw["1"] = "no"
        raw["8"] = "partly"
        let answers = try TeleworkAnswers.parse(raw).get()
        #expect(answers[1] == .no)
        #expect(answers[8] == .partly)
        #expect(answers[15] == .yes)
        #expect(answers.answers.first == .no)
    }

    @Test("init(answers:) needs exactly the 15 points")
    func initNeedsAllPoints() {
        var all = Dictionary(uniqueKeysWithValues: TeleworkAnswers.pointNumbers.map { ($0, TeleworkAnswer.yes) })
        #expect(TeleworkAnswers(answers: all) != nil)
        all[16] = .yes
        #expect(TeleworkAnswers(answers: all) == nil)
        all[16] = nil
        all[3] = nil
        #expect(TeleworkAnswers(answers: all) == nil)
    }

    static let principles: [(Int, Int)] = [(1, 1), (2, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3), (10, 4), (12, 4), (13, 5), (15, 5)]

    @Test("points 1–3 belong to principle 1, … 13–15 to principle 5", arguments: principles)
    func principle(point: Int, principle: Int) {
        #expect(TeleworkAnswers.principle(of: point) == principle)
    }
}

@Suite("The shared questionnaire parser")
struct QuestionnaireTests {
    @Test("a small questionnaire parses with any answer type")
    func small() throws {
        let parsed = try Questionnaire.parse(["1": "yes", "2": "no", "3": "partly"], numbers: 1...3, as: TeleworkAnswer.self).get()
        #expect(parsed == [1: .yes, 2: .no, 3: .partly])
        guard case .failure(let problems) = Questionnaire.parse(["1": "yes", "4": "no"], numbers: 1...3, as: TeleworkAnswer.self) else {
            Issue.record("expected failure"); return
        }
        #expect(problems.byItem == ["2": .missing, "3": .missing, "4": .unknownItem])
    }

    @Test("the self-diagnosis reads its answers through the same parser")
    func diagnosis() throws {
        var raw = Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { (String($0), "implemented") })
        let parsed = try DiagnosisAnswers.parse(raw).get()
        #expect(parsed[25] == .implemented)
        raw["2"] = "yes"   // a telework answer is no diagnosis answer
        raw["26"] = "implemented"
        raw["25"] = nil
        guard case .failure(let problems) = DiagnosisAnswers.parse(raw) else { Issue.record("expected failure"); return }
        #expect(problems.byItem == ["2": .unknownAnswer, "26": .unknownItem, "25": .missing])
    }
}

@Suite("Telework self-check result")
struct TeleworkResultTests {
    @Test("all yes: ready, full score, no gaps, three yes per principle")
    func allYes() {
        let result = TeleworkResult(teleworkAnswers(.yes))
        #expect(result.level == .ready)
        #expect(result.score == 30)
        #expect(result.score == TeleworkResult.maximumScore)
        #expect(result.gaps.isEmpty)
        #expect(result.yes == 15 && result.partly == 0 && result.no == 0)
        #expect(result.principles.map(\.principle) == [1, 2, 3, 4, 5])
        for count in result.principles {
            #expect(count.yes == 3 && count.partly == 0 && count.no == 0, "principle \(count.principle)")
            #expect(count.score == 6)
        }
    }

    @Test("all no: fifteen gaps in point order, all answered no, score 0")
    func allNo() {
        let result = TeleworkResult(teleworkAnswers(.no))
        #expect(result.level == .gaps)
        #expect(result.score == 0)
        #expect(result.gaps.count == 15)
        #expect(result.gaps.map(\.point) == Array(1...15))
        #expect(result.gaps.allSatisfy { $0.answer == .no })
        #expect(result.gaps.map(\.principle) == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5])
        #expect(result.yes == 0 && result.partly == 0 && result.no == 15)
        for count in result.principles { #expect(count.no == 3 && count.score == 0) }
    }

    struct LevelCase: Sendable, CustomTestStringConvertible {
        let overrides: [Int: TeleworkAnswer]
        let level: TeleworkResult.Level
        let score: Int
        var testDescription: String {
            overrides.isEmpty ? "all yes" : overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ",")
        }
    }

    static let levels: [LevelCase] = [
        LevelCase(overrides: [:], level: .ready, score: 30),
        LevelCase(overrides: [1: .partly], level: .almost, score: 29),
        LevelCase(overrides: [1: .partly, 8: .partly, 15: .partly], level: .almost, score: 27),
        LevelCase(overrides: [1: .partly, 2: .partly, 3: .partly, 4: .partly], level: .gaps, score: 26),
        LevelCase(overrides: [7: .no], level: .gaps, score: 28),
        LevelCase(overrides: [7: .no, 8: .partly], level: .gaps, score: 27),
        LevelCase(overrides: Dictionary(uniqueKeysWithValues: (1...15).map { ($0, TeleworkAnswer.partly) }), level: .gaps, score: 15),
    ]

    @Test("level: ready with all yes, almost with at most three partly and no no, otherwise gaps", arguments: levels)
    func level(_ example: LevelCase) {
        let result = TeleworkResult(teleworkAnswers(.yes, example.overrides))
        #expect(result.level == example.level)
        #expect(result.score == example.score)
        #expect(result.gaps.count == example.overrides.count)
    }

    @Test("gaps: no before partly, then by point")
    func gapOrder() {
        let result = TeleworkResult(teleworkAnswers(.yes, [2: .partly, 9: .no, 5: .no]))
        #expect(result.gaps.map(\.point) == [5, 9, 2])
        #expect(result.gaps.map(\.answer) == [.no, .no, .partly])
        #expect(result.gaps.map(\.principle) == [2, 3, 1])

        let mixed = TeleworkResult(teleworkAnswers(.yes, [15: .partly, 1: .partly, 14: .no, 3: .no, 8: .partly]))
        #expect(mixed.gaps.map(\.point) == [3, 14, 1, 8, 15])
    }

    @Test("counts per principle and overall")
    func counts() {
        let result = TeleworkResult(teleworkAnswers(.yes, [1: .no, 2: .partly, 4: .no, 5: .no, 6: .no, 13: .partly]))
        let counts = result.principles.map { [$0.yes, $0.partly, $0.no] }
        #expect(counts == [[1, 1, 1], [0, 0, 3], [3, 0, 0], [3, 0, 0], [2, 1, 0]])
        #expect(result.principles.map(\.score) == [3, 0, 6, 6, 5])
        #expect(result.yes == 9 && result.partly == 2 && result.no == 4)
        #expect(result.score == 20)
        #expect(result.level == .gaps)
    }
}

@Suite("Comparing two telework self-checks")
struct TeleworkComparisonTests {
    @Test("improved, worse and unchanged points")
    func changes() {
        let before = teleworkAnswers(.partly, [10: .no, 11: .yes])
        let after = teleworkAnswers(.partly, [1: .yes, 2: .no, 10: .partly, 11: .yes])
        let comparison = TeleworkComparison(before: before, after: after)
        #expect(comparison.improved.map(\.point) == [1, 10])
        #expect(comparison.improved.map(\.before) == [.partly, .no])
        #expect(comparison.improved.map(\.after) == [.yes, .partly])
        #expect(comparison.worse.map(\.point) == [2])
        #expect(comparison.worse.first?.before == TeleworkAnswer.partly)
        #expect(comparison.worse.first?.after == TeleworkAnswer.no)
        #expect(comparison.unchanged == [3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15])
    }

    @Test("all no to all yes improves every point; the reverse worsens every point")
    func everything() {
        let up = TeleworkComparison(before: teleworkAnswers(.no), after: teleworkAnswers(.yes))
        #expect(up.improved.count == 15 && up.worse.isEmpty && up.unchanged.isEmpty)
        let down = TeleworkComparison(before: teleworkAnswers(.yes), after: teleworkAnswers(.no))
        #expect(down.worse.count == 15 && down.improved.isEmpty && down.unchanged.isEmpty)
    }

    @Test("the same answers change nothing")
    func same() {
        let answers = teleworkAnswers(.yes, [4: .partly, 12: .no])
        let comparison = TeleworkComparison(before: answers, after: answers)
        #expect(comparison.improved.isEmpty && comparison.worse.isEmpty)
        #expect(comparison.unchanged == Array(1...15))
    }
}

@Suite("Telework content")
struct TeleworkContentTests {
    let content = TeleworkContent.bundled

    private func filled(_ text: LocalizedText) -> Bool {
        !text.ja.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !text.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    @Test("the bundled file passes its own checks")
    func checks() throws {
        try content.check()
        #expect(!content.asOf.isEmpty)
        #expect(filled(content.source))
    }

    @Test("five principles of three points each, 15 points in order, every text in both languages")
    func principles() {
        #expect(content.principles.count == 5)
        #expect(content.principles.map(\.number) == [1, 2, 3, 4, 5])
        for principle in content.principles {
            #expect(principle.points.count == 3, "principle \(principle.number)")
            #expect(filled(principle.title) && filled(principle.summary), "principle \(principle.number)")
            for point in principle.points {
                #expect(TeleworkAnswers.principle(of: point.number) == principle.number)
            }
        }
        #expect(content.principles.flatMap { $0.points.map(\.number) } == Array(1...15))
        for number in TeleworkAnswers.pointNumbers {
            let point = content.point(number)
            #expect(point.number == number)
            #expect(filled(point.text), "point \(number) text")
            #expect(filled(point.guidance), "point \(number) guidance")
            #expect(point.guidance.ja != point.text.ja)
        }
    }

    @Test("three answers with labels")
    func answers() {
        #expect(content.answers.count == 3)
        #expect(Set(content.answers.map(\.key)) == Set(TeleworkAnswer.allCases))
        for answer in TeleworkAnswer.allCases {
            #expect(filled(content.answer(answer).label))
        }
    }

    @Test("three roles and four threats, named in both languages")
    func rolesAndThreats() {
        #expect(content.roles.count == 3)
        #expect(Set(content.roles.map(\.key)) == Set(TeleworkRole.allCases))
        #expect(content.threats.count == 4)
        #expect(Set(content.threats.map(\.key)) == Set(TeleworkThreat.allCases))
        for role in TeleworkRole.allCases { #expect(filled(content.role(role))) }
        for threat in TeleworkThreat.allCases { #expect(filled(content.threat(threat))) }
    }

    @Test("checklist items have unique keys, texts and at least one threat; each role covers all four threats")
    func checklist() {
        #expect(!content.checklist.isEmpty)
        #expect(Set(content.checklist.map(\.key)).count == content.checklist.count)
        for item in content.checklist {
            #expect(filled(item.text) && filled(item.why), "\(item.key)")
            #expect(!item.threats.isEmpty, "\(item.key)")
        }
        for role in TeleworkRole.allCases {
            let items = content.checklist(role: role)
            #expect(!items.isEmpty, "\(role)")
            #expect(Set(items.flatMap(\.threats)) == Set(TeleworkThreat.allCases), "\(role) covers every threat")
        }
    }

    @Test("checklist(role:threat:) filters by role, by threat and by both")
    func checklistFilter() {
        #expect(content.checklist(role: nil, threat: nil).count == content.checklist.count)
        #expect(TeleworkRole.allCases.map { content.checklist(role: $0).count }.reduce(0, +) == content.checklist.count)
        for role in TeleworkRole.allCases {
            #expect(content.checklist(role: role).allSatisfy { $0.role == role })
        }
        for threat in TeleworkThreat.allCases {
            let items = content.checklist(threat: threat)
            #expect(!items.isEmpty, "\(threat)")
            #expect(items.allSatisfy { $0.threats.contains(threat) })
            #expect(items.count == content.checklist.filter { $0.threats.contains(threat) }.count)
            for role in TeleworkRole.allCases {
                let both = content.checklist(role: role, threat: threat)
                #expect(!both.isEmpty, "\(role) × \(threat)")
                #expect(both.allSatisfy { $0.role == role && $0.threats.contains(threat) })
                #expect(both.map(\.key) == items.filter { $0.role == role }.map(\.key))
            }
        }
    }

    @Test("the staff sheet has a title, do and don't lines and what to do when something happens")
    func sheet() {
        let sheet = content.sheet
        #expect(filled(sheet.title))
        #expect(!sheet.do.isEmpty)
        #expect(!sheet.dont.isEmpty)
        #expect(sheet.do.allSatisfy { filled($0) })
        #expect(sheet.dont.allSatisfy { filled($0) })
        #expect(filled(sheet.whenSomethingHappens))
    }
}
