import Fluent
import MamoriCore
import Vapor

/// API tokens of an organization: owner only.
struct TokensController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.tokens(organization: id).route, use: list)
        routes.post(SiteURL.tokens(organization: id).route, use: create)
        routes.post(SiteURL.tokenRevoke(organization: id, token: id).route, use: revoke)
    }

    private func service(_ req: Request) -> APITokenService { APITokenService(db: req.db) }

    @Sendable func list(req: Request) async throws -> Response {
        let (_, organization) = try MembersController.ownedOrganization(req)
        let model = TokensPage.Model(organization: organization, tokens: try await service(req).tokens(of: organization),
                                     newSecret: req.takeRevealedSecret())
        return Layout.response(TokensPage.render(model, context: req.pageContext()))
    }

    struct CreateForm: Content { var name: String? }

    @Sendable func create(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let form = try req.content.decode(CreateForm.self)
        do {
            let (_, secret) = try await service(req).create(name: form.name, for: principal.user, actor: .principal(principal, ip: req.clientIP))
            req.revealOnce(secret)
            return req.redirect(to: .tokens(organization: try organization.requireID()))
        } catch let caught as any ExplainableError {
            let error = caught.explained
            let model = TokensPage.Model(organization: organization, tokens: try await service(req).tokens(of: organization),
                                         form: FormState(values: ["name": form.name ?? ""], error: error))
            return Layout.response(TokensPage.render(model, context: req.pageContext()), status: error.status)
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let token = try await TenantScope.apiToken(req.uuidParameter("tokenID"), in: organization, on: req.db)
        try await service(req).revoke(token, actor: .principal(principal, ip: req.clientIP))
        req.flash(.success, L.tokenRevoked)
        return req.redirect(to: .tokens(organization: try organization.requireID()))
    }
}
