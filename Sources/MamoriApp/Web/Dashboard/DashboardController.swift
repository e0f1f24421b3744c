import Fluent
import Foundation
import MamoriCore
import Vapor

/// The first page after login. It reads its data from `OrganizationOverviewService` and
/// renders it; it runs no query of its own.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.dashboard.route, use: dashboard)
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let context = req.pageContext()
        let service = OrganizationOverviewService(db: req.db)
        switch principal.role {
        case .owner, .member:
            let model = try await service.overview(of: principal.organizationID, principal: principal)
            return Layout.response(DashboardPage.organization(.init(model, viewer: principal), context: context))
        case .officeAdmin:
            return Layout.response(DashboardPage.office(.init(try await service.officeOverview()), context: context))
        case .expert:
            // An expert's work is the companies assigned to them.
            return req.redirect(to: .expertCompanies)
        }
    }

    /// The dashboard's "due soon" rule; see `OrganizationOverviewService.dutiesDueSoon`, which
    /// this forwards to (the dashboard's tests call it here).
    static func dutiesDueSoon(_ duties: [(Incident, IncidentService.DutyStatus)], today: Day)
        -> (soon: [(Incident, IncidentService.DutyStatus)], later: Int) {
        OrganizationOverviewService.dutiesDueSoon(duties, today: today)
    }
}
