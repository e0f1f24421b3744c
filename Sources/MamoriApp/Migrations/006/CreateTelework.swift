import Fluent
import SQLKit

/// The telework self-check and checklist, and the organization's "something happened" contact
/// printed on the staff sheet.
struct CreateTelework: AsyncMigration {
    var name: String { "006_CreateTelework" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TeleworkSelfCheck.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("answers", .string, .required)
            .field("yes_count", .int, .required)
            .field("partly_count", .int, .required)
            .field("no_count", .int, .required)
            .field("respondent_name", .string, .required)
            .field("created_by_id", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(TeleworkChecklistRecord.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("done", .string, .required)
            .field("done_count", .int, .required)
            .field("created_by_id", .uuid, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(Organization.schema)
            .field("incident_contact", .string)
            .update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_telework_checks_org").on(TeleworkSelfCheck.schema).column("organization_id").column("created_at").run()
        try await sql.create(index: "idx_telework_checklists_org").on(TeleworkChecklistRecord.schema).column("organization_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_telework_checklists_org").run()
        try await sql.drop(index: "idx_telework_checks_org").run()
        try await database.schema(Organization.schema).deleteField("incident_contact").update()
        try await database.schema(TeleworkChecklistRecord.schema).delete()
        try await database.schema(TeleworkSelfCheck.schema).delete()
    }
}
