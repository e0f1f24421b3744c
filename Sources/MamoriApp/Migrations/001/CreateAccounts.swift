import Fluent

/// Organizations, users and the tables of the security model (sessions, invitations,
/// API tokens, audit log, login throttle, first-start setup link).
struct CreateAccounts: AsyncMigration {
    var name: String { "001_CreateAccounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Organization.schema)
            .id()
            .field("name", .string, .required)
            .field("prefecture_code", .string, .required)
            .field("category", .string, .required)
            .field("employees", .int, .required)
            .field("capital_yen", .int64)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()

        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("organization_id", .uuid, .references(Organization.schema, "id"))
            .field("locale", .string, .required)
            .field("created_at", .datetime)
            .field("deactivated_at", .datetime)
            .unique(on: "email")
            .create()

        try await database.schema(UserSession.schema)
            .id()
            .field("key_hash", .string, .required)
            .field("data", .string, .required)
            .field("user_id", .uuid)
            .field("expires_at", .datetime, .required)
            .unique(on: "key_hash")
            .create()

        try await database.schema(Invitation.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("role", .string, .required)
            .field("organization_id", .uuid, .references(Organization.schema, "id"))
            .field("created_by_id", .uuid, .required, .references(User.schema, "id"))
            .field("note", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("used_by_id", .uuid, .references(User.schema, "id"))
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()

        try await database.schema(APIToken.schema)
            .id()
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("token_hint", .string, .required)
            .field("organization_id", .uuid, .references(Organization.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()

        try await database.schema(AuditEntry.schema)
            .id()
            .field("organization_id", .uuid)
            .field("actor_id", .uuid)
            .field("actor_email", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .string)
            .field("summary", .string, .required)
            .field("ip", .string)
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema(LoginThrottleRecord.schema)
            .id()
            .field("account_key", .string, .required)
            .field("recent_failures", .string, .required)
            .field("locked_until", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "account_key")
            .create()

        try await database.schema(SetupToken.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [SetupToken.schema, LoginThrottleRecord.schema, AuditEntry.schema, APIToken.schema,
                       Invitation.schema, UserSession.schema, User.schema, Organization.schema] {
            try await database.schema(schema).delete()
        }
    }
}
