import Fluent
import Foundation
import MamoriCore
import SQLKit
import Vapor

/// The expert-guidance program, as the office, the companies and the experts use it.
struct ProgramService {
    let db: any Database

    // MARK: Settings

    /// The settings of a fiscal year, created with the program's defaults on first use.
    func settings(fiscalYear: Int = FiscalYear.of(Date())) async throws -> ProgramSettings {
        if let existing = try await ProgramSettings.query(on: db).filter(\.$fiscalYear == fiscalYear).first() { return existing }
        let settings = ProgramSettings.defaults(fiscalYear: fiscalYear)
        do {
            try await db.transaction { db in
                try await settings.create(on: db)
                try await ProgramTermsVersion(fiscalYear: fiscalYear, version: 1, textJa: settings.termsTextJa, textEn: settings.termsTextEn).create(on: db)
            }
            return settings
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another request created them at the same moment.
            return try await ProgramSettings.query(on: db).filter(\.$fiscalYear == fiscalYear).first()!
        }
    }

    struct SettingsInput {
        var capacity: String?
        var visitsPerCompany: String?
        var hoursPerVisit: String?
        var opensOn: String?
        var closesOn: String?
        /// The participation terms in Japanese and in English: both required.
        var termsTextJa: String?
        var termsTextEn: String?
        var preferOutsideMetro: Bool
    }

    /// One version of a fiscal year's terms (nil when there is no such version).
    func terms(fiscalYear: Int, version: Int) async throws -> ProgramTermsVersion? {
        try await ProgramTermsVersion.query(on: db).filter(\.$fiscalYear == fiscalYear).filter(\.$version == version).first()
    }

    /// A terms text as typed: line ends normalized, surrounding blank space removed; empty or
    /// too long is a problem of that field.
    private static func termsText(_ raw: String?, field: String, into problems: inout FieldProblems) -> String {
        let text = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.add(field, .required) }
        else if text.count > ProgramTerms.maximumLength { problems.add(field, .tooLong(maximum: ProgramTerms.maximumLength)) }
        return text
    }

    func update(_ settings: ProgramSettings, with input: SettingsInput, by actor: Principal, ip: String?) async throws {
        var problems = FieldProblems()
        // The rules live in MamoriCore (`ProgramValidation`): at least one place and never fewer
        // than already accepted; the period closes on or after the day it opens.
        var capacity: Int64?
        switch ProgramValidation.capacity(input.capacity, accepted: settings.acceptedCount) {
        case .success(let value): capacity = Int64(value)
        case .failure(let problem): problems.add("capacity", problem)
        }
        let visits = OrganizationProfile.parseCount("visitsPerCompany", input.visitsPerCompany, maximum: 20, required: true, into: &problems)
        let hours = OrganizationProfile.parseCount("hoursPerVisit", input.hoursPerVisit, maximum: 24, required: true, into: &problems)
        if let visits, visits < 1 { problems.add("visitsPerCompany", .outOfRange(minimum: 1, maximum: 20)) }
        if let hours, hours < 1 { problems.add("hoursPerVisit", .outOfRange(minimum: 1, maximum: 24)) }
        let opens = (input.opensOn ?? "").trimmingCharacters(in: .whitespaces)
        let closes = (input.closesOn ?? "").trimmingCharacters(in: .whitespaces)
        for entry in ProgramValidation.periodProblems(opensOn: opens, closesOn: closes).entries { problems.add(entry.field, entry.problem) }
        let termsJa = Self.termsText(input.termsTextJa, field: "termsTextJa", into: &problems)
        let termsEn = Self.termsText(input.termsTextEn, field: "termsTextEn", into: &problems)
        guard problems.isEmpty, let capacity, let visits, let hours else { throw MamoriError.invalid(problems) }

        // A change in either language is a new version, which keeps both texts.
        let termsChanged = termsJa != settings.termsTextJa || termsEn != settings.termsTextEn
        try await db.transaction { db in
            settings.capacity = Int(capacity)
            settings.visitsPerCompany = Int(visits)
            settings.hoursPerVisit = Int(hours)
            settings.opensOn = opens
            settings.closesOn = closes
            settings.preferOutsideMetro = input.preferOutsideMetro
            if termsChanged {
                settings.termsVersion += 1
                settings.termsTextJa = termsJa
                settings.termsTextEn = termsEn
                try await ProgramTermsVersion(fiscalYear: settings.fiscalYear, version: settings.termsVersion, textJa: termsJa, textEn: termsEn).create(on: db)
            }
            try await settings.save(on: db)
            try await AuditLog.record(.programSettingsChanged, by: .principal(actor, ip: ip), target: ("program_settings", settings.id),
                                      summary: "FY\(settings.fiscalYear): capacity \(capacity), \(visits)×\(hours)h, \(opens)–\(closes)"
                                        + (termsChanged ? ", terms v\(settings.termsVersion)" : ""), on: db)
        }
    }

    // MARK: Applications

    func application(of organization: Organization, fiscalYear: Int) async throws -> ProgramApplication? {
        try await ProgramApplication.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .filter(\.$fiscalYear == fiscalYear)
            .with(\.$expert)
            .first()
    }

    /// Any application, for the program office (which sees every application), with its
    /// organization and expert; 404 when there is none.
    func application(id: UUID?) async throws -> ProgramApplication {
        guard let id, let application = try await ProgramApplication.query(on: db).filter(\.$id == id)
            .with(\.$expert).with(\.$organization).first()
        else { throw MamoriError.notFound() }
        return application
    }

    /// One page of a fiscal year's applications for the office, with organizations and experts:
    /// by submission, or — for the waitlist — in the waitlist's order (MamoriCore `Waitlist`).
    func applications(of settings: ProgramSettings, status: ApplicationStatus?, page: Int, per: Int) async throws -> (items: [ProgramApplication], total: Int) {
        let query = ProgramApplication.query(on: db).filter(\.$fiscalYear == settings.fiscalYear).with(\.$expert).with(\.$organization)
        if let status { query.filter(\.$status == status) }
        if status == .waitlisted {
            let all = try await query.limit(10_000).all()
            let order = Waitlist.ordered(all.map { .init(id: $0.id!, submittedAt: $0.submittedAt, prefecture: $0.prefecture) },
                                         preferOutsideMetropolitanAreas: settings.preferOutsideMetro)
            let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id!, $0) })
            return (order.dropFirst((page - 1) * per).prefix(per).compactMap { byID[$0.id] }, all.count)
        }
        let result = try await query.sort(\.$submittedAt).sort(\.$id).paginate(PageRequest(page: page, per: per))
        return (result.items, result.metadata.total)
    }

    struct ApplyInput {
        var legalForm: String?
        var hasSecurityPolicy: String?
        var participatedPreviousYear: String?
        var contactName: String?
        var contactPhone: String?
        var message: String?
        var agreed: Bool
        var termsVersion: String?
    }

    enum ApplyRefusal: Error {
        case notOpen
        case alreadyApplied
        case notEligible(ProgramEligibility.Decision)
    }

    /// The organization applies: prefilled from its profile and declarations, terms agreed,
    /// eligibility computed and stored. Ineligible or out-of-period applications are refused.
    func apply(_ organization: Organization, settings: ProgramSettings, input: ApplyInput, by actor: Principal, ip: String?,
               today: String = CalendarDate.today()) async throws -> ProgramApplication {
        guard today >= settings.opensOn, today <= settings.closesOn else { throw ApplyRefusal.notOpen }
        if try await application(of: organization, fiscalYear: settings.fiscalYear) != nil { throw ApplyRefusal.alreadyApplied }
        var problems = FieldProblems()
        let legalForm = input.legalForm ?? ""
        if !["corporation", "sole_proprietor", "group"].contains(legalForm) { problems.add("legalForm", legalForm.isEmpty ? .required : .unknownChoice) }
        for field in [("hasSecurityPolicy", input.hasSecurityPolicy), ("participatedPreviousYear", input.participatedPreviousYear)]
        where !["yes", "no"].contains(field.1 ?? "") {
            problems.add(field.0, .required)
        }
        let contact = (input.contactName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if contact.isEmpty { problems.add("contactName", .required) } else if contact.count > 100 { problems.add("contactName", .tooLong(maximum: 100)) }
        let phone = (input.contactPhone ?? "").precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if phone.isEmpty { problems.add("contactPhone", .required) }
        else if phone.count > 20 || !phone.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == " " }) { problems.add("contactPhone", .notANumber) }
        let message = (input.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if message.count > 2000 { problems.add("message", .tooLong(maximum: 2000)) }
        if !input.agreed { problems.add("agreed", .required) }
        if input.termsVersion != String(settings.termsVersion) { problems.add("agreed", .termsChanged) }
        guard problems.isEmpty else { throw MamoriError.invalid(problems) }

        let facts = try await OrganizationEvidence(db: db).facts(of: organization)
        let stars = facts.declaredStars ?? 0
        let eligibility = EligibilityInput(
            category: organization.category, mainIndustry: nil, capitalYen: organization.capitalYen, employees: organization.employees,
            soleProprietor: legalForm == "sole_proprietor", legalPersonality: legalForm == "corporation", securityActionStars: stars,
            // A policy published in Mamori is known; one kept elsewhere is as the applicant says.
            hasSecurityPolicy: input.hasSecurityPolicy == "yes" || facts.policyPublished, participatedPreviousYear: input.participatedPreviousYear == "yes")
        let decision: ProgramEligibility.Decision
        switch eligibility.decide() {
        case .success(let value): decision = value
        case .failure(let error): throw error
        }
        guard decision.eligible else { throw ApplyRefusal.notEligible(decision) }

        let application = ProgramApplication()
        application.$organization.id = try organization.requireID()
        application.fiscalYear = settings.fiscalYear
        application.status = .submitted
        application.prefectureCode = organization.prefectureCode
        application.contactName = contact
        application.contactPhone = phone
        application.message = message
        application.eligible = decision.eligible
        application.eligibilityReasons = decision.reasons.map(\.rawValue).joined(separator: ",")
        application.smeBasis = decision.smeBasis?.rawValue
        application.termsVersion = settings.termsVersion
        application.submittedAt = Date()
        application.submittedByID = actor.userID
        do {
            try await application.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw ApplyRefusal.alreadyApplied
        }
        try await AuditLog.record(.programApplied, by: .principal(actor, ip: ip), organizationID: organization.id,
                                  target: ("program_application", application.id), summary: L.Audit.programApplied(fiscalYear: settings.fiscalYear, termsVersion: settings.termsVersion), on: db)
        return application
    }

    enum Decision: String { case accept, reject, waitlist }

    enum DecisionRefusal: Error { case full, reasonRequired }

    /// Accept, reject (with a reason) or waitlist. Acceptance takes a place atomically, so the
    /// capacity holds even with several office staff and instances at once.
    func decide(_ application: ProgramApplication, _ decision: Decision, reason: String?, settings: ProgramSettings, by actor: Principal, ip: String?) async throws {
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .reject && reason.isEmpty { throw DecisionRefusal.reasonRequired }
        let newStatus: ApplicationStatus = switch decision {
        case .accept: .accepted
        case .reject: .rejected
        case .waitlist: .waitlisted
        }
        guard application.status != newStatus else { return }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if newStatus == .accepted {
                let rows = try await sql.update(ProgramSettings.schema)
                    .set("accepted_count", to: SQLRaw("accepted_count + 1"))
                    .where("id", .equal, settings.id!)
                    .where("accepted_count", .lessThan, SQLColumn("capacity"))
                    .returning("accepted_count")
                    .all()
                guard !rows.isEmpty else { throw DecisionRefusal.full }
            } else if application.status == .accepted {
                try await sql.update(ProgramSettings.schema)
                    .set("accepted_count", to: SQLRaw("accepted_count - 1"))
                    .where("id", .equal, settings.id!)
                    .run()
            }
            application.status = newStatus
            application.decidedAt = Date()
            application.decisionReason = reason.isEmpty ? nil : String(reason.prefix(1000))
            if newStatus != .accepted { application.$expert.id = nil; application.assignedAt = nil }
            try await application.save(on: db)
            try await AuditLog.record(.programDecided, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                      target: ("program_application", application.id),
                                      summary: reason.isEmpty ? L.applicationStatus(newStatus)
                                          : LocalizedText(ja: L.applicationStatus(newStatus).ja + "：" + reason.prefix(200), en: L.applicationStatus(newStatus).en + ": " + reason.prefix(200)), on: db)
        }
    }

    // MARK: Experts

    struct ExpertInput {
        var name: String?
        var registrationNumber: String?
        var prefecture: String?
        var regions: [String]
        var onSite: Bool
        var online: Bool
        var maxCompanies: String?
    }

    /// Registers an expert and returns a single-use link for the expert's own account. Issuing
    /// the invitation hashes no password, so callers without a request's hasher (the API) may
    /// leave it out.
    func registerExpert(_ input: ExpertInput, by actor: Principal, ip: String?, hasher: AsyncPasswordHasher? = nil) async throws -> (ExpertProfile, token: String) {
        var problems = FieldProblems()
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("name", .required) } else if name.count > 100 { problems.add("name", .tooLong(maximum: 100)) }
        let number = (input.registrationNumber ?? "").precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if number.isEmpty { problems.add("registrationNumber", .required) } else if number.count > 20 { problems.add("registrationNumber", .tooLong(maximum: 20)) }
        else if try await ExpertProfile.query(on: db).filter(\.$registrationNumber == number).first() != nil { problems.add("registrationNumber", .alreadyRegistered) }
        let prefecture = input.prefecture.flatMap(Prefecture.parse)
        if prefecture == nil { problems.add("prefecture", (input.prefecture ?? "").isEmpty ? .required : .unknownChoice) }
        let regions = input.regions.compactMap(Prefecture.Region.init(rawValue:))
        if regions.count != input.regions.count { problems.add("regions", .unknownChoice) }
        if !input.onSite && !input.online { problems.add("modes", .required) }
        let maximum = OrganizationProfile.parseCount("maxCompanies", input.maxCompanies, maximum: 400, required: true, into: &problems)
        if let maximum, maximum < 1 { problems.add("maxCompanies", .outOfRange(minimum: 1, maximum: 400)) }
        guard problems.isEmpty, let prefecture, let maximum else { throw MamoriError.invalid(problems) }

        let profile = ExpertProfile()
        profile.name = name
        profile.registrationNumber = number
        profile.prefectureCode = prefecture.code
        profile.regions = Set(regions + [prefecture.region]).map(\.rawValue).sorted().joined(separator: ",")
        profile.onSite = input.onSite
        profile.online = input.online
        profile.maxCompanies = Int(maximum)
        return try await db.transaction { db in
            try await profile.create(on: db)
            let (invitation, token) = try await MembershipService(db: db, hasher: hasher ?? Self.invitationHasher)
                .invite(role: .expert, to: nil, note: "\(name) (\(number))", by: actor, ip: ip)
            invitation.expertProfileID = profile.id
            try await invitation.save(on: db)
            try await AuditLog.record(.expertRegistered, by: .principal(actor, ip: ip), target: ("expert_profile", profile.id),
                                      summary: L.Audit.expertRegistered(name: name, number: number, prefecture: prefecture), on: db)
            return (profile, token)
        }
    }

    /// The registered experts, by name.
    func experts() async throws -> [ExpertProfile] {
        try await ExpertProfile.query(on: db).sort(\.$name).limit(2000).all()
    }

    /// Experts' invitations that can still be used, newest first.
    func openExpertInvitations() async throws -> [Invitation] {
        try await Invitation.query(on: db).filter(\.$role == .expert)
            .filter(\.$usedAt == nil).filter(\.$revokedAt == nil).filter(\.$expiresAt > Date())
            .sort(\.$createdAt, .descending).limit(100).all()
    }

    /// Revokes an expert's invitation (404 for any other invitation); a used or revoked one stays as it is.
    func revokeExpertInvitation(_ id: UUID?, by actor: Principal, ip: String?) async throws {
        guard let id, let invitation = try await Invitation.query(on: db).filter(\.$id == id).filter(\.$role == .expert).first()
        else { throw MamoriError.notFound() }
        try await MembershipService(db: db, hasher: Self.invitationHasher).revoke(invitation, by: actor, ip: ip)
    }

    /// `MembershipService` is built with a password hasher, but issuing and revoking an
    /// invitation hash nothing (the expert chooses a password on accepting the link). This one
    /// refuses to hash, so a wrong use fails loudly instead of storing something.
    static var invitationHasher: AsyncPasswordHasher {
        AsyncPasswordHasher(hasher: NoPasswordHashing(), threadPool: .singleton, eventLoop: MultiThreadedEventLoopGroup.singleton.next())
    }

    /// Accepted, assigned companies per expert in a fiscal year.
    func loads(fiscalYear: Int) async throws -> [UUID: Int] {
        let assigned = try await ProgramApplication.query(on: db)
            .filter(\.$fiscalYear == fiscalYear).filter(\.$status == .accepted).filter(\.$expert.$id != nil)
            .field(\.$id).field(\.$expert.$id).all()
        var loads: [UUID: Int] = [:]
        for application in assigned { if let expert = application.$expert.id { loads[expert, default: 0] += 1 } }
        return loads
    }

    func suggestions(for application: ProgramApplication) async throws -> [(ExpertProfile, ExpertMatching.Suggestion)] {
        let experts = try await ExpertProfile.query(on: db).sort(\.$name).limit(2000).all()
        let loads = try await loads(fiscalYear: application.fiscalYear)
        guard let prefecture = application.prefecture else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: experts.map { ($0.id!, $0) })
        let candidates = experts.map {
            ExpertMatching.Candidate(id: $0.id!, name: $0.name, prefecture: $0.prefecture, regions: $0.regionSet,
                                     load: loads[$0.id!] ?? 0, maximumCompanies: $0.maxCompanies)
        }
        return ExpertMatching.rank(candidates, for: prefecture).map { (byID[$0.candidate.id]!, $0) }
    }

    enum AssignRefusal: Error { case notAccepted, expertFull }

    func assign(_ expert: ExpertProfile, to application: ProgramApplication, by actor: Principal, ip: String?) async throws {
        guard application.status == .accepted else { throw AssignRefusal.notAccepted }
        let load = try await loads(fiscalYear: application.fiscalYear)[expert.id!] ?? 0
        let alreadyThisOne = application.$expert.id == expert.id
        guard alreadyThisOne || load < expert.maxCompanies else { throw AssignRefusal.expertFull }
        application.$expert.id = expert.id
        application.assignedAt = Date()
        try await application.save(on: db)
        try await AuditLog.record(.expertAssigned, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("program_application", application.id), summary: expert.name, on: db)
    }

    // MARK: Visits and survey

    func visits(of application: ProgramApplication) async throws -> [ProgramVisit] {
        try await ProgramVisit.query(on: db).filter(\.$application.$id == application.requireID()).sort(\.$number).all()
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

    struct ScheduleInput {
        var number: String?
        var scheduledAt: String?
        var mode: String?
        var place: String?
    }

    /// Schedules (or moves) visit 1…N: date and time in Tokyo, on site with an address or online with a meeting URL.
    func schedule(_ input: ScheduleInput, for application: ProgramApplication, settings: ProgramSettings, expert: ExpertProfile,
                  by actor: Principal, ip: String?) async throws -> ProgramVisit {
        var problems = FieldProblems()
        let number = Int(input.number ?? "")
        if number == nil || !(1...settings.visitsPerCompany).contains(number!) { problems.add("number", .outOfRange(minimum: 1, maximum: Int64(settings.visitsPerCompany))) }
        let when = TokyoDateTime.parse(input.scheduledAt ?? "")
        if when == nil { problems.add("scheduledAt", (input.scheduledAt ?? "").isEmpty ? .required : .invalidDateTime) }
        // The program runs per fiscal year: a visit in another year (2020, say) is a typing mistake.
        if let when, let problem = ProgramValidation.visitProblem(at: when, fiscalYear: application.fiscalYear) { problems.add("scheduledAt", problem) }
        let mode = input.mode.flatMap(ProgramVisit.Mode.init(rawValue:))
        if mode == nil { problems.add("mode", .required) }
        else if (mode == .onSite && !expert.onSite) || (mode == .online && !expert.online) { problems.add("mode", .unknownChoice) }
        let place = (input.place ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if place.isEmpty { problems.add("place", .required) }
        else if place.count > 500 { problems.add("place", .tooLong(maximum: 500)) }
        else if mode == .online, !(place.lowercased().hasPrefix("https://") || place.lowercased().hasPrefix("http://")) { problems.add("place", .notAURL) }
        guard problems.isEmpty, let number, let when, let mode else { throw MamoriError.invalid(problems) }

        let existing = try await ProgramVisit.query(on: db).filter(\.$application.$id == application.requireID()).filter(\.$number == number).first()
        if let existing, existing.isDone { throw MamoriError.conflict(L.visitAlreadyRecorded) }
        let visit = existing ?? ProgramVisit()
        visit.$application.id = try application.requireID()
        visit.number = number
        visit.scheduledAt = when
        visit.mode = mode
        visit.place = place
        try await visit.save(on: db)
        try await AuditLog.record(.visitScheduled, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("program_visit", visit.id), summary: L.Audit.visitScheduled(number: number, when: when, mode: L.visitMode(mode)), on: db)
        return visit
    }

    struct RecordInput {
        var durationMinutes: String?
        var topics: String?
        var progress: [Int: String]
        var nextSteps: String?
    }

    func record(_ input: RecordInput, for visit: ProgramVisit, application: ProgramApplication, by actor: Principal, ip: String?) async throws {
        var problems = FieldProblems()
        let minutes = OrganizationProfile.parseCount("durationMinutes", input.durationMinutes, maximum: 600, required: true, into: &problems)
        if let minutes, minutes < 1 { problems.add("durationMinutes", .outOfRange(minimum: 1, maximum: 600)) }
        let topics = (input.topics ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if topics.isEmpty { problems.add("topics", .required) } else if topics.count > 5000 { problems.add("topics", .tooLong(maximum: 5000)) }
        var progress: [String: Int] = [:]
        for goal in 1...4 {
            guard let raw = input.progress[goal], !raw.isEmpty else { continue }
            guard let value = Int(raw), (0...100).contains(value) else { problems.add("goal\(goal)", .outOfRange(minimum: 0, maximum: 100)); continue }
            progress[String(goal)] = value
        }
        let next = (input.nextSteps ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if next.count > 5000 { problems.add("nextSteps", .tooLong(maximum: 5000)) }
        guard problems.isEmpty, let minutes else { throw MamoriError.invalid(problems) }
        guard visit.scheduledAt <= Date().addingTimeInterval(12 * 3600) else { throw MamoriError.conflict(L.visitNotYetHappened) }
        visit.durationMinutes = Int(minutes)
        visit.topics = topics
        visit.goalProgress = String(decoding: try JSONEncoder.sorted.encode(progress), as: UTF8.self)
        visit.nextSteps = next
        visit.recordedAt = Date()
        visit.recordedByID = actor.userID
        try await visit.save(on: db)
        try await AuditLog.record(.visitRecorded, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("program_visit", visit.id), summary: L.Audit.visitRecorded(number: visit.number, minutes: Int(minutes)), on: db)
    }

    func survey(of application: ProgramApplication) async throws -> ProgramSurvey? {
        try await ProgramSurvey.query(on: db).filter(\.$application.$id == application.requireID()).first()
    }

    struct SurveyInput {
        var producedResults: String?
        var satisfaction: String?
        var comments: String?
    }

    enum SurveyRefusal: Error { case notYet, alreadyAnswered }

    func answerSurvey(_ input: SurveyInput, for application: ProgramApplication, settings: ProgramSettings, by actor: Principal, ip: String?) async throws {
        let done = try await visits(of: application).filter(\.isDone).count
        guard application.status == .accepted, done >= settings.visitsPerCompany else { throw SurveyRefusal.notYet }
        guard try await survey(of: application) == nil else { throw SurveyRefusal.alreadyAnswered }
        var problems = FieldProblems()
        if !["yes", "no"].contains(input.producedResults ?? "") { problems.add("producedResults", .required) }
        let satisfaction = Int(input.satisfaction ?? "")
        if satisfaction == nil || !(1...5).contains(satisfaction!) { problems.add("satisfaction", .outOfRange(minimum: 1, maximum: 5)) }
        let comments = (input.comments ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if comments.count > 5000 { problems.add("comments", .tooLong(maximum: 5000)) }
        guard problems.isEmpty, let satisfaction else { throw MamoriError.invalid(problems) }
        let survey = ProgramSurvey()
        survey.$application.id = try application.requireID()
        survey.producedResults = input.producedResults == "yes"
        survey.satisfaction = satisfaction
        survey.comments = comments
        survey.answeredByID = actor.userID
        do {
            try await survey.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw SurveyRefusal.alreadyAnswered
        }
        try await AuditLog.record(.surveyAnswered, by: .principal(actor, ip: ip), organizationID: application.$organization.id,
                                  target: ("program_survey", survey.id), summary: "results: \(input.producedResults ?? ""), satisfaction \(satisfaction)", on: db)
    }

    // MARK: Deliverables and statistics

    /// ① policy and rules check, ② saved diagnosis, ③ action plan, ④ two-star declaration, from data.
    func deliverables(of organization: Organization) async throws -> [(Deliverable, Deliverable.Status)] {
        try await OrganizationEvidence(db: db).facts(of: organization).deliverables
    }

    func statistics(fiscalYear: Int, visitsPerCompany: Int) async throws -> ProgramStatistics {
        let applications = try await ProgramApplication.query(on: db).filter(\.$fiscalYear == fiscalYear)
            .field(\.$id).field(\.$status).field(\.$prefectureCode).field(\.$organization.$id).limit(100_000).all()
        let ids = applications.compactMap(\.id)
        var done: [UUID: Int] = [:]
        var results: [UUID: Bool] = [:]
        if !ids.isEmpty {
            for visit in try await ProgramVisit.query(on: db).filter(\.$application.$id ~~ ids).filter(\.$recordedAt != nil)
                .field(\.$id).field(\.$application.$id).all() {
                done[visit.$application.id, default: 0] += 1
            }
            for survey in try await ProgramSurvey.query(on: db).filter(\.$application.$id ~~ ids)
                .field(\.$id).field(\.$application.$id).field(\.$producedResults).all() {
                results[survey.$application.id] = survey.producedResults
            }
        }
        let facts = try await OrganizationEvidence(db: db).facts(of: applications.filter { $0.status == .accepted }.map(\.$organization.id))
        return ProgramStatistics(applications.map {
            let delivered = Set((facts[$0.$organization.id]?.deliverables ?? []).filter { $0.1 == .done }.map(\.0))
            return ProgramStatistics.Participant(prefecture: $0.prefecture, status: $0.status, visitsDone: done[$0.id!] ?? 0,
                                                 producedResults: results[$0.id!], deliverablesDone: delivered)
        }, visitsPerCompany: visitsPerCompany)
    }
}

// MARK: Attachments

extension ProgramService {
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
}

/// See `ProgramService.invitationHasher`.
private struct NoPasswordHashing: PasswordHasher {
    func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
        throw Abort(.internalServerError, reason: "Issuing an invitation hashes no password.")
    }

    func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool { false }
}
