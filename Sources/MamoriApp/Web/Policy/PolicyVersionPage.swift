import Foundation
import MamoriCore
import Plot

/// One version of the policy or a rule: the editor for a draft, the text otherwise, the
/// owner's workflow buttons, and comments per section. The assigned expert sees the same page
/// read-only, with the comment forms.
enum PolicyVersionPage {
    enum Mode {
        case organization(id: UUID, isOwner: Bool)
        case expert(applicationID: UUID)
    }

    struct Model {
        var organizationName: String
        var version: PolicyVersionSummary
        var sections: [PolicySection]
        var comments: [PolicyCommentView]
        var mode: Mode
        var slug: String?
        var editForm: FormState = .empty
        var publishForm: FormState = .empty
        var commentForm: FormState = .empty

        static let mock = Model(organizationName: "株式会社<テスト>", version: .mock,
                                sections: [PolicySection(id: "a1", heading: "目的 <script>", body: "当社は…")],
                                comments: [], mode: .organization(id: UUID(), isOwner: true), slug: nil)
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let version = model.version
        let title = t(version.kind.title) + " " + t(L.Policy.versionNumber(version.number))
        return Layout.page(title: title, context: context) {
            heading(1, title)
            El("p", [("class", "lead")]) {
                Text(model.organizationName + " — ")
                El("span", [("class", "status-tag status-\(version.status.rawValue)"), ("id", "version-status"), ("data-status", version.status.rawValue)]) {
                    Text(t(L.Policy.statusName(version.status)))
                }
            }
            if case .rule = version.kind { paragraph(t(L.Rules.ruleDocumentLead), class: "hint") }
            switch model.mode {
            case .organization(let org, let isOwner):
                if version.status == .draft {
                    editor(model, org: org, context: context)
                } else {
                    documentText(model, context: context)
                }
                workflow(model, org: org, isOwner: isOwner, context: context)
                comments(model, context: context, action: SiteURL.policyComments(organization: org, version: version.id).path,
                         resolveURL: isOwner ? { SiteURL.policyCommentResolve(organization: org, version: version.id, comment: $0).path } : nil)
                El("p", [("class", "actions")]) {
                    link(t(L.Policy.printView), to: SiteURL.policyVersionPrint(organization: org, version: version.id).path, [("class", "button secondary")])
                    Text(" ")
                    link(t(L.Policy.downloadWord), to: SiteURL.policyVersionDocx(organization: org, version: version.id).path, [("class", "button secondary")])
                }
                El("p") {
                    switch version.kind {
                    case .basicPolicy: link(t(L.Policy.backToPolicy), to: SiteURL.policy(organization: org).path)
                    case .rule(let chapter): link(t(L.Policy.backToPolicy), to: SiteURL.rulesChapter(organization: org, chapter: chapter).path)
                    }
                }
            case .expert(let application):
                documentText(model, context: context)
                comments(model, context: context, action: SiteURL.expertPolicyComments(application: application, version: version.id).path, resolveURL: nil)
                El("p") { link(t(L.Policy.expertReviewTitle), to: SiteURL.expertPolicy(application: application).path) }
            }
        }
    }

    /// The sections as read (not editable), each with its open comments count.
    private static func documentText(_ model: Model, context: PageContext) -> Component {
        El("article", [("class", "card card-wide policy-text"), ("lang", model.version.locale.rawValue)]) {
            for (index, section) in model.sections.enumerated() {
                El("section", [("id", "section-\(index)")]) {
                    heading(2, section.heading)
                    El("p", [("class", "preserve-lines")]) { Text(section.body) }
                    let open = model.comments.filter { $0.sectionID == section.id && $0.resolvedAt == nil }.count
                    if open > 0 { El("p", [("class", "hint")]) { link(context.t(L.Policy.openComments(open)), to: "#comments-\(section.id)") } }
                }
            }
        }
    }

    /// One form holds every section; the buttons move, remove or add a section as they save.
    private static func editor(_ model: Model, org: UUID, context: PageContext) -> Component {
        let t = context.t
        let form = model.editForm
        let rows: [(id: String, heading: String, body: String)] = form.values.isEmpty
            ? model.sections.map { ($0.id, $0.heading, $0.body) }
            : (0..<(Int(form.values["count"] ?? "") ?? 0)).map { (form.values["id_\($0)"] ?? "", form.values["heading_\($0)"] ?? "", form.values["body_\($0)"] ?? "") }
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "editor")]) {
            heading(2, t(L.Policy.editTitle), id: "editor")
            FormField.errorSummary(form, context: context)
            El("form", [("method", "post"), ("action", SiteURL.policyVersion(organization: org, version: model.version.id).path), ("class", "policy-editor")]) {
                csrfField(context)
                El.void("input", [("type", "hidden"), ("name", "count"), ("value", String(rows.count))])
                for (index, row) in rows.enumerated() {
                    El("fieldset", [("class", "policy-section"), ("id", "section-\(index)")]) {
                        El("legend") { Text(t(L.Policy.sectionLabel(index + 1))) }
                        El.void("input", [("type", "hidden"), ("name", "id_\(index)"), ("value", row.id)])
                        let state = FormState(values: ["heading_\(index)": row.heading, "body_\(index)": row.body], errors: form.errors)
                        FormField.input("heading_\(index)", label: t(L.Policy.heading), state: state, context: context,
                                        options: .init(required: true, maxLength: PolicySection.maximumHeading))
                        FormField.textArea("body_\(index)", label: t(L.Policy.body), state: state, context: context,
                                           maxLength: PolicySection.maximumBody, showOptional: false)
                        let open = model.comments.filter { $0.sectionID == row.id && $0.resolvedAt == nil }.count
                        if open > 0 { El("p", [("class", "hint")]) { link(t(L.Policy.openComments(open)), to: "#comments-\(row.id)") } }
                        div("section-actions") {
                            if index > 0 { sectionButton(t(L.Policy.moveUp), value: "up_\(index)") }
                            if index + 1 < rows.count { sectionButton(t(L.Policy.moveDown), value: "down_\(index)") }
                            if rows.count > 1 { sectionButton(t(L.Policy.remove), value: "remove_\(index)", danger: true) }
                        }
                    }
                }
                El("fieldset", [("class", "policy-section new-section")]) {
                    El("legend") { Text(t(L.Policy.addSection)) }
                    paragraph(t(L.Policy.newSectionHint), class: "hint")
                    FormField.input("new_heading", label: t(L.Policy.heading), state: FormState(values: [:], errors: form.errors), context: context,
                                    options: .init(maxLength: PolicySection.maximumHeading))
                    FormField.textArea("new_body", label: t(L.Policy.body), state: .empty, context: context, maxLength: PolicySection.maximumBody, rows: 4)
                    sectionButton(t(L.Policy.addSection), value: "add")
                }
                div("actions") {
                    El("button", [("type", "submit"), ("name", "action"), ("value", "save"), ("class", "button")]) { Text(t(L.Policy.saveDraft)) }
                }
            }
        }
    }

    private static func sectionButton(_ label: String, value: String, danger: Bool = false) -> Component {
        El("button", [("type", "submit"), ("name", "action"), ("value", value), ("class", danger ? "button small danger" : "button small secondary")]) { Text(label) }
    }

    private static func workflow(_ model: Model, org: UUID, isOwner: Bool, context: PageContext) -> Component {
        let t = context.t
        let version = model.version
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "workflow")]) {
            heading(2, t(L.Policy.status), id: "workflow")
            El("ul", [("class", "checklist")]) {
                El("li") { Text(t(L.Policy.createdBy) + t(L.Common.colon) + version.createdByName + " "); timeElement(version.createdAt, context) }
                if let approved = version.approvedAt {
                    El("li") { Text(t(L.Policy.approvedAt) + t(L.Common.colon) + (version.approvedByName ?? "") + " "); timeElement(approved, context) }
                }
                if let published = version.publishedAt {
                    El("li") { Text(t(L.Policy.publishedAt) + t(L.Common.colon)); timeElement(published, context) }
                }
            }
            if !isOwner && (version.status == .draft || version.status == .approved) { paragraph(t(L.Policy.ownerOnlyHint), class: "hint") }
            if isOwner && version.status == .draft {
                paragraph(t(L.Policy.approveHint), class: "hint")
                FormField.actionButton(t(L.Policy.approve), action: SiteURL.policyVersionStep(organization: org, version: version.id, step: "approve").path, context: context)
            }
            if isOwner && version.kind.isPublishable && (version.status == .approved || version.status == .published) {
                FormField.errorSummary(model.publishForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.policyVersionStep(organization: org, version: version.id, step: "publish").path)]) {
                    csrfField(context)
                    let state = model.publishForm.values.isEmpty ? FormState(values: ["slug": model.slug ?? ""]) : model.publishForm
                    FormField.input("slug", label: t(L.Policy.slug), state: state, context: context,
                                    options: .init(required: true, hint: t(L.Policy.slugHint), maxLength: PolicySlug.maximumLength))
                    FormField.submit(t(L.Policy.publish))
                }
            }
            if version.status == .draft {
                // Set apart from "approve": a slip of the finger must not throw the draft away.
                div("danger-zone") {
                    FormField.actionButton(t(L.Policy.discard), action: SiteURL.policyVersionStep(organization: org, version: version.id, step: "discard").path,
                                           context: context, danger: true)
                }
            } else if version.status != .discarded {
                El("form", [("method", "post"), ("action", SiteURL.policyVersions(organization: org).path), ("class", "inline-form")]) {
                    csrfField(context)
                    El.void("input", [("type", "hidden"), ("name", "document"), ("value", version.kind.storageKey)])
                    El.void("input", [("type", "hidden"), ("name", "from"), ("value", "copy")])
                    El.void("input", [("type", "hidden"), ("name", "versionID"), ("value", version.id.uuidString)])
                    FormField.submit(t(L.Policy.editAsNewDraft), secondary: true)
                }
            }
        }
    }

    /// Comments grouped by section, each group with its own form.
    private static func comments(_ model: Model, context: PageContext, action: String, resolveURL: ((UUID) -> String)?) -> Component {
        let t = context.t
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "comments"), ("id", "comments")]) {
            heading(2, t(L.Policy.commentsTitle), id: "comments-title")
            paragraph(t(L.Policy.commentsLead), class: "hint")
            FormField.errorSummary(model.commentForm, context: context)
            for section in model.sections {
                El("div", [("class", "comment-group"), ("id", "comments-\(section.id)")]) {
                    heading(3, section.heading)
                    let list = model.comments.filter { $0.sectionID == section.id }
                    if list.isEmpty {
                        paragraph(t(L.Policy.noComments), class: "muted")
                    } else {
                        El("ul", [("class", "comments")]) {
                            for comment in list {
                                El("li", [("class", comment.resolvedAt == nil ? "comment open" : "comment resolved")]) {
                                    El("p", [("class", "comment-meta")]) {
                                        El("strong") { Text(comment.authorName) }
                                        if comment.byExpert { Text(" (" + t(L.Policy.expertRole) + ")") }
                                        Text(" ")
                                        timeElement(comment.createdAt, context)
                                        if comment.resolvedAt != nil {
                                            Text(" — ")
                                            El("span", [("class", "status-tag")]) { Text(t(L.Policy.resolved)) }
                                        }
                                    }
                                    El("p", [("class", "preserve-lines")]) { Text(comment.body) }
                                    if comment.resolvedAt == nil, let resolveURL {
                                        FormField.actionButton(t(L.Policy.resolve), action: resolveURL(comment.id), context: context)
                                    }
                                }
                            }
                        }
                    }
                    El("form", [("method", "post"), ("action", action), ("class", "comment-form")]) {
                        csrfField(context)
                        El.void("input", [("type", "hidden"), ("name", "sectionID"), ("value", section.id)])
                        // One field name per section keeps every label tied to its own text area.
                        let mine = model.commentForm.values["sectionID"] == section.id
                        FormField.textArea("comment_\(section.id)", label: t(L.Policy.commentLabel),
                                           state: mine ? model.commentForm : .empty, context: context, maxLength: TextLimit.longText, rows: 2, showOptional: false)
                        FormField.submit(t(L.Policy.addComment), secondary: true)
                    }
                }
            }
        }
    }
}
