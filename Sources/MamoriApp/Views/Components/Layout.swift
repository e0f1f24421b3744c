import Foundation
import MamoriCore
import Plot
import Vapor

/// A short message shown once on the next page (after a redirect).
struct Flash: Codable, Sendable, Equatable {
    enum Kind: String, Codable, Sendable { case success, info, warning, error }
    let kind: Kind
    let text: LocalizedText
}

/// What every page needs to know about the request: language, who is signed in, the CSRF
/// token for its forms, messages to show, and where the language switch should come back to.
struct PageContext: Sendable {
    var locale: AppLocale
    var principal: Principal?
    var csrfToken: String
    var flashes: [Flash]
    var currentPath: String

    func t(_ text: LocalizedText) -> String { text(locale) }

    static func mock(locale: AppLocale = .ja, principal: Principal? = nil) -> PageContext {
        PageContext(locale: locale, principal: principal, csrfToken: "test-csrf", flashes: [], currentPath: "/")
    }
}

extension Request {
    private static let flashKey = "flash"

    func flash(_ kind: Flash.Kind, _ text: LocalizedText) {
        var flashes = pendingFlashes
        flashes.append(Flash(kind: kind, text: text))
        session.data[Self.flashKey] = String(decoding: (try? JSONEncoder().encode(flashes)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private var pendingFlashes: [Flash] {
        guard hasSession, let raw = session.data[Self.flashKey] else { return [] }
        return (try? JSONDecoder().decode([Flash].self, from: Data(raw.utf8))) ?? []
    }

    private static let revealKey = "reveal"

    /// Keeps a secret (a new invitation link or API token) for exactly one following page view,
    /// so the form can redirect (no duplicate on reload) and still show the secret once.
    func revealOnce(_ secret: String) {
        session.data[Self.revealKey] = secret
    }

    /// The secret kept by `revealOnce`, removed as it is read.
    func takeRevealedSecret() -> String? {
        guard hasSession, let secret = session.data[Self.revealKey] else { return nil }
        session.data[Self.revealKey] = nil
        return secret
    }

    /// The context for rendering a page; reading it consumes pending flash messages.
    func pageContext() -> PageContext {
        let flashes = pendingFlashes
        if !flashes.isEmpty { session.data[Self.flashKey] = nil }
        return PageContext(locale: locale, principal: principal, csrfToken: csrfToken, flashes: flashes,
                           currentPath: url.path + (url.query.map { "?\($0)" } ?? ""))
    }
}

/// The frame of every page: header with navigation by role, language switch, flash messages,
/// main content, footer.
enum Layout {
    static func page(title: String, context: PageContext, @ComponentBuilder content: @escaping () -> Component) -> String {
        let document = El("html", [("lang", context.locale.rawValue)]) {
            El("head") {
                El.void("meta", [("charset", "utf-8")])
                El.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                El("title") { Text("\(title) | \(context.t(L.Common.appName))") }
                El.void("link", [("rel", "stylesheet"), ("href", SiteURL.stylesheet.path)])
            }
            El("body") {
                El("a", [("class", "skip-link"), ("href", "#main")]) { Text(context.t(L.Common.skipToContent)) }
                header(context)
                El("main", [("id", "main"), ("class", "container")]) {
                    for flash in context.flashes {
                        El("div", [("class", "flash flash-\(flash.kind.rawValue)"), ("role", flash.kind == .error ? "alert" : "status")]) {
                            Text(context.t(flash.text))
                        }
                    }
                    content()
                }
                El("footer", [("class", "site-footer")]) {
                    div("container") {
                        paragraph(context.t(L.Common.footerNote))
                    }
                }
            }
        }
        let html = HTMLWriter.render(document)
        return "<!DOCTYPE html>\n" + ErrorSummaryNames.fill(html, separator: context.t(L.Common.fieldSeparator))
    }

    /// A page for printing: no navigation or forms, the content only.
    static func printPage(title: String, context: PageContext, @ComponentBuilder content: @escaping () -> Component) -> String {
        let document = El("html", [("lang", context.locale.rawValue)]) {
            El("head") {
                El.void("meta", [("charset", "utf-8")])
                El.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                El("title") { Text("\(title) | \(context.t(L.Common.appName))") }
                El.void("link", [("rel", "stylesheet"), ("href", SiteURL.stylesheet.path)])
            }
            El("body", [("class", "print-page")]) {
                El("main", [("id", "main"), ("class", "container")]) {
                    El("p", [("class", "print-brand")]) { Text(context.t(L.Common.appName) + " — " + DateText.officialDateTime(Date(), context.locale)) }
                    // On screen only: how to print, and the way back (the print view opens without the menu).
                    El("p", [("class", "print-help no-print")]) { Text(context.t(L.Common.printHelp)) }
                    content()
                }
            }
        }
        return "<!DOCTYPE html>\n" + HTMLWriter.render(document)
    }

    static func response(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    private static func header(_ context: PageContext) -> Component {
        El("header", [("class", "site-header")]) {
            div("container header-row") {
                El("a", [("class", "brand"), ("href", context.principal == nil ? SiteURL.home.path : SiteURL.dashboard.path)]) {
                    El("span", [("class", "brand-mark"), ("aria-hidden", "true")]) { Text("守") }
                    Text(context.t(L.Common.appName))
                }
                El("nav", [("aria-label", context.t(L.Common.mainNavigation)), ("class", "main-nav")]) {
                    El("ul") {
                        let entries = navigation(for: context)
                        // The current page is the longest link the address starts with.
                        let current = entries.flatMap(\.links).map(\.url).filter { $0 != "/" && context.currentPath.hasPrefix($0) }.max { $0.count < $1.count }
                        for entry in entries {
                            El("li") {
                                if entry.links.count == 1, let item = entry.links.first {
                                    El("a", [("href", item.url)] + (item.url == current ? [("aria-current", "page")] : [])) { Text(context.t(item.label)) }
                                } else {
                                    // A group opens without JavaScript; it starts open on its own pages.
                                    let here = entry.links.contains { $0.url == current }
                                    El("details", [("class", "nav-group" + (here ? " nav-group-current" : ""))]) {
                                        El("summary") { Text(context.t(entry.label)) }
                                        El("ul") {
                                            for item in entry.links {
                                                El("li") {
                                                    El("a", [("href", item.url)] + (item.url == current ? [("aria-current", "page")] : [])) { Text(context.t(item.label)) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                div("header-actions") {
                    languageSwitch(context)
                    if context.principal != nil {
                        El("form", [("method", "post"), ("action", SiteURL.logout.path), ("class", "inline-form")]) {
                            csrfField(context)
                            El("button", [("type", "submit"), ("class", "button-link")]) { Text(context.t(L.Common.logOut)) }
                        }
                    }
                }
            }
        }
    }

    /// The switch offers the other language; it is a form so that it also changes a signed-in
    /// user's setting, and it works without JavaScript.
    private static func languageSwitch(_ context: PageContext) -> Component {
        let other: AppLocale = context.locale == .ja ? .en : .ja
        return El("form", [("method", "post"), ("action", SiteURL.language.path), ("class", "inline-form language-switch")]) {
            csrfField(context)
            El.void("input", [("type", "hidden"), ("name", "lang"), ("value", other.rawValue)])
            El.void("input", [("type", "hidden"), ("name", "back"), ("value", context.currentPath)])
            El("button", [("type", "submit"), ("lang", other.rawValue), ("class", "button-link")]) {
                Text(other == .en ? "English" : "日本語")
            }
        }
    }

    /// One item of the main menu: a link, or a named group of links.
    struct NavEntry {
        let label: LocalizedText
        let links: [(label: LocalizedText, url: String)]

        static func link(_ label: LocalizedText, _ url: String) -> NavEntry { NavEntry(label: label, links: [(label, url)]) }
        static func group(_ label: LocalizedText, _ links: [(LocalizedText, String)]) -> NavEntry {
            NavEntry(label: label, links: links.map { (label: $0.0, url: $0.1) })
        }
    }

    /// The main menu of each role. An organization's many pages are grouped so the menu keeps
    /// to one line on a desktop and two on a phone; help in an emergency stays one click away.
    static func navigation(for context: PageContext) -> [NavEntry] {
        guard let principal = context.principal else {
            return [.link(L.Common.navHome, SiteURL.home.path), .link(L.Diagnosis.navDiagnosis, SiteURL.selfDiagnosis.path), .link(L.Program.navEligibility, SiteURL.eligibility.path),
                    .link(L.Help.navFirstAid, SiteURL.firstAid.path), .link(L.Help.navContacts, SiteURL.contacts().path),
                    .link(L.Common.logIn, SiteURL.login(next: nil).path), .link(L.Common.signUp, SiteURL.signup().path)]
        }
        var items: [NavEntry] = [.link(L.Common.navDashboard, SiteURL.dashboard.path)]
        switch principal.role {
        case .owner, .member:
            if let org = principal.organizationID {
                items.append(.link(L.Incident.navIncidents, SiteURL.incidents(organization: org).path))
                items.append(.group(L.Organization.navGroupStanding, [(L.Diagnosis.navDiagnosis, SiteURL.diagnoses(organization: org).path),
                                                         (L.Diagnosis.navSecurityAction, SiteURL.securityAction(organization: org).path),
                                                         (L.Telework.nav, SiteURL.telework(organization: org).path)]))
                items.append(.group(L.Organization.navGroupRules, [(L.Policy.nav, SiteURL.policy(organization: org).path),
                                                      (L.Risk.navAssets, SiteURL.assets(organization: org).path),
                                                      (L.Plan.nav, SiteURL.plan(organization: org).path)]))
                items.append(.link(L.Program.navProgram, SiteURL.orgProgram(organization: org).path))
                var organization: [(LocalizedText, String)] = [(L.Organization.navOrganizationDetails, SiteURL.organizationDetails(organization: org).path),
                                                               (L.Common.navMembers, SiteURL.members(organization: org).path)]
                if principal.isOwner {
                    organization.append((L.Reminders.nav, SiteURL.reminders(organization: org).path))
                    organization.append((L.Common.navTokens, SiteURL.tokens(organization: org).path))
                }
                organization.append((L.Common.navAudit, SiteURL.audit(organization: org).path))
                organization.append((L.Common.navSettings, SiteURL.settings.path))
                items.append(.group(L.Organization.navGroupOrganization, organization))
            } else {
                items.append(.link(L.Common.navSettings, SiteURL.settings.path))
            }
            // Help when something happens stays one click away after signing in.
            items.append(.link(L.Help.navFirstAid, SiteURL.firstAid.path))
            items.append(.link(L.Help.navContacts, SiteURL.contacts().path))
            return items
        case .officeAdmin:
            items.append(.link(L.Program.navProgram, SiteURL.officeProgram.path))
            items.append(.link(L.Program.navApplications, SiteURL.officeApplications().path))
            items.append(.link(L.Program.navStatistics, SiteURL.officeStatistics.path))
            items.append(.link(L.Common.navOrganizations, SiteURL.officeOrganizations().path))
            items.append(.link(L.Common.navExperts, SiteURL.officeExperts.path))
            items.append(.link(L.Help.navFirstAid, SiteURL.firstAid.path))
            // The office's directory item opens its editing view of the same contacts.
            items.append(.link(L.Help.navContacts, SiteURL.officeDirectory().path))
            items.append(.link(L.Common.navAudit, SiteURL.officeAudit().path))
        case .expert:
            items.append(.link(L.Program.navExpertCompanies, SiteURL.expertCompanies.path))
            items.append(.link(L.Help.navFirstAid, SiteURL.firstAid.path))
            items.append(.link(L.Help.navContacts, SiteURL.contacts().path))
        }
        items.append(.link(L.Common.navSettings, SiteURL.settings.path))
        return items
    }
}

func csrfField(_ context: PageContext) -> Component {
    El.void("input", [("type", "hidden"), ("name", CSRFMiddleware.formField), ("value", context.csrfToken)])
}
