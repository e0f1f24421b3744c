import Fluent
import Foundation
import MamoriCore
import Plot

/// Telework pages. Models are plain values, so each page renders from its `.mock` without a database.
enum TeleworkPages {
    static func overview(_ model: OverviewModel, context: PageContext) -> String {
        let t = context.t
        let org = model.organizationID
        let content = TeleworkContent.bundled
        return Layout.page(title: t(L.Telework.title), context: context) {
            heading(1, t(L.Telework.title))
            paragraph(t(L.Telework.lead), class: "lead")
            El("p", [("class", "actions")]) {
                link(t(L.Telework.startSelfCheck), to: SiteURL.teleworkSelfCheck(organization: org).path, [("class", "button")])
                Text(" ")
                link(t(L.Telework.checklistTitle), to: SiteURL.teleworkChecklist(organization: org).path, [("class", "button secondary")])
                Text(" ")
                link(t(L.Telework.sheetTitle), to: SiteURL.teleworkSheet(organization: org).path, [("class", "button secondary")])
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "latest")]) {
                heading(2, t(L.Telework.latestTitle), id: "latest")
                if let latest = model.latest, let result = latest.result {
                    El("p", [("class", "hint")]) { timeElement(latest.at, context); Text(" — " + latest.respondent) }
                    resultBody(result, content: content, context: context)
                } else {
                    paragraph(t(L.Telework.noSelfCheck), class: "muted")
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "checklist")]) {
                heading(2, t(L.Telework.checklistTitle), id: "checklist")
                paragraph(t(L.Telework.checklistProgress(model.checklistDone, model.checklistTotal)))
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "history")]) {
                heading(2, t(L.Telework.historyTitle), id: "history")
                if model.history.items.isEmpty {
                    paragraph(t(L.Telework.noHistory), class: "muted")
                } else {
                    div("table-scroll") {
                        El("table", [("class", "compact cards-on-phone")]) {
                            tableHead([L.Telework.date, L.Telework.respondent, L.Telework.yes, L.Telework.partly, L.Telework.no, L.Telework.open].map(t))
                            El("tbody") {
                                for check in model.history.items {
                                    El("tr") {
                                        El("td", [("data-label", t(L.Telework.date))]) { timeElement(check.at, context) }
                                        El("td", [("data-label", t(L.Telework.respondent))]) { Text(check.respondent) }
                                        El("td", [("data-label", t(L.Telework.yes)), ("class", "number")]) { Text(check.result.map { String($0.yes) } ?? "—") }
                                        El("td", [("data-label", t(L.Telework.partly)), ("class", "number")]) { Text(check.result.map { String($0.partly) } ?? "—") }
                                        El("td", [("data-label", t(L.Telework.no)), ("class", "number")]) { Text(check.result.map { String($0.no) } ?? "—") }
                                        El("td", [("data-label", t(L.Telework.open))]) {
                                            link(t(L.Telework.open), to: SiteURL.teleworkResult(organization: org, check: check.id).path)
                                        }
                                    }
                                }
                            }
                        }
                    }
                    pagination(model.history, context: context) { SiteURL.telework(organization: org, page: $0).path }
                    if model.history.metadata.total > 1 {
                        El("p") { link(t(L.Telework.compareTitle), to: SiteURL.teleworkCompare(organization: org).path) }
                    }
                }
            }
            paragraph(t(L.Telework.source(t(content.source), asOf: DateText.calendarDate(content.asOf, context.locale))), class: "hint source")
        }
    }

    /// Per principle counts, the overall line and what to do next.
    static func resultBody(_ result: TeleworkResult, content: TeleworkContent, context: PageContext) -> Component {
        let t = context.t
        return ComponentGroup {
            El("p", [("class", "result-band level-\(result.level.rawValue)"), ("data-level", result.level.rawValue)]) { Text(t(L.Telework.level(result.level))) }
            paragraph(t(L.Telework.overall(yes: result.yes, partly: result.partly, no: result.no)))
            div("table-scroll") {
                El("table", [("class", "compact cards-on-phone")]) {
                    tableHead([L.Telework.principle, L.Telework.yes, L.Telework.partly, L.Telework.no].map(t))
                    El("tbody") {
                        for count in result.principles {
                            El("tr", [("data-principle", String(count.principle))]) {
                                El("td", [("data-label", t(L.Telework.principle))]) { Text("\(count.principle). " + t(content.principle(count.principle).title)) }
                                El("td", [("data-label", t(L.Telework.yes)), ("class", "number")]) { Text(String(count.yes)) }
                                El("td", [("data-label", t(L.Telework.partly)), ("class", "number")]) { Text(String(count.partly)) }
                                El("td", [("data-label", t(L.Telework.no)), ("class", "number")]) { Text(String(count.no)) }
                            }
                        }
                    }
                }
            }
            heading(3, t(L.Telework.nextTitle))
            if result.gaps.isEmpty {
                paragraph(t(L.Telework.noGaps), class: "muted")
            } else {
                El("ol", [("class", "advice-list telework-gaps")]) {
                    for gap in result.gaps {
                        El("li", [("class", "advice"), ("data-point", String(gap.point))]) {
                            El("p") {
                                El("strong") { Text(t(L.Telework.pointLabel(gap.point))) }
                                Text(" ")
                                // The diagnosis's answer colours: "no" as "not implemented", "partly" as "partly".
                                El("span", [("class", "answer-tag " + (gap.answer == .no ? "answer-not_implemented" : "answer-partly"))]) {
                                    Text(t(content.answer(gap.answer).label))
                                }
                                Text(" " + t(content.point(gap.point).text))
                            }
                            El("p", [("class", "hint")]) { Text(t(L.Telework.principleLabel(gap.principle)) + t(L.Common.colon) + t(content.principle(gap.principle).title)) }
                            paragraph(t(L.Telework.guidanceLabel) + t(L.Common.colon) + t(content.point(gap.point).guidance))
                        }
                    }
                }
            }
        }
    }

    static func form(_ model: FormModel, context: PageContext) -> String {
        let t = context.t
        let (organizationID, answers, missing, respondent) = (model.organizationID, model.answers, model.missing, model.respondent)
        let content = TeleworkContent.bundled
        let choices = content.answers.map { ($0.key.rawValue, t($0.label)) }
        return Layout.page(title: t(L.Telework.selfCheckTitle), context: context) {
            heading(1, t(L.Telework.selfCheckTitle))
            paragraph(t(L.Telework.selfCheckLead), class: "lead")
            if !missing.isEmpty {
                El("div", [("class", "error-summary"), ("role", "alert")]) {
                    paragraph(t(L.Telework.unanswered(missing.count)))
                    El("ul") {
                        for number in missing.sorted() {
                            El("li") { El("a", [("href", "#point-\(number)")]) { Text(t(L.Telework.pointLabel(number))) } }
                        }
                    }
                }
            }
            El("form", [("method", "post"), ("action", SiteURL.teleworkSelfCheck(organization: organizationID).path), ("class", "questionnaire-form")]) {
                csrfField(context)
                FormField.input("respondentName", label: t(L.Telework.respondent), state: FormState(values: ["respondentName": respondent]),
                                context: context, options: .init(maxLength: TextLimit.name))
                for principle in content.principles {
                    El("section", [("class", "diagnosis-part"), ("aria-labelledby", "principle-\(principle.number)")]) {
                        El("h2", [("id", "principle-\(principle.number)")]) { Text("\(principle.number). " + t(principle.title)) }
                        paragraph(t(principle.summary), class: "hint")
                        for point in principle.points {
                            QuestionCard(number: point.number, idPrefix: "point", fieldPrefix: "p", question: t(point.text),
                                         explanation: t(point.guidance), moreInfoLabel: t(L.Telework.guidanceLabel), choices: choices,
                                         selected: answers[point.number]?.rawValue,
                                         missingMessage: missing.contains(point.number) ? t(L.Telework.pointUnanswered) : nil)
                        }
                    }
                }
                div("diagnosis-footer") {
                    El("p", [("class", "progress")]) {
                        Text(t(L.Telework.answered) + " ")
                        El("span", [("class", "progress-count")]) { Text("") }
                        Text(" / 15")
                    }
                    FormField.submit(t(L.Telework.submitSelfCheck))
                }
            }
        }
    }

    static func result(_ model: ResultModel, context: PageContext) -> String {
        let t = context.t
        let (organizationID, check) = (model.organizationID, model.check)
        return Layout.page(title: t(L.Telework.resultTitle), context: context) {
            heading(1, t(L.Telework.resultTitle))
            El("p", [("class", "lead")]) { timeElement(check.at, context); Text(" — " + check.respondent) }
            if let result = check.result {
                El("section", [("class", "card card-wide")]) { resultBody(result, content: TeleworkContent.bundled, context: context) }
            }
            El("p") { link(t(L.Telework.backToTelework), to: SiteURL.telework(organization: organizationID).path) }
        }
    }

    static func compare(_ model: CompareModel, context: PageContext) -> String {
        let t = context.t
        let (organizationID, checks, before, after) = (model.organizationID, model.checks, model.before, model.after)
        let content = TeleworkContent.bundled
        return Layout.page(title: t(L.Telework.compareTitle), context: context) {
            heading(1, t(L.Telework.compareTitle))
            if checks.count < 2 {
                paragraph(t(L.Telework.compareNeedsTwo), class: "muted")
            } else {
                El("form", [("method", "get"), ("action", SiteURL.teleworkCompare(organization: organizationID).path), ("class", "card card-wide inline-fields")]) {
                    let choices = checks.map { ($0.id.uuidString, ($0.at.map { DateText.dateTime($0, context.locale) } ?? "") + " " + $0.respondent) }
                    FormField.select("before", label: t(L.Telework.compareBefore), choices: choices, state: FormState(values: ["before": before?.id.uuidString ?? ""]), context: context)
                    FormField.select("after", label: t(L.Telework.compareAfter), choices: choices, state: FormState(values: ["after": after?.id.uuidString ?? ""]), context: context)
                    FormField.submit(t(L.Telework.compareSubmit))
                }
                if let before = before?.result, let after = after?.result {
                    let comparison = TeleworkComparison(before: before.answers, after: after.answers)
                    for (title, changes, cls) in [(L.Telework.improved, comparison.improved, "improved"), (L.Telework.worse, comparison.worse, "worse")] {
                        El("section", [("class", "card card-wide compare-\(cls)")]) {
                            heading(2, t(title) + t(L.Common.parenthesized(String(changes.count))))
                            El("ul") {
                                for change in changes {
                                    El("li") {
                                        Text(t(L.Telework.pointLabel(change.point)) + " " + t(content.point(change.point).text) + t(L.Common.colon))
                                        El("strong") { Text(t(content.answer(change.before).label) + " → " + t(content.answer(change.after).label)) }
                                    }
                                }
                            }
                        }
                    }
                    paragraph(t(L.Telework.unchanged) + t(L.Common.colon) + comparison.unchanged.map(String.init).joined(separator: ", "), class: "hint")
                }
            }
            El("p") { link(t(L.Telework.backToTelework), to: SiteURL.telework(organization: organizationID).path) }
        }
    }

    static func checklist(_ model: ChecklistModel, context: PageContext) -> String {
        let t = context.t
        let content = TeleworkContent.bundled
        let org = model.organizationID
        let shown = content.checklist(role: model.role, threat: model.threat)
        let shownKeys = Set(shown.map(\.key))
        return Layout.page(title: t(L.Telework.checklistTitle), context: context) {
            heading(1, t(L.Telework.checklistTitle))
            paragraph(t(L.Telework.checklistLead), class: "lead")
            paragraph(t(L.Telework.checklistProgress(model.done.count, content.checklist.count)), class: "checklist-progress")
            El("form", [("method", "get"), ("action", SiteURL.teleworkChecklist(organization: org).path), ("class", "filters")]) {
                FormField.select("role", label: t(L.Telework.role), choices: content.roles.map { ($0.key.rawValue, t($0.name)) },
                                 state: FormState(values: ["role": model.role?.rawValue ?? ""]), context: context, required: false, emptyLabel: t(L.Telework.allRoles))
                FormField.select("threat", label: t(L.Telework.threat), choices: content.threats.map { ($0.key.rawValue, t($0.name)) },
                                 state: FormState(values: ["threat": model.threat?.rawValue ?? ""]), context: context, required: false, emptyLabel: t(L.Telework.allThreats))
                FormField.submit(t(L.Telework.filter), secondary: true)
            }
            if model.role != nil || model.threat != nil { paragraph(t(L.Telework.filteredNote), class: "hint") }
            El("form", [("method", "post"), ("action", SiteURL.teleworkChecklist(organization: org).path)]) {
                csrfField(context)
                El.void("input", [("type", "hidden"), ("name", "role"), ("value", model.role?.rawValue ?? "")])
                El.void("input", [("type", "hidden"), ("name", "threat"), ("value", model.threat?.rawValue ?? "")])
                for key in model.done.subtracting(shownKeys).sorted() {
                    El.void("input", [("type", "hidden"), ("name", "kept[]"), ("value", key)])
                }
                for role in content.roles where shown.contains(where: { $0.role == role.key }) {
                    El("fieldset", [("class", "card card-wide"), ("id", "role-\(role.key.rawValue)")]) {
                        El("legend") { Text(t(role.name)) }
                        El("ul", [("class", "measures")]) {
                            for item in shown where item.role == role.key {
                                El("li", [("data-item", item.key)]) {
                                    El("label", [("class", "measure")]) {
                                        El.void("input", [("type", "checkbox"), ("name", "done[]"), ("value", item.key)] + (model.done.contains(item.key) ? [("checked", nil)] : []))
                                        El("span") {
                                            El("strong") { Text(t(item.text)) }
                                            El("span", [("class", "hint")]) { Text(" " + t(item.why)) }
                                        }
                                    }
                                    El("p", [("class", "tags")]) {
                                        for threat in item.threats { El("span", [("class", "tag threat-\(threat.rawValue)")]) { Text(t(content.threat(threat))) } }
                                    }
                                }
                            }
                        }
                    }
                }
                FormField.submit(t(L.Telework.saveChecklist))
            }
            if !model.history.isEmpty {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "checklist-history")]) {
                    heading(2, t(L.Telework.checklistHistory), id: "checklist-history")
                    El("ul") {
                        for save in model.history {
                            El("li") { timeElement(save.at, context); Text(" — " + save.by + " — " + t(L.Telework.checklistProgress(save.done, content.checklist.count))) }
                        }
                    }
                }
            }
            El("p") { link(t(L.Telework.backToTelework), to: SiteURL.telework(organization: org).path) }
        }
    }

    static func sheet(_ model: SheetModel, context: PageContext) -> String {
        let t = context.t
        let (organizationID, organizationName, contact, language, printable, isOwner, form) =
            (model.organizationID, model.organizationName, model.contact, model.language, model.printable, model.isOwner, model.form)
        let sheet = TeleworkContent.bundled.sheet
        // Printed, the sheet is the page; on screen it sits under the page's own h1.
        let top = printable ? 1 : 2
        let body = El("article", [("class", "telework-sheet card card-wide"), ("lang", language.rawValue)]) {
            El("p", [("class", "organization-name")]) { Text(organizationName) }
            heading(top, sheet.title(language))
            div("sheet-columns") {
                El("section") {
                    heading(top + 1, "○ " + L.Telework.doTitle(language))
                    El("ul", [("class", "sheet-do")]) { for line in sheet.do { El("li") { Text(line(language)) } } }
                }
                El("section") {
                    heading(top + 1, "× " + L.Telework.dontTitle(language))
                    El("ul", [("class", "sheet-dont")]) { for line in sheet.dont { El("li") { Text(line(language)) } } }
                }
            }
            El("section", [("class", "sheet-contact")]) {
                heading(top + 1, L.Telework.whenTitle(language))
                paragraph(sheet.whenSomethingHappens(language))
                El("p", [("class", "contact-line"), ("id", "sheet-contact")]) {
                    El("strong") { Text(L.Telework.contactLabel(language) + L.Common.colon(language)) }
                    El("span", [("class", "preserve-lines")]) { Text(contact ?? L.Telework.contactMissing(language)) }
                }
            }
        }
        if printable {
            return Layout.printPage(title: sheet.title(language), context: context) { body }
        }
        return Layout.page(title: t(L.Telework.sheetTitle), context: context) {
            heading(1, t(L.Telework.sheetTitle))
            paragraph(t(L.Telework.sheetLead), class: "lead")
            El("form", [("method", "get"), ("action", SiteURL.teleworkSheet(organization: organizationID).path), ("class", "filters")]) {
                FormField.select("sheet", label: t(L.Telework.sheetLanguage), choices: [("ja", "日本語"), ("en", "English")],
                                 state: FormState(values: ["sheet": language.rawValue]), context: context)
                FormField.submit(t(L.Telework.showSheet), secondary: true)
            }
            body
            El("p", [("class", "actions")]) {
                link(t(L.Telework.printSheet), to: SiteURL.teleworkSheet(organization: organizationID, language: language.rawValue, print: true).path,
                     [("class", "button secondary")])
            }
            if isOwner {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "contact-form")]) {
                    heading(2, t(L.Telework.contactFormTitle), id: "contact-form")
                    paragraph(t(L.Telework.contactFormLead), class: "hint")
                    FormField.errorSummary(form, context: context)
                    El("form", [("method", "post"), ("action", SiteURL.teleworkContact(organization: organizationID).path)]) {
                        csrfField(context)
                        FormField.textArea("incidentContact", label: t(L.Telework.incidentContact),
                                           state: form.values.isEmpty ? FormState(values: ["incidentContact": contact ?? ""]) : form,
                                           context: context, maxLength: TeleworkService.maximumContact, rows: 2, placeholder: t(L.Telework.incidentContactHint))
                        FormField.submit(t(L.Telework.saveContact))
                    }
                }
            }
            El("p") { link(t(L.Telework.backToTelework), to: SiteURL.telework(organization: organizationID).path) }
        }
    }
}
