import Foundation
import MamoriCore
import Plot

/// The report editor: the sections in a form (save as a new version, print or Word from what is
/// on screen), what is shown (a saved version or the generated draft), marking the shown
/// version as submitted, and the history of saved versions.
enum ReportPage {
    struct Model {
        var organizationID: UUID
        var incidentID: UUID
        var incidentTitle: String
        var report: IncidentReport
        /// What the form shows: a saved version's sections, the generated draft, or what was typed.
        var sections: [IncidentReport.Section]
        /// The language the text in the form is written in (kept with the saved version).
        var locale: AppLocale
        /// The saved version in the form; nil for the generated draft or a refused form.
        var shown: IncidentReportService.Summary?
        /// The shown version's content recomputed against the SHA-256 stored with it.
        var contentIntact: Bool?
        /// Newest first, at most `IncidentReportService.historyLimit`.
        var history: [IncidentReportService.Summary]
        /// A refused save: the values as typed and an error per section.
        var form: FormState = .empty

        /// The generated draft of the management report, nothing saved yet.
        static let mock = Model(organizationID: SiteURL.anyID, incidentID: SiteURL.anyID, incidentTitle: "サーバーが<暗号化>された", report: .management,
                                sections: [.init(heading: "1. 概要", text: "共有フォルダが<開けない>")], locale: .ja, shown: nil, contentIntact: nil, history: [])
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(model.report.title), context: context) {
            heading(1, t(model.report.title))
            paragraph(model.incidentTitle, class: "lead")
            paragraph(t(L.Reports.lead), class: "hint")
            statusNotice(model, context: context)
            editorForm(model, context: context)
            submitCard(model, context: context)
            historyCard(model, context: context)
            link(t(L.Incident.backToIncident), to: SiteURL.incident(organization: model.organizationID, incident: model.incidentID).path)
        }
    }

    /// A print page of sections: the title, the incident, optional notes (which version,
    /// submitted when, its SHA-256), then each section.
    static func printable(title: String, incidentTitle: String, notes: [String], sections: [ReportSection], context: PageContext) -> String {
        Layout.printPage(title: title, context: context) {
            heading(1, title)
            paragraph(incidentTitle, class: "lead")
            for note in notes { paragraph(note, class: "hint") }
            for section in sections {
                heading(2, section.heading)
                El("p", [("class", "preserve-lines")]) { Text(section.text) }
            }
        }
    }

    // MARK: Parts

    private static func editorURL(_ model: Model, version: UUID) -> String {
        SiteURL.incidentReportVersion(organization: model.organizationID, incident: model.incidentID, report: model.report.rawValue, version: version).path
    }

    private static func dateTime(_ date: Date?, _ context: PageContext) -> String {
        date.map { DateText.dateTime($0, context.locale) } ?? ""
    }

    /// Which text the form holds, and for a saved version: newer versions, submission, hash.
    private static func statusNotice(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        guard model.form.errors.isEmpty else { return EmptyComponent() }
        guard let shown = model.shown else { return paragraph(t(L.Reports.showingDraft), class: "notice") }
        let latest: IncidentReportService.Summary? = model.history.first
        let showing = t(L.Reports.showingVersion(shown.number, savedAt: dateTime(shown.createdAt, context), by: shown.authorName))
        return div("notice") {
            paragraph(showing + " " + t(L.Reports.writtenIn(shown.locale)))
            if let latest, latest.number != shown.number {
                El("p") {
                    Text(t(L.Reports.newerExists(latest.number)) + " ")
                    link(t(L.Reports.openLatest), to: editorURL(model, version: latest.id))
                }
            }
            if let submittedAt = shown.submittedAt {
                paragraph(t(L.Reports.submittedNotice(shown.number, when: dateTime(submittedAt, context), by: shown.submittedByName ?? "")))
                paragraph(t(L.Reports.frozenNotice))
            }
            hashLine(shown.sha256, intact: model.contentIntact, context: context)
        }
    }

    private static func hashLine(_ sha256: String, intact: Bool?, context: PageContext) -> Component {
        let t = context.t
        let verdict: String? = intact.map { $0 ? t(L.Reports.contentMatches) : t(L.Reports.contentAltered) }
        let verdictClass = intact == false ? "error" : "hint"
        return ComponentGroup {
            El("p") {
                Text(t(L.Reports.hashLabel) + t(L.Common.colon))
                El("code", [("class", "hash")]) { Text(sha256) }
            }
            if let verdict { paragraph(verdict, class: verdictClass) }
        }
    }

    private static func editorForm(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let org = model.organizationID, id = model.incidentID, kind = model.report.rawValue
        let saveAction = SiteURL.incidentReportVersions(organization: org, incident: id, report: kind).path
        let printAction = SiteURL.incidentReportPrint(organization: org, incident: id, report: kind).path
        let docxAction = SiteURL.incidentReportDocx(organization: org, incident: id, report: kind).path
        let state = formState(model)
        // The form's own action stays the print view (as before versions existed); the save and
        // Word buttons name their addresses.
        return El("form", [("method", "post"), ("action", printAction), ("id", "editor")]) {
            csrfField(context)
            FormField.errorSummary(model.form, context: context)
            El.void("input", [("type", "hidden"), ("name", "locale"), ("value", model.locale.rawValue)])
            for (index, section) in model.sections.enumerated() {
                El.void("input", [("type", "hidden"), ("name", "heading_\(index)"), ("value", section.heading)])
                FormField.textArea("text_\(index)", label: section.heading, state: state, context: context,
                                   maxLength: ReportVersionRules.maximumText, placeholder: section.placeholder, showOptional: false)
            }
            paragraph(t(L.Reports.saveHint), class: "hint")
            div("actions") {
                El("button", [("type", "submit"), ("class", "button"), ("formaction", saveAction)]) { Text(t(L.Reports.saveButton)) }
                El("button", [("type", "submit"), ("class", "button secondary")]) { Text(t(L.Reports.printOnScreen)) }
                El("button", [("type", "submit"), ("class", "button secondary"), ("formaction", docxAction)]) { Text(t(L.Reports.wordOnScreen)) }
            }
        }
    }

    /// The typed values of a refused form, otherwise the sections' texts.
    private static func formState(_ model: Model) -> FormState {
        if !model.form.values.isEmpty { return model.form }
        var values: [String: String] = [:]
        for (index, section) in model.sections.enumerated() { values["text_\(index)"] = section.text }
        return FormState(values: values, errors: model.form.errors)
    }

    /// Marking the shown saved version as submitted (not for the draft, a submitted version, or
    /// a version whose content no longer matches its hash).
    private static func submitCard(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        guard model.form.errors.isEmpty, let shown = model.shown, shown.submittedAt == nil, model.contentIntact != false else {
            return EmptyComponent()
        }
        let action = SiteURL.incidentReportSubmit(organization: model.organizationID, incident: model.incidentID,
                                                  report: model.report.rawValue, version: shown.id).path
        return El("section", [("class", "card"), ("id", "submit"), ("aria-labelledby", "submit-title")]) {
            heading(2, t(L.Reports.submitTitle), id: "submit-title")
            paragraph(t(L.Reports.submitExplanation))
            paragraph(t(L.Reports.submitUnsavedNote), class: "hint")
            El("form", [("method", "post"), ("action", action)]) {
                csrfField(context)
                El("button", [("type", "submit"), ("class", "button")]) { Text(t(L.Reports.submitButton(shown.number))) }
            }
        }
    }

    private static func historyCard(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let headings: [String] = [L.Reports.columnVersion, L.Reports.columnSaved, L.Reports.columnSubmitted,
                                  L.Reports.columnHash, L.Reports.columnActions].map(t)
        let bounded = model.history.count >= IncidentReportService.historyLimit
        return El("section", [("class", "card card-wide"), ("id", "versions"), ("aria-labelledby", "versions-title")]) {
            heading(2, t(L.Reports.historyTitle), id: "versions-title")
            if model.history.isEmpty {
                paragraph(t(L.Reports.historyEmpty), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead(headings)
                        El("tbody") {
                            for version in model.history { historyRow(version, model: model, context: context) }
                        }
                    }
                }
                if bounded { paragraph(t(L.Reports.historyBounded(model.history.count)), class: "hint") }
            }
        }
    }

    private static func rowAttributes(isShown: Bool) -> [(String, String?)] {
        isShown ? [("aria-current", "true")] : []
    }

    private static func historyRow(_ version: IncidentReportService.Summary, model: Model, context: PageContext) -> Component {
        let t = context.t
        let org = model.organizationID, id = model.incidentID, kind = model.report.rawValue
        let isShown = model.shown?.id == version.id
        let saved = t(L.Reports.savedBy(dateTime(version.createdAt, context), version.authorName))
        let printURL = SiteURL.incidentReportVersionPrint(organization: org, incident: id, report: kind, version: version.id).path
        let docxURL = SiteURL.incidentReportVersionDocx(organization: org, incident: id, report: kind, version: version.id).path
        let printLabel: [(String, String?)] = [("aria-label", t(L.Reports.printVersionLabel(version.number)))]
        let docxLabel: [(String, String?)] = [("aria-label", t(L.Reports.wordVersionLabel(version.number)))]
        let openLabel: [(String, String?)] = [("aria-label", t(L.Reports.openVersionLabel(version.number)))]
        return El("tr", rowAttributes(isShown: isShown)) {
            El("td", [("data-label", t(L.Reports.columnVersion))]) { Text(t(L.Reports.versionName(version.number))) }
            El("td", [("data-label", t(L.Reports.columnSaved))]) { Text(saved) }
            El("td", [("data-label", t(L.Reports.columnSubmitted))]) { submittedCell(version, context: context) }
            El("td", [("data-label", t(L.Reports.columnHash))]) { El("code", [("class", "hash")]) { Text(version.sha256) } }
            El("td", [("data-label", t(L.Reports.columnActions)), ("class", "row-actions")]) {
                if isShown {
                    El("strong") { Text(t(L.Reports.showing)) }
                } else {
                    link(t(L.Reports.openVersion), to: editorURL(model, version: version.id), openLabel)
                }
                Text(" ")
                link(t(L.Reports.printVersion), to: printURL, printLabel)
                Text(" ")
                link(t(L.Reports.wordVersion), to: docxURL, docxLabel)
            }
        }
    }

    private static func submittedCell(_ version: IncidentReportService.Summary, context: PageContext) -> Component {
        let t = context.t
        guard let submittedAt = version.submittedAt else { return Text(t(L.Reports.notSubmitted)) }
        let text = t(L.Reports.submittedOn(dateTime(submittedAt, context), version.submittedByName ?? ""))
        return El("strong", [("class", "submitted-mark")]) { Text(text) }
    }
}

extension IncidentPage {
    /// The reports that apply to the incident, and any other that has saved versions (the
    /// facts may have changed since it was written).
    static func reportsListed(_ model: Model) -> [IncidentReport] {
        let available = model.incident.availableReports
        return IncidentReport.allCases.filter { available.contains($0) || model.reports[$0.rawValue] != nil }
    }

    /// One line per report on the incident page: the latest saved version and the latest
    /// submitted one, or that nothing is saved yet.
    static func reportStatusLine(_ status: IncidentReportService.KindStatus?, context: PageContext) -> String {
        let t = context.t
        guard let status else { return t(L.Reports.notSavedYet) }
        let saved = status.latest.createdAt.map { DateText.dateTime($0, context.locale) } ?? ""
        var parts = [t(L.Reports.latestSaved(status.latest.number, saved))]
        if let submitted = status.submitted, let at = submitted.submittedAt {
            parts.append(t(L.Reports.latestSubmitted(submitted.number, DateText.dateTime(at, context.locale))))
        }
        return parts.joined(separator: t(L.Common.listSeparator))
    }
}
