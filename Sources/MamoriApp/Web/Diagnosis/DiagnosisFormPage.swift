import MamoriCore
import Plot

/// The 25 questions, one card each, with the four answers as large touch targets. A CSS
/// counter shows how many are answered (no JavaScript needed).
enum DiagnosisFormPage {
    static func render(answers: [Int: DiagnosisAnswer], missing: Set<Int>, context: PageContext) -> String {
        let t = context.t
        let content = DiagnosisContent.bundled
        return Layout.page(title: t(L.Diagnosis.diagnosisTitle), context: context) {
            heading(1, t(L.Diagnosis.diagnosisTitle))
            paragraph(t(L.Diagnosis.diagnosisLead), class: "lead")
            paragraph(t(L.Diagnosis.diagnosisWhoAnswers), class: "hint")
            if !missing.isEmpty {
                El("div", [("class", "error-summary"), ("role", "alert")]) {
                    paragraph(t(L.Diagnosis.diagnosisUnanswered(missing.count)))
                    El("ul") {
                        for number in missing.sorted() {
                            El("li") { El("a", [("href", "#item-\(number)")]) { Text("\(number). " + t(content.item(number).topic)) } }
                        }
                    }
                }
            }
            El("form", [("method", "post"), ("action", SiteURL.selfDiagnosis.path), ("class", "diagnosis-form questionnaire-form")]) {
                csrfField(context)
                for part in content.parts {
                    El("section", [("class", "diagnosis-part"), ("aria-labelledby", "part-\(part.key.rawValue)")]) {
                        El("h2", [("id", "part-\(part.key.rawValue)")]) {
                            Text(t(part.name))
                            El("span", [("class", "muted")]) { Text(t(L.Common.range(part.key.items.lowerBound, part.key.items.upperBound))) }
                        }
                        for number in part.key.items {
                            question(content.item(number), selected: answers[number], missing: missing.contains(number), content: content, context: context)
                        }
                    }
                }
                div("diagnosis-footer") {
                    El("p", [("class", "progress")]) {
                        Text(t(L.Diagnosis.diagnosisProgress) + " ")
                        El("span", [("class", "progress-count")]) { Text("") }
                        Text(" / 25")
                    }
                    FormField.submit(t(L.Diagnosis.diagnosisSubmit))
                }
            }
            paragraph(t(L.Diagnosis.diagnosisSource(context.locale == .ja ? content.source.ja : content.source.en, asOf: DateText.calendarDate(content.asOf, context.locale))), class: "hint source")
        }
    }

    private static func question(_ item: DiagnosisContent.Item, selected: DiagnosisAnswer?, missing: Bool,
                                 content: DiagnosisContent, context: PageContext) -> Component {
        let t = context.t
        return QuestionCard(number: item.number, idPrefix: "item", fieldPrefix: "a", question: t(item.question), explanation: t(item.explanation),
                            moreInfoLabel: t(L.Diagnosis.diagnosisMoreInfo), choices: content.answers.map { ($0.key.rawValue, t($0.label)) },
                            selected: selected?.rawValue, missingMessage: missing ? t(L.Diagnosis.diagnosisItemUnanswered) : nil)
    }
}
