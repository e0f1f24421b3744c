import Foundation
import Vapor

/// Every page address, used both to register routes and to build links, so that a link can
/// never point at a route that does not exist.
enum SiteURL: Sendable {
    case home
    /// `then` is what the visitor was doing when they chose to sign up (see `SignupIntent`).
    case signup(then: SignupIntent? = nil)
    case login(next: String?)
    case logout
    case language
    case dashboard
    case settings
    case settingsProfile
    case settingsPassword
    case members(organization: UUID)
    case invitations(organization: UUID)
    case invitationRevoke(organization: UUID, invitation: UUID)
    case memberRemove(organization: UUID, member: UUID)
    case memberMakeOwner(organization: UUID, member: UUID)
    case memberPasswordReset(organization: UUID, member: UUID)
    case officeAccounts(query: String? = nil, role: String? = nil, page: Int = 1)
    case officeAccountPasswordReset(user: UUID)
    case passwordReset(token: String)
    case tokens(organization: UUID)
    case organizationDetails(organization: UUID)
    case reminders(organization: UUID, page: Int = 1)
    case remindersCalendar(organization: UUID)
    case remindersCalendarStop(organization: UUID)
    case webhooks(organization: UUID)
    case webhookRemove(organization: UUID, webhook: UUID)
    case webhookTest(organization: UUID, webhook: UUID)
    case dutyCalendarFeed(token: String)
    case tokenRevoke(organization: UUID, token: UUID)
    case audit(organization: UUID, filter: AuditLog.Filter = .init(), page: Int = 1)
    case invite(token: String)
    case setup(token: String)
    case officeExperts
    case officeExpertInvitationRevoke(invitation: UUID)
    case officeOrganizations(page: Int = 1)
    case officeAudit(filter: AuditLog.Filter = .init(), page: Int = 1)
    case stylesheet
    case selfDiagnosis
    case eligibility
    case firstAid
    case firstAidCase(key: String)
    case contacts(query: String? = nil, category: String? = nil, need: String? = nil)
    case contact(id: String)
    case contactReports(id: String)
    case officeDirectory(page: Int = 1)
    case officeDirectoryNew
    case officeDirectoryEntry(id: String)
    case officeDirectoryAction(id: String, action: String)
    case officeDirectoryReportResolve(report: UUID)
    case assets(organization: UUID, query: String? = nil, importance: String? = nil, personalData: String? = nil, sort: String? = nil, page: Int = 1)
    case assetsCSV(organization: UUID)
    case assetsXLSX(organization: UUID)
    case assetsImport(organization: UUID)
    case assetsImportConfirm(organization: UUID, upload: UUID)
    case assetsTemplate(organization: UUID, format: String)
    case asset(organization: UUID, asset: UUID)
    case assetRemove(organization: UUID, asset: UUID)
    case assetRisks(organization: UUID, asset: UUID)
    case risks(organization: UUID, page: Int = 1)
    case risk(organization: UUID, risk: UUID)
    case riskRemove(organization: UUID, risk: UUID)
    case plan(organization: UUID)
    case planProposal(organization: UUID)
    case planItems(organization: UUID)
    case planItem(organization: UUID, item: UUID)
    case planItemAction(organization: UUID, item: UUID, action: String)
    case planAgree(organization: UUID)
    case planCalendar(organization: UUID)
    case planPrint(organization: UUID)
    case planDocx(organization: UUID)
    case planXLSX(organization: UUID)
    case planFeed(token: String)
    case planComments(organization: UUID)
    case expertPlan(application: UUID)
    case expertPlanComments(application: UUID)
    case newIncident(organization: UUID, kind: String? = nil)
    case incidents(organization: UUID, page: Int = 1)
    case incident(organization: UUID, incident: UUID)
    case incidentStep(organization: UUID, incident: UUID, step: Int)
    case incidentCheck(organization: UUID, incident: UUID, point: String)
    case incidentRecord(organization: UUID, incident: UUID)
    case incidentTimeline(organization: UUID, incident: UUID)
    case incidentVerify(organization: UUID, incident: UUID)
    case incidentEvidence(organization: UUID, incident: UUID)
    case incidentEvidenceFile(organization: UUID, incident: UUID, evidence: UUID)
    case incidentDuty(organization: UUID, incident: UUID, recipient: String, action: String)
    case incidentClose(organization: UUID, incident: UUID)
    case incidentDutyUndo(organization: UUID, incident: UUID, recipient: String, action: String)
    case incidentReport(organization: UUID, incident: UUID, report: String)
    case incidentReportPrint(organization: UUID, incident: UUID, report: String)
    case incidentReportDocx(organization: UUID, incident: UUID, report: String)
    /// The report editor opened at a saved version (`?version=<id>`).
    case incidentReportVersion(organization: UUID, incident: UUID, report: String, version: UUID)
    case incidentReportVersions(organization: UUID, incident: UUID, report: String)
    case incidentReportSubmit(organization: UUID, incident: UUID, report: String, version: UUID)
    case incidentReportVersionPrint(organization: UUID, incident: UUID, report: String, version: UUID)
    case incidentReportVersionDocx(organization: UUID, incident: UUID, report: String, version: UUID)
    case orgProgram(organization: UUID)
    case orgProgramApply(organization: UUID)
    case orgProgramSurvey(organization: UUID)
    case officeProgram
    case officeApplications(status: String? = nil, page: Int = 1)
    case officeApplication(application: UUID)
    case officeApplicationDecide(application: UUID)
    case officeApplicationAssign(application: UUID)
    case officeStatistics
    case officeStatisticsCSV
    case expertCompanies
    case expertCompany(application: UUID)
    case expertVisitSchedule(application: UUID)
    case expertVisitRecord(application: UUID, number: Int)
    case expertCalendarToken
    case expertVisitAttachments(application: UUID, number: Int)
    case attachment(id: UUID)
    case calendarFeed(token: String)
    case selfDiagnosisResult(print: Bool = false)
    case diagnoses(organization: UUID, page: Int = 1)
    case diagnosis(organization: UUID, diagnosis: UUID)
    case diagnosisPrint(organization: UUID, diagnosis: UUID)
    case diagnosisCSV(organization: UUID, diagnosis: UUID)
    case diagnosesCSV(organization: UUID)
    case diagnosesCompare(organization: UUID, before: UUID? = nil, after: UUID? = nil)
    case diagnosesCombined(organization: UUID)
    case securityAction(organization: UUID)
    case securityActionMeasures(organization: UUID)
    case securityActionDeclarations(organization: UUID)
    case policy(organization: UUID)
    case policyVersions(organization: UUID)
    case policyVersion(organization: UUID, version: UUID)
    case policyVersionStep(organization: UUID, version: UUID, step: String)
    case policyVersionPrint(organization: UUID, version: UUID)
    case policyVersionDocx(organization: UUID, version: UUID)
    case policyComments(organization: UUID, version: UUID)
    case policyCommentResolve(organization: UUID, version: UUID, comment: UUID)
    case policyCompare(organization: UUID, before: UUID? = nil, after: UUID? = nil)
    case rulesCheck(organization: UUID, page: Int = 1)
    case rulesCheckCSV(organization: UUID)
    case rulesCheckDocx(organization: UUID)
    case rulesChapter(organization: UUID, chapter: String)
    case publicPolicy(slug: String)
    case expertPolicy(application: UUID)
    case expertPolicyVersion(application: UUID, version: UUID)
    case expertPolicyComments(application: UUID, version: UUID)
    case telework(organization: UUID, page: Int = 1)
    case teleworkSelfCheck(organization: UUID)
    case teleworkResult(organization: UUID, check: UUID)
    case teleworkCompare(organization: UUID, before: UUID? = nil, after: UUID? = nil)
    case teleworkChecklist(organization: UUID, role: String? = nil, threat: String? = nil)
    case teleworkSheet(organization: UUID, language: String? = nil, print: Bool = false)
    case teleworkContact(organization: UUID)

    private enum Segment {
        case constant(String)
        case parameter(String, String)
    }

    private var segments: [Segment] {
        switch self {
        case .home: []
        case .signup: [.constant("signup")]
        case .login: [.constant("login")]
        case .logout: [.constant("logout")]
        case .language: [.constant("language")]
        case .dashboard: [.constant("dashboard")]
        case .settings: [.constant("settings")]
        case .settingsProfile: [.constant("settings"), .constant("profile")]
        case .settingsPassword: [.constant("settings"), .constant("password")]
        case .members(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("members")]
        case .invitations(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("invitations")]
        case .invitationRevoke(let org, let invitation):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("invitations"), .parameter("invitationID", invitation.uuidString), .constant("revoke")]
        case .memberRemove(let org, let member):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("members"), .parameter("memberID", member.uuidString), .constant("remove")]
        case .memberMakeOwner(let org, let member):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("members"), .parameter("memberID", member.uuidString), .constant("make-owner")]
        case .memberPasswordReset(let org, let member):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("members"), .parameter("memberID", member.uuidString), .constant("password-reset")]
        case .officeAccounts: [.constant("office"), .constant("accounts")]
        case .officeAccountPasswordReset(let user): [.constant("office"), .constant("accounts"), .parameter("userID", user.uuidString), .constant("password-reset")]
        case .passwordReset(let token): [.constant("password-reset"), .parameter("token", token)]
        case .tokens(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("tokens")]
        case .organizationDetails(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("details")]
        case .reminders(let org, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("reminders")]
        case .remindersCalendar(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("reminders"), .constant("calendar")]
        case .remindersCalendarStop(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("reminders"), .constant("calendar"), .constant("stop")]
        case .webhooks(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("reminders"), .constant("webhooks")]
        case .webhookRemove(let org, let webhook):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("reminders"), .constant("webhooks"), .parameter("webhookID", webhook.uuidString), .constant("remove")]
        case .webhookTest(let org, let webhook):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("reminders"), .constant("webhooks"), .parameter("webhookID", webhook.uuidString), .constant("test")]
        case .dutyCalendarFeed(let token): [.constant("calendar"), .constant("duties"), .parameter("token", token)]
        case .tokenRevoke(let org, let token):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("tokens"), .parameter("tokenID", token.uuidString), .constant("revoke")]
        case .audit(let org, _, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("audit")]
        case .invite(let token): [.constant("invite"), .parameter("token", token)]
        case .setup(let token): [.constant("setup"), .parameter("token", token)]
        case .officeExperts: [.constant("office"), .constant("experts")]
        case .officeExpertInvitationRevoke(let invitation):
            [.constant("office"), .constant("experts"), .constant("invitations"), .parameter("invitationID", invitation.uuidString), .constant("revoke")]
        case .officeOrganizations: [.constant("office"), .constant("organizations")]
        case .officeAudit: [.constant("office"), .constant("audit")]
        case .stylesheet: [.constant("assets"), .constant("app.css")]
        case .selfDiagnosis: [.constant("self-diagnosis")]
        case .eligibility: [.constant("program"), .constant("eligibility")]
        case .firstAid: [.constant("help"), .constant("first-aid")]
        case .firstAidCase(let key): [.constant("help"), .constant("first-aid"), .parameter("key", key)]
        case .contacts: [.constant("help"), .constant("contacts")]
        case .contact(let id): [.constant("help"), .constant("contacts"), .parameter("entryID", id)]
        case .contactReports(let id): [.constant("help"), .constant("contacts"), .parameter("entryID", id), .constant("reports")]
        case .officeDirectory: [.constant("office"), .constant("directory")]
        case .assets(let org, _, _, _, _, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("assets")]
        case .assetsCSV(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("assets.csv")]
        case .assetsXLSX(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("assets.xlsx")]
        case .assetsImport(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("asset-import")]
        case .assetsImportConfirm(let org, let id): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("asset-import"), .parameter("uploadID", id.uuidString)]
        case .assetsTemplate(let org, let format): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("asset-import"), .constant("template"), .parameter("format", format)]
        case .asset(let org, let id): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("assets"), .parameter("assetID", id.uuidString)]
        case .assetRemove(let org, let id): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("assets"), .parameter("assetID", id.uuidString), .constant("remove")]
        case .assetRisks(let org, let id): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("assets"), .parameter("assetID", id.uuidString), .constant("risks")]
        case .risks(let org, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("risks")]
        case .risk(let org, let id): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("risks"), .parameter("riskID", id.uuidString)]
        case .riskRemove(let org, let id): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("risks"), .parameter("riskID", id.uuidString), .constant("remove")]
        case .plan(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan")]
        case .planProposal(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("proposal")]
        case .planItems(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("items")]
        case .planItem(let org, let id): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("items"), .parameter("itemID", id.uuidString)]
        case .planItemAction(let org, let id, let action):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("items"), .parameter("itemID", id.uuidString), .parameter("action", action)]
        case .planAgree(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("agree")]
        case .planCalendar(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("calendar")]
        case .planPrint(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("print")]
        case .planDocx(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("docx")]
        case .planXLSX(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("xlsx")]
        case .planFeed(let token): [.constant("calendar"), .constant("plan"), .parameter("token", token)]
        case .planComments(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("plan"), .constant("comments")]
        case .expertPlan(let id): [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("plan")]
        case .expertPlanComments(let id): [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("plan"), .constant("comments")]
        case .officeDirectoryNew: [.constant("office"), .constant("directory"), .constant("new")]
        case .officeDirectoryEntry(let id): [.constant("office"), .constant("directory"), .parameter("entryID", id)]
        case .officeDirectoryAction(let id, let action): [.constant("office"), .constant("directory"), .parameter("entryID", id), .parameter("action", action)]
        case .officeDirectoryReportResolve(let report):
            [.constant("office"), .constant("directory"), .constant("reports"), .parameter("reportID", report.uuidString), .constant("resolve")]
        case .newIncident(let org, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("incidents"), .constant("new")]
        case .incidents(let org, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("incidents")]
        case .incident(let org, let id): Self.incidentBase(org, id)
        case .incidentStep(let org, let id, let step): Self.incidentBase(org, id) + [.constant("step"), .parameter("step", String(step))]
        case .incidentCheck(let org, let id, let point): Self.incidentBase(org, id) + [.constant("checks"), .parameter("pointID", point)]
        case .incidentRecord(let org, let id): Self.incidentBase(org, id) + [.constant("record")]
        case .incidentTimeline(let org, let id): Self.incidentBase(org, id) + [.constant("timeline")]
        case .incidentVerify(let org, let id): Self.incidentBase(org, id) + [.constant("timeline"), .constant("verify")]
        case .incidentEvidence(let org, let id): Self.incidentBase(org, id) + [.constant("evidence")]
        case .incidentEvidenceFile(let org, let id, let evidence): Self.incidentBase(org, id) + [.constant("evidence"), .parameter("evidenceID", evidence.uuidString)]
        case .incidentDuty(let org, let id, let recipient, let action):
            Self.incidentBase(org, id) + [.constant("duties"), .parameter("recipient", recipient), .parameter("action", action)]
        case .incidentClose(let org, let id): Self.incidentBase(org, id) + [.constant("close")]
        case .incidentDutyUndo(let org, let id, let recipient, let action):
            Self.incidentBase(org, id) + [.constant("duties"), .parameter("recipient", recipient), .parameter("action", action), .constant("undo")]
        case .incidentReport(let org, let id, let report): Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report)]
        case .incidentReportPrint(let org, let id, let report): Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report), .constant("print")]
        case .incidentReportDocx(let org, let id, let report): Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report), .constant("docx")]
        case .incidentReportVersion(let org, let id, let report, _): Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report)]
        case .incidentReportVersions(let org, let id, let report): Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report), .constant("versions")]
        case .incidentReportSubmit(let org, let id, let report, let version):
            Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report), .constant("versions"), .parameter("versionID", version.uuidString), .constant("submit")]
        case .incidentReportVersionPrint(let org, let id, let report, let version):
            Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report), .constant("versions"), .parameter("versionID", version.uuidString), .constant("print")]
        case .incidentReportVersionDocx(let org, let id, let report, let version):
            Self.incidentBase(org, id) + [.constant("reports"), .parameter("report", report), .constant("versions"), .parameter("versionID", version.uuidString), .constant("docx")]
        case .orgProgram(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("program")]
        case .orgProgramApply(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("program"), .constant("apply")]
        case .orgProgramSurvey(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("program"), .constant("survey")]
        case .officeProgram: [.constant("office"), .constant("program")]
        case .officeApplications: [.constant("office"), .constant("program"), .constant("applications")]
        case .officeApplication(let id): [.constant("office"), .constant("program"), .constant("applications"), .parameter("applicationID", id.uuidString)]
        case .officeApplicationDecide(let id):
            [.constant("office"), .constant("program"), .constant("applications"), .parameter("applicationID", id.uuidString), .constant("decision")]
        case .officeApplicationAssign(let id):
            [.constant("office"), .constant("program"), .constant("applications"), .parameter("applicationID", id.uuidString), .constant("expert")]
        case .officeStatistics: [.constant("office"), .constant("program"), .constant("statistics")]
        case .officeStatisticsCSV: [.constant("office"), .constant("program"), .constant("statistics.csv")]
        case .expertCompanies: [.constant("expert"), .constant("companies")]
        case .expertCompany(let id): [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString)]
        case .expertVisitSchedule(let id): [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("visits")]
        case .expertVisitRecord(let id, let number):
            [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("visits"), .parameter("number", String(number)), .constant("record")]
        case .expertCalendarToken: [.constant("expert"), .constant("calendar")]
        case .expertVisitAttachments(let id, let number):
            [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("visits"), .parameter("number", String(number)), .constant("attachments")]
        case .attachment(let id): [.constant("attachments"), .parameter("attachmentID", id.uuidString)]
        case .calendarFeed(let token): [.constant("calendar"), .parameter("token", token)]
        case .selfDiagnosisResult: [.constant("self-diagnosis"), .constant("result")]
        case .diagnoses(let org, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("diagnoses")]
        case .diagnosis(let org, let id):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("diagnoses"), .parameter("diagnosisID", id.uuidString)]
        case .diagnosisPrint(let org, let id):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("diagnoses"), .parameter("diagnosisID", id.uuidString), .constant("print")]
        case .diagnosisCSV(let org, let id):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("diagnoses"), .parameter("diagnosisID", id.uuidString), .constant("csv")]
        case .diagnosesCSV(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("diagnoses"), .constant("csv")]
        case .diagnosesCompare(let org, _, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("diagnoses"), .constant("compare")]
        case .diagnosesCombined(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("diagnoses"), .constant("combined")]
        case .securityAction(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("security-action")]
        case .securityActionMeasures(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("security-action"), .constant("measures")]
        case .securityActionDeclarations(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("security-action"), .constant("declarations")]
        case .policy(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("policy")]
        case .policyVersions(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("policy"), .constant("versions")]
        case .policyVersion(let org, let id): Self.policyVersionBase(org, id)
        case .policyVersionStep(let org, let id, let step): Self.policyVersionBase(org, id) + [.parameter("step", step)]
        case .policyVersionPrint(let org, let id): Self.policyVersionBase(org, id) + [.constant("print")]
        case .policyVersionDocx(let org, let id): Self.policyVersionBase(org, id) + [.constant("docx")]
        case .policyComments(let org, let id): Self.policyVersionBase(org, id) + [.constant("comments")]
        case .policyCommentResolve(let org, let id, let comment):
            Self.policyVersionBase(org, id) + [.constant("comments"), .parameter("commentID", comment.uuidString), .constant("resolve")]
        case .policyCompare(let org, _, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("policy"), .constant("compare")]
        case .rulesCheck(let org, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("rules")]
        case .rulesCheckCSV(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("rules"), .constant("check.csv")]
        case .rulesCheckDocx(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("rules"), .constant("check.docx")]
        case .rulesChapter(let org, let chapter): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("rules"), .parameter("chapter", chapter)]
        case .publicPolicy(let slug): [.constant("p"), .parameter("slug", slug)]
        case .telework(let org, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("telework")]
        case .teleworkSelfCheck(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("telework"), .constant("self-check")]
        case .teleworkResult(let org, let check):
            [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("telework"), .constant("self-checks"), .parameter("checkID", check.uuidString)]
        case .teleworkCompare(let org, _, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("telework"), .constant("compare")]
        case .teleworkChecklist(let org, _, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("telework"), .constant("checklist")]
        case .teleworkSheet(let org, _, _): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("telework"), .constant("sheet")]
        case .teleworkContact(let org): [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("telework"), .constant("contact")]
        case .expertPolicy(let id): [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("policy")]
        case .expertPolicyVersion(let id, let version):
            [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("policy"), .parameter("versionID", version.uuidString)]
        case .expertPolicyComments(let id, let version):
            [.constant("expert"), .constant("companies"), .parameter("applicationID", id.uuidString), .constant("policy"), .parameter("versionID", version.uuidString), .constant("comments")]
        }
    }

    private static func policyVersionBase(_ org: UUID, _ id: UUID) -> [Segment] {
        [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("policy"), .constant("versions"), .parameter("versionID", id.uuidString)]
    }

    private static func incidentBase(_ org: UUID, _ id: UUID) -> [Segment] {
        [.constant("orgs"), .parameter("orgID", org.uuidString), .constant("incidents"), .parameter("incidentID", id.uuidString)]
    }

    private var queryItems: [URLQueryItem] {
        switch self {
        case .login(let next): next.map { [URLQueryItem(name: "next", value: $0)] } ?? []
        case .signup(let then): then.map { [URLQueryItem(name: "then", value: $0.rawValue)] } ?? []
        case .audit(_, let filter, let page), .officeAudit(let filter, let page):
            [filter.actorID.map { URLQueryItem(name: "user", value: $0.uuidString) },
             filter.action.map { URLQueryItem(name: "action", value: $0) },
             page > 1 ? URLQueryItem(name: "page", value: String(page)) : nil].compactMap { $0 }
        case .officeOrganizations(let page), .diagnoses(_, let page), .incidents(_, let page), .rulesCheck(_, let page), .telework(_, let page): page > 1 ? [URLQueryItem(name: "page", value: String(page))] : []
        case .officeAccounts(let query, let role, let page):
            [query.map { URLQueryItem(name: "q", value: $0) }, role.map { URLQueryItem(name: "role", value: $0) },
             page > 1 ? URLQueryItem(name: "page", value: String(page)) : nil].compactMap { $0 }
        case .selfDiagnosisResult(let print): print ? [URLQueryItem(name: "print", value: "1")] : []
        case .contacts(let query, let category, let need):
            [query.map { URLQueryItem(name: "q", value: $0) }, category.map { URLQueryItem(name: "category", value: $0) },
             need.map { URLQueryItem(name: "need", value: $0) }].compactMap { $0 }
        case .officeDirectory(let page), .risks(_, let page), .reminders(_, let page): page > 1 ? [URLQueryItem(name: "page", value: String(page))] : []
        case .assets(_, let query, let importance, let personalData, let sort, let page):
            [query.map { URLQueryItem(name: "q", value: $0) }, importance.map { URLQueryItem(name: "importance", value: $0) },
             personalData.map { URLQueryItem(name: "personalData", value: $0) }, sort.map { URLQueryItem(name: "sort", value: $0) },
             page > 1 ? URLQueryItem(name: "page", value: String(page)) : nil].compactMap { $0 }
        case .newIncident(_, let kind): kind.map { [URLQueryItem(name: "kind", value: $0)] } ?? []
        case .incidentReportVersion(_, _, _, let version): [URLQueryItem(name: "version", value: version.uuidString)]
        case .officeApplications(let status, let page):
            [status.map { URLQueryItem(name: "status", value: $0) }, page > 1 ? URLQueryItem(name: "page", value: String(page)) : nil].compactMap { $0 }
        case .teleworkChecklist(_, let role, let threat):
            [role.map { URLQueryItem(name: "role", value: $0) }, threat.map { URLQueryItem(name: "threat", value: $0) }].compactMap { $0 }
        case .teleworkSheet(_, let language, let print):
            [language.map { URLQueryItem(name: "sheet", value: $0) }, print ? URLQueryItem(name: "print", value: "1") : nil].compactMap { $0 }
        case .diagnosesCompare(_, let before, let after), .policyCompare(_, let before, let after), .teleworkCompare(_, let before, let after):
            [before.map { URLQueryItem(name: "before", value: $0.uuidString) }, after.map { URLQueryItem(name: "after", value: $0.uuidString) }].compactMap { $0 }
        default: []
        }
    }

    /// The link, e.g. `/orgs/8C1…/members`.
    var path: String {
        var path = ""
        for segment in segments {
            path += "/"
            switch segment {
            case .constant(let value): path += value
            case .parameter(_, let value):
                // Ids and slugs are written as they are; anything else is encoded as one segment.
                // (Pages build dozens of links: this runs often, so no encoding work when none is needed.)
                if value.utf8.allSatisfy(Self.isUnreserved) {
                    path += value
                } else {
                    path += value.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? ""
                }
            }
        }
        if path.isEmpty { path = "/" }
        let items = queryItems
        guard !items.isEmpty else { return path }
        var components = URLComponents()
        components.queryItems = items
        return path + "?" + (components.percentEncodedQuery ?? "")
    }

    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

    /// RFC 3986 unreserved: letters, digits, `-`, `.`, `_`, `~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// The route pattern, e.g. `orgs/:orgID/members`.
    var route: [PathComponent] {
        segments.map {
            switch $0 {
            case .constant(let value): .constant(value)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    /// Route patterns are built from a sample value; only the shape matters.
    static let anyID = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
}

extension Request {
    func redirect(to url: SiteURL) -> Response {
        redirect(to: url.path, redirectType: .normal)
    }

    func uuidParameter(_ name: String) -> UUID? {
        parameters.get(name).flatMap(UUID.init(uuidString:))
    }
}

/// Only paths on this site may be used as "come back to" targets (no open redirects).
func safeLocalPath(_ candidate: String?) -> String? {
    guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
          !candidate.contains("\r"), !candidate.contains("\n"), candidate.count <= 2000 else { return nil }
    return candidate
}
