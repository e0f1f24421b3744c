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
        for index in existing..<(existing + count) {
            let number = index + 1
            try await app.db.transaction { db in
                let prefecture = Prefecture.all[index % Prefecture.all.count]
                let organization = Organization(profile: OrganizationProfile(
                    name: "デモ株式会社 \(number)", prefecture: prefecture, category: categories[index % 8],
                    employees: 5 + (index * 7) % 200, capitalYen: index % 3 == 0 ? nil : Int64(10_000_000 * (1 + index % 20))))
                try await organization.create(on: db)
                for userIndex in 0..<perOrganization {
                    let role: Role = userIndex == 0 ? .owner : .member
                    let email = role == .owner ? "owner@org\(number).example.jp" : "member\(userIndex)@org\(number).example.jp"
                    let user = User(email: email, passwordHash: hash, displayName: role == .owner ? "経営者 \(number)" : "担当者 \(number)-\(userIndex)",
                                    role: role, organizationID: organization.id, locale: .ja)
                    try await user.create(on: db)
                    try await AuditLog.record(.accountCreated, by: .user(user, ip: nil), target: ("user", user.id), summary: "seed", on: db)
                }
            }
        }
        context.console.success("Seeded \(count) organizations with \(perOrganization) users each (password: \(signature.password == nil ? "mamori-demo-password" : "as given")).")
    }
}
