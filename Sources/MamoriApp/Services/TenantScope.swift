import Fluent
import Foundation
import Vapor

/// The one place that decides which organization data a principal may reach. Anything of
/// another organization answers 404 (never 403), so its existence does not leak.
enum TenantScope {
    /// The organization, if the principal belongs to it.
    static func organization(_ id: UUID?, for principal: Principal, on db: any Database) async throws -> Organization {
        guard let id, let own = principal.organization, own.id == id, principal.role.belongsToOrganization else {
            throw Refusal.notFound
        }
        return own
    }

    /// An active member (owner or member) of the principal's organization.
    static func member(_ userID: UUID?, in organization: Organization, on db: any Database) async throws -> User {
        guard let userID,
              let user = try await User.query(on: db)
                .filter(\.$id == userID)
                .filter(\.$organization.$id == organization.requireID())
                .filter(\.$deactivatedAt == nil)
                .first()
        else { throw Refusal.notFound }
        return user
    }

    static func invitation(_ id: UUID?, in organization: Organization, on db: any Database) async throws -> Invitation {
        guard let id,
              let invitation = try await Invitation.query(on: db)
                .filter(\.$id == id)
                .filter(\.$organization.$id == organization.requireID())
                .first()
        else { throw Refusal.notFound }
        return invitation
    }

    static func apiToken(_ id: UUID?, in organization: Organization, on db: any Database) async throws -> APIToken {
        guard let id,
              let token = try await APIToken.query(on: db)
                .filter(\.$id == id)
                .filter(\.$organization.$id == organization.requireID())
                .first()
        else { throw Refusal.notFound }
        return token
    }

    /// Active members of an organization, owners first, then by name.
    static func members(of organization: Organization, on db: any Database) async throws -> [User] {
        try await User.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$deactivatedAt == nil)
            .sort(\.$role, .descending)
            .sort(\.$displayName)
            .all()
    }

    /// The expert profile of a signed-in expert, if the office registered one for the account.
    static func expertProfile(for principal: Principal, on db: any Database) async throws -> ExpertProfile? {
        guard principal.role == .expert else { return nil }
        return try await ExpertProfile.query(on: db).filter(\.$userID == principal.userID).first()
    }

    /// A program application assigned to this expert and accepted, with its organization;
    /// anything else (another expert's company, a rejected one, a non-expert) is 404.
    static func assignedApplication(_ id: UUID?, to expert: ExpertProfile, on db: any Database) async throws -> ProgramApplication {
        guard let id,
              let application = try await ProgramApplication.query(on: db)
                .filter(\.$id == id).filter(\.$expert.$id == expert.requireID()).filter(\.$status == .accepted)
                .with(\.$organization).first()
        else { throw Refusal.notFound }
        return application
    }

    /// A visit attachment, for those who may see the visit: the company's members, the assigned
    /// expert and the program office. Anyone else gets 404.
    static func visitAttachment(_ id: UUID?, for principal: Principal, on db: any Database) async throws -> VisitAttachment {
        guard let id,
              let attachment = try await VisitAttachment.query(on: db).filter(\.$id == id).with(\.$visit).first(),
              let application = try await ProgramApplication.find(attachment.visit.$application.id, on: db)
        else { throw Refusal.notFound }
        let allowed = switch principal.role {
        case .officeAdmin: true
        case .owner, .member: principal.organizationID == application.$organization.id
        case .expert: try await expertProfile(for: principal, on: db).map { $0.id == application.$expert.id } ?? false
        }
        guard allowed else { throw Refusal.notFound }
        return attachment
    }

    /// A SECURITY ACTION declaration recorded for the organization (404 for another organization's).
    static func securityActionDeclaration(_ id: UUID?, in organization: Organization, on db: any Database) async throws -> SecurityActionDeclaration {
        guard let id,
              let declaration = try await SecurityActionDeclaration.query(on: db)
                .filter(\.$id == id)
                .filter(\.$organization.$id == organization.requireID())
                .first()
        else { throw Refusal.notFound }
        return declaration
    }

    /// A version of the organization's policy or rules (404 for another organization's).
    static func policyVersion(_ id: UUID?, in organization: Organization, on db: any Database) async throws -> PolicyVersion {
        guard let id,
              let version = try await PolicyVersion.query(on: db)
                .filter(\.$id == id)
                .filter(\.$organization.$id == organization.requireID())
                .first()
        else { throw Refusal.notFound }
        return version
    }
}
