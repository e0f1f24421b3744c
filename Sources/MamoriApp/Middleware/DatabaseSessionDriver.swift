import Fluent
import Foundation
import MamoriCore
import Vapor

/// Vapor's session protocol backed by the `sessions` table: sessions survive restarts and are
/// shared by every instance. Each request that carries a session moves its expiry forward
/// (inactivity timeout); an expired row counts as no session and is removed.
struct DatabaseSessionDriver: AsyncSessionDriver {
    static let userIDKey = "uid"
    let idleTimeout: TimeInterval

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let key = SecretToken.generate()
        let row = UserSession(
            keyHash: SecretToken.sha256Hex(key),
            data: try Self.encode(data),
            userID: data[Self.userIDKey].flatMap(UUID.init(uuidString:)),
            expiresAt: Date().addingTimeInterval(idleTimeout)
        )
        try await row.create(on: request.db)
        try await Self.removeExpired(on: request.db)
        return SessionID(string: key)
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let row = try await find(sessionID, on: request.db) else { return nil }
        guard row.expiresAt > Date() else {
            try await row.delete(on: request.db)
            return nil
        }
        return try Self.decode(row.data)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard let row = try await find(sessionID, on: request.db) else {
            // The row vanished (logged out elsewhere, expired): start a new session instead.
            return try await createSession(data, for: request)
        }
        row.data = try Self.encode(data)
        row.userID = data[Self.userIDKey].flatMap(UUID.init(uuidString:))
        row.expiresAt = Date().addingTimeInterval(idleTimeout)
        try await row.update(on: request.db)
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await UserSession.query(on: request.db)
            .filter(\.$keyHash == SecretToken.sha256Hex(sessionID.string))
            .delete()
    }

    /// Ends every session of a user (password change, removal), optionally keeping one.
    static func endSessions(ofUser userID: UUID, except keep: SessionID? = nil, on db: any Database) async throws {
        let query = UserSession.query(on: db).filter(\.$userID == userID)
        if let keep { query.filter(\.$keyHash != SecretToken.sha256Hex(keep.string)) }
        try await query.delete()
    }

    static func removeExpired(on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$expiresAt <= Date()).delete()
    }

    private func find(_ sessionID: SessionID, on db: any Database) async throws -> UserSession? {
        // Cookie values are attacker-controlled: anything that is not one of our ids is simply unknown.
        guard sessionID.string.count <= 128 else { return nil }
        return try await UserSession.query(on: db)
            .filter(\.$keyHash == SecretToken.sha256Hex(sessionID.string))
            .first()
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data.snapshot), as: UTF8.self)
    }

    private static func decode(_ text: String) throws -> SessionData {
        SessionData(initialData: (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:])
    }
}
