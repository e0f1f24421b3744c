import Fluent
import Foundation
import MamoriCore
import Vapor

struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.dashboard.route, use: dashboard)
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let context = req.pageContext()
        switch principal.role {
        case .owner, .member:
            let model = try await Self.organizationModel(for: principal, on: req.db)
            return Layout.response(DashboardPage.organization(model, context: context))
        case .officeAdmin:
            return Layout.response(DashboardPage.office(try await Self.officeModel(on: req.db), context: context))
        case .expert:
            // An expert's work is the companies assigned to them.
            return req.redirect(to: .expertCompanies)
        }
    }

    static func organizationModel(for principal: Principal, on db: any Database) async throws -> DashboardPage.OrganizationModel {
        let org = try await TenantScope.organization(principal.organizationID, for: principal, on: db)
        let orgID = try org.requireID()
        async let members = User.query(on: db).filter(\.$organization.$id == orgID).filter(\.$deactivatedAt == nil).count()
        async let invitations = Invitation.query(on: db).filter(\.$organization.$id == orgID)
            .filter(\.$usedAt == nil).filter(\.$revokedAt == nil).filter(\.$expiresAt > Date()).count()
        async let tokens = APIToken.query(on: db).filter(\.$organization.$id == orgID).filter(\.$revokedAt == nil).count()
        async let activity = AuditEntry.query(on: db).filter(\.$organizationID == orgID).sort(\.$createdAt, .descending).limit(5).all()
        async let latest = DiagnosisService(db: db).latest(of: org)
        async let readiness = SecurityActionService(db: db).readiness(of: org)
        async let due = IncidentService(db: db).dueSoon(in: org)
        async let plan = PlanItem.query(on: db).filter(\.$organizationID == orgID).field(\.$id).field(\.$status).field(\.$progress)
            .field(\.$dueMonth).limit(2000).all()
        async let untreated = RiskService(db: db).untreatedLarge(in: org)
        async let nextVisit = ProgramService(db: db).nextVisit(of: orgID)
        let items = try await plan
        let today = PlanMonth(Day(Date()))
        let active = items.filter { $0.planStatus != .dropped }
        let summary = DashboardPage.PlanSummary(
            total: active.count, done: active.filter { $0.planStatus == .done }.count,
            percent: active.isEmpty ? 0 : active.map(\.progress).reduce(0, +) / active.count,
            overdue: active.filter { item in PlanMonth(item.dueMonth).map { PlanRules.isOverdue(status: item.planStatus, due: $0, today: today) } ?? false }.count,
            untreatedLargeRisks: try await untreated)
        let open = try await due
        let duties = Self.dutiesDueSoon(open, today: Day(Date()))
        return try await .init(organization: org, memberCount: members, openInvitationCount: invitations,
                               activeTokenCount: tokens, recentActivity: activity, latestDiagnosis: latest, readiness: readiness, dueSoon: duties.soon,
                               laterDutyCount: duties.later, plan: summary, nextVisit: nextVisit)
    }

    /// "Due soon" on the dashboard means overdue or due within `DashboardPage.dueSoonDays` days
    /// (today included), plus duties the law wants done "promptly" without a date. Dated duties
    /// further away (a final report due in two months) are only counted.
    static func dutiesDueSoon(_ duties: [(Incident, IncidentService.DutyStatus)], today: Day)
        -> (soon: [(Incident, IncidentService.DutyStatus)], later: Int) {
        let horizon = today.adding(days: DashboardPage.dueSoonDays)
        let soon = duties.filter { entry in entry.1.duty.due.map { $0.day <= horizon } ?? entry.1.duty.required }
        let later = duties.filter { entry in entry.1.duty.due.map { $0.day > horizon } ?? false }.count
        return (soon, later)
    }

    static func officeModel(on db: any Database) async throws -> DashboardPage.OfficeModel {
        let metroCodes = Prefecture.all.filter(\.isMetropolitan).map(\.code)
        async let organizations = Organization.query(on: db).count()
        async let outside = Organization.query(on: db).filter(\.$prefectureCode !~ metroCodes).count()
        async let orgUsers = User.query(on: db).filter(\.$role ~~ [.owner, .member]).filter(\.$deactivatedAt == nil).count()
        async let experts = User.query(on: db).filter(\.$role == .expert).filter(\.$deactivatedAt == nil).count()
        async let admins = User.query(on: db).filter(\.$role == .officeAdmin).filter(\.$deactivatedAt == nil).count()
        async let week = AuditEntry.query(on: db).filter(\.$createdAt >= Date().addingTimeInterval(-7 * 24 * 3600)).count()
        async let recent = Organization.query(on: db).sort(\.$createdAt, .descending).limit(10).all()
        return try await .init(organizationCount: organizations, outsideMetroCount: outside, organizationUserCount: orgUsers,
                               expertCount: experts, adminCount: admins, auditLastWeek: week, recentOrganizations: recent)
    }
}
