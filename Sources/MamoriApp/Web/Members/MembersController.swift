import Fluent
import MamoriCore
import Vapor

/// Members of an organization, invitations, removal, ownership; accepting an invitation.
struct MembersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.members(organization: id).route, use: list)
        routes.post(SiteURL.invitations(organization: id).route, use: invite)
        routes.post(SiteURL.invitationRevoke(organization: id, invitation: id).route, use: revokeInvitation)
        routes.post(SiteURL.memberRemove(organization: id, member: id).route, use: remove)
        routes.post(SiteURL.memberMakeOwner(organization: id, member: id).route, use: makeOwner)
    }

    /// Like `organization`, but only the owner may change membership; others get 404 too,
    /// since those actions do not exist for them.
    static func ownedOrganization(_ req: Request) throws -> (Principal, Organization) {
        let (principal, organization) = try req.tenant()
        guard principal.isOwner else { throw MamoriError.notFound() }
        return (principal, organization)
    }

    static func model(_ organization: Organization, principal: Principal, on req: Request) async throws -> MembersPage.Model {
        let members = try await TenantScope.members(of: organization, on: req.db)
        let invitations = principal.isOwner ? try await req.memberships.openInvitations(of: organization) : []
        return MembersPage.Model(organizationID: try organization.requireID(), viewerID: principal.userID, viewerIsOwner: principal.isOwner,
                                 members: members.map(MembersPage.Member.init), openInvitations: invitations.map(InvitationRow.init))
    }

    @Sendable func list(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        var model = try await Self.model(organization, principal: principal, on: req)
        if principal.isOwner { model.newInvitationLink = req.takeRevealedSecret() }
        return Layout.response(MembersPage.render(model, context: req.pageContext()))
    }

    struct InviteForm: Content { var note: String? }

    @Sendable func invite(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let form = try req.content.decode(InviteForm.self)
        do {
            let (_, token) = try await req.memberships.invite(role: .member, to: organization, note: form.note, by: principal, ip: req.clientIP)
            req.revealOnce(req.application.settings.absoluteLink(SiteURL.invite(token: token).path))
            return req.redirect(to: .members(organization: try organization.requireID()))
        } catch let caught as any ExplainableError {
            let error = caught.explained
            var model = try await Self.model(organization, principal: principal, on: req)
            model.inviteForm = FormState(values: ["note": form.note ?? ""], error: error)
            return Layout.response(MembersPage.render(model, context: req.pageContext()), status: error.status)
        }
    }

    @Sendable func revokeInvitation(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let invitation = try await TenantScope.invitation(req.uuidParameter("invitationID"), in: organization, on: req.db)
        try await req.memberships.revoke(invitation, by: principal, ip: req.clientIP)
        req.flash(.success, L.Organization.invitationRevoked)
        return req.redirect(to: .members(organization: try organization.requireID()))
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let member = try await TenantScope.member(req.uuidParameter("memberID"), in: organization, on: req.db)
        try await req.memberships.remove(member, from: organization, by: principal, ip: req.clientIP)
        req.flash(.success, L.Organization.memberRemoved)
        return req.redirect(to: .members(organization: try organization.requireID()))
    }

    @Sendable func makeOwner(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let member = try await TenantScope.member(req.uuidParameter("memberID"), in: organization, on: req.db)
        try await req.memberships.transferOwnership(to: member, in: organization, by: principal, ip: req.clientIP)
        req.flash(.success, L.Organization.ownershipTransferred)
        return req.redirect(to: .members(organization: try organization.requireID()))
    }
}

/// The public side of an invitation link.
struct InvitationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.invite(token: "t").route, use: form)
        routes.post(SiteURL.invite(token: "t").route, use: accept)
    }

    private func unusable(_ req: Request) -> Response {
        Layout.response(MessagePage.render(title: L.Organization.invitationUnusableTitle, message: L.Organization.invitationUnusable, context: req.pageContext()), status: .gone)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        if req.principal != nil {
            return Layout.response(MessagePage.render(title: L.Organization.invitationUnusableTitle, message: L.Organization.signedInCannotAccept, context: req.pageContext()), status: .conflict)
        }
        guard let invitation = try await req.memberships.openInvitation(token: token) else { return unusable(req) }
        // An expert's invitation names the expert the office registered: start from that name.
        var state = FormState.empty
        if let profile = try await ProgramService(db: req.db).expert(invitedBy: invitation) {
            state = FormState(values: ["displayName": profile.name])
        }
        return Layout.response(AcceptInvitationPage.render(.init(invitation, token: token, state: state), context: req.pageContext()))
    }

    @Sendable func accept(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        if req.principal != nil {
            return Layout.response(MessagePage.render(title: L.Organization.invitationUnusableTitle, message: L.Organization.signedInCannotAccept, context: req.pageContext()), status: .conflict)
        }
        let form = try req.content.decode(AuthController.SignupForm.self)
        let account = AccountService.NewAccount(displayName: form.displayName, email: form.email, password: form.password, passwordConfirmation: form.passwordConfirmation)
        do {
            let user = try await req.memberships.accept(token: token, account: account, locale: req.locale, ip: req.clientIP)
            try await req.restartSession(for: user)
            req.flash(.success, L.Organization.acceptDone)
            return req.redirect(to: .dashboard)
        } catch MembershipService.AcceptError.linkNotUsable {
            return unusable(req)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            guard let invitation = try await req.memberships.openInvitation(token: token) else { return unusable(req) }
            let state = FormState(values: form.redisplayed, error: error)
            return Layout.response(AcceptInvitationPage.render(.init(invitation, token: token, state: state), context: req.pageContext()), status: error.status)
        }
    }
}
