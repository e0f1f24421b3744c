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

    private func rows(_ req: Request, _ organization: Organization) async throws -> [TokensPage.Token] {
        try await service(req).tokens(of: organization).map { token in
            TokensPage.Token(id: try token.requireID(), name: token.name, hint: token.tokenHint, createdBy: token.$user.value?.displayName,
                             createdAt: token.createdAt, lastUsedAt: token.lastUsedAt, revoked: token.revokedAt != nil)
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        let (_, organization) = try MembersController.ownedOrganization(req)
        let model = TokensPage.Model(organizationID: try organization.requireID(), tokens: try await rows(req, organization),
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
            let model = TokensPage.Model(organizationID: try organization.requireID(), tokens: try await rows(req, organization),
                                         form: FormState(values: ["name": form.name ?? ""], error: error))
            return Layout.response(TokensPage.render(model, context: req.pageContext()), status: error.status)
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let token = try await TenantScope.apiToken(req.uuidParameter("tokenID"), in: organization, on: req.db)
        try await service(req).revoke(token, actor: .principal(principal, ip: req.clientIP))
        req.flash(.success, L.Organization.tokenRevoked)
        return req.redirect(to: .tokens(organization: try organization.requireID()))
    }
}
