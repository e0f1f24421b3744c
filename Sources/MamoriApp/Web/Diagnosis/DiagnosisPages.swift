import Fluent
import Foundation
import MamoriCore
import Plot

/// A saved self-diagnosis as the history, comparison and combined pages show it.
struct DiagnosisRow {
    var id: UUID
    /// Calendar date in Asia/Tokyo, `yyyy-MM-dd`.
    var diagnosedOn: String
    var total: Int
    var band: String
    var siteLabel: String
    var respondentName: String

    /// A diagnosis of the given answers (for mocks).
    static func mock(site: String, on day: String, answers: DiagnosisAnswers) -> DiagnosisRow {
        let result = DiagnosisResult(answers)
        return DiagnosisRow(id: UUID(), diagnosedOn: day, total: result.total, band: result.band.rawValue, siteLabel: site, respondentName: "山田 <太郎>")
    }

    /// Answers for mocks: the four answers in turn, starting at `shift`.
    static func mockAnswers(_ shift: Int) -> DiagnosisAnswers {
        DiagnosisAnswers(answers: Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, DiagnosisAnswer.allCases[($0 + shift) % 4]) }))!
    }
}

extension DiagnosisRow {
    init(_ diagnosis: SelfDiagnosis) {
        self.init(id: diagnosis.id!, diagnosedOn: diagnosis.diagnosedOn, total: diagnosis.total, band: diagnosis.band, siteLabel: diagnosis.siteLabel,
                  respondentName: diagnosis.respondentName)
    }
}

enum DiagnosisHistoryPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        var page: Page<DiagnosisRow>
        /// Oldest first, for the chart and the comparison's choices.
        var trend: [DiagnosisRow]

        static var mock: Model {
            let trend = [DiagnosisRow.mock(site: "本社<東京>", on: "2024-04-01", answers: DiagnosisRow.mockAnswers(1)),
                         DiagnosisRow.mock(site: "本社<東京>", on: "2025-04-01", answers: DiagnosisRow.mockAnswers(0)),
                         DiagnosisRow.mock(site: "工場", on: "2025-04-02", answers: DiagnosisRow.mockAnswers(2))]
            return Model(organizationID: SiteURL.anyID, page: Page(items: trend.reversed(), metadata: PageMetadata(page: 1, per: 20, total: trend.count)), trend: trend)
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let content = DiagnosisContent.bundled
        let orgID = model.organizationID
        return Layout.page(title: t(L.Diagnosis.historyTitle), context: context) {
            heading(1, t(L.Diagnosis.historyTitle))
            div("actions") {
                link(t(L.Diagnosis.newDiagnosis), to: SiteURL.selfDiagnosis.path, [("class", "button")])
                if !model.page.items.isEmpty {
                    link(t(L.Diagnosis.combinedLink), to: SiteURL.diagnosesCombined(organization: orgID).path, [("class", "button secondary")])
                    link(t(L.Diagnosis.historyCSV), to: SiteURL.diagnosesCSV(organization: orgID).path, [("class", "button secondary")])
                }
            }
            if model.page.items.isEmpty {
                paragraph(t(L.Diagnosis.historyEmpty), class: "muted")
            } else {
                El("section", [("aria-labelledby", "trend")]) {
                    heading(2, t(L.Diagnosis.trendTitle), id: "trend")
                    let sites = Array(Set(model.trend.map(\.siteLabel))).sorted()
                    Chart.trend(model.trend.map { diagnosis in
                        Chart.Point(label: diagnosis.diagnosedOn, value: Double(diagnosis.total), series: sites.firstIndex(of: diagnosis.siteLabel) ?? 0)
                    }, seriesNames: sites, minValue: -25, maxValue: 100, guides: [0, 50, 70, 100],
                       title: t(L.Diagnosis.trendTitle),
                       description: model.trend.map { "\($0.diagnosedOn) \($0.siteLabel): \($0.total)" }.joined(separator: ", "),
                       id: "trend-chart")
                    if sites.count > 1 {
                        El("ul", [("class", "legend")]) {
                            for (index, site) in sites.enumerated() {
                                El("li", [("class", "series-\(index % 5)")]) { Text(site) }
                            }
                        }
                    }
                }
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead([L.Diagnosis.date, L.Diagnosis.resultTotal, L.Diagnosis.band, L.Diagnosis.siteLabel, L.Diagnosis.respondentName, L.Organization.actions].map(t))
                        El("tbody") {
                            for diagnosis in model.page.items {
                                El("tr") {
                                    El("td", [("data-label", t(L.Diagnosis.date))]) { El("time", [("datetime", diagnosis.diagnosedOn)]) { Text(DateText.calendarDate(diagnosis.diagnosedOn, context.locale)) } }
                                    El("td", [("class", "number"), ("data-label", t(L.Diagnosis.resultTotal))]) { Text(String(diagnosis.total)) }
                                    El("td", [("data-label", t(L.Diagnosis.band))]) { Text(DiagnosisBand(rawValue: diagnosis.band).map { t(content.band($0).title) } ?? diagnosis.band) }
                                    El("td", [("data-label", t(L.Diagnosis.siteLabel))]) { Text(diagnosis.siteLabel) }
                                    El("td", [("data-label", t(L.Diagnosis.respondentName))]) { Text(diagnosis.respondentName) }
                                    El("td") { link(t(L.Diagnosis.view), to: SiteURL.diagnosis(organization: orgID, diagnosis: diagnosis.id).path) }
                                }
                            }
                        }
                    }
                }
                pagination(model.page, context: context) { SiteURL.diagnoses(organization: orgID, page: $0).path }
                compareForm(model, context: context)
            }
        }
    }

    private static func compareForm(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let orgID = model.organizationID
        let choices = model.trend.reversed().map { ($0.id.uuidString, "\($0.diagnosedOn) \($0.siteLabel) (\($0.total))") }
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "compare")]) {
            heading(2, t(L.Diagnosis.compareTitle), id: "compare")
            if choices.count < 2 {
                paragraph(t(L.Diagnosis.compareNeedsTwo), class: "muted")
            } else {
                El("form", [("method", "get"), ("action", SiteURL.diagnosesCompare(organization: orgID).path), ("class", "filters")]) {
                    FormField.select("before", label: t(L.Diagnosis.compareBefore), choices: choices,
                                     state: FormState(values: ["before": choices[1].0]), context: context)
                    FormField.select("after", label: t(L.Diagnosis.compareAfter), choices: choices,
                                     state: FormState(values: ["after": choices[0].0]), context: context)
                    FormField.submit(t(L.Diagnosis.compareSubmit), secondary: true)
                }
            }
        }
    }
}

enum DiagnosisDetailPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        var diagnosis: DiagnosisRow
        var result: DiagnosisResult

        static var mock: Model {
            let answers = DiagnosisRow.mockAnswers(0)
            return Model(organizationID: SiteURL.anyID, diagnosis: .mock(site: "本社<東京>", on: "2025-04-01", answers: answers), result: DiagnosisResult(answers))
        }
    }

    static func render(_ model: Model, context: PageContext, printable: Bool) -> String {
        let t = context.t
        let diagnosis = model.diagnosis, result = model.result, organizationID = model.organizationID
        // The printed result is a program document: its date carries the era and the Western year.
        let diagnosedOn = printable ? DateText.officialCalendarDate(diagnosis.diagnosedOn, context.locale)
                                    : DateText.calendarDate(diagnosis.diagnosedOn, context.locale)
        let title = "\(t(L.Diagnosis.resultTitle)) — \(diagnosis.siteLabel) \(diagnosedOn)"
        let body: () -> Component = {
            ComponentGroup {
                heading(1, title)
                El("dl", [("class", "facts")]) {
                    El("dt") { Text(t(L.Diagnosis.siteLabel)) }
                    El("dd") { Text(diagnosis.siteLabel) }
                    El("dt") { Text(t(L.Diagnosis.respondentName)) }
                    El("dd") { Text(diagnosis.respondentName) }
                    El("dt") { Text(t(L.Diagnosis.diagnosedOn)) }
                    El("dd") { El("time", [("datetime", diagnosis.diagnosedOn)]) { Text(diagnosedOn) } }
                }
                if !printable {
                    div("actions no-print") {
                        link(t(L.Diagnosis.printView), to: SiteURL.diagnosisPrint(organization: organizationID, diagnosis: diagnosis.id).path, [("class", "button secondary")])
                        link(t(L.Diagnosis.downloadCSV), to: SiteURL.diagnosisCSV(organization: organizationID, diagnosis: diagnosis.id).path, [("class", "button secondary")])
                        link(t(L.Diagnosis.historyTitle), to: SiteURL.diagnoses(organization: organizationID).path, [("class", "button secondary")])
                    }
                }
                DiagnosisResultView(result: result, context: context, showAllAnswers: true)
            }
        }
        return printable ? Layout.printPage(title: title, context: context, content: body) : Layout.page(title: title, context: context, content: body)
    }
}

enum DiagnosisComparePage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        var before: DiagnosisRow
        var after: DiagnosisRow
        var comparison: DiagnosisComparison

        static var mock: Model {
            let before = DiagnosisRow.mockAnswers(1), after = DiagnosisRow.mockAnswers(0)
            return Model(organizationID: SiteURL.anyID, before: .mock(site: "本社<東京>", on: "2024-04-01", answers: before),
                         after: .mock(site: "本社<東京>", on: "2025-04-01", answers: after), comparison: DiagnosisComparison(before: before, after: after))
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let before = model.before, after = model.after, comparison = model.comparison, organizationID = model.organizationID
        let content = DiagnosisContent.bundled
        func changes(_ list: [DiagnosisComparison.Change], title: LocalizedText, id: String) -> Component {
            El("section", [("aria-labelledby", id)]) {
                heading(2, t(title) + t(L.Common.parenthesized(String(list.count))), id: id)
                if list.isEmpty {
                    paragraph(t(L.Diagnosis.compareNone), class: "muted")
                } else {
                    div("table-scroll") {
                        El("table", [("class", "compact")]) {
                            El("thead") {
                                El("tr") {
                                    El("th", [("scope", "col")]) { Text(t(L.Diagnosis.item)) }
                                    El("th", [("scope", "col")]) { Text(t(L.Diagnosis.compareBefore)) }
                                    El("th", [("scope", "col")]) { Text(t(L.Diagnosis.compareAfter)) }
                                }
                            }
                            El("tbody") {
                                for change in list {
                                    El("tr") {
                                        El("td") { Text("\(change.item). " + t(content.item(change.item).topic)) }
                                        El("td") { Text(t(content.answer(change.before).label)) }
                                        El("td") { El("strong") { Text(t(content.answer(change.after).label)) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Layout.page(title: t(L.Diagnosis.compareTitle), context: context) {
            heading(1, t(L.Diagnosis.compareTitle))
            paragraph("\(t(L.Diagnosis.compareBefore)): \(before.diagnosedOn) \(before.siteLabel) (\(before.total)) → \(t(L.Diagnosis.compareAfter)): \(after.diagnosedOn) \(after.siteLabel) (\(after.total))", class: "lead")
            paragraph(t(L.Diagnosis.compareTotalChange(comparison.totalChange)))
            changes(comparison.improved, title: L.Diagnosis.compareImproved, id: "improved")
            changes(comparison.worse, title: L.Diagnosis.compareWorse, id: "worse")
            paragraph(t(L.Diagnosis.compareUnchanged(comparison.unchanged.count)), class: "muted")
            link(t(L.Diagnosis.historyTitle), to: SiteURL.diagnoses(organization: organizationID).path)
        }
    }
}

enum DiagnosisCombinedPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        /// The weakest answer of the sites' latest diagnoses, item by item.
        var answers: DiagnosisAnswers
        var sites: [DiagnosisRow]

        static var mock: Model {
            let office = DiagnosisRow.mockAnswers(0), factory = DiagnosisRow.mockAnswers(2)
            return Model(organizationID: SiteURL.anyID, answers: DiagnosisAnswers.combiningWeakest([office, factory])!,
                         sites: [.mock(site: "本社<東京>", on: "2025-04-01", answers: office), .mock(site: "工場", on: "2025-04-02", answers: factory)])
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let answers = model.answers, sites = model.sites, organizationID = model.organizationID
        return Layout.page(title: t(L.Diagnosis.combinedTitle), context: context) {
            heading(1, t(L.Diagnosis.combinedTitle))
            El("p", [("class", "notice")]) { Text(t(L.Diagnosis.combinedRule)) }
            heading(2, t(L.Diagnosis.combinedSites))
            El("ul") {
                for site in sites {
                    El("li") { link("\(site.siteLabel) — \(site.diagnosedOn) (\(site.total))", to: SiteURL.diagnosis(organization: organizationID, diagnosis: site.id).path) }
                }
            }
            DiagnosisResultView(result: DiagnosisResult(answers), context: context, showAllAnswers: true)
        }
    }
}
