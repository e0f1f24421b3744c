import Foundation
import MamoriCore
import Plot

/// The organization's basic policy: where it stands, the published version and its address,
/// every version, a new draft, comparison and the way to the rules check.
enum PolicyOverviewPage {
    struct Model {
        var organizationID: UUID
        var organizationName: String
        var stage: PolicyStage
        var published: PolicyVersionSummary?
        var slug: String?
        var versions: [PolicyVersionSummary]
        var rules: RulesCheckService.Summary
        var isOwner: Bool

        static let mock = Model(organizationID: UUID(), organizationName: "株式会社<テスト>", stage: .draft, published: nil, slug: nil,
                                versions: [.mock], rules: .init(ok: 3, needsRevision: 2, missing: 4, unchecked: 3), isOwner: true)
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let org = model.organizationID
        let draft = model.versions.first { $0.status == .draft }
        return Layout.page(title: t(L.Policy.title), context: context) {
            heading(1, t(L.Policy.title))
            paragraph(t(L.Policy.lead), class: "lead")
            El("section", [("class", "card card-wide stage-\(model.stage.rawValue)"), ("aria-labelledby", "stage")]) {
                heading(2, t(L.Policy.progressTitle), id: "stage")
                El("ol", [("class", "steps")]) {
                    for stage in [PolicyStage.draft, .approved, .published] {
                        El("li", [("class", model.stage >= stage ? "met" : "unmet")]) {
                            El("span", [("class", "status-tag")]) { Text(t(model.stage >= stage ? L.Diagnosis.requirementMet : L.Diagnosis.requirementNotYet)) }
                            Text(" " + t(stageName(stage)))
                        }
                    }
                }
                El("p", [("class", model.stage == .published ? "ready" : "hint"), ("id", "policy-stage"), ("data-stage", model.stage.rawValue)]) {
                    Text(t(L.Policy.stageExplanation(model.stage)))
                }
                if let draft {
                    El("p") { link(t(L.Policy.openDraft) + t(L.Common.parenthesized(t(L.Policy.versionNumber(draft.number)))),
                                   to: SiteURL.policyVersion(organization: org, version: draft.id).path, [("class", "button")]) }
                } else {
                    El("form", [("method", "post"), ("action", SiteURL.policyVersions(organization: org).path), ("class", "inline-fields")]) {
                        csrfField(context)
                        El.void("input", [("type", "hidden"), ("name", "document"), ("value", "basic_policy")])
                        El.void("input", [("type", "hidden"), ("name", "from"), ("value", "template")])
                        FormField.select("language", label: t(L.Policy.templateLanguage), choices: [("ja", "日本語"), ("en", "English")],
                                         state: FormState(values: ["language": context.locale.rawValue]), context: context)
                        paragraph(t(L.Policy.templateHint), class: "hint")
                        FormField.submit(t(L.Policy.startFromTemplate))
                    }
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "published")]) {
                heading(2, t(L.Policy.publishedNow), id: "published")
                if let published = model.published, let slug = model.slug {
                    El("p") {
                        Text(t(L.Policy.versionNumber(published.number)) + " — " + t(L.Policy.publishedAt) + t(L.Common.colon))
                        timeElement(published.publishedAt, context, dateOnly: true)
                    }
                    El("p") {
                        Text(t(L.Policy.publicAddress) + t(L.Common.colon))
                        link(SiteURL.publicPolicy(slug: slug).path, to: SiteURL.publicPolicy(slug: slug).path, [("id", "public-link")])
                    }
                } else {
                    paragraph(t(L.Policy.notPublishedYet), class: "muted")
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "versions")]) {
                heading(2, t(L.Policy.versionsTitle), id: "versions")
                if model.versions.isEmpty {
                    paragraph(t(L.Policy.noVersions), class: "muted")
                } else {
                    PolicyVersionTable(versions: model.versions, context: context) { SiteURL.policyVersion(organization: org, version: $0.id).path }
                    if model.versions.count > 1 {
                        El("p") { link(t(L.Policy.compareTitle), to: SiteURL.policyCompare(organization: org).path) }
                    }
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "rules")]) {
                heading(2, t(L.Rules.title), id: "rules")
                paragraph(t(L.Rules.summary(ok: model.rules.ok, revise: model.rules.needsRevision, missing: model.rules.missing, unchecked: model.rules.unchecked)))
                El("p") { link(t(L.Rules.title), to: SiteURL.rulesCheck(organization: org).path, [("class", "button secondary")]) }
            }
        }
    }

    static func stageName(_ stage: PolicyStage) -> LocalizedText {
        switch stage {
        case .none, .draft: LocalizedText(ja: "下書きを作る", en: "Write a draft")
        case .approved: LocalizedText(ja: "経営者・責任者が承認する", en: "The owner approves it")
        case .published: LocalizedText(ja: "公開する", en: "Publish it")
        }
    }
}

/// Versions as a table (cards on phones through the `data-label` of each cell).
struct PolicyVersionTable: Component {
    let versions: [PolicyVersionSummary]
    let context: PageContext
    let url: (PolicyVersionSummary) -> String

    var body: Component {
        let t = context.t
        return div("table-scroll") {
            El("table", [("class", "compact cards-on-phone")]) {
                tableHead([L.Policy.version, L.Policy.status, L.Policy.createdBy, L.Policy.createdAt, L.Policy.approvedAt, L.Policy.publishedAt].map(t))
                El("tbody") {
                    for version in versions {
                        El("tr", [("data-status", version.status.rawValue)]) {
                            El("td", [("data-label", t(L.Policy.version))]) { link(t(L.Policy.versionNumber(version.number)), to: url(version)) }
                            El("td", [("data-label", t(L.Policy.status))]) {
                                El("span", [("class", "status-tag status-\(version.status.rawValue)")]) { Text(t(L.Policy.statusName(version.status))) }
                            }
                            El("td", [("data-label", t(L.Policy.createdBy))]) { Text(version.createdByName) }
                            El("td", [("data-label", t(L.Policy.createdAt))]) { timeElement(version.createdAt, context) }
                            El("td", [("data-label", t(L.Policy.approvedAt))]) {
                                timeElement(version.approvedAt, context, dateOnly: true)
                                if let name = version.approvedByName { Text(" " + name) }
                            }
                            El("td", [("data-label", t(L.Policy.publishedAt))]) { timeElement(version.publishedAt, context, dateOnly: true) }
                        }
                    }
                }
            }
        }
    }
}
