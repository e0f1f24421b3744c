import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The program office's operations: settings and terms, reviewing applications, assigning
/// experts, registering experts and revoking their links. Program-office tokens only (any other
/// token gets 403, see `requireOffice`). Each calls the same `ProgramService` function as the
/// office's page, so both refuse the same things in the same words.
///
/// Office accounts belong to no organization; their tokens are made with
/// `mamori create-token --email <office address>` and act as that account.
extension MamoriAPI {
    /// The principal behind a program-office token; any other token is refused (403).
    func requireOffice() throws -> Principal {
        let principal = try APIContext.requirePrincipal()
        guard principal.isOfficeAdmin else { throw Refusal.notAllowed(L.Program.officeTokenNeeded) }
        return principal
    }

    // MARK: Settings and terms

    func getProgramSettings(_ input: Operations.GetProgramSettings.Input) async throws -> Operations.GetProgramSettings.Output {
        _ = try requireOffice()
        let settings = try await ProgramService(db: db).settings()
        return .ok(.init(body: .json(Self.settingsDTO(settings))))
    }

    func updateProgramSettings(_ input: Operations.UpdateProgramSettings.Input) async throws -> Operations.UpdateProgramSettings.Output {
        let principal = try requireOffice()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        try await service.update(settings, with: .init(
            capacity: .given(body.capacity), visitsPerCompany: .given(body.visitsPerCompany), hoursPerVisit: .given(body.hoursPerVisit),
            opensOn: .calendarDate(body.opensOn), closesOn: .calendarDate(body.closesOn), termsTextJa: body.termsTextJa, termsTextEn: body.termsTextEn,
            preferOutsideMetro: body.preferOutsideMetro ?? settings.preferOutsideMetro), by: principal, ip: nil)
        return .ok(.init(body: .json(Self.settingsDTO(settings))))
    }

    // MARK: Applications

    func listProgramApplications(_ input: Operations.ListProgramApplications.Input) async throws -> Operations.ListProgramApplications.Output {
        _ = try requireOffice()
        let page = try Self.pageRequest(input.query.page, input.query.per)
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        let status = input.query.status.flatMap { ApplicationStatus(rawValue: $0.rawValue) }
        let (items, total) = try await service.applications(of: settings, status: status, page: page.page, per: page.per)
        var dtos: [Components.Schemas.OfficeApplication] = []
        for application in items { dtos.append(try await officeDTO(application)) }
        return .ok(.init(body: .json(.init(items: dtos, metadata: .init(page: page.page, per: page.per, total: total)))))
    }

    func getOfficeApplication(_ input: Operations.GetOfficeApplication.Input) async throws -> Operations.GetOfficeApplication.Output {
        _ = try requireOffice()
        let application = try await ProgramService(db: db).application(id: UUID(uuidString: input.path.applicationId))
        return .ok(.init(body: .json(try await officeDTO(application))))
    }

    func decideProgramApplication(_ input: Operations.DecideProgramApplication.Input) async throws -> Operations.DecideProgramApplication.Output {
        let principal = try requireOffice()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = ProgramService(db: db)
        let application = try await service.application(id: UUID(uuidString: input.path.applicationId))
        let settings = try await service.settings(fiscalYear: application.fiscalYear)
        guard let decision = ProgramService.Decision(rawValue: body.decision.rawValue) else { throw Refusal.invalid("decision", .unknownChoice) }
        try await service.decide(application, decision, reason: body.reason, settings: settings, by: principal, ip: nil)
        return .ok(.init(body: .json(try await officeDTO(application))))
    }

    func assignProgramExpert(_ input: Operations.AssignProgramExpert.Input) async throws -> Operations.AssignProgramExpert.Output {
        let principal = try requireOffice()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = ProgramService(db: db)
        let application = try await service.application(id: UUID(uuidString: input.path.applicationId))
        guard let expertID = UUID(uuidString: body.expertId), let expert = try await ExpertProfile.find(expertID, on: db) else {
            throw MamoriError.notFound()
        }
        try await service.assign(expert, to: application, by: principal, ip: nil)
        return .ok(.init(body: .json(try await officeDTO(application))))
    }

    // MARK: Experts

    func listProgramExperts(_ input: Operations.ListProgramExperts.Input) async throws -> Operations.ListProgramExperts.Output {
        _ = try requireOffice()
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        let loads = try await service.loads(fiscalYear: settings.fiscalYear)
        let experts = try await service.experts()
        let invitations = try await service.openExpertInvitations()
        return .ok(.init(body: .json(.init(items: experts.map { Self.expertDTO($0, load: loads[$0.id!] ?? 0) },
                                           openInvitations: invitations.map(Self.invitationDTO)))))
    }

    func registerProgramExpert(_ input: Operations.RegisterProgramExpert.Input) async throws -> Operations.RegisterProgramExpert.Output {
        let principal = try requireOffice()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let registered = try await ProgramService(db: db).registerExpert(.init(
            name: body.name, registrationNumber: body.registrationNumber, prefecture: .parsed(body.prefecture, Prefecture.parse),
            regions: .choices(body.regions ?? []), onSite: body.onSite, online: body.online, maxCompanies: .given(body.maxCompanies)),
            by: principal, ip: nil)
        let (profile, invitation) = (registered.profile, registered.invitation)
        let url = Self.absoluteLink(publicURL, SiteURL.invite(token: registered.token).path)
        return .created(.init(body: .json(.init(expert: Self.expertDTO(profile, load: 0), invitation: Self.invitationDTO(invitation), invitationUrl: url))))
    }

    func revokeExpertInvitation(_ input: Operations.RevokeExpertInvitation.Input) async throws -> Operations.RevokeExpertInvitation.Output {
        let principal = try requireOffice()
        try await ProgramService(db: db).revokeExpertInvitation(UUID(uuidString: input.path.invitationId), by: principal, ip: nil)
        return .noContent(.init())
    }

    // MARK: DTOs

    static func settingsDTO(_ settings: ProgramSettings) -> Components.Schemas.ProgramSettings {
        .init(fiscalYear: settings.fiscalYear, capacity: settings.capacity, acceptedCount: settings.acceptedCount,
              visitsPerCompany: settings.visitsPerCompany, hoursPerVisit: settings.hoursPerVisit, opensOn: settings.opensOn,
              closesOn: settings.closesOn, preferOutsideMetro: settings.preferOutsideMetro,
              terms: termsDTO(fiscalYear: settings.fiscalYear, version: settings.termsVersion, ja: settings.termsTextJa, en: settings.termsTextEn))
    }

    /// An application as the office reviews it. The expert's name comes from the loaded expert
    /// when it is still the assigned one (a list), else from one lookup (right after assigning).
    func officeDTO(_ application: ProgramApplication) async throws -> Components.Schemas.OfficeApplication {
        var expertName: String?
        if let expertID = application.$expert.id {
            if let loaded = application.$expert.value, let expert = loaded, expert.id == expertID {
                expertName = expert.name
            } else {
                expertName = try await ExpertProfile.find(expertID, on: db)?.name
            }
        }
        let organizationName: String
        if let organization = application.$organization.value {
            organizationName = organization.name
        } else {
            organizationName = try await Organization.find(application.$organization.id, on: db)?.name ?? ""
        }
        return .init(
            id: try application.requireID().uuidString, organizationId: application.$organization.id.uuidString, organizationName: organizationName,
            prefecture: application.prefectureCode, outsideMetropolitanAreas: application.prefecture.map { !$0.isMetropolitan },
            status: .init(rawValue: application.status.rawValue)!, submittedAt: application.submittedAt, eligible: application.eligible,
            smeBasis: application.smeBasis, termsVersion: application.termsVersion, contactName: application.contactName,
            contactPhone: application.contactPhone, message: application.message, decidedAt: application.decidedAt,
            decisionReason: application.decisionReason, expertId: application.$expert.id?.uuidString, expertName: expertName,
            assignedAt: application.assignedAt)
    }

    static func expertDTO(_ expert: ExpertProfile, load: Int) -> Components.Schemas.ProgramExpert {
        .init(id: expert.id!.uuidString, name: expert.name, registrationNumber: expert.registrationNumber, prefecture: expert.prefectureCode,
              regions: expert.regionSet.map(\.rawValue).sorted(), onSite: expert.onSite, online: expert.online,
              maxCompanies: expert.maxCompanies, assignedCompanies: load, hasAccount: expert.userID != nil)
    }

    static func invitationDTO(_ invitation: Invitation) -> Components.Schemas.ExpertInvitation {
        .init(id: invitation.id!.uuidString, note: invitation.note, expiresAt: invitation.expiresAt)
    }

    /// A path made absolute with the address people use (`MAMORI_PUBLIC_URL`).
    static func absoluteLink(_ base: String, _ path: String) -> String {
        base.hasSuffix("/") ? String(base.dropLast()) + path : base + path
    }
}
