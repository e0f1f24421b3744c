import Fluent
import SQLKit

/// The expert-guidance program: settings and terms per fiscal year, experts, applications,
/// visits and the completion survey. Invitations gain a link to the expert profile they create
/// an account for.
struct CreateProgram: AsyncMigration {
    var name: String { "003_CreateProgram" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProgramSettings.schema)
            .id()
            .field("fiscal_year", .int, .required)
            .field("capacity", .int, .required)
            .field("visits_per_company", .int, .required)
            .field("hours_per_visit", .int, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("terms_version", .int, .required)
            .field("terms_text", .string, .required)
            .field("accepted_count", .int, .required)
            .field("prefer_outside_metro", .bool, .required)
            .field("updated_at", .datetime)
            .unique(on: "fiscal_year")
            .create()

        try await database.schema(ProgramTermsVersion.schema)
            .id()
            .field("fiscal_year", .int, .required)
            .field("version", .int, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "fiscal_year", "version")
            .create()

        try await database.schema(ExpertProfile.schema)
            .id()
            .field("user_id", .uuid, .references(User.schema, "id"))
            .field("name", .string, .required)
            .field("registration_number", .string, .required)
            .field("prefecture_code", .string, .required)
            .field("regions", .string, .required)
            .field("on_site", .bool, .required)
            .field("online", .bool, .required)
            .field("max_companies", .int, .required)
            .field("calendar_token_hash", .string)
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .unique(on: "registration_number")
            .create()

        try await database.schema(ProgramApplication.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("fiscal_year", .int, .required)
            .field("status", .string, .required)
            .field("prefecture_code", .string, .required)
            .field("contact_name", .string, .required)
            .field("contact_phone", .string, .required)
            .field("message", .string, .required)
            .field("eligible", .bool, .required)
            .field("eligibility_reasons", .string, .required)
            .field("sme_basis", .string)
            .field("terms_version", .int, .required)
            .field("submitted_at", .datetime, .required)
            .field("submitted_by_id", .uuid, .required)
            .field("decided_at", .datetime)
            .field("decision_reason", .string)
            .field("expert_profile_id", .uuid, .references(ExpertProfile.schema, "id"))
            .field("assigned_at", .datetime)
            .unique(on: "organization_id", "fiscal_year")
            .create()

        try await database.schema(ProgramVisit.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ProgramApplication.schema, "id"))
            .field("number", .int, .required)
            .field("scheduled_at", .datetime, .required)
            .field("mode", .string, .required)
            .field("place", .string, .required)
            .field("duration_minutes", .int)
            .field("topics", .string)
            .field("goal_progress", .string)
            .field("next_steps", .string)
            .field("recorded_at", .datetime)
            .field("recorded_by_id", .uuid)
            .unique(on: "application_id", "number")
            .create()

        try await database.schema(ProgramSurvey.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ProgramApplication.schema, "id"))
            .field("produced_results", .bool, .required)
            .field("satisfaction", .int, .required)
            .field("comments", .string, .required)
            .field("answered_by_id", .uuid, .required)
            .field("answered_at", .datetime)
            .unique(on: "application_id")
            .create()

        try await database.schema(Invitation.schema)
            .field("expert_profile_id", .uuid)
            .update()

        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_applications_year_status").on(ProgramApplication.schema)
            .column("fiscal_year").column("status").column("submitted_at").run()
        try await sql.create(index: "idx_applications_expert").on(ProgramApplication.schema).column("expert_profile_id").run()
        try await sql.create(index: "idx_visits_scheduled").on(ProgramVisit.schema).column("scheduled_at").run()
        try await sql.create(index: "idx_experts_calendar").on(ExpertProfile.schema).column("calendar_token_hash").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_experts_calendar", "idx_visits_scheduled", "idx_applications_expert", "idx_applications_year_status"] {
            try await sql.drop(index: index).run()
        }
        try await database.schema(Invitation.schema).deleteField("expert_profile_id").update()
        for schema in [ProgramSurvey.schema, ProgramVisit.schema, ProgramApplication.schema, ExpertProfile.schema,
                       ProgramTermsVersion.schema, ProgramSettings.schema] {
            try await database.schema(schema).delete()
        }
    }
}
