import Fluent

/// Saved versions of incident reports (issue #12). The unique constraint on (incident, kind,
/// number) is also the index the history reads (both SQLite and PostgreSQL back a unique
/// constraint with an index), so no second index on the same columns is created. Every read
/// starts from an incident already resolved within its organization, so `organization_id`
/// needs no index of its own.
struct CreateIncidentReportVersions: AsyncMigration {
    var name: String { "011_CreateIncidentReportVersions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(IncidentReportVersion.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id"))
            .field("kind", .string, .required)
            .field("number", .int, .required)
            .field("sections", .string, .required)
            .field("locale", .string, .required)
            .field("author_id", .uuid, .required)
            .field("author_name", .string, .required)
            .field("created_at", .datetime)
            .field("submitted_at", .datetime)
            .field("submitted_by_id", .uuid)
            .field("submitted_by_name", .string)
            .field("sha256", .string, .required)
            .unique(on: "incident_id", "kind", "number", name: "uq_incident_report_versions_incident_kind_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IncidentReportVersion.schema).delete()
    }
}
