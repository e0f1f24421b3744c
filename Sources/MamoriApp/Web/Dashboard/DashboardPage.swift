import Foundation
import MamoriCore
import Plot

/// The first page after login; what it shows depends on the role.
enum DashboardPage {
    /// "Due soon" on the dashboard: overdue, or due within this many days (today included).
    /// The card says the number.
    static let dueSoonDays = OrganizationOverview.dueSoonDays

    /// The organization's dashboard as plain values, so it renders from `.mock` without a database.
    struct Model {
        /// Who looks: the welcome names them, and only an owner sees the API card.
        var viewerName: String
        var viewerRole: Role
        var organization: OrganizationRow
        var memberCount: Int
        var openInvitationCount: Int
        var activeTokenCount: Int
        var recentActivity: [Activity]
        var latestDiagnosis: Diagnosis?
        var readiness: SecurityActionReadiness
        /// Overdue, due within `dueSoonDays` days, or "promptly" without a date.
        var dueSoon: [Due] = []
        /// Open duties with a date further away than `dueSoonDays` days (only counted).
        var laterDutyCount = 0
        var plan = OrganizationOverview.PlanSummary(total: 0, done: 0, percent: 0, overdue: 0, untreatedLargeRisks: 0)
        var nextVisit: Visit? = nil

        static var mock: Model {
            let duties = NotificationDuties.compute(.init(kind: .ransomware, awareAt: Date(), personalData: .init(involved: true, persons: 1000),
                                                          ransomware: true)).duties
            return Model(viewerName: "山田 <太郎>", viewerRole: .owner, organization: .mock, memberCount: 3, openInvitationCount: 1, activeTokenCount: 1,
                         recentActivity: [Activity(action: "member.invite", actorEmail: "owner@example.jp", createdAt: Date())],
                         latestDiagnosis: Diagnosis(total: 62, diagnosedOn: "2026-04-01"),
                         readiness: SecurityActionReadiness(checkedMeasures: [1, 2], hasSelfDiagnosis: true, policyPublished: false, declaredStars: nil),
                         dueSoon: duties.prefix(2).map { Due(incidentID: UUID(), incidentTitle: "ランサムウェア <感染>", duty: $0, overdue: false) },
                         laterDutyCount: 1, plan: .init(total: 4, done: 1, percent: 35, overdue: 1, untreatedLargeRisks: 2),
                         nextVisit: Visit(number: 2, scheduledAt: Date().addingTimeInterval(86_400 * 3), mode: .online,
                                          place: "https://meet.example.jp/<room>", expertName: "支援士 <鈴木>"))
        }
    }

    /// A recorded change in the activity card.
    struct Activity: Sendable {
        var action: String
        var actorEmail: String
        var createdAt: Date
    }

    /// The latest self-diagnosis: its score and day.
    struct Diagnosis: Sendable {
        var total: Int
        var diagnosedOn: String
    }

    /// An open notification duty of an incident.
    struct Due: Sendable {
        var incidentID: UUID
        var incidentTitle: String
        var duty: NotificationDuties.Duty
        var overdue: Bool
    }

    /// The next program visit and its expert.
    struct Visit: Sendable {
        var number: Int
        var scheduledAt: Date
        var mode: ProgramVisit.Mode
        /// The address for an on-site visit, the meeting URL for an online one.
        var place: String
        var expertName: String
    }

    /// The office's dashboard as plain values.
    struct OfficeModel {
        var organizationCount: Int
        var outsideMetroCount: Int
        var organizationUserCount: Int
        var expertCount: Int
        var adminCount: Int
        var auditLastWeek: Int
        var recentOrganizations: [OrganizationRow]

        static let mock = OfficeModel(organizationCount: 12, outsideMetroCount: 5, organizationUserCount: 40, expertCount: 3, adminCount: 2,
                                      auditLastWeek: 17, recentOrganizations: [.mock])
    }

    static func organization(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let org = model.organization
        let orgID = org.id
        return Layout.page(title: t(L.Common.navDashboard), context: context) {
            heading(1, t(L.Organization.dashboardWelcome(model.viewerName)))
            paragraph(org.name + " — " + t(L.Accounts.roleName(model.viewerRole)), class: "lead")
            div("cards") {
                El("section", [("class", "card card-wide" + (model.dueSoon.isEmpty ? "" : " card-alert")), ("aria-labelledby", "card-duties")]) {
                    heading(2, t(L.Incident.dashboardDutiesCard), id: "card-duties")
                    paragraph(t(L.Dashboard.dueSoonRule(days: DashboardPage.dueSoonDays)), class: "hint")
                    if model.dueSoon.isEmpty {
                        paragraph(t(L.Incident.noDutiesDue), class: "muted")
                    } else {
                        El("ul") {
                            for status in model.dueSoon {
                                El("li", [("data-due", status.overdue ? "overdue" : (status.duty.due == nil ? "promptly" : "soon"))]) {
                                    El("strong") {
                                        Text(t(status.overdue ? L.Incident.overdue : (status.duty.due == nil ? L.Incident.promptly : L.Dashboard.dueWithin(days: DashboardPage.dueSoonDays))) + " ")
                                    }
                                    Text(status.duty.due.map { DateText.calendarDate($0.day.description, context.locale) } ?? "")
                                    Text(" · " + t(L.Incident.recipient(status.duty.recipient)) + " " + t(L.Incident.dutyAction(status.duty.action)) + " · ")
                                    link(status.incidentTitle, to: SiteURL.incident(organization: orgID, incident: status.incidentID).path + "#duties")
                                }
                            }
                        }
                    }
                    if model.laterDutyCount > 0 {
                        paragraph(t(L.Dashboard.laterDuties(model.laterDutyCount, days: DashboardPage.dueSoonDays)), class: "hint")
                    }
                    link(t(L.Incident.incidentsTitle), to: SiteURL.incidents(organization: orgID).path)
                }
                if let next = model.nextVisit {
                    El("section", [("class", "card card-wide"), ("aria-labelledby", "card-visit"), ("id", "dashboard-next-visit")]) {
                        heading(2, t(L.Program.nextVisitTitle), id: "card-visit")
                        El("p") {
                            El("strong") { timeElement(next.scheduledAt, context) }
                            Text(" · " + t(L.Program.visitNumber(next.number)) + " · " + t(L.Program.visitMode(next.mode)))
                        }
                        paragraph(t(L.Program.nextVisitExpert(next.expertName)))
                        El("p", [("class", "hint")]) {
                            Text(t(next.mode == .online ? L.Program.nextVisitMeeting : L.Program.nextVisitPlace) + t(L.Common.colon))
                            if next.mode == .online {
                                link(next.place, to: next.place, [("rel", "noopener noreferrer")])
                            } else {
                                Text(next.place)
                            }
                        }
                        link(t(L.Program.programTitle), to: SiteURL.orgProgram(organization: orgID).path)
                    }
                }
                El("section", [("class", "card card-wide"), ("aria-labelledby", "card-security")]) {
                    heading(2, t(L.Diagnosis.dashboardDiagnosisCard), id: "card-security")
                    El("p", [("class", "stars")]) {
                        Text(t(L.Diagnosis.currentStars) + t(L.Common.colon))
                        El("strong") { Text(t(L.Diagnosis.stars(model.readiness.declaredStars ?? 0))) }
                    }
                    if let latest = model.latestDiagnosis {
                        paragraph(t(L.Diagnosis.dashboardLatestScore(latest.total, DateText.calendarDate(latest.diagnosedOn, context.locale))))
                    } else {
                        paragraph(t(L.Diagnosis.dashboardNoDiagnosis))
                    }
                    if let next = model.readiness.nextStar {
                        if model.readiness.missingForNextStar.isEmpty {
                            paragraph(t(L.Diagnosis.readyFor(next)))
                        } else {
                            El("p") { Text(t(L.Diagnosis.readinessTitle) + t(L.Common.parenthesized(t(L.Diagnosis.stars(next)))) + t(L.Common.colon)) }
                            El("ul") {
                                for requirement in model.readiness.missingForNextStar {
                                    El("li") { Text(t(L.Diagnosis.requirement(requirement))) }
                                }
                            }
                        }
                    }
                    div("actions") {
                        link(t(L.Diagnosis.homeStartDiagnosis), to: SiteURL.selfDiagnosis.path, [("class", "button")])
                        link(t(L.Diagnosis.historyTitle), to: SiteURL.diagnoses(organization: orgID).path, [("class", "button secondary")])
                        link(t(L.Diagnosis.seeSecurityAction), to: SiteURL.securityAction(organization: orgID).path, [("class", "button secondary")])
                    }
                }
                El("section", [("class", "card card-wide" + (model.plan.overdue + model.plan.untreatedLargeRisks > 0 ? " card-alert" : "")),
                               ("aria-labelledby", "card-plan"), ("id", "dashboard-plan")]) {
                    heading(2, t(L.Plan.dashboardTitle), id: "card-plan")
                    if model.plan.total == 0 {
                        paragraph(t(L.Plan.dashboardEmpty), class: "muted")
                    } else {
                        El("p") {
                            El("progress", [("max", "100"), ("value", String(model.plan.percent))]) { Text("\(model.plan.percent)%") }
                            Text(" " + t(L.Plan.progressSummary(done: model.plan.done, total: model.plan.total, percent: model.plan.percent)))
                        }
                        if model.plan.overdue > 0 { El("p", [("class", "warning-text")]) { Text(t(L.Plan.overdueCount(model.plan.overdue))) } }
                    }
                    if model.plan.untreatedLargeRisks > 0 {
                        El("p", [("class", "warning-text")]) { Text(t(L.Risk.untreatedLarge(model.plan.untreatedLargeRisks))) }
                    }
                    div("actions") {
                        link(t(L.Plan.title), to: SiteURL.plan(organization: orgID).path, [("class", "button secondary")])
                        link(t(L.Risk.assetsTitle), to: SiteURL.assets(organization: orgID).path, [("class", "button secondary")])
                    }
                }
                El("section", [("class", "card"), ("aria-labelledby", "card-org")]) {
                    heading(2, t(L.Organization.dashboardOrganizationCard), id: "card-org")
                    OrganizationFacts(organization: org, context: context)
                }
                El("section", [("class", "card"), ("aria-labelledby", "card-team")]) {
                    heading(2, t(L.Organization.dashboardTeamCard), id: "card-team")
                    paragraph(t(L.Organization.dashboardTeamCount(members: model.memberCount, invitations: model.openInvitationCount)))
                    link(t(model.viewerRole == .owner ? L.Organization.manageMembers : L.Organization.seeMembers), to: SiteURL.members(organization: orgID).path)
                }
                if model.viewerRole == .owner {
                    El("section", [("class", "card"), ("aria-labelledby", "card-api")]) {
                        heading(2, t(L.Organization.dashboardAPICard), id: "card-api")
                        paragraph(t(L.Organization.dashboardActiveTokens(model.activeTokenCount)))
                        link(t(L.Organization.manageTokens), to: SiteURL.tokens(organization: orgID).path)
                    }
                }
                El("section", [("class", "card card-wide"), ("aria-labelledby", "card-activity")]) {
                    heading(2, t(L.Organization.dashboardActivityCard), id: "card-activity")
                    if model.recentActivity.isEmpty {
                        paragraph(t(L.Organization.dashboardNoActivity), class: "muted")
                    } else {
                        El("ul", [("class", "activity")]) {
                            for entry in model.recentActivity {
                                El("li") {
                                    timeElement(entry.createdAt, context)
                                    Text(" " + t(L.Organization.auditActionName(entry.action)) + " — " + entry.actorEmail)
                                }
                            }
                        }
                    }
                    link(t(L.Organization.seeAuditLog), to: SiteURL.audit(organization: orgID).path)
                }
            }
        }
    }

    static func office(_ model: OfficeModel, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.Organization.officeDashboardTitle), context: context) {
            heading(1, t(L.Organization.officeDashboardTitle))
            El("dl", [("class", "stats")]) {
                stat(t(L.Organization.officeCountOrganizations), model.organizationCount)
                stat(t(L.Organization.officeCountOutsideMetro), model.outsideMetroCount)
                stat(t(L.Organization.officeCountOrganizationUsers), model.organizationUserCount)
                stat(t(L.Organization.officeCountExperts), model.expertCount)
                stat(t(L.Organization.officeCountAdmins), model.adminCount)
                stat(t(L.Organization.officeCountAuditWeek), model.auditLastWeek)
            }
            El("section", [("class", "card card-wide")]) {
                heading(2, t(L.Organization.officeRecentOrganizations))
                if model.recentOrganizations.isEmpty {
                    paragraph(t(L.Organization.noOrganizationsYet), class: "muted")
                } else {
                    OrganizationTable(organizations: model.recentOrganizations, userCounts: [:], context: context)
                }
                link(t(L.Common.navOrganizations), to: SiteURL.officeOrganizations().path)
            }
        }
    }

    private static func stat(_ label: String, _ value: Int) -> Component {
        div("stat") {
            El("dt") { Text(label) }
            El("dd") { Text(String(value)) }
        }
    }
}

/// Name, prefecture, industry, employees and capital of an organization.
struct OrganizationFacts: Component {
    let organization: OrganizationRow
    let context: PageContext

    var body: Component {
        let t = context.t
        return El("dl", [("class", "facts")]) {
            El("dt") { Text(t(L.Accounts.organizationName)) }
            El("dd") { Text(organization.name) }
            El("dt") { Text(t(L.Accounts.prefecture)) }
            El("dd") { Text(organization.prefecture.map { $0.name(context.locale) } ?? organization.prefectureCode) }
            El("dt") { Text(t(L.Accounts.industryCategory)) }
            El("dd") { Text(organization.industryCategory.map { $0.name(context.locale) } ?? organization.category) }
            El("dt") { Text(t(L.Accounts.employees)) }
            El("dd") { Text(organization.employees.formatted()) }
            El("dt") { Text(t(L.Accounts.capital)) }
            El("dd") { Text(organization.capitalYen.map { "¥" + $0.formatted() } ?? "—") }
        }
    }
}

/// The office's table of organizations.
struct OrganizationTable: Component {
    let organizations: [OrganizationRow]
    let userCounts: [UUID: Int]
    let context: PageContext

    var body: Component {
        let t = context.t
        return div("table-scroll") {
            El("table", [("class", "cards-on-phone")]) {
                El("thead") {
                    El("tr") {
                        El("th", [("scope", "col")]) { Text(t(L.Organization.name)) }
                        El("th", [("scope", "col")]) { Text(t(L.Accounts.prefecture)) }
                        El("th", [("scope", "col")]) { Text(t(L.Accounts.industryCategory)) }
                        El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Accounts.employees)) }
                        if !userCounts.isEmpty { El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Organization.people)) } }
                        El("th", [("scope", "col")]) { Text(t(L.Organization.registered)) }
                    }
                }
                El("tbody") {
                    for org in organizations {
                        El("tr") {
                            El("td", [("data-label", t(L.Organization.name))]) { Text(org.name) }
                            El("td", [("data-label", t(L.Accounts.prefecture))]) { Text(org.prefecture.map { $0.name(context.locale) } ?? org.prefectureCode) }
                            El("td", [("data-label", t(L.Accounts.industryCategory))]) { Text(org.industryCategory.map { $0.name(context.locale) } ?? org.category) }
                            El("td", [("class", "number"), ("data-label", t(L.Accounts.employees))]) { Text(org.employees.formatted()) }
                            if !userCounts.isEmpty { El("td", [("class", "number"), ("data-label", t(L.Organization.people))]) { Text(String(userCounts[org.id] ?? 0)) } }
                            El("td", [("data-label", t(L.Organization.registered))]) { timeElement(org.createdAt, context, dateOnly: true) }
                        }
                    }
                }
            }
        }
    }
}

extension DashboardPage.Model {
    init(_ overview: OrganizationOverview, viewer: Principal) {
        self.init(viewerName: viewer.user.displayName, viewerRole: viewer.role, organization: OrganizationRow(overview.organization),
                  memberCount: overview.memberCount, openInvitationCount: overview.openInvitationCount, activeTokenCount: overview.activeTokenCount,
                  recentActivity: overview.recentActivity.map { DashboardPage.Activity(action: $0.action, actorEmail: $0.actorEmail, createdAt: $0.createdAt) },
                  latestDiagnosis: overview.latestDiagnosis.map { DashboardPage.Diagnosis(total: $0.total, diagnosedOn: $0.diagnosedOn) },
                  readiness: overview.readiness,
                  dueSoon: overview.dueSoon.map { incident, status in
                      DashboardPage.Due(incidentID: incident.id!, incidentTitle: incident.title, duty: status.duty, overdue: status.overdue)
                  },
                  laterDutyCount: overview.laterDutyCount, plan: overview.plan,
                  nextVisit: overview.nextVisit.map {
                      DashboardPage.Visit(number: $0.visit.number, scheduledAt: $0.visit.scheduledAt, mode: $0.visit.mode, place: $0.visit.place,
                                          expertName: $0.expertName)
                  })
    }
}

extension DashboardPage.OfficeModel {
    init(_ overview: OfficeOverview) {
        self.init(organizationCount: overview.organizationCount, outsideMetroCount: overview.outsideMetroCount,
                  organizationUserCount: overview.organizationUserCount, expertCount: overview.expertCount, adminCount: overview.adminCount,
                  auditLastWeek: overview.auditLastWeek, recentOrganizations: overview.recentOrganizations.map(OrganizationRow.init))
    }
}
