import MamoriCore
import Plot
import Vapor

enum FirstAidPage {

    /// Contacts for a first-aid case: those the content names for its incident kind.
    static func contacts(for kind: IncidentKind, in directory: ContactDirectory = .bundled) -> [ContactDirectory.Contact] {
        let preferred = ["ipa-anshin-soudan", "npa-cybercrime-desks", "ppc-leak-report", "ipa-bec-page", "antiphishing-report", "jpcert-incident-request", "jnsa-emergency-response-list"]
        let matching = directory.contacts.filter { $0.incidentKinds.contains(kind.rawValue) }
        return matching.sorted { (preferred.firstIndex(of: $0.id) ?? 99) < (preferred.firstIndex(of: $1.id) ?? 99) }.prefix(6).map { $0 }
    }

    static func index(context: PageContext) -> String {
        let t = context.t
        let content = PlaybookContent.bundled
        return Layout.page(title: t(L.Help.firstAidTitle), context: context) {
            heading(1, t(L.Help.firstAidTitle))
            paragraph(t(L.Help.firstAidLead), class: "lead")
            El("ul", [("class", "case-list")]) {
                for item in content.firstAid {
                    El("li") {
                        El("a", [("href", SiteURL.firstAidCase(key: item.case).path), ("class", "case-link")]) {
                            El("strong") { Text(t(item.title)) }
                            El("span") { Text(t(item.whatYouSee)) }
                        }
                    }
                }
            }
            link(t(L.Help.navContacts), to: SiteURL.contacts().path)
        }
    }

    static func detail(_ item: PlaybookContent.FirstAidCase, directory: ContactDirectory = .bundled, context: PageContext) -> String {
        let t = context.t
        let content = PlaybookContent.bundled
        return Layout.page(title: t(item.title), context: context) {
            heading(1, t(item.title))
            El("section", [("class", "notice")]) {
                El("strong") { Text(t(L.Help.whatYouSee) + t(L.Common.colon)) }
                Text(t(item.whatYouSee))
            }
            El("section", [("aria-labelledby", "now")]) {
                heading(2, t(L.Help.doNow), id: "now")
                El("ol", [("class", "steps")]) { for step in item.steps { El("li") { Text(t(step)) } } }
            }
            El("section", [("aria-labelledby", "donot"), ("class", "donot")]) {
                heading(2, t(L.Help.doNotDo), id: "donot")
                El("ul") { for item in item.doNot { El("li") { Text(t(item)) } } }
            }
            El("section", [("aria-labelledby", "call")]) {
                heading(2, t(L.Help.callNow), id: "call")
                for contact in contacts(for: item.kind, in: directory) { ContactCard(contact: contact, context: context) }
            }
            El("section", [("class", "card card-wide no-print")]) {
                heading(2, t(L.Help.openIncidentCTA))
                paragraph(t(L.Help.openIncidentLead))
                if let principal = context.principal, principal.role.belongsToOrganization, let org = principal.organizationID {
                    link(t(L.Help.openIncidentCTA), to: SiteURL.newIncident(organization: org, kind: item.kind.rawValue).path, [("class", "button")])
                } else {
                    div("actions") {
                        link(t(L.Common.signUp), to: SiteURL.signup(then: .openIncident(item.kind)).path, [("class", "button")])
                        link(t(L.Common.logIn), to: SiteURL.login(next: SiteURL.firstAidCase(key: item.case).path).path, [("class", "button secondary")])
                    }
                }
            }
            paragraph(t(L.Help.sourceLine) + t(L.Common.colon) + (context.locale == .ja ? content.source.ja : content.source.en), class: "hint source")
        }
    }
}

struct HelpController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.firstAid.route, use: firstAid)
        routes.get(SiteURL.firstAidCase(key: "k").route, use: firstAidCase)
    }

    @Sendable func firstAid(req: Request) async throws -> Response {
        Layout.response(FirstAidPage.index(context: req.pageContext()))
    }

    @Sendable func firstAidCase(req: Request) async throws -> Response {
        guard let item = req.parameters.get("key").flatMap(PlaybookContent.bundled.firstAidCase) else { throw MamoriError.notFound() }
        // The office's corrections apply here too.
        let directory = try await DirectoryService(db: req.db).directory()
        return Layout.response(FirstAidPage.detail(item, directory: directory, context: req.pageContext()))
    }
}
