import Fluent
import Foundation
import MamoriCore
import Vapor

/// The owner of an organization issues a password-reset link for one of its members.
/// Registered behind `RequireSignIn()`; everyone but the owner gets 404, like the other
/// membership actions, and another organization's member is 404 through `TenantScope`.
struct MemberPasswordResetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.memberPasswordReset(organization: id, member: id).route, use: show)
        routes.post(SiteURL.memberPasswordReset(organization: id, member: id).route, use: issue)
    }

    private func target(_ req: Request) async throws -> (Principal, Organization, User) {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let member = try await TenantScope.member(req.uuidParameter("memberID"), in: organization, on: req.db)
        return (principal, organization, member)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, organization, member) = try await target(req)
        let orgID = try organization.requireID()
        let memberID = try member.requireID()
        let open = try await req.passwordResets.openReset(of: memberID)
        let model = PasswordResetIssuePage.Model(
            person: .init(member), organizationName: organization.name, link: req.takeRevealedPasswordResetLink(),
            openUntil: open?.expiresAt, issueURL: SiteURL.memberPasswordReset(organization: orgID, member: memberID).path,
            backURL: SiteURL.members(organization: orgID).path, backLabel: L.PasswordReset.backToMembers)
        return Layout.response(PasswordResetIssuePage.render(model, context: req.pageContext()))
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let (principal, organization, member) = try await target(req)
        let token = try await req.passwordResets.issue(for: member, by: principal, ip: req.clientIP)
        req.revealOnce(req.application.settings.absoluteLink(SiteURL.passwordReset(token: token).path))
        return req.redirect(to: .memberPasswordReset(organization: try organization.requireID(), member: try member.requireID()))
    }
}

/// The program office finds any account and issues a password-reset link for it (experts,
/// owners, members, other office admins). Registered behind `RequireSignIn(roles: [.officeAdmin])`.
struct OfficePasswordResetController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.officeAccounts().route, use: accounts)
        routes.get(SiteURL.officeAccountPasswordReset(user: SiteURL.anyID).route, use: show)
        routes.post(SiteURL.officeAccountPasswordReset(user: SiteURL.anyID).route, use: issue)
    }

    @Sendable func accounts(req: Request) async throws -> Response {
        let text = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let role = req.query[String.self, at: "role"].flatMap(Role.init(rawValue:))
        let page = try await AccountDirectory(db: req.db).search(text, role: role,
                                                                  page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: Self.perPage))
        let model = OfficeAccountsPage.Model(users: page.map(OfficeAccountsPage.Account.init), query: text, role: role)
        return Layout.response(OfficeAccountsPage.render(model, context: req.pageContext()))
    }

    private func target(_ req: Request) async throws -> User {
        try await AccountDirectory(db: req.db).activeAccount(req.uuidParameter("userID"))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try await target(req)
        let userID = try user.requireID()
        let open = try await req.passwordResets.openReset(of: userID)
        let model = PasswordResetIssuePage.Model(
            person: .init(user), organizationName: user.organization?.name, link: req.takeRevealedPasswordResetLink(),
            openUntil: open?.expiresAt, issueURL: SiteURL.officeAccountPasswordReset(user: userID).path,
            backURL: SiteURL.officeAccounts().path, backLabel: L.PasswordReset.backToAccounts)
        return Layout.response(PasswordResetIssuePage.render(model, context: req.pageContext()))
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let user = try await target(req)
        let token = try await req.passwordResets.issue(for: user, by: principal, ip: req.clientIP)
        req.revealOnce(req.application.settings.absoluteLink(SiteURL.passwordReset(token: token).path))
        return req.redirect(to: .officeAccountPasswordReset(user: try user.requireID()))
    }
}

/// The public side of a password-reset link: a form for the new password.
struct PasswordResetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.passwordReset(token: "t").route, use: form)
        routes.post(SiteURL.passwordReset(token: "t").route, use: reset)
    }

    /// Used, replaced, expired or unknown: one calm answer for all, so nothing is revealed.
    private func unusable(_ req: Request) -> Response {
        Layout.response(MessagePage.render(title: L.PasswordReset.unusableTitle, message: L.PasswordReset.unusable, context: req.pageContext()),
                        status: .gone)
    }

    /// A signed-in browser changes its password in Settings; the link is left unused.
    private func signedIn(_ req: Request) -> Response {
        Layout.response(MessagePage.render(title: L.PasswordReset.formTitle, message: L.PasswordReset.signedIn, context: req.pageContext()),
                        status: .conflict)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        if req.principal != nil { return signedIn(req) }
        guard let reset = try await req.passwordResets.openReset(token: token) else { return unusable(req) }
        return Layout.response(PasswordResetFormPage.render(.init(email: reset.user.email, token: token), context: req.pageContext()))
    }

    struct ResetForm: Content {
        var password: String?
        var passwordConfirmation: String?
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        if req.principal != nil { return signedIn(req) }
        let form = try req.content.decode(ResetForm.self)
        do {
            _ = try await req.passwordResets.reset(token: token, password: form.password ?? "", confirmation: form.passwordConfirmation ?? "",
                                                   ip: req.clientIP)
            req.flash(.success, L.PasswordReset.done)
            return req.redirect(to: .login(next: nil))
        } catch PasswordResetService.ResetError.linkNotUsable {
            return unusable(req)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            guard let reset = try await req.passwordResets.openReset(token: token) else { return unusable(req) }
            let model = PasswordResetFormPage.Model(email: reset.user.email, token: token, state: FormState(values: [:], error: error))
            return Layout.response(PasswordResetFormPage.render(model, context: req.pageContext()), status: error.status)
        }
    }
}

extension Request {
    /// The secret kept by `revealOnce` when it is a password-reset link (the same one-time
    /// slot also carries invitation links and API tokens to their own pages).
    func takeRevealedPasswordResetLink() -> String? {
        takeRevealedSecret().flatMap { $0.contains(SiteURL.passwordReset(token: "").path) ? $0 : nil }
    }
}
