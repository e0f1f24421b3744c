import Fluent
import Foundation
import MamoriCore
import SQLKit

// MARK: Applications

extension ProgramService {
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
        else { throw Refusal.notFound }
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

    /// An application, typed: each face reads its own format into it (the page's radio buttons,
    /// the API's JSON) with `FieldInput`'s parsers.
    struct ApplyInput {
        var legalForm: FieldInput<LegalForm>
        var hasSecurityPolicy: FieldInput<Bool>
        var participatedPreviousYear: FieldInput<Bool>
        var contactName: String?
        var contactPhone: String?
        var message: String?
        var agreed: Bool
        /// The version of the terms the applicant read; absent or another than the current one is refused.
        var termsVersion: Int?
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
        try actor.requireOwner(of: organization.id, L.Program.ownerOnlyApplies)
        guard today >= settings.opensOn, today <= settings.closesOn else { throw ApplyRefusal.notOpen }
        if try await application(of: organization, fiscalYear: settings.fiscalYear) != nil { throw ApplyRefusal.alreadyApplied }
        var problems = FieldProblems()
        let legalForm = input.legalForm.read("legalForm", into: &problems)
        let hasSecurityPolicy = input.hasSecurityPolicy.read("hasSecurityPolicy", unreadable: .required, into: &problems)
        let participatedPreviousYear = input.participatedPreviousYear.read("participatedPreviousYear", unreadable: .required, into: &problems)
        let contact = (input.contactName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(contact, "contactName", maximum: TextLimit.name, required: true, into: &problems)
        let phone = (input.contactPhone ?? "").precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if phone.isEmpty { problems.add("contactPhone", .required) }
        else if phone.count > 20 || !phone.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == " " }) { problems.add("contactPhone", .notANumber) }
        let message = (input.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(message, "message", maximum: TextLimit.text, into: &problems)
        if !input.agreed { problems.add("agreed", .required) }
        if input.termsVersion != settings.termsVersion { problems.add("agreed", .termsChanged) }
        guard problems.isEmpty, let legalForm, let hasSecurityPolicy, let participatedPreviousYear else { throw Refusal.invalid(problems) }

        let facts = try await OrganizationEvidence(db: db).facts(of: organization)
        let stars = facts.declaredStars ?? 0
        let eligibility = EligibilityInput(
            category: organization.category, mainIndustry: nil, capitalYen: organization.capitalYen, employees: organization.employees,
            soleProprietor: legalForm.isSoleProprietor, legalPersonality: legalForm.hasLegalPersonality, securityActionStars: stars,
            // A policy published in Mamori is known; one kept elsewhere is as the applicant says.
            hasSecurityPolicy: hasSecurityPolicy || facts.policyPublished, participatedPreviousYear: participatedPreviousYear)
        let decision: ProgramEligibility.Decision
        switch eligibility.decide() {
        case .success(let value): decision = value
        case .failure(let problems): throw Refusal.invalid(problems)
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
        try actor.requireOffice()
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .reject && reason.isEmpty { throw DecisionRefusal.reasonRequired }
        let newStatus: ApplicationStatus = switch decision {
        case .accept: .accepted
        case .reject: .rejected
        case .waitlist: .waitlisted
        }
        guard application.status != newStatus else { return }
        try await db.transaction { db in
            let sql = db.sql
            // Only from the status this decision was made on: when the same decision reaches two
            // servers at once (a double click), the second finds it taken and changes nothing,
            // so one application never takes two places.
            let claimed = try await sql.update(ProgramApplication.schema)
                .set("status", to: newStatus.rawValue)
                .where("id", .equal, application.requireID())
                .where("status", .equal, application.status.rawValue)
                .returning("id")
                .all()
            guard !claimed.isEmpty else { return }
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
                                      summary: reason.isEmpty ? L.Program.applicationStatus(newStatus)
                                          : LocalizedText(ja: L.Program.applicationStatus(newStatus).ja + "：" + reason.prefix(200), en: L.Program.applicationStatus(newStatus).en + ": " + reason.prefix(200)), on: db)
        }
    }
}
