import Fluent
import Foundation
import MamoriCore
import Vapor

/// Every change Mamori records. The raw values are stored, so never rename one.
enum AuditAction: String, CaseIterable, Sendable {
    case organizationCreated = "organization.created"
    case accountCreated = "account.created"
    case loginSucceeded = "login.succeeded"
    case loginFailed = "login.failed"
    case loginRefused = "login.refused"
    case loggedOut = "logout"
    case passwordChanged = "password.changed"
    case profileChanged = "profile.changed"
    case invitationCreated = "invitation.created"
    case invitationRevoked = "invitation.revoked"
    case invitationAccepted = "invitation.accepted"
    case memberRemoved = "member.removed"
    case ownershipTransferred = "ownership.transferred"
    case apiTokenCreated = "api_token.created"
    case apiTokenRevoked = "api_token.revoked"
    case officeAdminCreated = "office_admin.created"
    case diagnosisSaved = "diagnosis.saved"
    case basicMeasuresChanged = "basic_measures.changed"
    case declarationRecorded = "security_action.declared"
    case programSettingsChanged = "program.settings_changed"
    case programApplied = "program.applied"
    case programDecided = "program.decided"
    case expertRegistered = "expert.registered"
    case expertAssigned = "expert.assigned"
    case visitScheduled = "visit.scheduled"
    case visitRecorded = "visit.recorded"
    case surveyAnswered = "survey.answered"
    case incidentOpened = "incident.opened"
    case incidentUpdated = "incident.updated"
    case incidentClosed = "incident.closed"
    case policyDraftCreated = "policy.draft_created"
    case policyDraftEdited = "policy.draft_edited"
    case policyApproved = "policy.approved"
    case policyPublished = "policy.published"
    case policyDiscarded = "policy.discarded"
    case policyCommented = "policy.commented"
    case policyCommentResolved = "policy.comment_resolved"
    case rulesChecked = "rules.checked"
    case teleworkSelfChecked = "telework.self_checked"
    case teleworkChecklistSaved = "telework.checklist_saved"
    case incidentContactChanged = "organization.incident_contact_changed"
    case organizationUpdated = "organization.updated"
    case directoryCorrected = "directory.corrected"
    case directoryAdded = "directory.added"
    case directoryRetired = "directory.retired"
    case directoryRestored = "directory.restored"
    case directoryVerified = "directory.verified"
    case directoryReported = "directory.reported"
    case directoryReportResolved = "directory.report_resolved"
    case visitAttachmentAdded = "visit.attachment_added"
    case calendarFeedRenewed = "expert.calendar_renewed"
    case assetAdded = "asset.added"
    case assetUpdated = "asset.updated"
    case assetRemoved = "asset.removed"
    case riskRated = "risk.rated"
    case riskTreated = "risk.treated"
    case riskRemoved = "risk.removed"
    case planProposed = "plan.proposed"
    case planItemAdded = "plan.item_added"
    case planItemUpdated = "plan.item_updated"
    case planItemRemoved = "plan.item_removed"
    case planAgreed = "plan.agreed"
    case planCalendarRenewed = "plan.calendar_renewed"
    case planCommented = "plan.commented"
    case passwordResetIssued = "password_reset.issued"
    case passwordResetUsed = "password_reset.used"
    case webhookAdded = "webhook.added"
    case webhookRemoved = "webhook.removed"
    case dutyCalendarRenewed = "organization.duty_calendar_renewed"
    case dutyCalendarRevoked = "organization.duty_calendar_revoked"
    case incidentReportSaved = "incident.report_saved"
    case incidentReportSubmitted = "incident.report_submitted"
}

/// Who did something, for the audit log: a principal, a person signing in, or the command line.
struct AuditActor: Sendable {
    let userID: UUID?
    let email: String
    let organizationID: UUID?
    let ip: String?

    static func principal(_ principal: Principal, ip: String?) -> AuditActor {
        AuditActor(userID: principal.userID, email: principal.user.email, organizationID: principal.organizationID, ip: ip)
    }

    static func user(_ user: User, ip: String?) -> AuditActor {
        AuditActor(userID: user.id, email: user.email, organizationID: user.$organization.id, ip: ip)
    }

    static let commandLine = AuditActor(userID: nil, email: "command-line", organizationID: nil, ip: nil)
}

/// The append-only audit log: entries are only ever inserted.
enum AuditLog {
    static func record(
        _ action: AuditAction,
        by actor: AuditActor,
        organizationID: UUID? = nil,
        target: (type: String, id: UUID?),
        summary: String = "",
        on db: any Database
    ) async throws {
        try await record(action, by: actor, organizationID: organizationID, target: target, summary: LocalizedText(ja: summary, en: summary), on: db)
    }

    /// An entry whose summary reads differently in each language (names of kinds, fields).
    static func record(
        _ action: AuditAction,
        by actor: AuditActor,
        organizationID: UUID? = nil,
        target: (type: String, id: UUID?),
        summary: LocalizedText,
        on db: any Database
    ) async throws {
        let entry = AuditEntry(
            organizationID: organizationID ?? actor.organizationID,
            actorID: actor.userID,
            actorEmail: actor.email,
            action: action.rawValue,
            targetType: target.type,
            targetID: target.id?.uuidString,
            summary: String(summary.ja.prefix(500)),
            summaryEN: summary.en == summary.ja ? nil : String(summary.en.prefix(500)),
            ip: actor.ip,
            createdAt: Date()
        )
        try await entry.create(on: db)
    }

    /// Entries whose summary holds what only the organization may read: its incidents (titles,
    /// facts, personal-data flags). The office sees that they happened, never their content,
    /// just as it gets 404 on the incident itself.
    static func isPrivateToOrganization(_ entry: AuditEntry) -> Bool {
        entry.organizationID != nil && (entry.targetType == "incident" || entry.action.hasPrefix("incident."))
    }

    struct Filter: Sendable, Equatable {
        var actorID: UUID?
        var action: String?
    }

    /// One page of entries, newest first: an organization's, or all of them (office).
    static func page(organizationID: UUID?, filter: Filter, page: PageRequest, on db: any Database) async throws -> Page<AuditEntry> {
        let query = AuditEntry.query(on: db)
        if let organizationID { query.filter(\.$organizationID == organizationID) }
        if let actorID = filter.actorID { query.filter(\.$actorID == actorID) }
        if let action = filter.action, !action.isEmpty { query.filter(\.$action == action) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).paginate(page)
    }
}

extension AuditLog {
    /// The people a log can be filtered by: an organization's accounts (removed ones too, their
    /// entries stay), or for the office's log its staff and experts (an organization's people
    /// are found through that organization's own log).
    static func people(organizationID: UUID?, on db: any Database) async throws -> [User] {
        if let organizationID {
            return try await User.query(on: db).filter(\.$organization.$id == organizationID).sort(\.$displayName).all()
        }
        return try await User.query(on: db).filter(\.$role ~~ [.officeAdmin, .expert]).sort(\.$displayName).limit(500).all()
    }
}
