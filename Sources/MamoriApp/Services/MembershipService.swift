import Fluent
import Foundation
import MamoriCore
import Vapor

/// Invitations, removal and ownership. Only an organization's owner changes its membership;
/// the program office invites experts the same way.
struct MembershipService {
    let db: any Database
    let hasher: AsyncPasswordHasher

    /// Creates a single-use invitation and returns it with the secret token, which is shown
    /// once (no mail server is needed: the owner copies the link).
    func invite(role: Role, to organization: Organization?, note: String?, by actor: Principal, ip: String?) async throws -> (Invitation, token: String) {
        // Members are invited by their organization's owner; experts and office staff by the office.
        if role.belongsToOrganization { try actor.requireOwner(of: organization?.id, L.Organization.membershipOwnerOnly) } else { try actor.requireOffice() }
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 200 else {
            var problems = FieldProblems()
            problems.add("note", .tooLong(maximum: TextLimit.line))
            throw Refusal.invalid(problems)
        }
        let token = SecretToken.generate()
        let invitation = Invitation(
            tokenHash: SecretToken.sha256Hex(token), role: role, organizationID: organization?.id,
            createdByID: actor.userID, note: note, expiresAt: Date().addingTimeInterval(Invitation.lifetime)
        )
        try await invitation.create(on: db)
        try await AuditLog.record(.invitationCreated, by: .principal(actor, ip: ip), organizationID: organization?.id,
                                  target: ("invitation", invitation.id), summary: note.isEmpty ? L.Accounts.roleSummary(role) : LocalizedText(ja: L.Accounts.roleSummary(role).ja + "、メモ：" + note, en: L.Accounts.roleSummary(role).en + ", note: " + note), on: db)
        return (invitation, token)
    }

    func revoke(_ invitation: Invitation, by actor: Principal, ip: String?) async throws {
        if let organizationID = invitation.$organization.id { try actor.requireOwner(of: organizationID, L.Organization.membershipOwnerOnly) } else { try actor.requireOffice() }
        guard invitation.usedAt == nil, invitation.revokedAt == nil else { return }
        invitation.revokedAt = Date()
        try await invitation.save(on: db)
        try await AuditLog.record(.invitationRevoked, by: .principal(actor, ip: ip), organizationID: invitation.$organization.id,
                                  target: ("invitation", invitation.id), on: db)
    }

    /// The invitation behind a link, if it can still be used.
    func openInvitation(token: String, now: Date = Date()) async throws -> Invitation? {
        guard token.count <= 128 else { return nil }
        let invitation = try await Invitation.query(on: db)
            .filter(\.$tokenHash == SecretToken.sha256Hex(token))
            .with(\.$organization)
            .first()
        guard let invitation, invitation.isOpen(at: now) else { return nil }
        return invitation
    }

    enum AcceptError: Error { case linkNotUsable }

    /// Creates the invited account. The invitation is marked used inside the same transaction,
    /// with a guarded update, so a double submit or a second person cannot use it again.
    func accept(token: String, account: AccountService.NewAccount, locale: AppLocale, ip: String?) async throws -> User {
        guard let invitation = try await openInvitation(token: token) else { throw AcceptError.linkNotUsable }
        var problems = FieldProblems()
        let accounts = AccountService(db: db, hasher: hasher)
        guard let person = try await accounts.validate(account, into: &problems) else { throw Refusal.invalid(problems) }
        let hash = try await hasher.hash(person.password)
        let now = Date()
        return try await db.transaction { db in
            let user = User(email: person.email, passwordHash: hash, displayName: person.name, role: invitation.role,
                            organizationID: invitation.$organization.id, locale: locale)
            do {
                try await user.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                var problems = FieldProblems()
                problems.add("email", .alreadyTaken)
                throw Refusal.invalid(problems)
            }
            // Claim the invitation only if nobody did in the meantime.
            try await Invitation.query(on: db)
                .filter(\.$id == invitation.requireID())
                .filter(\.$usedAt == nil)
                .filter(\.$revokedAt == nil)
                .filter(\.$expiresAt > now)
                .set(\.$usedAt, to: now)
                .set(\.$usedBy.$id, to: user.id)
                .update()
            let check = try await Invitation.query(on: db).filter(\.$id == invitation.requireID()).first()
            guard check?.$usedBy.id == user.id else { throw AcceptError.linkNotUsable }
            if let profileID = invitation.expertProfileID {
                try await ExpertProfile.query(on: db).filter(\.$id == profileID).set(\.$userID, to: user.id).update()
            }
            try await AuditLog.record(.invitationAccepted, by: .user(user, ip: ip), organizationID: invitation.$organization.id,
                                      target: ("invitation", invitation.id), summary: L.Accounts.roleSummary(invitation.role), on: db)
            try await AuditLog.record(.accountCreated, by: .user(user, ip: ip), organizationID: invitation.$organization.id,
                                      target: ("user", user.id), summary: L.Accounts.roleSummary(invitation.role), on: db)
            return user
        }
    }

    /// Removes a member: the account is deactivated (its audit entries keep their author)
    /// and all its sessions and API tokens end. The owner cannot remove themself.
    func remove(_ member: User, from organization: Organization, by actor: Principal, ip: String?) async throws {
        try actor.requireOwner(of: organization.id, L.Organization.membershipOwnerOnly)
        guard member.$organization.id == organization.id else { throw Refusal.notFound }
        guard member.id != actor.userID else { throw Refusal.conflict(L.Organization.membersCannotRemoveSelf) }
        guard member.role != .owner else { throw Refusal.conflict(L.Organization.membersCannotRemoveOwner) }
        let now = Date()
        try await db.transaction { db in
            member.deactivatedAt = now
            // Free the address so the person can be invited again later.
            member.email = "removed-\(member.id!.uuidString.lowercased())+\(member.email)"
            try await member.save(on: db)
            try await DatabaseSessionDriver.endSessions(ofUser: member.requireID(), on: db)
            try await APIToken.query(on: db).filter(\.$user.$id == member.requireID()).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            try await AuditLog.record(.memberRemoved, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("user", member.id), summary: member.displayName, on: db)
        }
    }

    /// Hands ownership to another member; the previous owner becomes a member.
    func transferOwnership(to member: User, in organization: Organization, by actor: Principal, ip: String?) async throws {
        try actor.requireOwner(of: organization.id, L.Organization.membershipOwnerOnly)
        guard member.$organization.id == organization.id else { throw Refusal.notFound }
        guard member.id != actor.userID else { return }
        try await db.transaction { db in
            member.role = .owner
            try await member.save(on: db)
            actor.user.role = .member
            try await actor.user.save(on: db)
            try await AuditLog.record(.ownershipTransferred, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("user", member.id), summary: "owner: \(actor.user.displayName) → \(member.displayName)", on: db)
        }
    }

    /// Invitations of an organization that can still be used, newest first.
    func openInvitations(of organization: Organization) async throws -> [Invitation] {
        try await Invitation.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$usedAt == nil)
            .filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > Date())
            .sort(\.$createdAt, .descending)
            .limit(100)
            .all()
    }
}
