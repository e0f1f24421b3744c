import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import MamoriApp

/// The main lists' queries can use an index on both databases (issue #13). SQLite: `EXPLAIN
/// QUERY PLAN` names the index. PostgreSQL prefers a sequential scan on tables this small, so
/// the test turns sequential scans off for its session and checks that the planner then finds
/// an index: a missing index would still show `Seq Scan`.
@Suite("Query plans: the main filters and sorts have an index")
struct QueryPlanTests {
    static let cases: [(name: String, sql: String, index: String)] = [
        ("office organization list, newest first", #"SELECT "id" FROM "organizations" ORDER BY "created_at" DESC, "id" LIMIT 50"#, "idx_organizations_created"),
        ("an organization's audit log", #"SELECT "id" FROM "audit_entries" WHERE "organization_id" = 'x' ORDER BY "created_at" DESC LIMIT 50"#, "idx_audit_org_time"),
        ("an organization's open incidents", #"SELECT "id" FROM "incidents" WHERE "organization_id" = 'x' AND "status" = 'open'"#, "idx_incidents_org"),
        ("an organization's diagnoses by date", #"SELECT "id" FROM "self_diagnoses" WHERE "organization_id" = 'x' ORDER BY "diagnosed_on" DESC LIMIT 25"#, "idx_diagnoses_org_date"),
        ("webhook deliveries due", #"SELECT "id" FROM "webhook_deliveries" WHERE "status" = 'pending' AND "next_attempt_at" <= 0 ORDER BY "next_attempt_at" LIMIT 25"#, "idx_webhook_deliveries_due"),
        ("the delivery log", #"SELECT "id" FROM "webhook_deliveries" WHERE "organization_id" = 'x' ORDER BY "created_at" DESC LIMIT 50"#, "idx_webhook_deliveries_organization"),
    ]

    @Test("each main query uses its index", arguments: cases.map(\.name))
    func usesIndex(name: String) async throws {
        let query = try #require(Self.cases.first { $0.name == name })
        try await withMamori { app in
            let sql = app.db as! any SQLDatabase
            let isPostgres = app.storage[DatabaseLabelKey.self] == "postgresql"
            let plan: String
            if isPostgres {
                // One connection for both statements, so the setting applies to the EXPLAIN.
                plan = try await app.db.transaction { db in
                    let sql = db as! any SQLDatabase
                    try await sql.raw("SET LOCAL enable_seqscan = off").run()
                    let rows = try await sql.raw(SQLQueryString("EXPLAIN " + query.sql.replacingOccurrences(of: "'x'", with: "'00000000-0000-0000-0000-000000000000'")
                        .replacingOccurrences(of: "<= 0", with: "<= now()"))).all()
                    return try rows.map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
                }
            } else {
                let rows = try await sql.raw(SQLQueryString("EXPLAIN QUERY PLAN " + query.sql)).all()
                plan = try rows.map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
            }
            #expect(plan.contains(query.index), "\(name): \(plan)")
        }
    }
}
