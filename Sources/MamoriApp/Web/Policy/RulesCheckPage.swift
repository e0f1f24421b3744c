import Fluent
import Foundation
import MamoriCore
import Plot

/// Every chapter of the related rules with its current check, one form for all of them, the
/// exports and the history of checks.
enum RulesCheckPage {
    struct Check: Sendable {
        var chapter: String
        var status: RuleCheckStatus
        var note: String
        var owner: String
        var reviewOn: String?
        var checkedBy: String
        var checkedAt: Date?

        init(_ row: RuleCheck) {
            chapter = row.chapter
            status = row.checkStatus
            note = row.note
            owner = row.ownerName
            reviewOn = row.reviewOn
            checkedBy = row.checkedByName
            checkedAt = row.createdAt
        }
    }

    struct Row: Sendable {
        var chapter: String
        var number: Int
        var title: LocalizedText
        var current: Check?
        var ruleDocument: PolicyVersionSummary?
    }

    struct Model {
        var organizationID: UUID
        var rows: [Row]
        var history: Page<Check>
        var form: FormState = .empty
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let org = model.organizationID
        let statusChoices = RuleCheckStatus.allCases.map { ($0.rawValue, t(L.Rules.statusName($0))) }
        return Layout.page(title: t(L.Rules.title), context: context) {
            heading(1, t(L.Rules.title))
            paragraph(t(L.Rules.lead), class: "lead")
            El("p", [("class", "actions")]) {
                link(t(L.Rules.downloadCSV), to: SiteURL.rulesCheckCSV(organization: org).path, [("class", "button secondary")])
                Text(" ")
                link(t(L.Rules.downloadWord), to: SiteURL.rulesCheckDocx(organization: org).path, [("class", "button secondary")])
            }
            FormField.errorSummary(model.form, context: context)
            El("form", [("method", "post"), ("action", SiteURL.rulesCheck(organization: org).path)]) {
                csrfField(context)
                for row in model.rows {
                    let key = row.chapter
                    let state = model.form.values.isEmpty
                        ? FormState(values: ["status_\(key)": row.current?.status.rawValue ?? "", "note_\(key)": row.current?.note ?? "",
                                             "owner_\(key)": row.current?.owner ?? "", "reviewOn_\(key)": row.current?.reviewOn ?? ""])
                        : model.form
                    El("fieldset", [("class", "card card-wide rule-chapter status-\(row.current?.status.rawValue ?? "unchecked")"), ("id", "chapter-\(key)")]) {
                        El("legend") { Text("\(row.number). " + t(row.title)) }
                        El("p", [("class", "hint")]) {
                            Text(t(L.Rules.lastChecked) + t(L.Common.colon))
                            if let current = row.current {
                                timeElement(current.checkedAt, context, dateOnly: true)
                                Text(" " + current.checkedBy)
                            } else {
                                Text(t(L.Rules.neverChecked))
                            }
                        }
                        div("field-row") {
                            FormField.select("status_\(key)", label: t(L.Policy.status), choices: statusChoices, state: state, context: context,
                                             required: false, emptyLabel: t(L.Rules.neverChecked))
                            FormField.input("owner_\(key)", label: t(L.Rules.owner), state: state, context: context,
                                            options: .init(maxLength: RulesCheckService.Input.maximumOwner))
                            FormField.input("reviewOn_\(key)", label: t(L.Rules.reviewOn), state: state, context: context, options: .init(kind: .date))
                        }
                        FormField.textArea("note_\(key)", label: t(L.Rules.note), state: state, context: context,
                                           maxLength: RulesCheckService.Input.maximumNote, rows: 2)
                        El("p") {
                            if let document = row.ruleDocument {
                                Text(t(L.Rules.adoptedText) + t(L.Common.colon))
                                link(t(L.Policy.versionNumber(document.number)) + t(L.Common.parenthesized(t(L.Policy.statusName(document.status)))),
                                     to: SiteURL.policyVersion(organization: org, version: document.id).path)
                                Text(" · ")
                            }
                            link(t(L.Rules.checkPoints) + " / " + t(L.Rules.openRule), to: SiteURL.rulesChapter(organization: org, chapter: key).path)
                        }
                    }
                }
                FormField.submit(t(L.Rules.save))
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "history")]) {
                heading(2, t(L.Rules.historyTitle), id: "history")
                if model.history.items.isEmpty {
                    paragraph(t(L.Rules.historyEmpty), class: "muted")
                } else {
                    div("table-scroll") {
                        El("table", [("class", "compact cards-on-phone")]) {
                            tableHead([L.Rules.lastChecked, L.Rules.chapter, L.Policy.status, L.Rules.owner, L.Rules.note, L.Rules.checkedBy].map(t))
                            El("tbody") {
                                for check in model.history.items {
                                    El("tr") {
                                        El("td", [("data-label", t(L.Rules.lastChecked))]) { timeElement(check.checkedAt, context) }
                                        El("td", [("data-label", t(L.Rules.chapter))]) {
                                            Text(PolicyContent.bundled.chapter(check.chapter).map { t($0.title) } ?? check.chapter)
                                        }
                                        El("td", [("data-label", t(L.Policy.status))]) { Text(t(L.Rules.statusName(check.status))) }
                                        El("td", [("data-label", t(L.Rules.owner))]) { Text(check.owner) }
                                        El("td", [("data-label", t(L.Rules.note)), ("class", "preserve-lines")]) { Text(check.note) }
                                        El("td", [("data-label", t(L.Rules.checkedBy))]) { Text(check.checkedBy) }
                                    }
                                }
                            }
                        }
                    }
                    pagination(model.history, context: context) { SiteURL.rulesCheck(organization: org, page: $0).path }
                }
            }
            El("p") { link(t(L.Policy.backToPolicy), to: SiteURL.policy(organization: org).path) }
        }
    }
}

/// One chapter: what it decides, what to check, and the organization's own rule text.
enum RulesChapterPage {
    struct Model {
        var organizationID: UUID
        var chapter: PolicyContent.Chapter
        var current: RulesCheckPage.Check?
        var versions: [PolicyVersionSummary]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let org = model.organizationID
        let chapter = model.chapter
        let draft = model.versions.first { $0.status == .draft }
        return Layout.page(title: t(chapter.title), context: context) {
            heading(1, "\(chapter.number). " + t(chapter.title))
            paragraph(t(chapter.purpose), class: "lead")
            El("p") {
                Text(t(L.Policy.status) + t(L.Common.colon))
                El("strong") { Text(model.current.map { t(L.Rules.statusName($0.status)) } ?? t(L.Rules.neverChecked)) }
                Text(" · ")
                link(t(L.Rules.title), to: SiteURL.rulesCheck(organization: org).path + "#chapter-\(chapter.key)")
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "points")]) {
                heading(2, t(L.Rules.checkPoints), id: "points")
                El("ul") { for point in chapter.checkPoints { El("li") { Text(t(point)) } } }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "document")]) {
                heading(2, t(L.Rules.adoptedText), id: "document")
                paragraph(t(L.Rules.ruleDocumentLead), class: "hint")
                if let draft {
                    El("p") { link(t(L.Policy.openDraft) + t(L.Common.parenthesized(t(L.Policy.versionNumber(draft.number)))),
                                   to: SiteURL.policyVersion(organization: org, version: draft.id).path, [("class", "button")]) }
                } else {
                    El("form", [("method", "post"), ("action", SiteURL.policyVersions(organization: org).path)]) {
                        csrfField(context)
                        El.void("input", [("type", "hidden"), ("name", "document"), ("value", PolicyDocumentKind.rule(chapter: chapter.key).storageKey)])
                        El.void("input", [("type", "hidden"), ("name", "from"), ("value", "template")])
                        FormField.select("language", label: t(L.Policy.templateLanguage), choices: [("ja", "日本語"), ("en", "English")],
                                         state: FormState(values: ["language": context.locale.rawValue]), context: context)
                        FormField.submit(t(L.Rules.draftRule))
                    }
                }
                if !model.versions.isEmpty {
                    PolicyVersionTable(versions: model.versions, context: context) { SiteURL.policyVersion(organization: org, version: $0.id).path }
                    if model.versions.count > 1 {
                        El("p") { link(t(L.Policy.compareTitle), to: SiteURL.policyCompare(organization: org).path + "?document=rule.\(chapter.key)") }
                    }
                }
            }
        }
    }
}
