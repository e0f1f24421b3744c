import Fluent
import SQLKit

/// Indexes behind every filter and foreign-key lookup of the account tables. Fluent's schema
/// builder has no index API; `CREATE INDEX` is portable across SQLite and PostgreSQL.
struct CreateAccountIndexes: AsyncMigration {
    var name: String { "001_CreateAccountIndexes" }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_users_organization", User.schema, ["organization_id"]),
        ("idx_users_role", User.schema, ["role"]),
        ("idx_sessions_expires", UserSession.schema, ["expires_at"]),
        ("idx_sessions_user", UserSession.schema, ["user_id"]),
        ("idx_invitations_organization", Invitation.schema, ["organization_id", "created_at"]),
        ("idx_api_tokens_organization", APIToken.schema, ["organization_id"]),
        ("idx_api_tokens_user", APIToken.schema, ["user_id"]),
        ("idx_audit_org_time", AuditEntry.schema, ["organization_id", "created_at"]),
        ("idx_audit_time", AuditEntry.schema, ["created_at"]),
        ("idx_audit_actor", AuditEntry.schema, ["actor_id", "created_at"]),
        ("idx_audit_action", AuditEntry.schema, ["action", "created_at"]),
        ("idx_organizations_prefecture", Organization.schema, ["prefecture_code"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            let builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes.reversed() {
            try await sql.drop(index: index.name).run()
        }
    }
}
