import Fluent
import SQLKit

/// Incidents, their playbook checks, the hash-chained timeline, evidence, recorded
/// notifications and recurrence-prevention measures.
struct CreateIncidents: AsyncMigration {
    var name: String { "004_CreateIncidents" }

    func prepare(on database: any Database) async throws {
        var incidents = database.schema(Incident.schema).id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
        for (key, type) in [("kind", DatabaseSchema.DataType.string), ("title", .string), ("severity", .string), ("status", .string),
                            ("current_step", .int), ("category_note", .string), ("client_name", .string), ("responsible_name", .string),
                            ("responsible_department", .string), ("team_members", .string), ("detected_at", .datetime),
                            ("observed_impact", .string), ("suspected_cause", .string), ("affected_assets", .string), ("security_tools", .string),
                            ("response_policy", .string), ("aware_at", .datetime), ("personal_data_involved", .bool), ("persons", .int),
                            ("special_care", .bool), ("financial_damage_risk", .bool), ("wrongful_intent", .bool), ("data_protected", .bool),
                            ("crime_suspected", .bool), ("lost_or_stolen_outside", .bool), ("sector_law_requires_report", .bool),
                            ("partners_affected", .bool), ("public_impact", .bool), ("cause_summary", .string), ("created_by_id", .uuid)] {
            incidents = incidents.field(FieldKey(stringLiteral: key), type, .required)
        }
        try await incidents
            .field("occurred_at", .datetime)
            .field("ppc_delegated_to", .string)
            .field("closed_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()

        try await database.schema(IncidentCheck.schema).id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id"))
            .field("point_id", .string, .required)
            .field("state", .string, .required)
            .field("note", .string, .required)
            .field("by_name", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "incident_id", "point_id")
            .create()

        try await database.schema(TimelineEntry.schema).id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id"))
            .field("sequence", .int, .required)
            .field("occurred_at", .datetime, .required)
            .field("recorded_at", .datetime, .required)
            .field("author", .string, .required)
            .field("type", .string, .required)
            .field("text", .string, .required)
            .field("corrects_sequence", .int)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "incident_id", "sequence")
            .create()

        try await database.schema(EvidenceFile.schema).id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id"))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime)
            .create()

        try await database.schema(IncidentNotification.schema).id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id"))
            .field("recipient", .string, .required)
            .field("action", .string, .required)
            .field("done_on", .string, .required)
            .field("reference", .string, .required)
            .field("done_by", .string, .required)
            .field("recorded_at", .datetime)
            .unique(on: "incident_id", "recipient", "action")
            .create()

        try await database.schema(IncidentMeasure.schema).id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id"))
            .field("text", .string, .required)
            .field("created_at", .datetime)
            .create()

        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_incidents_org").on(Incident.schema).column("organization_id").column("status").column("detected_at").run()
        try await sql.create(index: "idx_evidence_incident").on(EvidenceFile.schema).column("incident_id").run()
        try await sql.create(index: "idx_measures_incident").on(IncidentMeasure.schema).column("incident_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_measures_incident", "idx_evidence_incident", "idx_incidents_org"] { try await sql.drop(index: index).run() }
        for schema in [IncidentMeasure.schema, IncidentNotification.schema, EvidenceFile.schema, TimelineEntry.schema, IncidentCheck.schema, Incident.schema] {
            try await database.schema(schema).delete()
        }
    }
}
