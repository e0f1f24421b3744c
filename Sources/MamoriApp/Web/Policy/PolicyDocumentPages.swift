import Foundation
import MamoriCore
import Plot

/// The policy as a document: print view, Word file and the public page `/p/<slug>`.
enum PolicyDocumentView {
    static func printPage(organizationName: String, version: PolicyVersionSummary, sections: [PolicySection], context: PageContext) -> String {
        let title = version.kind.title(version.locale)
        return Layout.printPage(title: title, context: context) {
            El("article", [("lang", version.locale.rawValue), ("class", "policy-text")]) {
                heading(1, title)
                El("p", [("class", "lead")]) { Text(organizationName + " — " + L.Policy.versionNumber(version.number)(version.locale)) }
                for section in sections {
                    heading(2, section.heading)
                    El("p", [("class", "preserve-lines")]) { Text(section.body) }
                }
            }
        }
    }

    /// A Word file in the document's own language: the title, the organization and version,
    /// then each section as a Heading 1 with its text.
    static func docx(organizationName: String, version: PolicyVersionSummary, sections: [PolicySection]) throws -> Data {
        var document = DocxDocument(language: version.locale == .ja ? "ja-JP" : "en-GB")
        document.blocks.append(.title(version.kind.title(version.locale)))
        document.blocks.append(.paragraph(organizationName + " — " + L.Policy.versionNumber(version.number)(version.locale)
                                          + " (" + L.Policy.statusName(version.status)(version.locale) + ")"))
        for section in sections {
            document.blocks.append(.heading(section.heading))
            for paragraph in section.body.components(separatedBy: "\n\n") { document.blocks.append(.paragraph(paragraph)) }
        }
        return try document.data()
    }
}

/// What the organization's customers and partners see at `/p/<slug>`: the latest published
/// basic policy, in the language it was written in, with the organization's name and date.
enum PublicPolicyPage {
    struct Model {
        var organizationName: String
        var version: PolicyVersionSummary
        var sections: [PolicySection]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let locale = model.version.locale
        let title = L.Policy.title(locale)
        let document = El("html", [("lang", locale.rawValue)]) {
            El("head") {
                El.void("meta", [("charset", "utf-8")])
                El.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                El("title") { Text("\(title) | \(model.organizationName)") }
                El.void("link", [("rel", "stylesheet"), ("href", SiteURL.stylesheet.path)])
            }
            El("body", [("class", "public-policy")]) {
                El("main", [("id", "main"), ("class", "container")]) {
                    El("article", [("class", "policy-text")]) {
                        El("p", [("class", "organization-name")]) { Text(model.organizationName) }
                        heading(1, title)
                        for section in model.sections {
                            heading(2, section.heading)
                            El("p", [("class", "preserve-lines")]) { Text(section.body) }
                        }
                        El("p", [("class", "hint")]) {
                            Text(L.Policy.publicEstablished(locale) + L.Common.colon(locale))
                            if let published = model.version.publishedAt {
                                El("time", [("datetime", DateText.iso(published))]) { Text(DateText.officialDate(published, locale)) }
                            }
                            Text(" — " + L.Policy.versionNumber(model.version.number)(locale))
                        }
                    }
                    El("footer", [("class", "hint")]) { Text(L.Policy.publicFooter(locale)) }
                }
            }
        }
        return "<!DOCTYPE html>\n" + HTMLWriter.render(document)
    }
}

/// Two versions side by side, line by line.
enum PolicyComparePage {
    struct Model {
        var organizationID: UUID
        var document: PolicyDocumentKind
        var versions: [PolicyVersionSummary]
        var before: PolicyVersionSummary?
        var after: PolicyVersionSummary?
        var rows: [LineDiff.Row]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let org = model.organizationID
        return Layout.page(title: t(L.Policy.compareTitle), context: context) {
            heading(1, t(L.Policy.compareTitle))
            paragraph(t(model.document.title), class: "lead")
            if model.versions.count < 2 {
                paragraph(t(L.Policy.compareNeedsTwo), class: "muted")
            } else {
                El("form", [("method", "get"), ("action", SiteURL.policyCompare(organization: org).path), ("class", "card card-wide inline-fields")]) {
                    El.void("input", [("type", "hidden"), ("name", "document"), ("value", model.document.storageKey)])
                    let choices = model.versions.map { ($0.id.uuidString, t(L.Policy.versionNumber($0.number)) + " — " + t(L.Policy.statusName($0.status))) }
                    FormField.select("before", label: t(L.Policy.compareBefore), choices: choices,
                                     state: FormState(values: ["before": model.before?.id.uuidString ?? ""]), context: context)
                    FormField.select("after", label: t(L.Policy.compareAfter), choices: choices,
                                     state: FormState(values: ["after": model.after?.id.uuidString ?? ""]), context: context)
                    FormField.submit(t(L.Policy.compareSubmit))
                }
                if let before = model.before, let after = model.after {
                    if model.rows.allSatisfy({ $0.kind == .same }) {
                        paragraph(t(L.Policy.noDifferences), class: "muted")
                    } else {
                        div("table-scroll") {
                            El("table", [("class", "diff")]) {
                                El("thead") {
                                    El("tr") {
                                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Policy.line)) }
                                        El("th", [("scope", "col")]) { Text(t(L.Policy.versionNumber(before.number))) }
                                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Policy.line)) }
                                        El("th", [("scope", "col")]) { Text(t(L.Policy.versionNumber(after.number))) }
                                    }
                                }
                                El("tbody") {
                                    for row in model.rows {
                                        El("tr", [("class", "diff-\(row.kind.rawValue)")]) {
                                            El("td", [("class", "number")]) { Text(row.leftNumber.map(String.init) ?? "") }
                                            El("td", [("class", "diff-left")]) {
                                                if row.kind != .same && row.left != nil { El("span", [("class", "visually-hidden")]) { Text(t(L.Policy.diffKind(row.kind == .added ? .removed : (row.kind == .changed ? .changed : .removed))) + ": ") } }
                                                Text(row.left ?? "")
                                            }
                                            El("td", [("class", "number")]) { Text(row.rightNumber.map(String.init) ?? "") }
                                            El("td", [("class", "diff-right")]) {
                                                if row.kind != .same && row.right != nil { El("span", [("class", "visually-hidden")]) { Text(t(L.Policy.diffKind(row.kind == .changed ? .changed : .added)) + ": ") } }
                                                Text(row.right ?? "")
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            El("p") {
                switch model.document {
                case .basicPolicy: link(t(L.Policy.backToPolicy), to: SiteURL.policy(organization: org).path)
                case .rule(let chapter): link(t(L.Policy.backToPolicy), to: SiteURL.rulesChapter(organization: org, chapter: chapter).path)
                }
            }
        }
    }
}
