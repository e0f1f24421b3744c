import Fluent
import SQLKit

/// Indexes found missing by the benchmark at 10,000 organizations (issue #13): the office's
/// organization list and the office dashboard's "recently registered" sort organizations by
/// creation time, newest first, which without an index sorts the whole table on every view.
struct AddListIndexes: AsyncMigration {
    var name: String { "014_AddListIndexes" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_organizations_created").on(Organization.schema).column("created_at").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "idx_organizations_created").run()
    }
}
