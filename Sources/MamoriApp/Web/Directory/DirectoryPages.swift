import Fluent
import Foundation
import MamoriCore
import Plot

/// The public help directory: search by words, category and need; current entries grouped by
/// category with jump links, then the historical (2020) measures apart; one page per entry.
/// Models are plain values, so each page renders from its `.mock` without a database.
enum ContactsPage {
    struct Model {
        var results: [ContactDirectory.Contact]
        var query: String
        var category: String
        var need: String

        static let mock = Model(results: [DirectoryMocks.contact, DirectoryMocks.historical], query: "ランサム <検索>", category: "", need: "")
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let (results, query, category, need) = (model.results, model.query, model.category, model.need)
        let directory = ContactDirectory.bundled
        let current = results.filter { !$0.historical }
        let historical = results.filter(\.historical)
        let groups = directory.categories.compactMap { category -> (ContactDirectory.Category, [ContactDirectory.Contact])? in
            let members = current.filter { $0.category == category.key }
            return members.isEmpty ? nil : (category, members)
        }
        return Layout.page(title: t(L.Help.contactsTitle), context: context) {
            heading(1, t(L.Help.contactsTitle))
            paragraph(t(L.Help.contactsLead), class: "lead")
            El("p", [("class", "notice")]) { Text(t(L.Help.contactsDateNotice)) }
            El("form", [("method", "get"), ("action", SiteURL.contacts().path), ("class", "filters"), ("role", "search")]) {
                FormField.input("q", label: t(L.Help.searchLabel), state: FormState(values: ["q": query]), context: context, options: .init(type: "search", maxLength: TextLimit.name))
                FormField.select("need", label: t(L.Directory.needLabel), choices: DirectoryNeed.allCases.map { ($0.rawValue, t(L.Directory.need($0))) },
                                 state: FormState(values: ["need": need]), context: context, required: false, emptyLabel: t(L.Directory.allNeeds))
                FormField.select("category", label: t(L.Help.categoryLabel), choices: directory.categories.map { ($0.key, t($0.name)) },
                                 state: FormState(values: ["category": category]), context: context, required: false, emptyLabel: t(L.Help.allCategories))
                FormField.submit(t(L.Help.searchSubmit), secondary: true)
            }
            paragraph(t(L.Help.contactsCount(results.count)), class: "hint")
            if results.isEmpty { paragraph(t(L.Help.noContacts), class: "muted") }
            if groups.count > 1 {
                El("nav", [("class", "jump-links"), ("aria-label", t(L.Directory.jumpTo))]) {
                    El("ul") {
                        for (category, members) in groups {
                            El("li") { El("a", [("href", "#category-\(category.key)")]) { Text(t(category.name) + " (\(members.count))") } }
                        }
                        if !historical.isEmpty { El("li") { El("a", [("href", "#historical")]) { Text(t(L.Directory.historicalTitle) + " (\(historical.count))") } } }
                    }
                }
            }
            if !current.isEmpty {
                El("section", [("aria-labelledby", "current")]) {
                    heading(2, t(L.Directory.currentTitle), id: "current")
                    for (category, members) in groups {
                        El("section", [("id", "category-\(category.key)"), ("class", "contact-group")]) {
                            heading(3, t(category.name))
                            div("contacts") { for contact in members { ContactCard(contact: contact, context: context) } }
                        }
                    }
                }
            }
            if !historical.isEmpty {
                El("section", [("aria-labelledby", "historical"), ("class", "historical-section")]) {
                    heading(2, t(L.Directory.historicalTitle), id: "historical")
                    paragraph(t(L.Directory.historicalLead), class: "hint")
                    div("contacts") { for contact in historical { ContactCard(contact: contact, context: context) } }
                }
            }
        }
    }
}

/// One entry: everything known, what the office corrected, and a way to report it outdated.
enum ContactPage {
    struct Model {
        var entry: DirectoryService.Entry
        var reportForm: FormState = .empty

        static let mock = Model(entry: DirectoryMocks.corrected)
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let (entry, reportForm) = (model.entry, model.reportForm)
        let contact = entry.contact
        return Layout.page(title: t(contact.name), context: context) {
            heading(1, t(contact.name))
            ContactCard(contact: contact, context: context, showDetailsLink: false, showsName: false)
            El("p", [("class", "hint source-line")]) {
                Text(t(L.Directory.source) + t(L.Common.colon) + t(L.Directory.sourceTitle(contact.sourceSeed)))
                if let verified = entry.verifiedOn {
                    Text(" · " + t(L.Directory.verifiedOn) + t(L.Common.colon) + DateText.calendarDate(verified, context.locale))
                }
            }
            if let correction = entry.correction, !correction.isEmpty, let bundled = entry.bundled {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "corrections"), ("id", "corrections")]) {
                    heading(2, t(L.Directory.correctedTitle), id: "corrections")
                    paragraph(t(L.Directory.correctedLead), class: "hint")
                    div("table-scroll") {
                        El("table", [("class", "compact cards-on-phone")]) {
                            tableHead([L.Directory.entry, L.Directory.bundledValue, L.Directory.correctedValue].map(t))
                            El("tbody") {
                                for field in correction.fields {
                                    El("tr", [("data-field", field)]) {
                                        El("td", [("data-label", t(L.Directory.entry))]) { Text(t(L.Directory.fieldName(field))) }
                                        El("td", [("data-label", t(L.Directory.bundledValue))]) { Text(value(field, of: bundled, context)) }
                                        El("td", [("data-label", t(L.Directory.correctedValue))]) { Text(value(field, of: contact, context)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "report")]) {
                heading(2, t(L.Directory.reportTitle), id: "report")
                if context.principal == nil {
                    El("p") { link(t(L.Directory.reportSignIn), to: SiteURL.login(next: SiteURL.contact(id: contact.id).path).path) }
                } else {
                    paragraph(t(L.Directory.reportLead), class: "hint")
                    FormField.errorSummary(reportForm, context: context)
                    El("form", [("method", "post"), ("action", SiteURL.contactReports(id: contact.id).path)]) {
                        csrfField(context)
                        FormField.textArea("note", label: t(L.Directory.reportNote), state: reportForm, context: context, maxLength: TextLimit.text, rows: 3)
                        FormField.submit(t(L.Directory.reportSubmit), secondary: true)
                    }
                }
            }
            El("p") { link(t(L.Directory.backToList), to: SiteURL.contacts().path) }
        }
    }

    static func value(_ field: String, of contact: ContactDirectory.Contact, _ context: PageContext) -> String {
        let t = context.t
        return switch field {
        case "organization": t(contact.organization)
        case "name": t(contact.name)
        case "purpose": t(contact.purpose)
        case "category": ContactDirectory.bundled.categories.first { $0.key == contact.category }.map { t($0.name) } ?? contact.category
        case "phone": contact.phone ?? "—"
        case "email": contact.email ?? "—"
        case "url": contact.url ?? "—"
        case "hours": contact.hours.map(t) ?? "—"
        case "needs": contact.needs.map { t(L.Directory.need($0)) }.joined(separator: ", ")
        case "historical": t(contact.historical ? L.Program.yes : L.Program.no)
        default: ""
        }
    }
}

/// The office's view: every entry with its state, the open reports, and the edit form.
enum OfficeDirectoryPages {
    /// A report that an entry is outdated, as the office's list shows it.
    struct Report: Sendable {
        var id: UUID
        var entryID: String
        var note: String
        var reportedByName: String
        var createdAt: Date?
    }

    struct ListModel {
        var entries: [DirectoryService.Entry]
        var reports: Page<Report>

        static let mock = ListModel(entries: [DirectoryMocks.corrected, DirectoryService.Entry(contact: DirectoryMocks.historical, bundled: nil, retired: true)],
                                    reports: Page(items: [Report(id: UUID(), entryID: DirectoryMocks.contact.id, note: "電話番号が<古い>",
                                                                 reportedByName: "山田 <太郎>", createdAt: Date())],
                                                  metadata: PageMetadata(page: 1, per: 50, total: 1)))
    }

    /// The edit form: an existing entry when `entry` is set, a new one otherwise.
    struct FormModel {
        var entry: DirectoryService.Entry?
        var state: FormState

        static let mock = FormModel(entry: DirectoryMocks.corrected, state: FormState(values: values(of: DirectoryMocks.contact)))
    }

    static func list(_ model: ListModel, context: PageContext) -> String {
        let t = context.t
        let (entries, reports) = (model.entries, model.reports)
        return Layout.page(title: t(L.Directory.officeTitle), context: context) {
            heading(1, t(L.Directory.officeTitle))
            paragraph(t(L.Directory.officeLead), class: "lead")
            El("p") { link(t(L.Directory.addEntry), to: SiteURL.officeDirectoryNew.path, [("class", "button")]) }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "reports")]) {
                heading(2, t(L.Directory.openReportsTitle), id: "reports")
                if reports.items.isEmpty {
                    paragraph(t(L.Directory.noOpenReports), class: "muted")
                } else {
                    El("ul", [("class", "reports")]) {
                        for report in reports.items {
                            El("li", [("data-report", report.id.uuidString)]) {
                                El("p") {
                                    link(entries.first { $0.contact.id == report.entryID }.map { t($0.contact.name) } ?? report.entryID,
                                         to: SiteURL.officeDirectoryEntry(id: report.entryID).path)
                                    Text(" — " + report.reportedByName + " ")
                                    timeElement(report.createdAt, context)
                                }
                                if !report.note.isEmpty { El("p", [("class", "preserve-lines")]) { Text(report.note) } }
                                FormField.actionButton(t(L.Directory.resolve), action: SiteURL.officeDirectoryReportResolve(report: report.id).path, context: context)
                            }
                        }
                    }
                    pagination(reports, context: context) { SiteURL.officeDirectory(page: $0).path }
                }
            }
            div("table-scroll") {
                El("table", [("class", "compact cards-on-phone")]) {
                    tableHead([L.Directory.entry, L.Help.categoryLabel, L.Directory.status, L.Directory.verifiedOn, L.Directory.edit].map(t))
                    El("tbody") {
                        for entry in entries {
                            El("tr", [("data-entry", entry.contact.id)]) {
                                El("td", [("data-label", t(L.Directory.entry))]) { Text(t(entry.contact.name)) }
                                El("td", [("data-label", t(L.Help.categoryLabel))]) {
                                    Text(ContactDirectory.bundled.categories.first { $0.key == entry.contact.category }.map { t($0.name) } ?? entry.contact.category)
                                }
                                El("td", [("data-label", t(L.Directory.status))]) {
                                    if entry.retired { El("span", [("class", "tag")]) { Text(t(L.Directory.retiredMark)) } }
                                    if entry.correction.map({ !$0.isEmpty }) ?? false { El("span", [("class", "tag")]) { Text(t(L.Directory.correctedTitle)) } }
                                    if entry.bundled == nil { El("span", [("class", "tag")]) { Text(t(L.Directory.officeAdded)) } }
                                    if entry.contact.historical { El("span", [("class", "tag tag-historical")]) { Text(t(L.Directory.historicalMark)) } }
                                }
                                El("td", [("data-label", t(L.Directory.verifiedOn))]) { Text(entry.verifiedOn.map { DateText.calendarDate($0, context.locale) } ?? "—") }
                                El("td", [("data-label", t(L.Directory.edit))]) { link(t(L.Directory.edit), to: SiteURL.officeDirectoryEntry(id: entry.contact.id).path) }
                            }
                        }
                    }
                }
            }
        }
    }

    static func values(of contact: ContactDirectory.Contact) -> [String: String] {
        ["organizationJa": contact.organization.ja, "organizationEn": contact.organization.en, "nameJa": contact.name.ja, "nameEn": contact.name.en,
         "purposeJa": contact.purpose.ja, "purposeEn": contact.purpose.en, "category": contact.category, "phone": contact.phone ?? "",
         "email": contact.email ?? "", "url": contact.url ?? "", "hoursJa": contact.hours?.ja ?? "", "hoursEn": contact.hours?.en ?? "",
         "historical": contact.historical ? "on" : ""]
            .merging(Dictionary(uniqueKeysWithValues: contact.needs.map { ("need_\($0.rawValue)", "on") }), uniquingKeysWith: { $1 })
    }

    /// The edit form (an existing entry when `entry` is set, a new one otherwise).
    static func form(_ model: FormModel, context: PageContext) -> String {
        let t = context.t
        let (entry, state) = (model.entry, model.state)
        let action = entry.map { SiteURL.officeDirectoryEntry(id: $0.contact.id).path } ?? SiteURL.officeDirectoryNew.path
        return Layout.page(title: t(entry == nil ? L.Directory.addEntry : L.Directory.editTitle), context: context) {
            heading(1, t(entry == nil ? L.Directory.addEntry : L.Directory.editTitle))
            if let entry {
                El("p", [("class", "lead")]) { link(t(entry.contact.name), to: SiteURL.contact(id: entry.contact.id).path) }
                if entry.contact.emailLooksWrong { El("p", [("class", "notice")]) { Text(t(L.Directory.emailAsPrinted)) } }
            }
            FormField.errorSummary(state, context: context)
            El("form", [("method", "post"), ("action", action), ("class", "card card-wide")]) {
                csrfField(context)
                for (ja, en, jaLabel, enLabel, area) in [("organizationJa", "organizationEn", L.Directory.fieldOrganizationJa, L.Directory.fieldOrganizationEn, false),
                                                         ("nameJa", "nameEn", L.Directory.fieldNameJa, L.Directory.fieldNameEn, false),
                                                         ("purposeJa", "purposeEn", L.Directory.fieldPurposeJa, L.Directory.fieldPurposeEn, true),
                                                         ("hoursJa", "hoursEn", L.Directory.fieldHoursJa, L.Directory.fieldHoursEn, false)] {
                    if area {
                        FormField.textArea(ja, label: t(jaLabel), state: state, context: context, required: true, maxLength: TextLimit.text, rows: 3)
                        FormField.textArea(en, label: t(enLabel), state: state, context: context, maxLength: TextLimit.text, rows: 3)
                    } else {
                        FormField.input(ja, label: t(jaLabel), state: state, context: context, options: .init(required: ja != "hoursJa", maxLength: TextLimit.longLine))
                        FormField.input(en, label: t(enLabel), state: state, context: context, options: .init(hint: t(L.Directory.englishHint), maxLength: TextLimit.longLine))
                    }
                }
                FormField.select("category", label: t(L.Help.categoryLabel), choices: ContactDirectory.bundled.categories.map { ($0.key, t($0.name)) },
                                 state: state, context: context)
                FormField.input("phone", label: t(L.Help.phone), state: state, context: context, options: .init(type: "tel", maxLength: 30))
                FormField.input("email", label: t(L.Directory.email), state: state, context: context, options: .init(type: "email", maxLength: TextLimit.email))
                FormField.input("url", label: t(L.Help.website), state: state, context: context, options: .init(type: "url", maxLength: TextLimit.shortText))
                El("fieldset") {
                    El("legend") { Text(t(L.Directory.needLabel)) }
                    for need in DirectoryNeed.allCases {
                        El("label", [("class", "checkbox")]) {
                            El.void("input", [("type", "checkbox"), ("name", "need_\(need.rawValue)"), ("value", "on")]
                                    + (state.values["need_\(need.rawValue)"] == "on" ? [("checked", nil)] : []))
                            Text(" " + t(L.Directory.need(need)))
                        }
                    }
                }
                El("label", [("class", "checkbox")]) {
                    El.void("input", [("type", "checkbox"), ("name", "historical"), ("value", "on")] + (state.values["historical"] == "on" ? [("checked", nil)] : []))
                    Text(" " + t(L.Directory.historicalField))
                }
                FormField.submit(t(L.Common.save))
            }
            if let entry {
                div("actions") {
                    FormField.actionButton(t(entry.retired ? L.Directory.restore : L.Directory.retire),
                                           action: SiteURL.officeDirectoryAction(id: entry.contact.id, action: entry.retired ? "restore" : "retire").path,
                                           context: context, danger: !entry.retired)
                    FormField.actionButton(t(L.Directory.verifyToday), action: SiteURL.officeDirectoryAction(id: entry.contact.id, action: "verify").path, context: context)
                }
            }
            El("p") { link(t(L.Directory.officeTitle), to: SiteURL.officeDirectory().path) }
        }
    }
}

extension OfficeDirectoryPages.Report {
    init(_ report: DirectoryReport) {
        self.init(id: report.id!, entryID: report.entryID, note: report.note, reportedByName: report.reportedByName, createdAt: report.createdAt)
    }
}

/// Entries for the directory pages' mocks: typed text with markup, the same in both languages.
enum DirectoryMocks {
    static let contact = ContactDirectory.Contact(
        id: "mock-desk", organization: LocalizedText(ja: "Mamori <desk>", en: "Mamori <desk>"), name: LocalizedText(ja: "Help <desk>", en: "Help <desk>"),
        purpose: LocalizedText(ja: "相談を受け付けます。", en: "Takes questions."), category: ContactDirectory.bundled.categories[0].key,
        phone: "03-0000-0000", email: "desk@example.jp", url: "https://example.jp/desk", sourceSeed: "001", asOf: "2026-04-01", needs: [DirectoryNeed.allCases[0]])
    static let historical = ContactDirectory.Contact(
        id: "mock-measure", organization: LocalizedText(ja: "テスト省", en: "Test Ministry"), name: LocalizedText(ja: "2020年の支援", en: "Support in 2020"),
        purpose: LocalizedText(ja: "終了した支援です。", en: "A closed measure."), category: ContactDirectory.bundled.categories[0].key,
        sourceSeed: "001", asOf: "2020-04-01", kind: .measure, historical: true)
    /// The bundled entry with the office's correction of its phone number.
    static var corrected: DirectoryService.Entry {
        var edited = contact
        edited.phone = "03-1111-1111"
        return DirectoryService.Entry(contact: edited, bundled: contact, correction: DirectoryCorrection(from: contact, to: edited), verifiedOn: "2026-04-01")
    }
}
