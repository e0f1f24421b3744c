import Fluent
import FluentKit
import Foundation
import MamoriCore
import SQLKit
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Program office, setup and migrations")
struct OfficeTests {
    @Test("the one-time setup link creates the first office admin and then stops working")
    func setupLink() async throws {
        try await withMamori { app in
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            let token = try #require(try await SetupService(db: app.db, hasher: hasher).issueSetupTokenIfNeeded())
            let browser = TestBrowser(app)
            #expect(try await browser.get("/setup/\(token)").status == .ok)
            let created = try await browser.post("/setup/\(token)", ["displayName": "事務局", "email": "office@example.jp",
                                                                     "password": Fixtures.password, "passwordConfirmation": Fixtures.password])
            #expect(created.status == .seeOther)
            let dashboard = try await browser.follow(created)
            #expect(dashboard.body.string.contains("事務局ダッシュボード"))
            #expect(try await TestBrowser(app).get("/setup/\(token)").status == .gone)
            #expect(try await SetupService(db: app.db, hasher: hasher).issueSetupTokenIfNeeded() == nil)
            #expect(try await TestBrowser(app).get("/setup/not-a-token").status == .gone)
        }
    }

    @Test("an expired setup link is refused")
    func expiredSetupLink() async throws {
        try await withMamori { app in
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            let token = try #require(try await SetupService(db: app.db, hasher: hasher).issueSetupTokenIfNeeded())
            try await SetupToken.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            #expect(try await TestBrowser(app).get("/setup/\(token)").status == .gone)
        }
    }

    @Test("the office sees counts, organizations and the whole audit log, and invites experts")
    func officePages() async throws {
        try await withMamori { app in
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            _ = try await SetupService(db: app.db, hasher: hasher).createOfficeAdmin(
                .init(displayName: "事務局", email: "office@example.jp", password: Fixtures.password, passwordConfirmation: nil), locale: .ja, actorIP: nil)
            _ = try await Fixtures.signUp(app, name: "札幌商事", email: "a@example.jp")
            let office = try await Fixtures.browser(app, as: "office@example.jp")
            let dashboard = try await office.get("/dashboard")
            #expect(dashboard.body.string.contains("札幌商事"))
            #expect(try await office.get("/office/organizations").body.string.contains("札幌商事"))
            #expect(try await office.get("/office/audit").body.string.contains("組織の登録"))
            let invited = try await office.postAndFollow("/office/experts", ["name": "専門 花子", "registrationNumber": "000123", "prefecture": "01",
                                                                             "region_tohoku": "on", "onSite": "on", "maxCompanies": "5"])
            let link = try #require(Fixtures.invitationLink(in: invited.body.string))
            let expert = TestBrowser(app)
            try await expert.get(link)
            let joined = try await expert.post(link, ["displayName": "専門 花子", "email": "expert@example.jp", "password": Fixtures.password, "passwordConfirmation": Fixtures.password])
            #expect(joined.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "expert@example.jp").first())
            #expect(user.role == .expert)
            #expect(user.$organization.id == nil)
            let profile = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "000123").first())
            #expect(profile.userID == user.id)
            #expect(profile.regionSet == [.hokkaido, .tohoku])
            #expect(try await expert.get("/office/organizations").status == .notFound)
        }
    }

    @Test("migrations revert cleanly and apply again")
    func migrationsRevert() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            try await app.autoRevert()
            let sql = app.db as! any SQLDatabase
            for table in [User.schema, Organization.schema, AuditEntry.schema, UserSession.schema] {
                await #expect(throws: (any Error).self) { try await sql.raw("SELECT COUNT(*) FROM \(ident: table)").run() }
            }
            try await app.autoMigrate()
            #expect(try await User.query(on: app.db).count() == 0)
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
        }
    }
}
