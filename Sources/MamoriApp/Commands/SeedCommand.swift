import Fluent
import Foundation
import MamoriCore
import Vapor

/// `mamori seed --orgs N --users-per-org M`: demo or benchmark data. Users are named
/// `owner@orgK.example.jp` and `memberJ@orgK.example.jp`, all with the password given by
/// `--password` (default `mamori-demo-password`).
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "orgs", help: "Number of organizations (default 10)") var organizations: Int?
        @Option(name: "users-per-org", help: "Users per organization, owner included (default 3)") var usersPerOrganization: Int?
        @Option(name: "password", help: "Password of every seeded user") var password: String?
        @Option(name: "diagnoses", help: "Self-diagnoses per organization, a month apart (default 2)") var diagnoses: Int?
        @Option(name: "incidents", help: "Incidents per organization, each with a timeline of 5 entries (default 1)") var incidents: Int?
        @Option(name: "apply-every", help: "Every Nth organization applies to this year's program (default 25; 0: none)") var applyEvery: Int?
    }

    var help: String { "Fills the database with demo organizations, users and audit entries." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let count = max(1, signature.organizations ?? 10)
        let perOrganization = max(1, signature.usersPerOrganization ?? 3)
        guard case .success(let password) = PasswordPolicy.validate(signature.password ?? "mamori-demo-password") else {
            throw CommandFailure(message: "The password does not meet the password rules (10 characters to 72 bytes).")
        }
        // One hash for everyone: seeding thousands of users should not take minutes of Bcrypt.
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password)
        let existing = try await Organization.query(on: app.db).count()
        let categories = IndustryCategory.allCases
        let diagnoses = max(0, signature.diagnoses ?? 2)
        let incidents = max(0, signature.incidents ?? 1)
        let applyEvery = max(0, signature.applyEvery ?? 25)
        let program = ProgramService(db: app.db)
        let settings = try await program.settings()
        let today = CalendarDate.today()
        if applyEvery > 0, !(settings.opensOn...settings.closesOn).contains(today) {
            // Benchmark data needs an open application period; the seeded year's window is widened to today.
            settings.opensOn = min(settings.opensOn, today)
            settings.closesOn = max(settings.closesOn, today)
            try await settings.save(on: app.db)
        }
        let started = Date()
        // Batches of organizations per transaction: one commit per batch instead of one per row.
        let batch = 100
        for first in stride(from: existing, to: existing + count, by: batch) {
            try await app.db.transaction { db in
                for index in first..<min(first + batch, existing + count) {
                    try await seedOrganization(index, perOrganization: perOrganization, hash: hash, diagnoses: diagnoses, incidents: incidents,
                                               applies: applyEvery > 0 && (index + 1) % applyEvery == 0, settings: settings, on: db)
                }
            }
        }
        context.console.print("Seeded in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        context.console.success("Seeded \(count) organizations with \(perOrganization) users each (password: \(signature.password == nil ? "mamori-demo-password" : "as given")).")
    }

    /// One organization with its people and history, written through the same services as the
    /// pages (so hashes, scores and audit entries are what real use produces).
    private func seedOrganization(_ index: Int, perOrganization: Int, hash: String, diagnoses: Int, incidents: Int, applies: Bool,
                                  settings: ProgramSettings, on db: any Database) async throws {
        let number = index + 1
        let prefecture = Prefecture.all[index % Prefecture.all.count]
        let organization = Organization(profile: OrganizationProfile(
            name: "デモ株式会社 \(number)", prefecture: prefecture, category: IndustryCategory.allCases[index % 8],
            employees: 5 + (index * 7) % 200, capitalYen: index % 3 == 0 ? nil : Int64(10_000_000 * (1 + index % 20))))
        try await organization.create(on: db)
        var owner: User?
        for userIndex in 0..<perOrganization {
            let role: Role = userIndex == 0 ? .owner : .member
            let email = role == .owner ? "owner@org\(number).example.jp" : "member\(userIndex)@org\(number).example.jp"
            let user = User(email: email, passwordHash: hash, displayName: role == .owner ? "経営者 \(number)" : "担当者 \(number)-\(userIndex)",
                            role: role, organizationID: organization.id, locale: .ja)
            try await user.create(on: db)
            try await AuditLog.record(.accountCreated, by: .user(user, ip: nil), target: ("user", user.id), summary: "seed", on: db)
            if role == .owner { owner = user }
        }
        guard let owner else { return }
        let principal = Principal(user: owner, organization: organization, token: nil)
        let answerCycle = DiagnosisAnswer.allCases
        for step in 0..<diagnoses {
            // Answers improve from one diagnosis to the next, as they do when measures are taken.
            var answers: [Int: DiagnosisAnswer] = [:]
            for item in 1...25 { answers[item] = answerCycle[max(0, (item + index) % 4 - step) % 4] }
            let date = Day(Date()).adding(days: -30 * (diagnoses - step))
            _ = try await DiagnosisService(db: db).save(DiagnosisAnswers(answers: answers)!, input: .init(respondentName: owner.displayName, siteLabel: "本社",
                                                                                                          diagnosedOn: date.description),
                                                        in: organization, by: principal, ip: nil)
        }
        let kinds = IncidentKind.allCases
        for incidentIndex in 0..<incidents {
            let service = IncidentService(db: db)
            let incident = try await service.open(.init(kind: .given(kinds[(index + incidentIndex) % kinds.count]), title: "デモのインシデント \(number)-\(incidentIndex + 1)",
                                                        detectedAt: .given(Date().addingTimeInterval(-Double(86_400 * (1 + (index + incidentIndex) % 20)))), severity: .given(.medium)),
                                                  in: organization, by: principal, ip: nil)
            for note in ["経営者に報告した", "ネットワークから切り離した", "ログを保全した", "取引先に連絡した"] {
                _ = try await service.append(to: incident, type: "note", text: note, author: owner.displayName)
            }
        }
        if applies {
            // The program requires a SECURITY ACTION declaration: an applicant has declared one star.
            try await SecurityActionDeclaration(organizationID: organization.requireID(), stars: 1, declarationID: "SEED-\(number)",
                                                declaredOn: CalendarDate.today(), createdByID: owner.requireID()).create(on: db)
            // An organization the rules exclude (size, capital) is simply not an applicant.
            do {
                _ = try await ProgramService(db: db).apply(organization, settings: settings, input: .init(
                legalForm: .given(.corporation), hasSecurityPolicy: .given(false), participatedPreviousYear: .given(false), contactName: owner.displayName,
                contactPhone: "03-0000-\(String(format: "%04d", number % 10_000))", message: "", agreed: true, termsVersion: settings.termsVersion),
                by: principal, ip: nil)
            } catch is ProgramService.ApplyRefusal {}
        }
    }
}
