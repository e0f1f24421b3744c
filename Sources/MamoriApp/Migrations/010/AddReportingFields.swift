import Fluent
import SQLKit

/// What the PPC report and the audit log were missing: the personal-data items concerned and
/// the secondary damage on an incident; the business's address and representative (the PPC
/// form asks for the business, not the person); an English audit summary beside the Japanese.
/// One column per statement, as SQLite alters one column at a time.
struct AddReportingFields: AsyncMigration {
    var name: String { "010_AddReportingFields" }

    func prepare(on database: any Database) async throws {
        for column in ["leaked_items", "secondary_damage"] {
            try await database.schema(Incident.schema).field(.definition(name: .key(.string(column)), dataType: .string,
                                                                          constraints: [.required, .sql(.default(""))])).update()
        }
        for column in ["address", "representative"] {
            try await database.schema(Organization.schema).field(.definition(name: .key(.string(column)), dataType: .string, constraints: [])).update()
        }
        try await database.schema(AuditEntry.schema).field("summary_en", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).deleteField("summary_en").update()
        for column in ["address", "representative"] { try await database.schema(Organization.schema).deleteField(.string(column)).update() }
        for column in ["leaked_items", "secondary_damage"] { try await database.schema(Incident.schema).deleteField(.string(column)).update() }
    }
}
