import Foundation
import MamoriCore
import Plot

enum OfficeStatisticsPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var statistics: ProgramStatistics
        var fiscalYear: Int
        /// Every expert with the companies assigned to them this year.
        var experts: [(ExpertRow, Int)]

        /// Applications in Tokyo and Shimane, two accepted, one of them with all its visits.
        static let mockStatistics = ProgramStatistics([
            .init(prefecture: Prefecture.withCode("32"), status: .accepted, visitsDone: 4, producedResults: true, deliverablesDone: Set(Deliverable.allCases)),
            .init(prefecture: Prefecture.withCode("13"), status: .accepted, visitsDone: 1, producedResults: nil, deliverablesDone: [.selfDiagnosis]),
            .init(prefecture: Prefecture.withCode("13"), status: .waitlisted, visitsDone: 0, producedResults: nil),
        ], visitsPerCompany: 4)

        static let mock = Model(statistics: mockStatistics, fiscalYear: ProgramSettingsSummary.mock.fiscalYear, experts: [(.mock, 2)])
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let statistics = model.statistics, experts = model.experts
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? t(L.Program.notApplicable) }
        let regions = Prefecture.Region.allCases
        let maximum = max(1, regions.map { statistics.byRegion[$0]?.applications ?? 0 }.max() ?? 1)
        return Layout.page(title: t(L.Program.statisticsTitle), context: context) {
            heading(1, t(L.Program.statisticsTitle) + " " + t(L.Program.fiscalYear(model.fiscalYear)))
            El("dl", [("class", "stats")]) {
                OfficeProgramPage.statBox(t(L.Program.statApplications), String(statistics.applications))
                OfficeProgramPage.statBox(t(L.Program.statAccepted), String(statistics.accepted))
                OfficeProgramPage.statBox(t(L.Program.statVisitsDone), String(statistics.visitsDone))
                OfficeProgramPage.statBox(t(L.Program.statCompletionRate), percent(statistics.completionRate))
                OfficeProgramPage.statBox(t(L.Program.statProducedResults), percent(statistics.producedResultsShare))
                OfficeProgramPage.statBox(t(L.Program.statOutsideMetro), percent(statistics.outsideMetropolitanShare))
            }
            paragraph(t(L.Program.statReference), class: "hint")
            El("section", [("aria-labelledby", "deliverable-counts")]) {
                heading(2, t(L.Program.deliverablesTitle), id: "deliverable-counts")
                paragraph(t(L.Policy.deliverableCountsLead), class: "hint")
                El("dl", [("class", "stats")]) {
                    for deliverable in Deliverable.allCases {
                        OfficeProgramPage.statBox(t(L.Program.deliverable(deliverable)), String(statistics.deliverableCounts[deliverable] ?? 0))
                    }
                    OfficeProgramPage.statBox(t(L.Policy.allDeliverables), String(statistics.allDeliverablesDone))
                }
            }
            div("actions") { link(t(L.Diagnosis.downloadCSV), to: SiteURL.officeStatisticsCSV.path, [("class", "button secondary")]) }
            El("section", [("aria-labelledby", "regions")]) {
                heading(2, t(L.Program.byRegionTitle), id: "regions")
                paragraph(t(L.Program.barLegend), class: "hint")
                Chart.bars(regions.map { region in
                    let count = statistics.byRegion[region] ?? .init()
                    return Chart.Bar(label: t(region.name), fraction: Double(count.applications) / Double(maximum), valueText: "\(count.applications) / \(count.accepted)")
                }, title: t(L.Program.byRegionTitle), description: regions.map { "\(t($0.name)): \(statistics.byRegion[$0]?.applications ?? 0)" }.joined(separator: ", "),
                   id: "region-chart")
                countTable(rows: regions.map { (t($0.name), statistics.byRegion[$0] ?? .init()) }, context: context)
            }
            El("section", [("aria-labelledby", "prefectures")]) {
                heading(2, t(L.Program.byPrefectureTitle), id: "prefectures")
                let withApplications = Prefecture.all.filter { (statistics.byPrefecture[$0.code]?.applications ?? 0) > 0 }
                let prefectureMaximum = max(1, withApplications.map { statistics.byPrefecture[$0.code]!.applications }.max() ?? 1)
                if !withApplications.isEmpty {
                    Chart.bars(withApplications.map { prefecture in
                        let count = statistics.byPrefecture[prefecture.code]!
                        return Chart.Bar(label: prefecture.name(context.locale), fraction: Double(count.applications) / Double(prefectureMaximum),
                                         valueText: "\(count.applications) / \(count.accepted)")
                    }, title: t(L.Program.byPrefectureTitle),
                       description: withApplications.map { "\($0.name(context.locale)): \(statistics.byPrefecture[$0.code]!.applications)" }.joined(separator: ", "),
                       id: "prefecture-chart")
                }
                countTable(rows: Prefecture.all.map { prefecture in
                    (prefecture.name(context.locale) + (prefecture.isMetropolitan ? " *" : ""), statistics.byPrefecture[prefecture.code] ?? .init())
                }, context: context)
                paragraph("* " + t(L.Program.metropolitan), class: "hint")
                paragraph(t(L.Program.prefecturesWithoutApplicationsHidden), class: "hint phone-only")
            }
            El("section", [("aria-labelledby", "load")]) {
                heading(2, t(L.Program.expertsLoadTitle), id: "load")
                if experts.isEmpty { paragraph(t(L.Organization.noExperts), class: "muted") } else {
                div("table-scroll") {
                    El("table", [("class", "compact cards-on-phone")]) {
                        tableHead([L.Program.expertName, L.Program.expertPrefecture, L.Program.navExpertCompanies].map(t))
                        El("tbody") {
                            for (expert, load) in experts {
                                El("tr") {
                                    El("th", [("scope", "row")]) { Text(expert.name) }
                                    El("td", [("data-label", t(L.Program.expertPrefecture))]) { Text(expert.prefecture.map { $0.name(context.locale) } ?? "") }
                                    El("td", [("class", "number"), ("data-label", t(L.Program.navExpertCompanies))]) { Text(t(L.Program.load(load, expert.maxCompanies))) }
                                }
                            }
                        }
                    }
                }
                }
            }
        }
    }

    private static func rowAttributes(_ count: ProgramStatistics.Count) -> [(String, String?)] {
        count.applications == 0 && count.accepted == 0 && count.completed == 0 ? [("class", "empty-row")] : []
    }

    private static func countTable(rows: [(String, ProgramStatistics.Count)], context: PageContext) -> Component {
        let t = context.t
        return div("table-scroll") {
            El("table", [("class", "compact cards-on-phone")]) {
                El("thead") {
                    El("tr") {
                        El("th", [("scope", "col")]) { Text(t(L.Organization.name)) }
                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.statApplications)) }
                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.statAccepted)) }
                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.completedLabel)) }
                    }
                }
                El("tbody") {
                    for (name, count) in rows {
                        // A phone shows only the rows with applications; 47 empty cards say nothing.
                        El("tr", rowAttributes(count)) {
                            El("th", [("scope", "row")]) { Text(name) }
                            El("td", [("class", "number"), ("data-label", t(L.Program.statApplications))]) { Text(String(count.applications)) }
                            El("td", [("class", "number"), ("data-label", t(L.Program.statAccepted))]) { Text(String(count.accepted)) }
                            El("td", [("class", "number"), ("data-label", t(L.Program.completedLabel))]) { Text(String(count.completed)) }
                        }
                    }
                }
            }
        }
    }
}
