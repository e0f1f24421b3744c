import Fluent
import Foundation
import MamoriCore
import SQLKit
import Vapor

/// Password reset for a forgotten password. Mamori sends no mail yet, so a person who forgot
/// their password asks their organization's owner (or the program office), who issues a
/// single-use link and passes it on. Using the link sets the new password with the sign-up
/// rules, ends every session of that person and clears the login throttle of the account.
///
/// Who may issue for whom is decided by the callers (the owner's route goes through
/// `TenantScope.member`, the office's route is behind `RequireSignIn(roles: [.officeAdmin])`).
struct PasswordResetService {
    let db: any Database
    let hasher: AsyncPasswordHasher

    /// Issues a link for `user` and returns its secret, to be shown once. The person's earlier
    /// unused links stop working. Nobody issues one for themself (Settings changes their own).
    func issue(for user: User, by actor: Principal, ip: String?, now: Date = Date()) async throws -> String {
        let userID = try user.requireID()
        guard user.isActive else { throw Refusal.notFound }
        // The office for anyone; an owner for the members of their own organization.
        if !actor.isOfficeAdmin { try actor.requireOwner(of: user.$organization.id, L.Organization.membershipOwnerOnly) }
        guard userID != actor.userID else { throw Refusal.conflict(L.PasswordReset.notForYourself) }
        let token = SecretToken.generate()
        let tokenHash = SecretToken.sha256Hex(token)
        let organizationID = user.$organization.id
        let summary = "\(user.displayName) <\(user.email)>"
        try await db.transaction { db in
            try await PasswordReset.query(on: db)
                .filter(\.$user.$id == userID)
                .filter(\.$usedAt == nil)
                .filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now)
                .update()
            let reset = PasswordReset(tokenHash: tokenHash, userID: userID, createdByID: actor.userID,
                                      expiresAt: now.addingTimeInterval(PasswordReset.lifetime))
            try await reset.create(on: db)
            try await AuditLog.record(.passwordResetIssued, by: .principal(actor, ip: ip), organizationID: organizationID,
                                      target: ("user", userID), summary: summary, on: db)
        }
        return token
    }

    /// The link behind a token, with its person, if it can still be used.
    func openReset(token: String, now: Date = Date()) async throws -> PasswordReset? {
        // Anything that is not one of our tokens is simply unknown.
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let reset = try await PasswordReset.query(on: db)
            .filter(\.$tokenHash == SecretToken.sha256Hex(token))
            .with(\.$user)
            .first()
        guard let reset, reset.isOpen(at: now), reset.user.isActive else { return nil }
        return reset
    }

    /// A person's link that is still open, if any (the issuing page says so).
    func openReset(of userID: UUID, now: Date = Date()) async throws -> PasswordReset? {
        try await PasswordReset.query(on: db)
            .filter(\.$user.$id == userID)
            .filter(\.$usedAt == nil)
            .filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > now)
            .sort(\.$createdAt, .descending)
            .first()
    }

    enum ResetError: Error { case linkNotUsable }

    /// Sets the new password through a link. The link is claimed with a guarded update inside
    /// the same transaction, so a double submit or a second person cannot use it again.
    func reset(token: String, password: String, confirmation: String, ip: String?) async throws -> User {
        guard let reset = try await openReset(token: token) else { throw ResetError.linkNotUsable }
        // The same rules as sign-up and the password change in Settings.
        var problems = FieldProblems()
        var normalized: String?
        switch PasswordPolicy.validate(password) {
        case .success(let value):
            normalized = value
            if PasswordPolicy.normalize(confirmation) != value { problems.add("passwordConfirmation", .mismatch) }
        case .failure(.tooShort): problems.add("password", password.isEmpty ? .required : .tooShort(minimum: PasswordPolicy.minimumCharacters))
        case .failure(.tooLong): problems.add("password", .tooManyBytes(maximum: PasswordPolicy.maximumBytes))
        }
        guard problems.isEmpty, let normalized else { throw Refusal.invalid(problems) }
        let passwordHash = try await hasher.hash(normalized)
        let user = reset.user
        let userID = try user.requireID()
        let resetID = try reset.requireID()
        let now = Date()
        try await db.transaction { db in
            let claimed = try await db.sql.update(PasswordReset.schema)
                .set("used_at", to: now)
                .where("id", .equal, resetID)
                .where("used_at", .is, SQLLiteral.null)
                .where("revoked_at", .is, SQLLiteral.null)
                .returning("id")
                .all()
            guard !claimed.isEmpty else { throw ResetError.linkNotUsable }
            // Any other open link of the person is no longer needed.
            try await PasswordReset.query(on: db)
                .filter(\.$user.$id == userID)
                .filter(\.$usedAt == nil)
                .filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now)
                .update()
            user.passwordHash = passwordHash
            try await user.save(on: db)
            // Whoever signed in with the old password (perhaps not the person) is signed out.
            try await DatabaseSessionDriver.endSessions(ofUser: userID, on: db)
            // The person may have locked the account while trying to remember the password.
            try await LoginThrottleRecord.query(on: db).filter(\.$accountKey == user.email).delete()
            try await AuditLog.record(.passwordResetUsed, by: .user(user, ip: ip), target: ("user", userID), on: db)
        }
        return user
    }
}
