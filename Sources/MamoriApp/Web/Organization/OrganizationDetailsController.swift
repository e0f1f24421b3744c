import Fluent
import MamoriCore
import Vapor

/// `/orgs/:orgID/details`: every member reads the organization's details; the owner edits them.
struct OrganizationDetailsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.organizationDetails(organization: SiteURL.anyID).route, use: show)
        routes.post(SiteURL.organizationDetails(organization: SiteURL.anyID).route, use: save)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let row = OrganizationRow(organization)
        return Layout.response(OrganizationDetailsPage.render(.init(organization: row, canEdit: principal.isOwner, form: OrganizationDetailsPage.values(of: row)),
                                                              context: req.pageContext()))
    }

    struct Form: Content {
        var name: String?
        var prefecture: String?
        var category: String?
        var employees: String?
        var capitalYen: String?
        var address: String?
        var representative: String?
        var incidentContact: String?

        var values: [String: String] {
            ["name": name, "prefecture": prefecture, "category": category, "employees": employees, "capitalYen": capitalYen,
             "address": address, "representative": representative, "incidentContact": incidentContact].compactMapValues { $0 }
        }
    }

    @Sendable func save(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let form = try req.content.decode(Form.self)
        do {
            // A field the form did not send is cleared only if the form has it (capital may be left empty).
            try await OrganizationDetailsService(db: req.db).update(organization, with: .init(
                name: form.name, prefecture: form.prefecture, category: form.category, employees: form.employees,
                capitalYen: form.capitalYen ?? "", address: form.address ?? "", representative: form.representative ?? "",
                incidentContact: form.incidentContact ?? ""), by: principal, ip: req.clientIP)
            req.flash(.success, L.Organization.organizationDetailsSaved)
            return req.redirect(to: .organizationDetails(organization: try organization.requireID()))
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            // The refused values are shown as typed; nothing was saved.
            return Layout.response(OrganizationDetailsPage.render(.init(organization: OrganizationRow(organization), canEdit: true,
                                                                        form: FormState(values: form.values, error: refusal.mamoriError)),
                                                                  context: req.pageContext()), status: .unprocessableEntity)
        }
    }
}
