import Foundation
import MamoriCore
import Plot

/// The result of a diagnosis: total and band, the parts as a chart and a table, and advice for
/// every item below "implemented", most urgent first. Used for a fresh result and a saved one.
struct DiagnosisResultView: Component {
    let result: DiagnosisResult
    let context: PageContext
    var showAllAnswers = false

    var body: Component {
        let t = context.t
        let content = DiagnosisContent.bundled
        let band = content.band(result.band)
        return ComponentGroup {
            El("section", [("class", "result-summary band-\(result.band.rawValue)"), ("aria-labelledby", "result-total")]) {
                El("p", [("class", "result-total"), ("id", "result-total")]) {
                    El("span", [("class", "result-label")]) { Text(t(L.Diagnosis.resultTotal)) }
                    El("strong") { Text(String(result.total)) }
                    Text(" / \(result.maximum)")
                }
                El("p", [("class", "result-band")]) { Text(t(band.title)) }
                paragraph(t(band.meaning))
            }
            El("section", [("aria-labelledby", "result-parts")]) {
                heading(2, t(L.Diagnosis.resultParts), id: "result-parts")
                Chart.bars(result.parts.map { score in
                    Chart.Bar(label: t(content.part(score.part).name),
                              fraction: Double(max(score.score, 0)) / Double(score.maximum),
                              valueText: "\(score.score) / \(score.maximum)")
                }, title: t(L.Diagnosis.resultChartTitle),
                   description: result.parts.map { "\(t(content.part($0.part).name)): \($0.score) / \($0.maximum)" }.joined(separator: ", "),
                   id: "parts-chart")
                div("table-scroll") {
                    El("table", [("class", "compact")]) {
                        El("thead") {
                            El("tr") {
                                El("th", [("scope", "col")]) { Text(t(L.Diagnosis.part)) }
                                El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Diagnosis.score)) }
                                El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Diagnosis.maximum)) }
                            }
                        }
                        El("tbody") {
                            for score in result.parts {
                                El("tr") {
                                    El("th", [("scope", "row")]) { Text(t(content.part(score.part).name)) }
                                    El("td", [("class", "number")]) { Text(String(score.score)) }
                                    El("td", [("class", "number")]) { Text(String(score.maximum)) }
                                }
                            }
                        }
                    }
                }
            }
            El("section", [("aria-labelledby", "result-advice")]) {
                heading(2, t(L.Diagnosis.resultAdviceTitle), id: "result-advice")
                if result.gaps.isEmpty {
                    paragraph(t(L.Diagnosis.resultNoGaps))
                } else {
                    paragraph(t(L.Diagnosis.resultAdviceLead), class: "hint")
                    // A list without numbers: each piece of advice carries its item's own number.
                    El("ul", [("class", "advice-list")]) {
                        for gap in result.gaps {
                            let item = content.item(gap.item)
                            El("li", [("class", "advice urgency-\(gap.urgency)")]) {
                                El("h3") {
                                    Text("\(gap.item). " + t(item.topic) + " ")
                                    El("span", [("class", "answer-tag answer-\(gap.answer.rawValue)")]) { Text(t(content.answer(gap.answer).label)) }
                                }
                                paragraph(t(item.advice))
                            }
                        }
                    }
                }
            }
            if showAllAnswers {
                El("section", [("aria-labelledby", "all-answers")]) {
                    heading(2, t(L.Diagnosis.answersTitle), id: "all-answers")
                    AnswersTable(answers: result.answers, context: context)
                }
            }
        }
    }
}

/// Every item with its answer.
struct AnswersTable: Component {
    let answers: DiagnosisAnswers
    let context: PageContext

    var body: Component {
        let t = context.t
        let content = DiagnosisContent.bundled
        return div("table-scroll") {
            El("table", [("class", "compact")]) {
                El("thead") {
                    El("tr") {
                        El("th", [("scope", "col")]) { Text(t(L.Diagnosis.item)) }
                        El("th", [("scope", "col")]) { Text(t(L.Diagnosis.yourAnswer)) }
                    }
                }
                El("tbody") {
                    for number in DiagnosisAnswers.itemNumbers {
                        El("tr") {
                            El("td") { Text("\(number). " + t(content.item(number).topic)) }
                            El("td") { El("span", [("class", "answer-tag answer-\(answers[number].rawValue)")]) { Text(t(content.answer(answers[number]).label)) } }
                        }
                    }
                }
            }
        }
    }
}

enum DiagnosisResultPage {
    /// The result of the public form, with the next step for a visitor (sign up and keep it)
    /// or a signed-in member (save it to the organization).
    static func render(result: DiagnosisResult, saveForm: FormState?, context: PageContext, printable: Bool) -> String {
        let t = context.t
        let body: () -> Component = {
            ComponentGroup {
                heading(1, t(L.Diagnosis.resultTitle))
                DiagnosisResultView(result: result, context: context, showAllAnswers: printable)
                if !printable {
                    div("actions no-print") {
                        link(t(L.Diagnosis.printView), to: SiteURL.selfDiagnosisResult(print: true).path, [("class", "button secondary")])
                        link(t(L.Diagnosis.resultAnswerAgain), to: SiteURL.selfDiagnosis.path, [("class", "button secondary")])
                    }
                    nextStep(saveForm: saveForm, context: context)
                }
            }
        }
        return printable ? Layout.printPage(title: t(L.Diagnosis.resultTitle), context: context, content: body)
                         : Layout.page(title: t(L.Diagnosis.resultTitle), context: context, content: body)
    }

    private static func nextStep(saveForm: FormState?, context: PageContext) -> Component {
        let t = context.t
        guard let principal = context.principal else {
            return El("section", [("class", "card card-wide no-print"), ("aria-labelledby", "keep")]) {
                heading(2, t(L.Diagnosis.resultSignUpTitle), id: "keep")
                paragraph(t(L.Diagnosis.resultSignUpLead))
                div("actions") {
                    link(t(L.Diagnosis.resultSignUpButton), to: SiteURL.signup(then: .saveDiagnosis).path, [("class", "button")])
                    link(t(L.Diagnosis.resultLogIn), to: SiteURL.login(next: SiteURL.selfDiagnosisResult().path).path, [("class", "button secondary")])
                }
            }
        }
        guard let orgID = principal.organizationID, principal.role.belongsToOrganization else { return EmptyComponent() }
        let state = saveForm ?? FormState(values: ["respondentName": principal.user.displayName, "siteLabel": t(L.Diagnosis.defaultSite),
                                                   "diagnosedOn": CalendarDate.today()])
        return El("section", [("class", "card card-wide no-print"), ("aria-labelledby", "save")]) {
            heading(2, t(L.Diagnosis.resultSaveTitle), id: "save")
            FormField.errorSummary(state, context: context)
            El("form", [("method", "post"), ("action", SiteURL.diagnoses(organization: orgID).path)]) {
                csrfField(context)
                FormField.input("respondentName", label: t(L.Diagnosis.respondentName), state: state, context: context, options: .init(required: true, maxLength: TextLimit.name))
                FormField.input("siteLabel", label: t(L.Diagnosis.siteLabel), state: state, context: context, options: .init(required: true, hint: t(L.Diagnosis.siteLabelHint), maxLength: TextLimit.name))
                FormField.input("diagnosedOn", label: t(L.Diagnosis.diagnosedOn), state: state, context: context, options: .init(kind: .date, required: true))
                FormField.submit(t(L.Diagnosis.saveDiagnosis))
            }
        }
    }
}
