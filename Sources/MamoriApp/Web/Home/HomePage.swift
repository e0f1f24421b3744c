import MamoriCore
import Plot
import Vapor

/// The page for visitors: what Mamori offers today, and how to start.
enum HomePage {
    static func render(context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.homeTitle), context: context) {
            El("section", [("class", "hero")]) {
                heading(1, t(L.homeTitle))
                paragraph(t(L.homeLead), class: "lead")
                div("actions") {
                    link(t(L.homeStartDiagnosis), to: SiteURL.selfDiagnosis.path, [("class", "button")])
                    if context.principal == nil {
                        link(t(L.homeStart), to: SiteURL.signup().path, [("class", "button secondary")])
                        link(t(L.logIn), to: SiteURL.login(next: nil).path, [("class", "button secondary")])
                    } else {
                        link(t(L.navDashboard), to: SiteURL.dashboard.path, [("class", "button")])
                    }
                }
            }
            El("section", [("aria-labelledby", "available")]) {
                heading(2, t(L.homeAvailableTitle), id: "available")
                El("ul", [("class", "feature-list")]) {
                    for item in [L.homeAvailableDiagnosis, L.homeAvailableIncident, L.homeAvailableHelp, L.homeAvailableRules, L.homeAvailableEligibility, L.homeAvailableWorkspace, L.homeAvailableTeam, L.homeAvailableAudit, L.homeAvailableAPI] {
                        El("li") { Text(t(item)) }
                    }
                }
            }
            El("section", [("aria-labelledby", "mission")]) {
                heading(2, t(L.homeMissionTitle), id: "mission")
                paragraph(t(L.homeMission))
            }
        }
    }
}

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    @Sendable func home(req: Request) async throws -> Response {
        Layout.response(HomePage.render(context: req.pageContext()))
    }
}
