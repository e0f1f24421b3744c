import Fluent
import SQLKit

/// The basic policy and adopted rules (versions, comments, public address) and the related
/// rules check.
struct CreatePolicy: AsyncMigration {
    var name: String { "005_CreatePolicy" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PolicyVersion.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("document", .string, .required)
            .field("number", .int, .required)
            .field("status", .string, .required)
            .field("language", .string, .required)
            .field("sections", .string, .required)
            .field("based_on_id", .uuid)
            .field("created_by_id", .uuid, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("approved_by_name", .string)
            .field("approved_at", .datetime)
            .field("published_at", .datetime)
            .unique(on: "organization_id", "document", "number")
            .create()

        try await database.schema(PolicyComment.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("version_id", .uuid, .required, .references(PolicyVersion.schema, "id"))
            .field("section_id", .string, .required)
            .field("author_id", .uuid, .required)
            .field("author_name", .string, .required)
            .field("author_role", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .field("resolved_at", .datetime)
            .field("resolved_by_name", .string)
            .create()

        try await database.schema(PolicySlugRecord.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("slug", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "organization_id")
            .unique(on: "slug")
            .create()

        try await database.schema(RuleCheck.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("chapter", .string, .required)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("owner_name", .string, .required)
            .field("review_on", .string)
            .field("checked_by_id", .uuid, .required)
            .field("checked_by_name", .string, .required)
            .field("created_at", .datetime)
            .create()

        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_policy_versions_org_status").on(PolicyVersion.schema)
            .column("organization_id").column("document").column("status").run()
        try await sql.create(index: "idx_policy_versions_status_org").on(PolicyVersion.schema)
            .column("status").column("document").column("organization_id").run()
        try await sql.create(index: "idx_policy_comments_version").on(PolicyComment.schema)
            .column("version_id").column("created_at").run()
        try await sql.create(index: "idx_rule_checks_org_chapter").on(RuleCheck.schema)
            .column("organization_id").column("chapter").column("created_at").run()
        try await sql.create(index: "idx_rule_checks_org_created").on(RuleCheck.schema)
            .column("organization_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_rule_checks_org_created", "idx_rule_checks_org_chapter", "idx_policy_comments_version",
                      "idx_policy_versions_status_org", "idx_policy_versions_org_status"] {
            try await sql.drop(index: index).run()
        }
        try await database.schema(RuleCheck.schema).delete()
        try await database.schema(PolicySlugRecord.schema).delete()
        try await database.schema(PolicyComment.schema).delete()
        try await database.schema(PolicyVersion.schema).delete()
    }
}
