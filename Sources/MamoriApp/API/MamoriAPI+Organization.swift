import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The organization's details page and the members page's actions (invite, revoke, remove,
/// hand over ownership), through the same services. The organization in the path must be the
/// token's own (any other is 404, as on the pages). The members page answers 404 to a member
/// for the owner's actions (they are not there for them); the API says 403 with the reason, as
/// for every other owner-only operation.
extension MamoriAPI {
    private func organizationInPath(_ id: String) async throws -> (Principal, Organization) {
        let tenant = try APIContext.requireTenant(named: id)
        return (tenant.principal, tenant.organization)
    }

    /// The organization in the path, for its owner; a member's token gets 403.
    private func ownedOrganizationInPath(_ id: String) async throws -> (Principal, Organization) {
        let (principal, organization) = try await organizationInPath(id)
        guard principal.isOwner else { throw Refusal.notAllowed(L.Organization.membershipOwnerOnly) }
        return (principal, organization)
    }

    /// Issuing and revoking invitations, removing a member and handing over ownership hash no
    /// password, so the API needs no request's hasher (see `ProgramService.invitationHasher`).
    private var memberships: MembershipService { MembershipService(db: db, hasher: ProgramService.invitationHasher) }

    // MARK: Details

    func getOrganization(_ input: Operations.GetOrganization.Input) async throws -> Operations.GetOrganization.Output {
        let (_, organization) = try await organizationInPath(input.path.organizationId)
        return .ok(.init(body: .json(Self.organizationDetailsDTO(organization))))
    }

    func updateOrganization(_ input: Operations.UpdateOrganization.Input) async throws -> Operations.UpdateOrganization.Output {
        let (principal, organization) = try await organizationInPath(input.path.organizationId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        // The service reads raw values as the page sends them: nil keeps a field, "" clears it.
        let capital: String? = body.removeCapital == true ? "" : body.capitalYen.map { String($0) }
        try await OrganizationDetailsService(db: db).update(organization, with: .init(
            name: body.name, prefecture: body.prefecture, category: body.category, employees: body.employees.map { String($0) },
            capitalYen: capital, address: body.address, representative: body.representative, incidentContact: body.incidentContact),
            by: principal, ip: nil)
        return .ok(.init(body: .json(Self.organizationDetailsDTO(organization))))
    }

    // MARK: Membership

    func listInvitations(_ input: Operations.ListInvitations.Input) async throws -> Operations.ListInvitations.Output {
        let (_, organization) = try await ownedOrganizationInPath(input.path.organizationId)
        let invitations = try await memberships.openInvitations(of: organization)
        return .ok(.init(body: .json(.init(items: invitations.map(Self.memberInvitationDTO)))))
    }

    func createInvitation(_ input: Operations.CreateInvitation.Input) async throws -> Operations.CreateInvitation.Output {
        let (principal, organization) = try await ownedOrganizationInPath(input.path.organizationId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let (invitation, token) = try await memberships.invite(role: .member, to: organization, note: body.note, by: principal, ip: nil)
        return .created(.init(body: .json(.init(invitation: Self.memberInvitationDTO(invitation),
                                                invitationUrl: Self.absoluteLink(publicURL, SiteURL.invite(token: token).path)))))
    }

    func revokeInvitation(_ input: Operations.RevokeInvitation.Input) async throws -> Operations.RevokeInvitation.Output {
        let (principal, organization) = try await ownedOrganizationInPath(input.path.organizationId)
        let invitation = try await TenantScope.invitation(UUID(uuidString: input.path.invitationId), in: organization, on: db)
        try await memberships.revoke(invitation, by: principal, ip: nil)
        return .noContent(.init())
    }

    func removeMember(_ input: Operations.RemoveMember.Input) async throws -> Operations.RemoveMember.Output {
        let (principal, organization) = try await ownedOrganizationInPath(input.path.organizationId)
        let member = try await TenantScope.member(UUID(uuidString: input.path.memberId), in: organization, on: db)
        try await memberships.remove(member, from: organization, by: principal, ip: nil)
        return .noContent(.init())
    }

    func transferOwnership(_ input: Operations.TransferOwnership.Input) async throws -> Operations.TransferOwnership.Output {
        let (principal, organization) = try await ownedOrganizationInPath(input.path.organizationId)
        let member = try await TenantScope.member(UUID(uuidString: input.path.memberId), in: organization, on: db)
        try await memberships.transferOwnership(to: member, in: organization, by: principal, ip: nil)
        return .ok(.init(body: .json(Components.Schemas.Member(
            id: try member.requireID().uuidString, displayName: member.displayName, email: member.email,
            role: member.role == .owner ? .owner : .member, joinedAt: member.createdAt ?? Date(timeIntervalSince1970: 0)))))
    }

    // MARK: DTOs

    static func organizationDetailsDTO(_ organization: Organization) -> Components.Schemas.OrganizationDetails {
        .init(id: organization.id?.uuidString ?? "", name: organization.name, prefecture: organization.prefectureCode,
              category: organization.category, employees: organization.employees, capitalYen: organization.capitalYen,
              address: organization.address, representative: organization.representative, incidentContact: organization.incidentContact)
    }

    static func memberInvitationDTO(_ invitation: Invitation) -> Components.Schemas.MemberInvitation {
        .init(id: invitation.id?.uuidString ?? "", note: invitation.note, expiresAt: invitation.expiresAt)
    }
}
