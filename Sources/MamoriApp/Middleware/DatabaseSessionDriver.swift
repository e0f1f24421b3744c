import Fluent
import FluentSQL
import Foundation
import SQLKit
import MamoriCore
import Vapor

/// Vapor's session protocol backed by the `sessions` table: sessions survive restarts and are
/// shared by every instance. Requests move the expiry forward (inactivity timeout); an expired
/// row counts as no session and is removed.
///
/// Vapor asks the driver to save the session after every request. A row whose data did not
/// change and whose expiry was moved less than `refreshInterval` ago is left alone, so reading
/// pages does not turn into one database write per request.
struct DatabaseSessionDriver: AsyncSessionDriver {
    static let userIDKey = "uid"
    static let refreshInterval: TimeInterval = 60
    let idleTimeout: TimeInterval

    /// What `readSession` found, to decide in `updateSession` whether a write is needed.
    private struct Loaded: StorageKey {
        typealias Value = (data: String, expiresAt: Date)
    }

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
        request.storage[Loaded.self] = (row.data, row.expiresAt)
        return try Self.decode(row.data)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        let encoded = try Self.encode(data)
        if let loaded = request.storage[Loaded.self], loaded.data == encoded,
           loaded.expiresAt.timeIntervalSinceNow > idleTimeout - Self.refreshInterval {
            return sessionID
        }
        guard let row = try await find(sessionID, on: request.db) else {
            // The row vanished (logged out elsewhere, expired): start a new session instead.
            return try await createSession(data, for: request)
        }
        row.data = encoded
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
        // Read on every request: a plain statement decoded into the model (see `SessionUserMiddleware.account`).
        return try await db.sql.raw("SELECT * FROM \(ident: UserSession.schema) WHERE key_hash = \(bind: SecretToken.sha256Hex(sessionID.string))")
            .first()
            .map { try $0.decode(fluentModel: UserSession.self) }
    }

    private static func encode(_ data: SessionData) throws -> String {
        // Sorted keys: the same data must give the same text, or every request would look like a change.
        String(decoding: try JSONEncoder.sorted.encode(data.snapshot), as: UTF8.self)
    }

    private static func decode(_ text: String) throws -> SessionData {
        SessionData(initialData: (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:])
    }
}
