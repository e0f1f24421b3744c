import Fluent
import MamoriCore
import Vapor

extension Request {
    /// Starts a fresh session for a user (or for nobody, at logout): the old session row is
    /// deleted and a new id issued, so a session id known before login is worthless after it.
    func restartSession(for user: User?) async throws {
        if let old = session.id {
            try await UserSession.query(on: db).filter(\.$keyHash == SecretToken.sha256Hex(old.string)).delete()
        }
        let language = session.data[LocaleMiddleware.sessionKey]
        session.id = nil
        session.data = SessionData()
        if let language, user == nil { session.data[LocaleMiddleware.sessionKey] = language }
        if let user {
            session.data[DatabaseSessionDriver.userIDKey] = try user.requireID().uuidString
            let organization: Organization?
            if let loaded = user.$organization.value { organization = loaded } else { organization = try await user.$organization.get(on: db) }
            auth.login(Principal(user: user, organization: organization, token: nil))
        } else {
            auth.logout(Principal.self)
        }
    }
}

