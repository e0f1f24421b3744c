import Fluent
import Foundation
import MamoriCore
import Plot
import Vapor

/// The assigned expert reads the company's policy and rule versions and comments per section.
/// Approval and publication stay with the company's owner. Another expert's company is 404.
struct ExpertPolicyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.expertPolicy(application: id).route, use: list)
        routes.get(SiteURL.expertPolicyVersion(application: id, version: id).route, use: show)
        routes.post(SiteURL.expertPolicyComments(application: id, version: id).route, use: comment)
    }

    private func company(_ req: Request) async throws -> (Principal, ProgramApplication, Organization) {
        let principal = try req.requirePrincipal()
        guard let expert = try await TenantScope.expertProfile(for: principal, on: req.db) else { throw Refusal.notFound }
        let application = try await TenantScope.assignedApplication(req.uuidParameter("applicationID"), to: expert, on: req.db)
        return (principal, application, application.organization)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let (_, application, organization) = try await company(req)
        let versions = try await PolicyService(db: req.db).allVersions(of: organization)
        let context = req.pageContext()
        let t = context.t
        let applicationID = try application.requireID()
        let grouped = Dictionary(grouping: versions.map(PolicyVersionSummary.init), by: { $0.kind.storageKey })
        let order = [PolicyDocumentKind.basicPolicy.storageKey] + PolicyContent.bundled.chapters.map { PolicyDocumentKind.rule(chapter: $0.key).storageKey }
        return Layout.response(Layout.page(title: t(L.Policy.expertReviewTitle), context: context) {
            heading(1, t(L.Policy.expertReviewTitle))
            paragraph(organization.name, class: "lead")
            paragraph(t(L.Policy.expertReviewLead), class: "hint")
            if versions.isEmpty { paragraph(t(L.Policy.noVersions), class: "muted") }
            for key in order {
                if let list = grouped[key], let first = list.first {
                    El("section", [("class", "card card-wide")]) {
                        heading(2, t(first.kind.title))
                        PolicyVersionTable(versions: list, context: context) { SiteURL.expertPolicyVersion(application: applicationID, version: $0.id).path }
                    }
                }
            }
            El("p") { link(t(L.Policy.backToCompany), to: SiteURL.expertCompany(application: applicationID).path) }
        })
    }

    private func model(_ req: Request, _ application: ProgramApplication, _ organization: Organization) async throws -> (PolicyVersion, PolicyVersionPage.Model) {
        let version = try await TenantScope.policyVersion(req.uuidParameter("versionID"), in: organization, on: req.db)
        guard version.policyStatus != .discarded else { throw Refusal.notFound }
        let model = try await PolicyController.versionModel(version, organization: organization,
                                                            mode: .expert(applicationID: try application.requireID()), on: req.db)
        return (version, model)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, application, organization) = try await company(req)
        return Layout.response(PolicyVersionPage.render(try await model(req, application, organization).1, context: req.pageContext()))
    }

    @Sendable func comment(req: Request) async throws -> Response {
        let (principal, application, organization) = try await company(req)
        let (version, model) = try await model(req, application, organization)
        let posted = PolicyController.PostedComment(req)
        do {
            _ = try await PolicyService(db: req.db).comment(on: version, sectionID: posted.sectionID, body: posted.body, by: principal, ip: req.clientIP)
            req.flash(.success, L.Policy.commentAdded)
            return req.redirect(to: SiteURL.expertPolicyVersion(application: try application.requireID(), version: try version.requireID()).path
                                + "#comments-" + posted.sectionID, redirectType: .normal)
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            var model = model
            model.commentForm = posted.state(refusal)
            return Layout.response(PolicyVersionPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
        }
    }
}

/// `/p/<slug>`: the latest published basic policy, for anyone. Unknown slugs and organizations
/// with drafts only answer 404.
struct PublicPolicyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.publicPolicy(slug: "s").route, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("slug"),
              let (organization, version) = try await PolicyService(db: req.db).publicPolicy(slug: slug) else { throw Refusal.notFound }
        let response = Layout.response(PublicPolicyPage.render(.init(organizationName: organization.name, version: PolicyVersionSummary(version),
                                                                     sections: version.sections), context: req.pageContext()))
        response.headers.cacheControl = .init(isPublic: true, maxAge: 300)
        return response
    }
}
