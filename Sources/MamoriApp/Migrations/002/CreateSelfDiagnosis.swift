import Fluent
import SQLKit

/// Self-diagnoses, SECURITY ACTION declarations and the basic-measure checklist.
struct CreateSelfDiagnosis: AsyncMigration {
    var name: String { "002_CreateSelfDiagnosis" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SelfDiagnosis.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("respondent_name", .string, .required)
            .field("respondent_id", .uuid)
            .field("site_label", .string, .required)
            .field("diagnosed_on", .string, .required)
            .field("answers", .string, .required)
            .field("total", .int, .required)
            .field("band", .string, .required)
            .field("basic_score", .int, .required)
            .field("employees_score", .int, .required)
            .field("organization_score", .int, .required)
            .field("created_by_id", .uuid, .required)
            .field("created_at", .datetime)
            .create()

        try await database.schema(SecurityActionDeclaration.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("stars", .int, .required)
            .field("declaration_id", .string, .required)
            .field("declared_on", .string, .required)
            .field("created_by_id", .uuid, .required)
            .field("created_at", .datetime)
            .create()

        try await database.schema(BasicMeasureCheck.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("measure", .int, .required)
            .field("checked_by_id", .uuid, .required)
            .field("checked_at", .datetime)
            .unique(on: "organization_id", "measure")
            .create()

        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_diagnoses_org_date").on(SelfDiagnosis.schema)
            .column("organization_id").column("diagnosed_on").column("created_at").run()
        try await sql.create(index: "idx_diagnoses_org_site").on(SelfDiagnosis.schema)
            .column("organization_id").column("site_label").run()
        try await sql.create(index: "idx_declarations_org").on(SecurityActionDeclaration.schema)
            .column("organization_id").column("declared_on").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_declarations_org", "idx_diagnoses_org_site", "idx_diagnoses_org_date"] {
            try await sql.drop(index: index).run()
        }
        try await database.schema(BasicMeasureCheck.schema).delete()
        try await database.schema(SecurityActionDeclaration.schema).delete()
        try await database.schema(SelfDiagnosis.schema).delete()
    }
}
