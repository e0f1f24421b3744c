import Fluent
import SQLKit

/// The office's corrections, additions and retirements of help-directory entries, and the
/// "outdated" reports queued for it.
struct CreateDirectoryCorrections: AsyncMigration {
    var name: String { "007_CreateDirectoryCorrections" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DirectoryEntryRecord.schema)
            .id()
            .field("entry_id", .string, .required)
            .field("added", .bool, .required)
            .field("data", .string, .required)
            .field("retired", .bool, .required)
            .field("verified_on", .string)
            .field("updated_by_name", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "entry_id")
            .create()
        try await database.schema(DirectoryReport.schema)
            .id()
            .field("entry_id", .string, .required)
            .field("note", .string, .required)
            .field("reported_by_id", .uuid, .required)
            .field("reported_by_name", .string, .required)
            .field("created_at", .datetime)
            .field("resolved_at", .datetime)
            .field("resolved_by_name", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_directory_reports_open").on(DirectoryReport.schema).column("resolved_at").column("created_at").run()
        try await sql.create(index: "idx_directory_reports_entry").on(DirectoryReport.schema).column("entry_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_directory_reports_entry").run()
        try await sql.drop(index: "idx_directory_reports_open").run()
        try await database.schema(DirectoryReport.schema).delete()
        try await database.schema(DirectoryEntryRecord.schema).delete()
    }
}
