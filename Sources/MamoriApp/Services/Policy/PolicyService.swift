import Fluent
import Foundation
import MamoriCore
import SQLKit

/// The basic policy and the adopted rule texts: versions, the draft → approved → published
/// workflow, comments per section and the public address. Every step is in the audit log.
struct PolicyService {
    let db: any Database

    /// One section as typed in a form or an API body; `id` keeps comments attached.
    struct SectionInput: Sendable {
        var id: String?
        var heading: String
        var body: String
    }

    enum DraftSource: Sendable {
        /// Mamori's template (basic policy) or a chapter's draft rule text, in a language.
        case template(AppLocale)
        case sections([SectionInput], AppLocale)
        /// A new draft with the text of an earlier version (editing what was approved).
        case copy(of: UUID)
    }

    // MARK: Reading

    func versions(of organization: Organization, kind: PolicyDocumentKind = .basicPolicy, limit: Int = 200) async throws -> [PolicyVersion] {
        try await PolicyVersion.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$document == kind.storageKey)
            .sort(\.$number, .descending)
            .limit(limit)
            .all()
    }

    /// Every document's versions but discarded drafts, by document then newest first (the
    /// expert's review list).
    func allVersions(of organization: Organization) async throws -> [PolicyVersion] {
        try await PolicyVersion.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$status != PolicyStatus.discarded.rawValue)
            .sort(\.$document).sort(\.$number, .descending)
            .limit(500).all()
    }

    func openDraft(of organization: Organization, kind: PolicyDocumentKind) async throws -> PolicyVersion? {
        try await PolicyVersion.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$document == kind.storageKey)
            .filter(\.$status == PolicyStatus.draft.rawValue)
            .first()
    }

    func published(of organization: Organization) async throws -> PolicyVersion? {
        try await PolicyVersion.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$document == PolicyDocumentKind.basicPolicy.storageKey)
            .filter(\.$status == PolicyStatus.published.rawValue)
            .sort(\.$publishedAt, .descending)
            .first()
    }

    func slug(of organization: Organization) async throws -> String? {
        try await PolicySlugRecord.query(on: db).filter(\.$organizationID == organization.requireID()).first()?.slug
    }

    /// The published basic policy behind `/p/<slug>`, if there is one.
    func publicPolicy(slug: String) async throws -> (Organization, PolicyVersion)? {
        guard case .success(let normalized) = PolicySlug.validate(slug),
              let record = try await PolicySlugRecord.query(on: db).filter(\.$slug == normalized).first(),
              let organization = try await Organization.find(record.organizationID, on: db),
              let version = try await published(of: organization) else { return nil }
        return (organization, version)
    }

    /// Adopted (approved) rule texts per chapter: the latest approved version of each.
    func adoptedRules(of organization: Organization) async throws -> [String: PolicyVersion] {
        let rows = try await PolicyVersion.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$document != PolicyDocumentKind.basicPolicy.storageKey)
            .sort(\.$number, .descending)
            .limit(1000)
            .all()
        var result: [String: PolicyVersion] = [:]
        for row in rows {
            guard case .rule(let chapter) = row.kind else { continue }
            if result[chapter] == nil || (result[chapter]!.policyStatus != .approved && row.policyStatus == .approved) {
                result[chapter] = row
            }
        }
        return result
    }

    // MARK: Writing

    func createDraft(_ kind: PolicyDocumentKind, from source: DraftSource, in organization: Organization,
                     by actor: Principal, ip: String?) async throws -> PolicyVersion {
        if case .rule(let chapter) = kind, PolicyContent.bundled.chapter(chapter) == nil { throw Refusal.notFound }
        if let draft = try await openDraft(of: organization, kind: kind) {
            throw Refusal.conflict(L.Policy.draftExists(draft.number))
        }
        let orgID = try organization.requireID()
        let sections: [PolicySection]
        let language: AppLocale
        var basedOn: UUID?
        switch source {
        case .template(let locale):
            let facts = try await facts(of: organization, locale: locale)
            let content = PolicyContent.bundled
            let raw = switch kind {
            case .basicPolicy: content.policyDraft(locale, facts: facts)
            case .rule(let chapter): content.ruleDraft(content.chapter(chapter)!, locale, facts: facts)
            }
            sections = raw.map { PolicySection(id: Self.newSectionID(), heading: $0.heading, body: $0.body) }
            language = locale
        case .sections(let input, let locale):
            sections = try Self.validated(input)
            language = locale
        case .copy(let id):
            let original = try await TenantScope.policyVersion(id, in: organization, on: db)
            guard original.document == kind.storageKey else { throw Refusal.notFound }
            sections = original.sections
            language = original.locale
            basedOn = original.id
        }
        // Numbers are unique per document: two people starting a draft at once both retry.
        for _ in 0..<5 {
            let last = try await PolicyVersion.query(on: db).filter(\.$organization.$id == orgID)
                .filter(\.$document == kind.storageKey).sort(\.$number, .descending).first()?.number ?? 0
            let version = PolicyVersion()
            version.$organization.id = orgID
            version.document = kind.storageKey
            version.number = last + 1
            version.status = PolicyStatus.draft.rawValue
            version.language = language.rawValue
            version.sections = sections
            version.basedOnID = basedOn
            version.createdByID = actor.userID
            version.createdByName = actor.user.displayName
            do {
                try await db.transaction { db in
                    try await version.create(on: db)
                    try await AuditLog.record(.policyDraftCreated, by: .principal(actor, ip: ip), organizationID: orgID,
                                              target: ("policy_version", version.id), summary: L.Audit.document(kind.storageKey, version: version.number), on: db)
                }
                return version
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue
            }
        }
        throw Refusal.conflict(L.Policy.tryAgain)
    }

    /// Replaces the text of a draft. Any other state is refused: approved and published
    /// versions are never changed in place.
    func edit(_ version: PolicyVersion, sections input: [SectionInput], by actor: Principal, ip: String?) async throws {
        guard version.policyStatus.isEditable else { throw Refusal.conflict(L.Policy.notEditable(version.policyStatus)) }
        let existing = Set(version.sections.map(\.id))
        let sections = try Self.validated(input, keeping: existing)
        guard sections != version.sections else { return }
        let before = version.sections.count
        // Only a row still in the draft state is updated, so an approval that happened meanwhile wins.
        version.sections = sections
        let updated = try await db.sql.update(PolicyVersion.schema)
            .set("sections", to: version.sectionsJSON)
            .set("updated_at", to: Date())
            .where("id", .equal, version.requireID())
            .where("status", .equal, PolicyStatus.draft.rawValue)
            .returning("id")
            .all()
        guard !updated.isEmpty else { throw Refusal.conflict(L.Policy.notEditable(.approved)) }
        try await AuditLog.record(.policyDraftEdited, by: .principal(actor, ip: ip), organizationID: version.$organization.id,
                                  target: ("policy_version", version.id),
                                  summary: L.Audit.documentSections(version.document, version: version.number, before: before, after: sections.count), on: db)
    }

    func approve(_ version: PolicyVersion, by actor: Principal, ip: String?) async throws {
        let next = try step(version, .approve, actor: actor)
        try await move(version, from: version.policyStatus, to: next) { version in
            version.approvedAt = Date()
            version.approvedByName = actor.user.displayName
        }
        try await AuditLog.record(.policyApproved, by: .principal(actor, ip: ip), organizationID: version.$organization.id,
                                  target: ("policy_version", version.id), summary: L.Audit.document(version.document, version: version.number), on: db)
        // An adopted rule text settles its chapter of the rules check.
        if case .rule(let chapter) = version.kind, let organization = actor.organization {
            let checks = RulesCheckService(db: db)
            let previous = try await checks.current(of: organization)[chapter]
            try await checks.record([chapter: .init(status: .ok, note: L.Rules.adoptedNote(version.number, version.locale),
                                                    owner: previous?.ownerName ?? actor.user.displayName, reviewOn: previous?.reviewOn)],
                                    in: organization, by: actor, ip: ip)
        }
    }

    func discard(_ version: PolicyVersion, by actor: Principal, ip: String?) async throws {
        let next = try step(version, .discard, actor: actor)
        try await move(version, from: version.policyStatus, to: next) { _ in }
        try await AuditLog.record(.policyDiscarded, by: .principal(actor, ip: ip), organizationID: version.$organization.id,
                                  target: ("policy_version", version.id), summary: L.Audit.document(version.document, version: version.number), on: db)
    }

    /// Publishes an approved basic policy at `/p/<slug>`; the version published before becomes
    /// superseded. The slug is the organization's and may be changed when publishing again.
    func publish(_ version: PolicyVersion, slug rawSlug: String, by actor: Principal, ip: String?) async throws {
        let next = try step(version, .publish, actor: actor)
        let slug: String
        switch PolicySlug.validate(rawSlug) {
        case .success(let value): slug = value
        case .failure(let problem): throw Refusal.invalid("slug", problem)
        }
        let orgID = version.$organization.id
        let versionID = try version.requireID()
        let previousStatus = version.policyStatus
        do {
            try await db.transaction { db in
                if let taken = try await PolicySlugRecord.query(on: db).filter(\.$slug == slug).first(), taken.organizationID != orgID {
                    throw Refusal.invalid("slug", .alreadyTaken)
                }
                if let record = try await PolicySlugRecord.query(on: db).filter(\.$organizationID == orgID).first() {
                    record.slug = slug
                    try await record.save(on: db)
                } else {
                    let record = PolicySlugRecord()
                    record.organizationID = orgID
                    record.slug = slug
                    try await record.create(on: db)
                }
                try await PolicyVersion.query(on: db)
                    .filter(\.$organization.$id == orgID)
                    .filter(\.$document == version.document)
                    .filter(\.$status == PolicyStatus.published.rawValue)
                    .filter(\.$id != versionID)
                    .set(\.$status, to: PolicyStatus.superseded.rawValue)
                    .update()
                try await PolicyService(db: db).move(version, from: previousStatus, to: next) { version in
                    if version.publishedAt == nil { version.publishedAt = Date() }
                }
                try await AuditLog.record(.policyPublished, by: .principal(actor, ip: ip), organizationID: orgID,
                                          target: ("policy_version", version.id), summary: L.Audit.published(version: version.number, slug: slug), on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another organization took the slug at the same moment.
            throw Refusal.invalid("slug", .alreadyTaken)
        }
    }

    private func step(_ version: PolicyVersion, _ step: PolicyStep, actor: Principal) throws -> PolicyStatus {
        guard actor.organizationID == version.$organization.id else { throw Refusal.notFound }
        switch version.policyStatus.after(step, isOwner: actor.isOwner, kind: version.kind) {
        case .success(let next): return next
        case .failure(.ownerOnly): throw Refusal.notAllowed(L.Policy.ownerOnly)
        case .failure(.notPublishable): throw Refusal.conflict(L.Policy.rulesNotPublished)
        case .failure(.wrongState(let status)): throw Refusal.conflict(L.Policy.wrongState(step, status))
        }
    }

    /// Moves a version from one status to the next only if nobody moved it meanwhile.
    private func move(_ version: PolicyVersion, from: PolicyStatus, to: PolicyStatus, also change: (PolicyVersion) -> Void) async throws {
        change(version)
        let updated = try await db.sql.update(PolicyVersion.schema)
            .set("status", to: to.rawValue)
            .set("approved_at", to: version.approvedAt)
            .set("approved_by_name", to: version.approvedByName)
            .set("published_at", to: version.publishedAt)
            .set("updated_at", to: Date())
            .where("id", .equal, version.requireID())
            .where("status", .equal, from.rawValue)
            .returning("id")
            .all()
        guard !updated.isEmpty else { throw Refusal.conflict(L.Policy.changedMeanwhile) }
        version.status = to.rawValue
    }

    // MARK: Comments

    func comments(of version: PolicyVersion) async throws -> [PolicyComment] {
        try await PolicyComment.query(on: db).filter(\.$version.$id == version.requireID()).sort(\.$createdAt).limit(1000).all()
    }

    /// A comment on a section, by a member of the organization or its assigned expert (the
    /// caller has checked which of the two the principal is).
    func comment(on version: PolicyVersion, sectionID: String, body raw: String, by actor: Principal, ip: String?) async throws -> PolicyComment {
        let body = raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        if !version.sections.contains(where: { $0.id == sectionID }) { problems.add("sectionId", .unknownChoice) }
        TextLimit.check(body, "body", maximum: TextLimit.longText, required: true, into: &problems)
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        let comment = PolicyComment()
        comment.organizationID = version.$organization.id
        comment.$version.id = try version.requireID()
        comment.sectionID = sectionID
        comment.authorID = actor.userID
        comment.authorName = actor.user.displayName
        comment.authorRole = actor.role.rawValue
        comment.body = body
        try await comment.create(on: db)
        try await AuditLog.record(.policyCommented, by: .principal(actor, ip: ip), organizationID: version.$organization.id,
                                  target: ("policy_comment", comment.id), summary: L.Audit.document(version.document, version: version.number), on: db)
        return comment
    }

    func resolve(_ commentID: UUID?, on version: PolicyVersion, by actor: Principal, ip: String?) async throws {
        guard actor.isOwner, actor.organizationID == version.$organization.id else { throw Refusal.notAllowed(L.Policy.ownerResolves) }
        guard let commentID,
              let comment = try await PolicyComment.query(on: db).filter(\.$id == commentID).filter(\.$version.$id == version.requireID()).first()
        else { throw Refusal.notFound }
        guard comment.resolvedAt == nil else { return }
        comment.resolvedAt = Date()
        comment.resolvedByName = actor.user.displayName
        try await comment.save(on: db)
        try await AuditLog.record(.policyCommentResolved, by: .principal(actor, ip: ip), organizationID: version.$organization.id,
                                  target: ("policy_comment", comment.id), summary: L.Audit.document(version.document, version: version.number), on: db)
    }

    // MARK: Helpers

    /// The organization's name, its owner's name and today's date, for the template (the date as
    /// official documents write it: 令和8年（2026年）4月1日).
    func facts(of organization: Organization, locale: AppLocale) async throws -> PolicyContent.Facts {
        let owner = try await User.query(on: db).filter(\.$organization.$id == organization.requireID())
            .filter(\.$role == .owner).filter(\.$deactivatedAt == nil).first()
        return PolicyContent.Facts(organization: organization.name, representative: owner?.displayName ?? "",
                                   date: DateText.officialCalendarDate(CalendarDate.today(), locale))
    }

    static func newSectionID() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10)).lowercased()
    }

    /// Checks typed sections and gives each an id: a known id is kept, anything else gets a new one.
    static func validated(_ input: [SectionInput], keeping known: Set<String> = []) throws -> [PolicySection] {
        switch PolicySection.validate(input.map { ($0.heading, $0.body) }) {
        case .failure(let problems): throw Refusal.invalid(problems)
        case .success(let cleaned):
            var used = Set<String>()
            return zip(input, cleaned).map { raw, clean in
                var id = raw.id.flatMap { known.contains($0) && !used.contains($0) ? $0 : nil } ?? newSectionID()
                if used.contains(id) { id = newSectionID() }
                used.insert(id)
                return PolicySection(id: id, heading: clean.heading, body: clean.body)
            }
        }
    }
}
