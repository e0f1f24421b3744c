import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The expert's pages as operations: the assigned companies, scheduling and recording visits,
/// visit attachments, the calendar feed's address, and comments on the company's policy and
/// plan. Expert tokens only (any other token gets 403); expert accounts belong to no
/// organization, and their tokens come from `mamori create-token --email <expert address>`.
/// Every company is reached through `TenantScope.assignedApplication`, so another expert's
/// company (or one no longer accepted) is 404, as on the pages. Each operation calls the same
/// service function as `ExpertController`, `ExpertPolicyController` or `ExpertPlanController`.
extension MamoriAPI {
    /// The expert behind the token and the profile the office registered for the account (nil
    /// when there is none: such an account has no companies).
    private func expertOfToken() async throws -> (Principal, ExpertProfile?) {
        let principal = try APIContext.requirePrincipal()
        guard principal.role == .expert else { throw Refusal.notAllowed(L.Organization.expertTokenNeeded) }
        return (principal, try await TenantScope.expertProfile(for: principal, on: db))
    }

    /// An application assigned to the token's expert and accepted, with its organization; else 404.
    private func assignedCompany(_ applicationID: String) async throws -> (Principal, ExpertProfile, ProgramApplication) {
        let (principal, profile) = try await expertOfToken()
        guard let profile else { throw Refusal.notFound }
        let application = try await TenantScope.assignedApplication(UUID(uuidString: applicationID), to: profile, on: db)
        return (principal, profile, application)
    }

    /// Visit `number` of an assigned application, or 404.
    private func assignedVisit(_ number: Int, of application: ProgramApplication) async throws -> ProgramVisit {
        guard let visit = try await ProgramVisit.query(on: db).filter(\.$application.$id == application.requireID())
            .filter(\.$number == number).first()
        else { throw Refusal.notFound }
        return visit
    }

    // MARK: Companies and visits

    func listExpertCompanies(_ input: Operations.ListExpertCompanies.Input) async throws -> Operations.ListExpertCompanies.Output {
        let (_, profile) = try await expertOfToken()
        guard let profile else { return .ok(.init(body: .json(.init(items: [])))) }
        // The companies page's query: accepted applications assigned to this expert.
        let applications = try await ProgramApplication.query(on: db)
            .filter(\.$expert.$id == profile.requireID()).filter(\.$status == .accepted)
            .with(\.$organization).sort(\.$assignedAt).limit(500).all()
        let ids = applications.compactMap(\.id)
        let visits = ids.isEmpty ? [] : try await ProgramVisit.query(on: db).filter(\.$application.$id ~~ ids).sort(\.$number).all()
        let visitsByApplication = Dictionary(grouping: visits, by: { $0.$application.id })
        let service = ProgramService(db: db)
        var visitsPerCompany: [Int: Int] = [:]
        var items: [Components.Schemas.ExpertCompany] = []
        for application in applications {
            let id = try application.requireID()
            let year = application.fiscalYear
            if visitsPerCompany[year] == nil { visitsPerCompany[year] = try await service.settings(fiscalYear: year).visitsPerCompany }
            items.append(.init(
                applicationId: id.uuidString, organizationId: application.$organization.id.uuidString,
                organizationName: application.organization.name, prefecture: application.prefectureCode, fiscalYear: year,
                contactName: application.contactName, contactPhone: application.contactPhone, message: application.message,
                visitsPerCompany: visitsPerCompany[year] ?? 0, visits: (visitsByApplication[id] ?? []).map(Self.visitDTO)))
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func scheduleVisit(_ input: Operations.ScheduleVisit.Input) async throws -> Operations.ScheduleVisit.Output {
        let (principal, profile, application) = try await assignedCompany(input.path.applicationId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        // ISO 8601 instants in the API; one that cannot be read is refused beside the field,
        // together with the other fields' problems.
        let service = ProgramService(db: db)
        let visit = try await service.schedule(.init(number: .given(body.number), scheduledAt: .parsed(body.scheduledAt, Self.instant),
                                                     mode: .choice(body.mode), place: body.place),
                                               for: application, settings: try await service.settings(fiscalYear: application.fiscalYear),
                                               expert: profile, by: principal, ip: nil)
        return .ok(.init(body: .json(Self.visitDTO(visit))))
    }

    func recordVisit(_ input: Operations.RecordVisit.Input) async throws -> Operations.RecordVisit.Output {
        let (principal, _, application) = try await assignedCompany(input.path.applicationId)
        let visit = try await assignedVisit(input.path.number, of: application)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        var progress: [Int: FieldInput<Int>] = [:]
        for (goal, value) in [(1, body.goal1), (2, body.goal2), (3, body.goal3), (4, body.goal4)] {
            if let value { progress[goal] = .given(value) }
        }
        try await ProgramService(db: db).record(.init(durationMinutes: .given(body.durationMinutes), topics: body.topics, progress: progress,
                                                      nextSteps: body.nextSteps),
                                                for: visit, application: application, by: principal, ip: nil)
        return .ok(.init(body: .json(Self.visitDTO(visit))))
    }

    func uploadVisitAttachment(_ input: Operations.UploadVisitAttachment.Input) async throws -> Operations.UploadVisitAttachment.Output {
        let (principal, _, application) = try await assignedCompany(input.path.applicationId)
        let visit = try await assignedVisit(input.path.number, of: application)
        guard case .binary(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let limit = APIContext.maxUploadBytes
        let tooLarge = MamoriError(status: .payloadTooLarge, code: "payload_too_large", message: L.Program.attachmentTooLarge(limit / 1024 / 1024))
        let data: Data
        do { data = try await Data(collecting: body, upTo: limit) } catch { throw tooLarge }
        let filename = input.query.filename.trimmingCharacters(in: .whitespaces)
        guard !filename.isEmpty else { throw Self.invalid("filename", .required) }
        do {
            let attachment = try await ProgramService(db: db).attach(filename: filename, contentType: "application/octet-stream", data: data,
                                                                     to: visit, application: application, limit: limit, by: principal, ip: nil)
            return .created(.init(body: .json(.init(id: try attachment.requireID().uuidString, sha256: attachment.sha256, size: attachment.size))))
        } catch FileIntake.Refusal.empty {
            throw Self.invalid("body", .required)
        } catch FileIntake.Refusal.tooLarge {
            throw tooLarge
        }
    }

    func createExpertCalendar(_ input: Operations.CreateExpertCalendar.Input) async throws -> Operations.CreateExpertCalendar.Output {
        let (principal, profile) = try await expertOfToken()
        guard let profile else { throw Refusal.notFound }
        let token = try await ProgramService(db: db).renewCalendar(of: profile, by: principal, ip: nil)
        return .created(.init(body: .json(.init(url: Self.absoluteLink(publicURL, SiteURL.calendarFeed(token: token + ".ics").path)))))
    }

    // MARK: The company's policy and plan

    func listExpertPolicyVersions(_ input: Operations.ListExpertPolicyVersions.Input) async throws -> Operations.ListExpertPolicyVersions.Output {
        let (_, _, application) = try await assignedCompany(input.path.applicationId)
        // The expert's policy page's list: every document, discarded drafts left out.
        let versions = try await PolicyVersion.query(on: db)
            .filter(\.$organization.$id == application.$organization.id)
            .filter(\.$status != PolicyStatus.discarded.rawValue)
            .sort(\.$document).sort(\.$number, .descending)
            .limit(500).all()
        return .ok(.init(body: .json(.init(items: versions.map(Self.summary)))))
    }

    func getExpertPolicyVersion(_ input: Operations.GetExpertPolicyVersion.Input) async throws -> Operations.GetExpertPolicyVersion.Output {
        let (_, _, application) = try await assignedCompany(input.path.applicationId)
        let version = try await expertPolicyVersion(input.path.versionId, of: application)
        return .ok(.init(body: .json(try dto(version, slug: try await PolicyService(db: db).slug(of: application.organization)))))
    }

    func addExpertPolicyComment(_ input: Operations.AddExpertPolicyComment.Input) async throws -> Operations.AddExpertPolicyComment.Output {
        let (principal, _, application) = try await assignedCompany(input.path.applicationId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let version = try await expertPolicyVersion(input.path.versionId, of: application)
        let comment = try await PolicyService(db: db).comment(on: version, sectionID: body.sectionId, body: body.body, by: principal, ip: nil)
        return .created(.init(body: .json(Self.dto(comment))))
    }

    func addExpertPlanComment(_ input: Operations.AddExpertPlanComment.Input) async throws -> Operations.AddExpertPlanComment.Output {
        let (principal, _, application) = try await assignedCompany(input.path.applicationId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let comment = try await PlanService(db: db).comment(body.body, on: application.organization, by: principal, ip: nil)
        return .created(.init(body: .json(Self.planCommentDTO(comment))))
    }

    /// A version of the assigned company's policy or rules; discarded drafts are not shown to
    /// the expert (404), as on the expert's policy page.
    private func expertPolicyVersion(_ id: String, of application: ProgramApplication) async throws -> PolicyVersion {
        let version = try await TenantScope.policyVersion(UUID(uuidString: id), in: application.organization, on: db)
        guard version.policyStatus != .discarded else { throw Refusal.notFound }
        return version
    }

    // MARK: DTOs

    static func visitDTO(_ visit: ProgramVisit) -> Components.Schemas.ProgramVisit {
        .init(number: visit.number, scheduledAt: visit.scheduledAt, mode: .init(rawValue: visit.mode.rawValue) ?? .online, place: visit.place,
              done: visit.isDone, durationMinutes: visit.durationMinutes, topics: visit.topics, nextSteps: visit.nextSteps)
    }
}
