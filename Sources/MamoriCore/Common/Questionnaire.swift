import Foundation

/// What can be wrong with one item of a numbered questionnaire's answers.
public enum QuestionnaireProblem: String, Sendable, Equatable {
    case missing
    case unknownItem = "unknown_item"
    case unknownAnswer = "unknown_answer"
}

/// Every offending item of a refused answer set, keyed as sent ("3", "26", "x").
public struct QuestionnaireProblems: Error, Sendable, Equatable {
    public let byItem: [String: QuestionnaireProblem]

    public init(byItem: [String: QuestionnaireProblem]) { self.byItem = byItem }
}

/// Numbered questions answered on a fixed scale: the self-diagnosis (25 items, four answers)
/// and the telework self-check (15 points, three answers) read their answers the same way.
public enum Questionnaire {
    /// Reads `{"1": "…", …, "N": "…"}`: every number of `numbers` once, nothing else; reports
    /// every offending item.
    public static func parse<Answer: RawRepresentable>(_ raw: [String: String], numbers: ClosedRange<Int>,
                                                       as _: Answer.Type = Answer.self) -> Result<[Int: Answer], QuestionnaireProblems>
        where Answer.RawValue == String {
        var problems: [String: QuestionnaireProblem] = [:]
        var parsed: [Int: Answer] = [:]
        for (key, value) in raw {
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            guard let number = Int(trimmed), numbers.contains(number), String(number) == trimmed else {
                problems[key] = .unknownItem
                continue
            }
            guard let answer = Answer(rawValue: value) else {
                problems[key] = .unknownAnswer
                continue
            }
            parsed[number] = answer
        }
        for number in numbers where parsed[number] == nil && problems[String(number)] == nil {
            problems[String(number)] = .missing
        }
        return problems.isEmpty ? .success(parsed) : .failure(QuestionnaireProblems(byItem: problems))
    }
}
