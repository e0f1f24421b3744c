import Fluent
import Foundation
import MamoriCore
import Vapor

/// Program-office pages: organizations and expert accounts. Behind `RequireSignIn(roles: [.officeAdmin])`.
struct OfficeController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.officeOrganizations().route, use: organizations)
        routes.get(SiteURL.officeExperts.route, use: experts)
        routes.get(SiteURL.officeAudit().route, use: AuditController().officeLog)
        routes.post(SiteURL.officeExperts.route, use: inviteExpert)
        routes.post(SiteURL.officeExpertInvitationRevoke(invitation: SiteURL.anyID).route, use: revokeExpertInvitation)
    }

    @Sendable func organizations(req: Request) async throws -> Response {
        let listing = try await OrganizationOverviewService(db: req.db)
            .organizations(page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: Self.perPage))
        return Layout.response(OfficeOrganizationsPage.render(.init(organizations: listing.page.map(OrganizationRow.init), userCounts: listing.userCounts),
                                                                  context: req.pageContext()))
    }

    private func expertsModel(_ req: Request) async throws -> OfficeExpertsPage.Model {
        let service = ProgramService(db: req.db)
        let experts = try await service.experts()
        let settings = try await service.settings()
        let loads = try await service.loads(fiscalYear: settings.fiscalYear)
        return .init(experts: experts.map(OfficeExpertsPage.Expert.init), loads: loads,
                     openInvitations: try await service.openExpertInvitations().map(InvitationRow.init))
    }

    @Sendable func experts(req: Request) async throws -> Response {
        var model = try await expertsModel(req)
        model.newInvitationLink = req.takeRevealedSecret()
        return Layout.response(OfficeExpertsPage.render(model, context: req.pageContext()))
    }

    @Sendable func inviteExpert(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let regions = Prefecture.Region.allCases.filter { fields["region_\($0.rawValue)"] == "on" }
        let input = ProgramService.ExpertInput(name: fields["name"], registrationNumber: fields["registrationNumber"],
                                               prefecture: .parsed(fields["prefecture"], Prefecture.parse), regions: .given(regions),
                                               onSite: fields["onSite"] == "on", online: fields["online"] == "on", maxCompanies: .integer(fields["maxCompanies"]))
        do {
            let registered = try await ProgramService(db: req.db).registerExpert(input, by: principal, ip: req.clientIP, hasher: req.password.async)
            req.revealOnce(req.application.settings.absoluteLink(SiteURL.invite(token: registered.token).path))
            req.flash(.success, L.Program.expertRegisteredFlash)
            return req.redirect(to: .officeExperts)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            var model = try await expertsModel(req)
            model.form = FormState(values: fields.filter { $0.key != CSRFMiddleware.formField }, error: error)
            return Layout.response(OfficeExpertsPage.render(model, context: req.pageContext()), status: error.status)
        }
    }

    @Sendable func revokeExpertInvitation(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        // The same call as the API's `revokeExpertInvitation`: 404 for anything but an expert's invitation.
        try await ProgramService(db: req.db).revokeExpertInvitation(req.uuidParameter("invitationID"), by: principal, ip: req.clientIP)
        req.flash(.success, L.Organization.invitationRevoked)
        return req.redirect(to: .officeExperts)
    }
}
