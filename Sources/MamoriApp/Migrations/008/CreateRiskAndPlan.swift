import Fluent
import SQLKit

/// The information-asset register, the risks per asset, and the one-year action plan.
struct CreateRiskAndPlan: AsyncMigration {
    var name: String { "008_CreateRiskAndPlan" }

    func prepare(on database: any Database) async throws {
        try await database.schema(InformationAsset.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("business", .string, .required)
            .field("name", .string, .required)
            .field("notes", .string, .required)
            .field("users_allowed", .string, .required)
            .field("owner_department", .string, .required)
            .field("medium", .string, .required)
            .field("personal_data", .string, .required)
            .field("confidentiality", .int, .required)
            .field("integrity", .int, .required)
            .field("availability", .int, .required)
            .field("importance", .int, .required)
            .field("retention", .string, .required)
            .field("registered_on", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(AssetRisk.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("asset_id", .uuid, .required, .references(InformationAsset.schema, "id"))
            .field("threat", .string, .required)
            .field("likelihood", .int, .required)
            .field("vulnerability", .int, .required)
            .field("damage_likelihood", .int, .required)
            .field("risk_value", .int, .required)
            .field("band", .string, .required)
            .field("treatment", .string)
            .field("measure", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(PlanItem.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("source_kind", .string, .required)
            .field("source_key", .string, .required)
            .field("title", .string, .required)
            .field("priority", .int, .required)
            .field("owner_name", .string, .required)
            .field("start_month", .string, .required)
            .field("due_month", .string, .required)
            .field("status", .string, .required)
            .field("progress", .int, .required)
            .field("notes", .string, .required)
            .field("drop_reason", .string)
            .field("touched", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organization_id", "source_kind", "source_key")
            .create()
        try await database.schema(ActionPlanRecord.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(Organization.schema, "id"))
            .field("agreed_at", .datetime)
            .field("agreed_by_name", .string)
            .field("calendar_token_hash", .string)
            .field("updated_at", .datetime)
            .unique(on: "organization_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_assets_org_name").on(InformationAsset.schema).column("organization_id").column("name").run()
        try await sql.create(index: "idx_assets_org_importance").on(InformationAsset.schema).column("organization_id").column("importance").run()
        try await sql.create(index: "idx_assets_org_personal").on(InformationAsset.schema).column("organization_id").column("personal_data").run()
        try await sql.create(index: "idx_assets_org_business").on(InformationAsset.schema).column("organization_id").column("business").run()
        try await sql.create(index: "idx_risks_org_value").on(AssetRisk.schema).column("organization_id").column("risk_value").run()
        try await sql.create(index: "idx_risks_asset").on(AssetRisk.schema).column("asset_id").run()
        try await sql.create(index: "idx_plan_items_org_priority").on(PlanItem.schema).column("organization_id").column("priority").run()
        try await sql.create(index: "idx_action_plans_calendar").on(ActionPlanRecord.schema).column("calendar_token_hash").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_action_plans_calendar", "idx_plan_items_org_priority", "idx_risks_asset", "idx_risks_org_value",
                      "idx_assets_org_business", "idx_assets_org_personal", "idx_assets_org_importance", "idx_assets_org_name"] {
            try await sql.drop(index: index).run()
        }
        try await database.schema(ActionPlanRecord.schema).delete()
        try await database.schema(PlanItem.schema).delete()
        try await database.schema(AssetRisk.schema).delete()
        try await database.schema(InformationAsset.schema).delete()
    }
}
