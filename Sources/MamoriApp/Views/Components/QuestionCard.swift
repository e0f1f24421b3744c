import Plot

/// One numbered question with its answers as large radio choices and an optional "why it
/// matters" fold: the self-diagnosis and the telework self-check share it (and the CSS counter
/// of the enclosing `.questionnaire-form` counts the answered ones without JavaScript).
struct QuestionCard: Component {
    let number: Int
    /// `item` gives `id="item-3"` and `name="a3"`.
    let idPrefix: String
    let fieldPrefix: String
    let question: String
    let explanation: String?
    let moreInfoLabel: String
    let choices: [(value: String, label: String)]
    let selected: String?
    /// Shown (and the card marked) when the question was left unanswered.
    let missingMessage: String?

    var body: Component {
        let id = "\(idPrefix)-\(number)"
        return El("fieldset", [("class", "question" + (missingMessage == nil ? "" : " question-missing")), ("id", id)]
                  + (missingMessage == nil ? [] : [("aria-describedby", "\(id)-error")])) {
            El("legend") {
                El("span", [("class", "question-number")]) { Text("\(number)") }
                Text(question)
            }
            if let explanation {
                El("details", [("class", "why")]) {
                    El("summary") { Text(moreInfoLabel) }
                    paragraph(explanation)
                }
            }
            div("choices choices-\(choices.count)") {
                for choice in choices {
                    El("label", [("class", "choice choice-\(choice.value)")]) {
                        El.void("input", [("type", "radio"), ("name", "\(fieldPrefix)\(number)"), ("value", choice.value)]
                                + (selected == choice.value ? [("checked", nil)] : []))
                        El("span") { Text(choice.label) }
                    }
                }
            }
            if let missingMessage {
                El("p", [("class", "error"), ("id", "\(id)-error")]) { Text(missingMessage) }
            }
        }
    }
}
