import Fluent
import Foundation
import MamoriCore

// MARK: Visits and survey

extension ProgramService {
    func visits(of application: ProgramApplication) async throws -> [ProgramVisit] {
        try await ProgramVisit.query(on: db).filter(\.$application.$id == application.requireID()).sort(\.$number).all()
    }

    /// Visit `number` of the application (nil when there is none).
    func visit(_ number: Int, of application: ProgramApplication) async throws -> ProgramVisit? {
        try await ProgramVisit.query(on: db).filter(\.$application.$id == application.requireID()).filter(\.$number == number).first()
    }

    /// How many visits of each application are recorded, in one query.
    func visitsDone(of applications: [ProgramApplication]) async throws -> [UUID: Int] {
        let ids = applications.compactMap(\.id)
        var done: [UUID: Int] = [:]
        if !ids.isEmpty {
            for visit in try await ProgramVisit.query(on: db).filter(\.$application.$id ~~ ids).filter(\.$recordedAt != nil).field(\.$id).field(\.$application.$id).all() {
                done[visit.$application.id, default: 0] += 1
            }
        }
        return done
    }

    /// The applications' next visits not recorded yet (one started less than twelve hours ago
    /// still counts), soonest first, at most 20: the expert's companies page.
    func upcomingVisits(of applications: [ProgramApplication], now: Date = Date()) async throws -> [ProgramVisit] {
        let ids = applications.compactMap(\.id)
        return ids.isEmpty ? [] : try await ProgramVisit.query(on: db).filter(\.$application.$id ~~ ids).filter(\.$recordedAt == nil)
            .filter(\.$scheduledAt >= now.addingTimeInterval(-12 * 3600)).sort(\.$scheduledAt).limit(20).all()
    }

    /// A visit still to come, with the name of the expert who makes it.
    struct NextVisit: Sendable {
        let visit: ProgramVisit
        let expertName: String
    }

    /// The organization's next visit that is not recorded yet (one under way — started less than
    /// three hours ago — still counts), with its expert: one query, joining the application and
    /// the expert's profile.
    func nextVisit(of organizationID: UUID, now: Date = Date()) async throws -> NextVisit? {
        guard let visit = try await ProgramVisit.query(on: db)
            .join(parent: \.$application)
            .join(from: ProgramApplication.self, parent: \.$expert)
            .filter(ProgramApplication.self, \.$organization.$id == organizationID)
            .filter(ProgramApplication.self, \.$status == .accepted)
            .filter(\.$recordedAt == nil)
            .filter(\.$scheduledAt >= now.addingTimeInterval(-3 * 3600))
            .sort(\.$scheduledAt)
            .first()
        else { return nil }
        return NextVisit(visit: visit, expertName: try visit.joined(ExpertProfile.self).name)
    }

    /// A visit as the expert schedules it, typed; each face reads its own format into it.
    struct ScheduleInput {
        var number: FieldInput<Int>
        var scheduledAt: FieldInput<Date>
        var mode: FieldInput<ProgramVisit.Mode>
        /// The address on site, the meeting URL online.
        var place: String?
    }

    /// Schedules (or moves) visit 1…N: date and time in Tokyo, on site with an address or online with a meeting URL.
    func schedule(_ input: ScheduleInput, for application: ProgramApplication, settings: ProgramSettings, expert: ExpertProfile,
                  by actor: Principal, ip: String?) async throws -> ProgramVisit {
        var problems = FieldProblems()
        let number = input.number.count("number", in: 1...settings.visitsPerCompany, into: &problems)
        let when = input.scheduledAt.read("scheduledAt", unreadable: .invalidDateTime, into: &problems)
        // The program runs per fiscal year: a visit in another year (2020, say) is a typing mistake.
        if let when, let problem = ProgramValidation.visitProblem(at: when, fiscalYear: application.fiscalYear) { problems.add("scheduledAt", problem) }
        let mode = input.mode.read("mode", unreadable: .unknownChoice, into: &problems)
        if (mode == .onSite && !expert.onSite) || (mode == .online && !expert.online) { problems.add("mode", .unknownChoice) }
        let place = (input.place ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(place, "place", maximum: TextLimit.shortText, required: true, into: &problems)
        if problems["place"] == nil, mode == .online, !(place.lowercased().hasPrefix("https://") || place.lowercased().hasPrefix("http://")) { problems.add("place", .notAURL) }
        guard problems.isEmpty, let number, let when, let mode else { throw Refusal.invalid(problems) }

        let existing = try await ProgramVisit.query(on: db).filter(\.$application.$id == application.requireID()).filter(\.$number == number).first()
        if let existing, existing.isDone { throw Refusal.conflict(L.Program.visitAlreadyRecorded) }
        let visit = existing ?? ProgramVisit()
        visit.$application.id = try application.requireID()
        visit.number = number
        visit.scheduledAt = when
        visit.mode = mode
        visit.place = place
        try await visit.save(on: db)
        try await AuditLog.record(.visitScheduled, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("program_visit", visit.id), summary: L.Audit.visitScheduled(number: number, when: when, mode: L.Program.visitMode(mode)), on: db)
        return visit
    }

    /// What the expert records after a visit, typed; each face reads its own format into it.
    struct RecordInput {
        var durationMinutes: FieldInput<Int>
        var topics: String?
        /// Progress (0–100 %) on the program's goals 1–4; a goal left out is not assessed.
        var progress: [Int: FieldInput<Int>]
        var nextSteps: String?
    }

    func record(_ input: RecordInput, for visit: ProgramVisit, application: ProgramApplication, by actor: Principal, ip: String?) async throws {
        var problems = FieldProblems()
        let minutes = input.durationMinutes.count("durationMinutes", in: 1...600, into: &problems)
        let topics = (input.topics ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(topics, "topics", maximum: TextLimit.longText, required: true, into: &problems)
        var progress: [String: Int] = [:]
        for goal in 1...4 {
            let value: FieldInput<Int> = input.progress[goal] ?? .absent
            if value == .unreadable { problems.add("goal\(goal)", .outOfRange(minimum: 0, maximum: 100)); continue }
            progress[String(goal)] = value.count("goal\(goal)", in: 0...100, required: false, into: &problems)
        }
        let next = (input.nextSteps ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(next, "nextSteps", maximum: TextLimit.longText, into: &problems)
        guard problems.isEmpty, let minutes else { throw Refusal.invalid(problems) }
        guard visit.scheduledAt <= Date().addingTimeInterval(12 * 3600) else { throw Refusal.conflict(L.Program.visitNotYetHappened) }
        visit.durationMinutes = minutes
        visit.topics = topics
        visit.goalProgress = String(decoding: try JSONEncoder.sorted.encode(progress), as: UTF8.self)
        visit.nextSteps = next
        visit.recordedAt = Date()
        visit.recordedByID = actor.userID
        try await visit.save(on: db)
        try await AuditLog.record(.visitRecorded, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("program_visit", visit.id), summary: L.Audit.visitRecorded(number: visit.number, minutes: minutes), on: db)
    }

    func survey(of application: ProgramApplication) async throws -> ProgramSurvey? {
        try await ProgramSurvey.query(on: db).filter(\.$application.$id == application.requireID()).first()
    }

    /// The completion survey as the organization answers it, typed.
    struct SurveyInput {
        var producedResults: FieldInput<Bool>
        /// 1 (not at all) to 5 (very).
        var satisfaction: FieldInput<Int>
        var comments: String?
    }

    enum SurveyRefusal: Error { case notYet, alreadyAnswered }

    func answerSurvey(_ input: SurveyInput, for application: ProgramApplication, settings: ProgramSettings, by actor: Principal, ip: String?) async throws {
        let done = try await visits(of: application).filter(\.isDone).count
        guard application.status == .accepted, done >= settings.visitsPerCompany else { throw SurveyRefusal.notYet }
        guard try await survey(of: application) == nil else { throw SurveyRefusal.alreadyAnswered }
        var problems = FieldProblems()
        let producedResults = input.producedResults.read("producedResults", unreadable: .required, into: &problems)
        var satisfaction: Int?
        switch input.satisfaction {
        case .given(let value) where (1...5).contains(value): satisfaction = value
        default: problems.add("satisfaction", .outOfRange(minimum: 1, maximum: 5))
        }
        let comments = (input.comments ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(comments, "comments", maximum: TextLimit.longText, into: &problems)
        guard problems.isEmpty, let producedResults, let satisfaction else { throw Refusal.invalid(problems) }
        let survey = ProgramSurvey()
        survey.$application.id = try application.requireID()
        survey.producedResults = producedResults
        survey.satisfaction = satisfaction
        survey.comments = comments
        survey.answeredByID = actor.userID
        do {
            try await survey.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw SurveyRefusal.alreadyAnswered
        }
        try await AuditLog.record(.surveyAnswered, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("program_survey", survey.id), summary: "results: \(producedResults ? "yes" : "no"), satisfaction \(satisfaction)", on: db)
    }

    // MARK: Attachments

    /// Stores a file on a visit with its SHA-256; every upload is a new row, nothing is overwritten.
    func attach(filename: String, contentType: String?, data: Data, to visit: ProgramVisit, application: ProgramApplication,
                limit: Int, by actor: Principal, ip: String?) async throws -> VisitAttachment {
        let facts = try FileIntake.check(filename: filename, contentType: contentType, data: data, limit: limit)
        let attachment = VisitAttachment()
        attachment.$visit.id = try visit.requireID()
        attachment.filename = facts.filename
        attachment.contentType = facts.contentType
        attachment.size = facts.size
        attachment.sha256 = facts.sha256
        attachment.data = data
        attachment.uploadedByID = actor.userID
        try await attachment.create(on: db)
        try await AuditLog.record(.visitAttachmentAdded, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("visit_attachment", attachment.id),
                                  summary: "#\(visit.number) \(facts.filename) \(facts.size) bytes sha256 \(facts.sha256.prefix(16))…", on: db)
        return attachment
    }

    /// Attachments of the visits, without their bytes.
    func attachments(of visits: [ProgramVisit]) async throws -> [UUID: [VisitAttachment]] {
        let ids = visits.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let rows = try await VisitAttachment.query(on: db).filter(\.$visit.$id ~~ ids)
            .field(\.$id).field(\.$visit.$id).field(\.$filename).field(\.$contentType).field(\.$size).field(\.$sha256).field(\.$uploadedAt)
            .sort(\.$uploadedAt).all()
        return Dictionary(grouping: rows, by: { $0.$visit.id })
    }

    // MARK: Calendar feed

    /// A new secret address for the expert's calendar app; the previous one stops working.
    /// Returns the secret, shown once (only its SHA-256 is stored).
    func renewCalendar(of expert: ExpertProfile, by actor: Principal, ip: String?) async throws -> String {
        let token = SecretToken.generate()
        expert.calendarTokenHash = SecretToken.sha256Hex(token)
        try await db.transaction { db in
            try await expert.save(on: db)
            // The old address stops working: say so in the log (the secret itself is never written).
            try await AuditLog.record(.calendarFeedRenewed, by: .principal(actor, ip: ip), target: ("expert_profile", expert.id),
                                      summary: L.Audit.calendarRenewed, on: db)
        }
        return token
    }

    /// The expert whose calendar address holds this secret; nil for an unknown or replaced one
    /// (and for anything too long to be a secret, without a query).
    func expert(calendarToken token: String) async throws -> ExpertProfile? {
        guard token.count <= 128, !token.isEmpty else { return nil }
        return try await ExpertProfile.query(on: db).filter(\.$calendarTokenHash == SecretToken.sha256Hex(token)).first()
    }

    /// The events of the expert's calendar feed: every visit to an assigned company, lasting
    /// its recorded duration or else the fiscal year's hours per visit; on site with the place
    /// as location, online with the meeting address as URL.
    func calendarEvents(of expert: ExpertProfile) async throws -> [ICalendar.Event] {
        let applications = try await ProgramApplication.query(on: db).filter(\.$expert.$id == expert.requireID()).filter(\.$status == .accepted)
            .with(\.$organization).limit(500).all()
        let byID = Dictionary(uniqueKeysWithValues: applications.map { ($0.id!, $0) })
        let visits = byID.isEmpty ? [] : try await ProgramVisit.query(on: db).filter(\.$application.$id ~~ Array(byID.keys)).sort(\.$scheduledAt).limit(5000).all()
        var hours: [Int: Int] = [:]
        for year in Set(applications.map(\.fiscalYear)) { hours[year] = try await settings(fiscalYear: year).hoursPerVisit }
        return visits.compactMap { visit -> ICalendar.Event? in
            guard let application = byID[visit.$application.id] else { return nil }
            let duration = TimeInterval((visit.durationMinutes ?? (hours[application.fiscalYear] ?? 2) * 60) * 60)
            return ICalendar.Event(uid: "\(visit.id!.uuidString)@mamori", start: visit.scheduledAt, end: visit.scheduledAt.addingTimeInterval(duration),
                                   summary: "\(application.organization.name) 第\(visit.number)回 / visit \(visit.number)",
                                   location: visit.mode == .onSite ? visit.place : nil,
                                   description: "\(application.contactName) \(application.contactPhone)",
                                   url: visit.mode == .online ? visit.place : nil)
        }
    }
}
