import Fluent
import Foundation
import MamoriCore
import Vapor

/// The first program-office admin: a one-time link printed on start while none exists, or the
/// `create-admin` command.
struct SetupService {
    let db: any Database
    let hasher: AsyncPasswordHasher

    func officeAdminExists() async throws -> Bool {
        try await User.query(on: db).filter(\.$role == .officeAdmin).filter(\.$deactivatedAt == nil).first() != nil
    }

    /// Issues a new setup token (valid one hour) when no office admin exists yet.
    func issueSetupTokenIfNeeded(now: Date = Date()) async throws -> String? {
        guard try await !officeAdminExists() else { return nil }
        try await SetupToken.query(on: db).filter(\.$expiresAt <= now).delete()
        let token = SecretToken.generate()
        try await SetupToken(tokenHash: SecretToken.sha256Hex(token), expiresAt: now.addingTimeInterval(SetupToken.lifetime)).create(on: db)
        return token
    }

    func isUsable(token: String, now: Date = Date()) async throws -> Bool {
        guard token.count <= 128, try await !officeAdminExists() else { return false }
        let row = try await SetupToken.query(on: db).filter(\.$tokenHash == SecretToken.sha256Hex(token)).first()
        return row.map { $0.usedAt == nil && $0.expiresAt > now } ?? false
    }

    enum SetupError: Error { case linkNotUsable }

    /// Creates the first office admin through the setup link.
    func createFirstAdmin(token: String, account: AccountService.NewAccount, locale: AppLocale, ip: String?) async throws -> User {
        guard try await isUsable(token: token) else { throw SetupError.linkNotUsable }
        let user = try await createOfficeAdmin(account, locale: locale, actorIP: ip)
        try await SetupToken.query(on: db).filter(\.$tokenHash == SecretToken.sha256Hex(token)).set(\.$usedAt, to: Date()).update()
        return user
    }

    /// Creates an office admin (setup page or `create-admin`).
    func createOfficeAdmin(_ account: AccountService.NewAccount, locale: AppLocale, actorIP: String?) async throws -> User {
        var problems = FieldProblems()
        guard let person = try await AccountService(db: db, hasher: hasher).validate(account, into: &problems) else {
            throw Refusal.invalid(problems)
        }
        let user = User(email: person.email, passwordHash: try await hasher.hash(person.password), displayName: person.name,
                        role: .officeAdmin, organizationID: nil, locale: locale)
        try await user.create(on: db)
        try await AuditLog.record(.officeAdminCreated, by: actorIP == nil ? .commandLine : .user(user, ip: actorIP),
                                  target: ("user", user.id), summary: person.email, on: db)
        return user
    }
}
