import Foundation
import MamoriCore
import Plot

/// The plan page, the item editor, the print view and the Word file. Models are plain values.
enum PlanPages {
    struct Item: Sendable {
        var id: UUID
        var sourceKind: String
        var sourceKey: String
        var title: String
        var priority: Int
        var ownerName: String
        var start: PlanMonth?
        var due: PlanMonth?
        var status: PlanRules.Status
        var progress: Int
        var notes: String
        var dropReason: String?

        static let mock = Item(id: UUID(), sourceKind: "risk", sourceKey: "r1", title: "顧客名簿の<暗号化>", priority: 1, ownerName: "山田 <太郎>",
                               start: PlanMonth(year: 2026, month: 4), due: PlanMonth(year: 2026, month: 6), status: .inProgress, progress: 40,
                               notes: "", dropReason: nil)

        func overdue(_ today: PlanMonth) -> Bool { due.map { PlanRules.isOverdue(status: status, due: $0, today: today) } ?? false }
    }

    struct Model {
        var organizationID: UUID
        var organizationName: String
        var items: [Item]
        var agreedAt: Date?
        var agreedBy: String?
        var isOwner: Bool
        var today: PlanMonth
        var calendarLink: String?
        var addForm: FormState = .empty
        var comments: [Comment] = []
        /// Where comments are posted (the organization's or the expert's address).
        var commentAction: String?
        /// The assigned expert's view: the plan and comments, no editing.
        var readOnly = false
        var commentForm: FormState = .empty

        static let mock = Model(organizationID: SiteURL.anyID, organizationName: "株式会社<テスト>",
                                items: [.mock, Item(id: UUID(), sourceKind: "manual", sourceKey: "", title: "バックアップの確認", priority: 2, ownerName: "",
                                                    start: PlanMonth(year: 2026, month: 5), due: PlanMonth(year: 2026, month: 9), status: .notStarted,
                                                    progress: 0, notes: "", dropReason: nil)],
                                agreedAt: nil, agreedBy: nil, isOwner: true, today: PlanMonth(year: 2026, month: 5)!, calendarLink: nil,
                                comments: [Comment(author: "支援士 <鈴木>", byExpert: true, body: "順番は<これで>良いと思います", at: Date())],
                                commentAction: SiteURL.planComments(organization: SiteURL.anyID).path)

        var summary: (done: Int, total: Int, percent: Int) {
            let active = items.filter { $0.status != .dropped }
            let percent = active.isEmpty ? 0 : active.map(\.progress).reduce(0, +) / active.count
            return (active.filter { $0.status == .done }.count, active.count, percent)
        }
    }

    struct Comment: Sendable {
        var author: String
        var byExpert: Bool
        var body: String
        var at: Date?
    }

    /// The item editor.
    struct EditModel {
        var organizationID: UUID
        var item: Item
        var state: FormState

        static let mock = EditModel(organizationID: SiteURL.anyID, item: .mock, state: FormState(values: values(of: .mock)))
    }

    /// The edit form filled with the item as saved.
    static func values(of item: Item) -> [String: String] {
        ["title": item.title, "status": item.status.rawValue, "progress": String(item.progress), "ownerName": item.ownerName,
         "startMonth": item.start?.description ?? "", "dueMonth": item.due?.description ?? "", "notes": item.notes, "dropReason": item.dropReason ?? ""]
    }

    static func plan(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let org = model.organizationID
        let summary = model.summary
        return Layout.page(title: t(L.Plan.title), context: context) {
            heading(1, t(L.Plan.title))
            paragraph(t(L.Plan.lead), class: "lead")
            El("section", [("class", "card card-wide"), ("aria-labelledby", "plan-state")]) {
                heading(2, t(L.Plan.status), id: "plan-state")
                El("p", [("id", "plan-progress")]) { Text(t(L.Plan.progressSummary(done: summary.done, total: summary.total, percent: summary.percent))) }
                if let agreedAt = model.agreedAt {
                    El("p", [("class", "ready"), ("id", "plan-agreed")]) { Text(t(L.Plan.agreed(model.agreedBy ?? "")) + " "); timeElement(agreedAt, context) }
                } else if model.isOwner && !model.items.isEmpty && !model.readOnly {
                    paragraph(t(L.Plan.agreeHint), class: "hint")
                    FormField.actionButton(t(L.Plan.agree), action: SiteURL.planAgree(organization: org).path, context: context)
                } else {
                    paragraph(t(L.Plan.agreeHint), class: "hint")
                }
                if !model.readOnly {
                div("actions") {
                    El("form", [("method", "post"), ("action", SiteURL.planProposal(organization: org).path), ("class", "inline-form")]) {
                        csrfField(context)
                        FormField.submit(t(model.items.isEmpty ? L.Plan.propose : L.Plan.proposeAgain), secondary: !model.items.isEmpty)
                    }
                    Text(" ")
                    link(t(L.Plan.print), to: SiteURL.planPrint(organization: org).path, [("class", "button secondary")])
                    Text(" ")
                    link(t(L.Plan.downloadWord), to: SiteURL.planDocx(organization: org).path, [("class", "button secondary")])
                    Text(" ")
                    link(t(L.Risk.exportXLSX), to: SiteURL.planXLSX(organization: org).path, [("class", "button secondary")])
                }
                paragraph(t(L.Plan.proposeHint), class: "hint")
                }
            }
            if model.items.isEmpty {
                paragraph(t(L.Plan.empty), class: "muted")
            } else {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "timeline")]) {
                    heading(2, t(L.Plan.timelineTitle), id: "timeline")
                    let active = model.items.filter { $0.status != .dropped }
                    let first = min(model.today, active.compactMap(\.start).min() ?? model.today)
                    // Scrolls sideways on a phone rather than shrinking month labels below reading size.
                    div("chart-scroll") {
                    Chart.planTimeline(active.prefix(40).compactMap { item in
                        guard let start = item.start, let due = item.due else { return nil }
                        return Chart.PlanBar(label: "\(item.priority). " + item.title, start: start, due: due,
                                             state: item.status == .done ? "done" : (item.overdue(model.today) ? "overdue" : item.status.rawValue))
                    }, first: first, months: 13, title: t(L.Plan.timelineTitle), description: t(L.Plan.timelineDescription), id: "plan-chart")
                    }
                    paragraph(t(L.Plan.timelineDescription), class: "hint")
                }
                div("table-scroll") {
                    El("table", [("class", "compact cards-on-phone plan-table")]) {
                        tableHead(([L.Plan.priority, L.Plan.item, L.Plan.source, L.Plan.owner, L.Plan.startMonth, L.Plan.dueMonth, L.Plan.status,
                                    L.Plan.progress] + (model.readOnly ? [] : [L.Plan.edit])).map(t))
                        El("tbody") {
                            for (index, item) in model.items.enumerated() {
                                let overdue = item.overdue(model.today)
                                El("tr", [("id", "item-\(item.id.uuidString)"), ("class", overdue ? "overdue" : "status-\(item.status.rawValue)"),
                                          ("data-source", "\(item.sourceKind):\(item.sourceKey)")]) {
                                    El("td", [("data-label", t(L.Plan.priority)), ("class", "number")]) { Text(String(index + 1)) }
                                    El("td", [("data-label", t(L.Plan.item))]) {
                                        Text(item.title)
                                        if overdue { Text(" "); El("span", [("class", "tag tag-warning")]) { Text(t(L.Plan.overdue)) } }
                                    }
                                    El("td", [("data-label", t(L.Plan.source))]) { Text(t(L.Plan.sourceName(item.sourceKind))) }
                                    El("td", [("data-label", t(L.Plan.owner))]) { Text(item.ownerName.isEmpty ? "—" : item.ownerName) }
                                    El("td", [("data-label", t(L.Plan.startMonth)), ("class", "nowrap")]) { Text(item.start?.description ?? "—") }
                                    El("td", [("data-label", t(L.Plan.dueMonth)), ("class", "nowrap")]) { Text(item.due?.description ?? "—") }
                                    El("td", [("data-label", t(L.Plan.status)), ("class", "nowrap")]) { Text(t(L.Plan.statusName(item.status))) }
                                    El("td", [("data-label", t(L.Plan.progress)), ("class", "number")]) {
                                        El("progress", [("max", "100"), ("value", String(item.progress))]) { Text("\(item.progress)%") }
                                        Text(" \(item.progress)%")
                                    }
                                    if !model.readOnly {
                                    El("td", [("data-label", t(L.Plan.edit))]) {
                                        div("row-actions") {
                                            link(t(L.Plan.edit), to: SiteURL.planItem(organization: org, item: item.id).path, [("class", "button small secondary")])
                                            if index > 0 { FormField.actionButton(t(L.Plan.moveUp), action: SiteURL.planItemAction(organization: org, item: item.id, action: "up").path, context: context) }
                                            if index + 1 < model.items.count { FormField.actionButton(t(L.Plan.moveDown), action: SiteURL.planItemAction(organization: org, item: item.id, action: "down").path, context: context) }
                                        }
                                    }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            comments(model, context: context)
            if !model.readOnly {
            El("section", [("class", "card card-wide"), ("aria-labelledby", "add-item")]) {
                heading(2, t(L.Plan.addItem), id: "add-item")
                FormField.errorSummary(model.addForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.planItems(organization: org).path)]) {
                    csrfField(context)
                    FormField.input("title", label: t(L.Plan.item), state: model.addForm, context: context, options: .init(required: true, maxLength: TextLimit.longLine))
                    div("field-row") {
                        FormField.input("ownerName", label: t(L.Plan.owner), state: model.addForm, context: context, options: .init(maxLength: TextLimit.name))
                        FormField.input("startMonth", label: t(L.Plan.startMonth), state: model.addForm, context: context, options: .init(kind: .month))
                        FormField.input("dueMonth", label: t(L.Plan.dueMonth), state: model.addForm, context: context, options: .init(kind: .month))
                    }
                    FormField.submit(t(L.Plan.addItem), secondary: true)
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "calendar"), ("id", "calendar")]) {
                heading(2, t(L.Plan.calendarTitle), id: "calendar-title")
                paragraph(t(L.Plan.calendarLead), class: "hint")
                if let link = model.calendarLink {
                    El.void("input", [("type", "text"), ("readonly", nil), ("value", link), ("id", "calendar-link"), ("class", "secret")])
                }
                FormField.actionButton(t(L.Plan.calendarCreate), action: SiteURL.planCalendar(organization: org).path, context: context)
            }
            }
            paragraph(t(L.Plan.rule), class: "hint source")
        }
    }

    static func comments(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "plan-comments"), ("id", "comments")]) {
            heading(2, t(L.Plan.commentsTitle), id: "plan-comments")
            paragraph(t(L.Plan.commentsLead), class: "hint")
            if model.comments.isEmpty { paragraph(t(L.Plan.noComments), class: "muted") }
            El("ul", [("class", "comments")]) {
                for comment in model.comments {
                    El("li", [("class", "comment")]) {
                        El("p", [("class", "comment-meta")]) {
                            El("strong") { Text(comment.author) }
                            if comment.byExpert { Text(" (" + t(L.Policy.expertRole) + ")") }
                            Text(" ")
                            timeElement(comment.at, context)
                        }
                        El("p", [("class", "preserve-lines")]) { Text(comment.body) }
                    }
                }
            }
            if let action = model.commentAction {
                FormField.errorSummary(model.commentForm, context: context)
                El("form", [("method", "post"), ("action", action)]) {
                    csrfField(context)
                    FormField.textArea("body", label: t(L.Plan.commentLabel), state: model.commentForm, context: context, maxLength: TextLimit.longText, rows: 3,
                                       showOptional: false)
                    FormField.submit(t(L.Plan.addComment), secondary: true)
                }
            }
        }
    }

    static func edit(_ model: EditModel, context: PageContext) -> String {
        let t = context.t
        let (org, item, state) = (model.organizationID, model.item, model.state)
        return Layout.page(title: t(L.Plan.edit) + " — " + item.title, context: context) {
            heading(1, item.title)
            paragraph(t(L.Plan.source) + t(L.Common.colon) + t(L.Plan.sourceName(item.sourceKind)), class: "lead")
            FormField.errorSummary(state, context: context)
            El("form", [("method", "post"), ("action", SiteURL.planItem(organization: org, item: item.id).path), ("class", "card card-wide")]) {
                csrfField(context)
                FormField.input("title", label: t(L.Plan.item), state: state, context: context, options: .init(required: true, maxLength: TextLimit.longLine))
                div("field-row") {
                    FormField.input("ownerName", label: t(L.Plan.owner), state: state, context: context, options: .init(maxLength: TextLimit.name))
                    FormField.input("startMonth", label: t(L.Plan.startMonth), state: state, context: context, options: .init(kind: .month))
                    FormField.input("dueMonth", label: t(L.Plan.dueMonth), state: state, context: context, options: .init(kind: .month))
                }
                div("field-row") {
                    FormField.select("status", label: t(L.Plan.status), choices: PlanRules.Status.allCases.map { ($0.rawValue, t(L.Plan.statusName($0))) },
                                     state: state, context: context)
                    FormField.input("progress", label: t(L.Plan.progress), state: state, context: context,
                                    options: .init(type: "number", inputMode: "numeric", maxLength: 3))
                }
                FormField.input("dropReason", label: t(L.Plan.dropReason), state: state, context: context, options: .init(maxLength: TextLimit.shortText))
                FormField.textArea("notes", label: t(L.Plan.notes), state: state, context: context, maxLength: TextLimit.text, rows: 3)
                FormField.submit(t(L.Plan.save))
            }
            FormField.actionButton(t(L.Plan.remove), action: SiteURL.planItemAction(organization: org, item: item.id, action: "remove").path, context: context, danger: true)
            El("p") { link(t(L.Plan.title), to: SiteURL.plan(organization: org).path) }
        }
    }

    static func printable(_ model: Model, context: PageContext) -> String {
        let t = context.t
        return Layout.printPage(title: t(L.Plan.title), context: context) {
            heading(1, t(L.Plan.title))
            paragraph(model.organizationName, class: "lead")
            El("table", [("class", "compact")]) {
                tableHead([L.Plan.priority, L.Plan.item, L.Plan.owner, L.Plan.startMonth, L.Plan.dueMonth, L.Plan.status, L.Plan.progress].map(t))
                El("tbody") {
                    for (index, item) in model.items.enumerated() {
                        El("tr") {
                            El("td") { Text(String(index + 1)) }
                            El("td") { Text(item.title) }
                            El("td") { Text(item.ownerName) }
                            El("td") { Text(item.start?.description ?? "") }
                            El("td") { Text(item.due?.description ?? "") }
                            El("td") { Text(t(L.Plan.statusName(item.status))) }
                            El("td") { Text("\(item.progress)%") }
                        }
                    }
                }
            }
        }
    }

    static func docx(_ model: Model, locale: AppLocale) throws -> Data {
        var document = DocxDocument(language: locale == .ja ? "ja-JP" : "en-GB")
        document.blocks.append(.title(L.Plan.title(locale)))
        document.blocks.append(.paragraph(model.organizationName + " — " + DateText.officialCalendarDate(CalendarDate.today(), locale)))
        for (index, item) in model.items.enumerated() {
            document.blocks.append(.heading("\(index + 1). " + item.title))
            document.blocks.append(.paragraph([
                L.Plan.source(locale) + L.Common.colon(locale) + L.Plan.sourceName(item.sourceKind)(locale),
                L.Plan.owner(locale) + L.Common.colon(locale) + (item.ownerName.isEmpty ? "—" : item.ownerName),
                L.Plan.startMonth(locale) + L.Common.colon(locale) + (item.start?.description ?? "") + " / " + L.Plan.dueMonth(locale) + L.Common.colon(locale) + (item.due?.description ?? ""),
                L.Plan.status(locale) + L.Common.colon(locale) + L.Plan.statusName(item.status)(locale) + " (\(item.progress)%)",
            ].joined(separator: "\n")))
        }
        return try document.data()
    }
}

extension PlanPages.Item {
    init(_ item: PlanItem) {
        self.init(id: item.id!, sourceKind: item.sourceKind, sourceKey: item.sourceKey, title: item.title, priority: item.priority,
                  ownerName: item.ownerName, start: PlanMonth(item.startMonth), due: PlanMonth(item.dueMonth), status: item.planStatus,
                  progress: item.progress, notes: item.notes, dropReason: item.dropReason)
    }
}

extension PlanPages.Comment {
    init(_ comment: PlanComment) {
        self.init(author: comment.authorName, byExpert: comment.authorRole == Role.expert.rawValue, body: comment.body, at: comment.createdAt)
    }
}
