import Fluent
import FluentSQL
import Foundation
import MamoriCore
import SQLKit

/// What the organization's dashboard shows, read by `OrganizationOverviewService`.
struct OrganizationOverview {
    /// "Due soon" on the dashboard: overdue, or due within this many days (today included).
    /// The card says the number.
    static let dueSoonDays = IncidentService.dueSoonDays

    var organization: Organization
    var memberCount: Int
    var openInvitationCount: Int
    var activeTokenCount: Int
    var recentActivity: [AuditEntry]
    var latestDiagnosis: SelfDiagnosis?
    var readiness: SecurityActionReadiness
    /// Overdue, due within `dueSoonDays` days, or "promptly" without a date.
    var dueSoon: [(Incident, IncidentService.DutyStatus)] = []
    /// Open duties with a date further away than `dueSoonDays` days (only counted).
    var laterDutyCount = 0
    var plan = PlanSummary(total: 0, done: 0, percent: 0, overdue: 0, untreatedLargeRisks: 0)
    /// The organization's next program visit, if one is scheduled.
    var nextVisit: ProgramService.NextVisit? = nil

    struct PlanSummary: Sendable {
        var total: Int
        var done: Int
        var percent: Int
        var overdue: Int
        var untreatedLargeRisks: Int
    }
}

/// What the program office's dashboard shows, read by `OrganizationOverviewService`.
struct OfficeOverview {
    var organizationCount: Int
    var outsideMetroCount: Int
    var organizationUserCount: Int
    var expertCount: Int
    var adminCount: Int
    var auditLastWeek: Int
    var recentOrganizations: [Organization]
}

/// The dashboards' data: every count and list in queries that run side by side (`async let`),
/// none per row. The dashboard controller only calls this and renders.
struct OrganizationOverviewService {
    let db: any Database

    /// The organization's overview, if the principal belongs to it (else 404, `TenantScope`).
    func overview(of organizationID: UUID?, principal: Principal) async throws -> OrganizationOverview {
        let db = self.db
        let org = try await TenantScope.organization(organizationID, for: principal, on: db)
        let orgID = try org.requireID()
        async let counts = Self.counts(of: orgID, on: db)
        // The dashboard's own lists are plain statements decoded into the models: each model
        // query costs the query builder's reflection and SQL serialization (docs/PERFORMANCE.md).
        async let activity = db.sql.raw("""
            SELECT * FROM audit_entries WHERE organization_id = \(bind: orgID) ORDER BY created_at DESC LIMIT 5
            """).all().map { try $0.decode(fluentModel: AuditEntry.self) }
        async let latest = db.sql.raw("""
            SELECT * FROM self_diagnoses WHERE organization_id = \(bind: orgID) ORDER BY diagnosed_on DESC, created_at DESC LIMIT 1
            """).first().map { try $0.decode(fluentModel: SelfDiagnosis.self) }
        async let readiness = SecurityActionService(db: db).readiness(of: org)
        async let due = IncidentService(db: db).dueSoon(in: org)
        async let plan = db.sql.raw("""
            SELECT id, status, progress, due_month FROM plan_items WHERE organization_id = \(bind: orgID) LIMIT 2000
            """).all().map { try $0.decode(fluentModel: PlanItem.self) }
        async let nextVisit = ProgramService(db: db).nextVisit(of: orgID)
        let items = try await plan
        let today = PlanMonth(Day(Date()))
        let active = items.filter { $0.planStatus != .dropped }
        let summary = OrganizationOverview.PlanSummary(
            total: active.count, done: active.filter { $0.planStatus == .done }.count,
            percent: active.isEmpty ? 0 : active.map(\.progress).reduce(0, +) / active.count,
            overdue: active.filter { item in PlanMonth(item.dueMonth).map { PlanRules.isOverdue(status: item.planStatus, due: $0, today: today) } ?? false }.count,
            untreatedLargeRisks: try await counts.untreatedLargeRisks)
        let open = try await due
        let duties = Self.dutiesDueSoon(open, today: Day(Date()))
        let numbers = try await counts
        return try await .init(organization: org, memberCount: numbers.members, openInvitationCount: numbers.openInvitations,
                               activeTokenCount: numbers.activeTokens, recentActivity: activity, latestDiagnosis: latest, readiness: readiness, dueSoon: duties.soon,
                               laterDutyCount: duties.later, plan: summary, nextVisit: nextVisit)
    }

    struct Counts: Sendable {
        var members: Int
        var openInvitations: Int
        var activeTokens: Int
        /// As `RiskService.untreatedLarge`: large risks without a treatment.
        var untreatedLargeRisks: Int
    }

    /// The dashboard's four counts in one round trip (four model queries cost four times the
    /// query building and reflection; docs/PERFORMANCE.md). Each is an indexed count.
    static func counts(of organizationID: UUID, on db: any Database) async throws -> Counts {
        let id = organizationID
        let query: SQLQueryString = """
            SELECT
              (SELECT COUNT(*) FROM users WHERE organization_id = \(bind: id) AND deactivated_at IS NULL) AS members,
              (SELECT COUNT(*) FROM invitations WHERE organization_id = \(bind: id) AND used_at IS NULL AND revoked_at IS NULL
                 AND expires_at > \(bind: Date())) AS invitations,
              (SELECT COUNT(*) FROM api_tokens WHERE organization_id = \(bind: id) AND revoked_at IS NULL) AS tokens,
              (SELECT COUNT(*) FROM asset_risks WHERE organization_id = \(bind: id) AND band = \(bind: RiskRules.Band.large.rawValue)
                 AND treatment IS NULL) AS untreated
            """
        guard let row = try await db.sql.raw(query).first() else { return Counts(members: 0, openInvitations: 0, activeTokens: 0, untreatedLargeRisks: 0) }
        return Counts(members: try row.decode(column: "members", as: Int.self), openInvitations: try row.decode(column: "invitations", as: Int.self),
                      activeTokens: try row.decode(column: "tokens", as: Int.self), untreatedLargeRisks: try row.decode(column: "untreated", as: Int.self))
    }

    /// "Due soon" on the dashboard means overdue or due within `OrganizationOverview.dueSoonDays` days
    /// (today included), plus duties the law wants done "promptly" without a date. Dated duties
    /// further away (a final report due in two months) are only counted.
    static func dutiesDueSoon(_ duties: [(Incident, IncidentService.DutyStatus)], today: Day)
        -> (soon: [(Incident, IncidentService.DutyStatus)], later: Int) {
        let horizon = today.adding(days: OrganizationOverview.dueSoonDays)
        let soon = duties.filter { entry in entry.1.duty.due.map { $0.day <= horizon } ?? entry.1.duty.required }
        let later = duties.filter { entry in entry.1.duty.due.map { $0.day > horizon } ?? false }.count
        return (soon, later)
    }

    /// The program office's overview: organizations (and how many lie outside the three
    /// metropolitan areas), accounts by role, last week's audit entries, the newest organizations.
    func officeOverview() async throws -> OfficeOverview {
        let db = self.db
        let metroCodes: [any Encodable & Sendable] = Prefecture.all.filter(\.isMetropolitan).map(\.code)
        // Six counts in one round trip (see `counts(of:)`); each reads an index.
        let query: SQLQueryString = """
            SELECT
              (SELECT COUNT(*) FROM organizations) AS organizations,
              (SELECT COUNT(*) FROM organizations WHERE prefecture_code NOT IN (\(binds: metroCodes))) AS outside,
              (SELECT COUNT(*) FROM users WHERE role IN (\(bind: Role.owner.rawValue), \(bind: Role.member.rawValue)) AND deactivated_at IS NULL) AS org_users,
              (SELECT COUNT(*) FROM users WHERE role = \(bind: Role.expert.rawValue) AND deactivated_at IS NULL) AS experts,
              (SELECT COUNT(*) FROM users WHERE role = \(bind: Role.officeAdmin.rawValue) AND deactivated_at IS NULL) AS admins,
              (SELECT COUNT(*) FROM audit_entries WHERE created_at >= \(bind: Date().addingTimeInterval(-7 * 24 * 3600))) AS audit_week
            """
        async let counts = db.sql.raw(query).first()
        async let recent = Organization.query(on: db).sort(\.$createdAt, .descending).limit(10).all()
        let row = try await counts
        func count(_ column: String) throws -> Int { try row?.decode(column: column, as: Int.self) ?? 0 }
        return try await .init(organizationCount: count("organizations"), outsideMetroCount: count("outside"), organizationUserCount: count("org_users"),
                               expertCount: count("experts"), adminCount: count("admins"), auditLastWeek: count("audit_week"), recentOrganizations: recent)
    }

    /// The office's list of organizations, newest first, with each one's active users counted
    /// in one grouped query for the page.
    func organizations(page request: PageRequest) async throws -> (page: Page<Organization>, userCounts: [UUID: Int]) {
        let page = try await Organization.query(on: db).sort(\.$createdAt, .descending).sort(\.$id).paginate(request)
        let ids: [any Encodable & Sendable] = page.items.compactMap(\.id)
        guard !ids.isEmpty else { return (page, [:]) }
        let rows = try await db.sql.raw("""
            SELECT organization_id, COUNT(*) AS users FROM users
            WHERE organization_id IN (\(binds: ids)) AND deactivated_at IS NULL GROUP BY organization_id
            """).all()
        var counts: [UUID: Int] = [:]
        for row in rows { counts[try row.decode(column: "organization_id", as: UUID.self)] = try row.decode(column: "users", as: Int.self) }
        return (page, counts)
    }
}
