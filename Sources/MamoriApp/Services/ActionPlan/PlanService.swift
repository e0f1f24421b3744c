import Fluent
import Foundation
import MamoriCore

/// The one-year action plan: proposed from every `GapSource`, edited by the organization,
/// agreed by the owner (deliverable ③), followed month by month.
struct PlanService {
    let db: any Database

    func items(of organization: Organization) async throws -> [PlanItem] {
        try await PlanItem.query(on: db).filter(\.$organizationID == organization.requireID()).sort(\.$priority).sort(\.$createdAt).limit(2000).all()
    }

    /// The plan's record (agreement, calendar) if one was ever written; reading creates none.
    func agreement(of organization: Organization) async throws -> ActionPlanRecord? {
        try await ActionPlanRecord.query(on: db).filter(\.$organizationID == organization.requireID()).first()
    }

    func record(of organization: Organization) async throws -> ActionPlanRecord {
        let orgID = try organization.requireID()
        if let existing = try await ActionPlanRecord.query(on: db).filter(\.$organizationID == orgID).first() { return existing }
        let record = ActionPlanRecord()
        record.organizationID = orgID
        do {
            try await record.create(on: db)
            return record
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return try await ActionPlanRecord.query(on: db).filter(\.$organizationID == orgID).first()!
        }
    }

    func find(_ id: UUID?, in organization: Organization) async throws -> PlanItem {
        guard let id, let item = try await PlanItem.query(on: db).filter(\.$id == id)
            .filter(\.$organizationID == organization.requireID()).first() else { throw Refusal.notFound }
        return item
    }

    /// Adds an item for every gap the plan does not hold yet; items already there (touched or
    /// not) are left exactly as they are. Returns how many were added.
    @discardableResult
    func propose(for organization: Organization, by actor: Principal, ip: String?, today: Day = Day(Date())) async throws -> Int {
        let orgID = try organization.requireID()
        let gaps = try await GapSources.gaps(of: organization, on: db)
        let existing = try await items(of: organization)
        let held = Set(existing.map { PlanRules.sourceKey($0.sourceKind, $0.sourceKey) })
        let proposed = PlanRules.propose(gaps, existing: held, from: PlanMonth(today), priorityAfter: existing.map(\.priority).max() ?? 0)
        guard !proposed.isEmpty else { return 0 }
        _ = try await record(of: organization)
        try await db.transaction { db in
            for item in proposed {
                let row = PlanItem()
                row.organizationID = orgID
                row.sourceKind = item.gap.origin.rawValue
                row.sourceKey = item.gap.key
                row.title = String(item.gap.title(actor.user.appLocale).prefix(300))
                row.priority = item.priority
                row.ownerName = ""
                row.startMonth = item.start.description
                row.dueMonth = item.due.description
                row.status = PlanRules.Status.notStarted.rawValue
                row.progress = 0
                row.notes = ""
                row.touched = false
                do {
                    try await row.create(on: db)
                } catch let error as any DatabaseError where error.isConstraintFailure {
                    continue // proposed at the same moment by someone else
                }
            }
            try await AuditLog.record(.planProposed, by: .principal(actor, ip: ip), organizationID: orgID, target: ("organization", orgID),
                                      summary: L.Audit.planProposed(proposed.count), on: db)
        }
        return proposed.count
    }

    /// A change to an item, typed; nil fields stay as they are.
    struct Patch: Sendable, Equatable {
        var title: String?
        var status: PlanRules.Status?
        var progress: Int?
        var ownerName: String?
        var startMonth: PlanMonth?
        var dueMonth: PlanMonth?
        var notes: String?
        var dropReason: String?

        /// A change as a face read it: texts as typed, progress as a number (absent: unchanged).
        struct Raw: Sendable {
            var title, status: String?
            var progress: FieldInput<Int>
            var ownerName, startMonth, dueMonth, notes, dropReason: String?
        }

        static func parse(_ raw: Raw) -> Result<Patch, FieldProblems> {
            var problems = FieldProblems()
            var patch = Patch()
            if let title = raw.title?.trimmingCharacters(in: .whitespacesAndNewlines) {
                TextLimit.check(title, "title", maximum: TextLimit.longLine, required: true, into: &problems)
                patch.title = title
            }
            if let status = raw.status?.trimmingCharacters(in: .whitespaces), !status.isEmpty {
                patch.status = PlanRules.Status(rawValue: status)
                if patch.status == nil { problems.add("status", .unknownChoice) }
            }
            switch raw.progress {
            case .absent: break
            case .given(let value) where (0...100).contains(value): patch.progress = value
            default: problems.add("progress", .outOfRange(minimum: 0, maximum: 100))
            }
            if let owner = raw.ownerName?.trimmingCharacters(in: .whitespacesAndNewlines) {
                TextLimit.check(owner, "ownerName", maximum: TextLimit.name, into: &problems)
                patch.ownerName = owner
            }
            for (field, value) in [("startMonth", raw.startMonth), ("dueMonth", raw.dueMonth)] {
                guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
                guard let month = PlanMonth(text) else { problems.add(field, .invalidMonth); continue }
                if field == "startMonth" { patch.startMonth = month } else { patch.dueMonth = month }
            }
            if let notes = raw.notes {
                TextLimit.check(notes, "notes", maximum: TextLimit.text, into: &problems)
                patch.notes = notes.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if let reason = raw.dropReason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
                TextLimit.check(reason, "dropReason", maximum: TextLimit.shortText, into: &problems)
                patch.dropReason = reason
            }
            return problems.isEmpty ? .success(patch) : .failure(problems)
        }
    }

    func update(_ item: PlanItem, with patch: Patch, by actor: Principal, ip: String?) async throws {
        var problems = FieldProblems()
        let status = patch.status ?? item.planStatus
        let reason = patch.dropReason ?? item.dropReason
        if status == .dropped && (reason ?? "").isEmpty { problems.add("dropReason", .required) }
        let start = patch.startMonth ?? PlanMonth(item.startMonth)
        let due = patch.dueMonth ?? PlanMonth(item.dueMonth)
        if let start, let due, due < start { problems.add("dueMonth", .beforeStart) }
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        if let title = patch.title { item.title = title }
        item.status = status.rawValue
        if let progress = patch.progress { item.progress = progress }
        if status == .done { item.progress = 100 }
        if let owner = patch.ownerName { item.ownerName = owner }
        if let start = patch.startMonth { item.startMonth = start.description }
        if let due = patch.dueMonth { item.dueMonth = due.description }
        if let notes = patch.notes { item.notes = notes }
        item.dropReason = status == .dropped ? reason : nil
        item.touched = true
        try await db.transaction { db in
            try await item.save(on: db)
            try await AuditLog.record(.planItemUpdated, by: .principal(actor, ip: ip), organizationID: item.organizationID, target: ("plan_item", item.id),
                                      summary: L.Audit.planItem(priority: item.priority, status: status, progress: item.progress), on: db)
        }
    }

    func add(title rawTitle: String?, ownerName: String?, startMonth: String?, dueMonth: String?, to organization: Organization,
             by actor: Principal, ip: String?, today: Day = Day(Date())) async throws -> PlanItem {
        var problems = FieldProblems()
        let title = (rawTitle ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(title, "title", maximum: TextLimit.longLine, required: true, into: &problems)
        let owner = (ownerName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(owner, "ownerName", maximum: TextLimit.name, into: &problems)
        let month = PlanMonth(today)
        let start = (startMonth ?? "").isEmpty ? month : PlanMonth(startMonth!)
        let due = (dueMonth ?? "").isEmpty ? month.adding(months: 11) : PlanMonth(dueMonth!)
        if start == nil { problems.add("startMonth", .invalidMonth) }
        if due == nil { problems.add("dueMonth", .invalidMonth) }
        if let start, let due, due < start { problems.add("dueMonth", .beforeStart) }
        guard problems.isEmpty, let start, let due else { throw Refusal.invalid(problems) }
        let item = PlanItem()
        item.organizationID = try organization.requireID()
        item.sourceKind = "manual"
        item.sourceKey = UUID().uuidString.lowercased()
        item.title = title
        item.priority = (try await items(of: organization).map(\.priority).max() ?? 0) + 1
        item.ownerName = owner
        item.startMonth = start.description
        item.dueMonth = due.description
        item.status = PlanRules.Status.notStarted.rawValue
        item.progress = 0
        item.notes = ""
        item.touched = true
        _ = try await record(of: organization)
        try await db.transaction { db in
            try await item.create(on: db)
            try await AuditLog.record(.planItemAdded, by: .principal(actor, ip: ip), organizationID: item.organizationID, target: ("plan_item", item.id),
                                      summary: title, on: db)
        }
        return item
    }

    /// Moves an item one place up or down (swapping priorities with its neighbour).
    func move(_ item: PlanItem, up: Bool, in organization: Organization, by actor: Principal, ip: String?) async throws {
        let all = try await items(of: organization)
        guard let index = all.firstIndex(where: { $0.id == item.id }) else { throw Refusal.notFound }
        let other = up ? index - 1 : index + 1
        guard all.indices.contains(other) else { return }
        let neighbour = all[other]
        let (a, b) = (item.priority, neighbour.priority)
        item.priority = a == b ? (up ? b - 1 : b + 1) : b
        neighbour.priority = a
        item.touched = true
        try await db.transaction { db in
            try await item.save(on: db)
            try await neighbour.save(on: db)
            try await AuditLog.record(.planItemUpdated, by: .principal(actor, ip: ip), organizationID: item.organizationID, target: ("plan_item", item.id),
                                      summary: L.Audit.planMoved(up: up, to: item.priority), on: db)
        }
    }

    func remove(_ item: PlanItem, by actor: Principal, ip: String?) async throws {
        try await db.transaction { db in
            try await item.delete(on: db)
            try await AuditLog.record(.planItemRemoved, by: .principal(actor, ip: ip), organizationID: item.organizationID, target: ("plan_item", item.id),
                                      summary: item.title, on: db)
        }
    }

    /// The sources that have gaps but no item in the plan yet.
    func uncoveredSources(of organization: Organization) async throws -> [GapOrigin] {
        let held = Set(try await items(of: organization).map(\.sourceKind))
        var missing: [GapOrigin] = []
        for source in GapSources.all where !held.contains(source.origin.rawValue) {
            if try await !source.gaps(of: organization, on: db).isEmpty { missing.append(source.origin) }
        }
        return missing
    }

    /// The owner agrees to the plan. Refused while a source with gaps has no item in it, so
    /// deliverable ③ always covers every kind of gap found.
    func agree(_ organization: Organization, by actor: Principal, ip: String?) async throws {
        guard actor.isOwner, actor.organizationID == organization.id else { throw Refusal.notAllowed(L.Plan.ownerAgrees) }
        guard try await !items(of: organization).isEmpty else { throw Refusal.conflict(L.Plan.emptyPlan) }
        let missing = try await uncoveredSources(of: organization)
        guard missing.isEmpty else { throw Refusal.conflict(L.Plan.uncovered(missing)) }
        let record = try await record(of: organization)
        record.agreedAt = Date()
        record.agreedByName = actor.user.displayName
        try await db.transaction { db in
            try await record.save(on: db)
            try await AuditLog.record(.planAgreed, by: .principal(actor, ip: ip), organizationID: record.organizationID,
                                      target: ("action_plan", record.id), summary: L.Audit.planAgreed, on: db)
        }
    }

    /// A new secret address for the plan's calendar feed; the old one stops working.
    func renewCalendar(of organization: Organization, by actor: Principal, ip: String?) async throws -> String {
        let record = try await record(of: organization)
        let token = SecretToken.generate()
        record.calendarTokenHash = SecretToken.sha256Hex(token)
        try await db.transaction { db in
            try await record.save(on: db)
            try await AuditLog.record(.planCalendarRenewed, by: .principal(actor, ip: ip), organizationID: record.organizationID,
                                      target: ("action_plan", record.id), summary: L.Audit.calendarRenewed, on: db)
        }
        return token
    }

    /// The items due, as all-day events on the first day of their due month.
    func calendar(token: String) async throws -> (Organization, [PlanItem])? {
        guard let record = try await ActionPlanRecord.query(on: db).filter(\.$calendarTokenHash == SecretToken.sha256Hex(token)).first(),
              let organization = try await Organization.find(record.organizationID, on: db) else { return nil }
        return (organization, try await items(of: organization).filter { $0.planStatus == .notStarted || $0.planStatus == .inProgress })
    }

    // MARK: Comments

    func comments(of organization: Organization) async throws -> [PlanComment] {
        try await PlanComment.query(on: db).filter(\.$organizationID == organization.requireID()).sort(\.$createdAt, .descending).limit(200).all()
    }

    /// A comment by a member or the assigned expert (the caller has checked which).
    @discardableResult
    func comment(_ raw: String?, on organization: Organization, by actor: Principal, ip: String?) async throws -> PlanComment {
        let body = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { throw Refusal.invalid("body", .required) }
        if body.count > TextLimit.longText { throw Refusal.invalid("body", .tooLong(maximum: TextLimit.longText)) }
        let comment = PlanComment()
        comment.organizationID = try organization.requireID()
        comment.authorName = actor.user.displayName
        comment.authorRole = actor.role.rawValue
        comment.body = body
        try await db.transaction { db in
            try await comment.create(on: db)
            try await AuditLog.record(.planCommented, by: .principal(actor, ip: ip), organizationID: comment.organizationID,
                                      target: ("plan_comment", comment.id), summary: String(body.prefix(80)), on: db)
        }
        return comment
    }
}
