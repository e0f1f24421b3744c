import Fluent
import SQLKit

struct CreateVisitAttachments: AsyncMigration {
    var name: String { "003_CreateVisitAttachments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VisitAttachment.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(ProgramVisit.schema, "id"))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by_id", .uuid, .required)
            .field("uploaded_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "idx_visit_attachments_visit").on(VisitAttachment.schema).column("visit_id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "idx_visit_attachments_visit").run()
        try await database.schema(VisitAttachment.schema).delete()
    }
}
