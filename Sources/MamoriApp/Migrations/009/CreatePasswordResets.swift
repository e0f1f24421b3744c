import Fluent
import SQLKit

/// One-time password-reset links. The unique constraint on `token_hash` is the index every
/// link lookup uses (as for invitations and setup links); `idx_password_resets_user` serves
/// revoking a person's earlier links and finding their open one.
struct CreatePasswordResets: AsyncMigration {
    var name: String { "009_CreatePasswordResets" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordReset.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("created_by_id", .uuid, .required, .references(User.schema, "id"))
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_password_resets_user").on(PasswordReset.schema).column("user_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_password_resets_user").run()
        try await database.schema(PasswordReset.schema).delete()
    }
}
