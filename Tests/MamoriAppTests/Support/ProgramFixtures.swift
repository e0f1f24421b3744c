import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// People and settings of the guidance program, created through the same pages as in use;
/// shared by the program's suites.
enum ProgramFixtures {
    /// The office admin, signed in.
    static func office(_ app: Application) async throws -> TestBrowser {
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        _ = try await SetupService(db: app.db, hasher: hasher).createOfficeAdmin(
            .init(displayName: "事務局", email: "office@example.jp", password: Fixtures.password, passwordConfirmation: nil), locale: .ja, actorIP: nil)
        return try await Fixtures.browser(app, as: "office@example.jp")
    }

    /// Registers an expert through the office page and creates the expert's account from the link.
    static func expert(_ app: Application, office: TestBrowser, name: String, number: String, prefecture: String, email: String) async throws -> TestBrowser {
        try await office.get("/office/experts")
        let page = try await office.postAndFollow("/office/experts", ["name": name, "registrationNumber": number, "prefecture": prefecture,
                                                                      "onSite": "on", "online": "on", "maxCompanies": "5"])
        let link = try #require(Fixtures.invitationLink(in: page.body.string))
        let invitee = TestBrowser(app)
        try await invitee.get(link)
        let joined = try await invitee.post(link, ["displayName": name, "email": email, "password": Fixtures.password, "passwordConfirmation": Fixtures.password])
        #expect(joined.status == .seeOther)
        return try await Fixtures.browser(app, as: email)
    }

    /// An organization with a one-star declaration (so it is eligible), signed in as its owner.
    static func company(_ app: Application, name: String, email: String) async throws -> (Fixtures.Account, TestBrowser) {
        let account = try await Fixtures.signUp(app, name: name, email: email)
        try await SecurityActionDeclaration(organizationID: account.organizationID!, stars: 1, declarationID: "1", declaredOn: "2026-04-01",
                                            createdByID: account.user.id!).create(on: app.db)
        return (account, try await Fixtures.browser(app, as: email))
    }

    /// Applications open all year, with the given capacity and places already taken.
    static func openApplications(_ app: Application, capacity: Int = 400, accepted: Int = 0) async throws {
        let settings = try await ProgramService(db: app.db).settings()
        settings.opensOn = "2000-01-01"
        settings.closesOn = "2999-12-31"
        settings.capacity = capacity
        settings.acceptedCount = accepted
        try await settings.save(on: app.db)
    }
}
