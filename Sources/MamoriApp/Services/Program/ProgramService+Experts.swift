import Fluent
import Foundation
import MamoriCore
import Vapor

// MARK: Experts

extension ProgramService {
    /// An expert as the office registers them, typed; each face reads its own format into it.
    struct ExpertInput {
        var name: String?
        var registrationNumber: String?
        var prefecture: FieldInput<Prefecture>
        /// Regions covered besides the home prefecture's own (none is fine).
        var regions: FieldInput<[Prefecture.Region]>
        var onSite: Bool
        var online: Bool
        var maxCompanies: FieldInput<Int>
    }

    /// What registering an expert produced: the profile, and the invitation whose single-use
    /// link (`token`) is shown once.
    struct RegisteredExpert {
        var profile: ExpertProfile
        var invitation: Invitation
        var token: String
    }

    /// Registers an expert and returns a single-use link for the expert's own account. Issuing
    /// the invitation hashes no password, so callers without a request's hasher (the API) may
    /// leave it out.
    func registerExpert(_ input: ExpertInput, by actor: Principal, ip: String?, hasher: AsyncPasswordHasher? = nil) async throws -> RegisteredExpert {
        try actor.requireOffice()
        var problems = FieldProblems()
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(name, "name", maximum: TextLimit.name, required: true, into: &problems)
        let number = (input.registrationNumber ?? "").precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        TextLimit.check(number, "registrationNumber", maximum: TextLimit.number, required: true, into: &problems)
        if problems["registrationNumber"] == nil, try await ExpertProfile.query(on: db).filter(\.$registrationNumber == number).first() != nil { problems.add("registrationNumber", .alreadyRegistered) }
        let prefecture = input.prefecture.read("prefecture", unreadable: .unknownChoice, into: &problems)
        let regions = input.regions.read("regions", required: false, unreadable: .unknownChoice, into: &problems) ?? []
        if !input.onSite && !input.online { problems.add("modes", .required) }
        let maximum = input.maxCompanies.count("maxCompanies", in: 1...400, into: &problems)
        guard problems.isEmpty, let prefecture, let maximum else { throw Refusal.invalid(problems) }

        let profile = ExpertProfile()
        profile.name = name
        profile.registrationNumber = number
        profile.prefectureCode = prefecture.code
        profile.regions = Set(regions + [prefecture.region]).map(\.rawValue).sorted().joined(separator: ",")
        profile.onSite = input.onSite
        profile.online = input.online
        profile.maxCompanies = maximum
        return try await db.transaction { db in
            try await profile.create(on: db)
            let (invitation, token) = try await MembershipService(db: db, hasher: hasher ?? Self.invitationHasher)
                .invite(role: .expert, to: nil, note: "\(name) (\(number))", by: actor, ip: ip)
            invitation.expertProfileID = profile.id
            try await invitation.save(on: db)
            try await AuditLog.record(.expertRegistered, by: .principal(actor, ip: ip), target: ("expert_profile", profile.id),
                                      summary: L.Audit.expertRegistered(name: name, number: number, prefecture: prefecture), on: db)
            return RegisteredExpert(profile: profile, invitation: invitation, token: token)
        }
    }

    /// The registered experts, by name.
    func experts() async throws -> [ExpertProfile] {
        try await ExpertProfile.query(on: db).sort(\.$name).limit(2000).all()
    }

    /// One registered expert (404 for an unknown id).
    func expert(id: UUID?) async throws -> ExpertProfile {
        guard let id, let expert = try await ExpertProfile.find(id, on: db) else { throw Refusal.notFound }
        return expert
    }

    /// The expert an invitation was issued for, if it names one (to start the form from the name).
    func expert(invitedBy invitation: Invitation) async throws -> ExpertProfile? {
        guard invitation.role == .expert, let id = invitation.expertProfileID else { return nil }
        return try await ExpertProfile.find(id, on: db)
    }

    /// Experts' invitations that can still be used, newest first.
    func openExpertInvitations() async throws -> [Invitation] {
        try await Invitation.query(on: db).filter(\.$role == .expert)
            .filter(\.$usedAt == nil).filter(\.$revokedAt == nil).filter(\.$expiresAt > Date())
            .sort(\.$createdAt, .descending).limit(100).all()
    }

    /// Revokes an expert's invitation (404 for any other invitation); a used or revoked one stays as it is.
    func revokeExpertInvitation(_ id: UUID?, by actor: Principal, ip: String?) async throws {
        try actor.requireOffice()
        guard let id, let invitation = try await Invitation.query(on: db).filter(\.$id == id).filter(\.$role == .expert).first()
        else { throw Refusal.notFound }
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
        try actor.requireOffice()
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

    /// The companies assigned to the expert (accepted applications, with their organizations),
    /// in the order they were assigned: the expert's companies page.
    func assignedCompanies(of expert: ExpertProfile) async throws -> [ProgramApplication] {
        try await ProgramApplication.query(on: db)
            .filter(\.$expert.$id == expert.requireID()).filter(\.$status == .accepted)
            .with(\.$organization).sort(\.$assignedAt).limit(500).all()
    }
}

/// See `ProgramService.invitationHasher`.
private struct NoPasswordHashing: PasswordHasher {
    func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
        throw Abort(.internalServerError, reason: "Issuing an invitation hashes no password.")
    }

    func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool { false }
}
