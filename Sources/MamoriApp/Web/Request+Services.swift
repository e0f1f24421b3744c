import Vapor

/// What a web request hands the services: the client's address for the audit log, and the
/// services that need the password hasher. Kept here, with the faces, so that services know
/// nothing of HTTP.
extension Request {
    var clientIP: String? {
        headers.first(name: .xForwardedFor)?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? remoteAddress?.ipAddress
    }

    var auditActor: AuditActor? {
        principal.map { AuditActor.principal($0, ip: clientIP) }
    }

    var accounts: AccountService { AccountService(db: db, hasher: password.async) }
    var memberships: MembershipService { MembershipService(db: db, hasher: password.async) }
    var passwordResets: PasswordResetService { PasswordResetService(db: db, hasher: password.async) }
}
