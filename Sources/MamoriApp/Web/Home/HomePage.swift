import MamoriCore
import Plot
import Vapor

/// The page for visitors: what Mamori offers today, and how to start.
enum HomePage {
    static func render(context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.Accounts.homeTitle), context: context) {
            El("section", [("class", "hero")]) {
                heading(1, t(L.Accounts.homeTitle))
                paragraph(t(L.Accounts.homeLead), class: "lead")
                div("actions") {
                    link(t(L.Diagnosis.homeStartDiagnosis), to: SiteURL.selfDiagnosis.path, [("class", "button")])
                    if context.principal == nil {
                        link(t(L.Accounts.homeStart), to: SiteURL.signup().path, [("class", "button secondary")])
                        link(t(L.Common.logIn), to: SiteURL.login(next: nil).path, [("class", "button secondary")])
                    } else {
                        link(t(L.Common.navDashboard), to: SiteURL.dashboard.path, [("class", "button")])
                    }
                }
            }
            El("section", [("aria-labelledby", "available")]) {
                heading(2, t(L.Accounts.homeAvailableTitle), id: "available")
                El("ul", [("class", "feature-list")]) {
                    for item in [L.Diagnosis.homeAvailableDiagnosis, L.Accounts.homeAvailableIncident, L.Accounts.homeAvailableHelp, L.Accounts.homeAvailableRules, L.Program.homeAvailableEligibility, L.Accounts.homeAvailableWorkspace, L.Accounts.homeAvailableTeam, L.Accounts.homeAvailableAudit, L.Accounts.homeAvailableAPI] {
                        El("li") { Text(t(item)) }
                    }
                }
            }
            El("section", [("aria-labelledby", "mission")]) {
                heading(2, t(L.Accounts.homeMissionTitle), id: "mission")
                paragraph(t(L.Accounts.homeMission))
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
