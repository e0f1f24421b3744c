import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Members, invitations and tenancy")
struct MembershipTests {
    @Test("an owner invites a member, who joins with the link and sees the audit entries")
    func inviteAndJoin() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            #expect(member.user.role == .member)
            #expect(member.user.$organization.id == owner.organizationID)

            let browser = try await Fixtures.browser(app, as: "member@example.jp")
            let audit = try await browser.get("/orgs/\(owner.organizationID!.uuidString)/audit")
            #expect(audit.status == .ok)
            #expect(audit.body.string.contains("招待の作成"))
            #expect(audit.body.string.contains("招待の受諾"))
        }
    }

    @Test("an invitation link works once: a second use is refused")
    func singleUse() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let page = try await ownerBrowser.postAndFollow("/orgs/\(owner.organizationID!.uuidString)/invitations", ["note": ""])
            let link = try #require(Fixtures.invitationLink(in: page.body.string))
            // Shown once: reloading the page neither shows the link again nor creates another invitation.
            let reload = try await ownerBrowser.get("/orgs/\(owner.organizationID!.uuidString)/members")
            #expect(Fixtures.invitationLink(in: reload.body.string) == nil)
            #expect(try await Invitation.query(on: app.db).count() == 1)
            let first = TestBrowser(app)
            try await first.get(link)
            #expect(try await first.post(link, ["displayName": "A", "email": "a@example.jp", "password": Fixtures.password, "passwordConfirmation": Fixtures.password]).status == .seeOther)
            let second = TestBrowser(app)
            #expect(try await second.get(link).status == .gone)
            try await second.get("/login")
            let reuse = try await second.post(link, ["displayName": "B", "email": "b@example.jp", "password": Fixtures.password, "passwordConfirmation": Fixtures.password])
            #expect(reuse.status == .gone)
            #expect(try await User.query(on: app.db).filter(\.$email == "b@example.jp").count() == 0)
        }
    }

    @Test("an invitation link cannot be used after it expires or is revoked")
    func expiredOrRevoked() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            let link = try #require(Fixtures.invitationLink(in: try await ownerBrowser.postAndFollow("\(orgPath)/invitations", [:]).body.string))
            try await Invitation.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            #expect(try await TestBrowser(app).get(link).status == .gone)

            let second = try #require(Fixtures.invitationLink(in: try await ownerBrowser.postAndFollow("\(orgPath)/invitations", [:]).body.string))
            let open = try #require(try await Invitation.query(on: app.db).filter(\.$expiresAt > Date()).first())
            try await ownerBrowser.get("\(orgPath)/members")
            #expect(try await ownerBrowser.post("\(orgPath)/invitations/\(open.id!.uuidString)/revoke", [:]).status == .seeOther)
            #expect(try await TestBrowser(app).get(second).status == .gone)
        }
    }

    @Test("a member of organization B asking for organization A's members or audit log gets 404")
    func tenancyWeb() async throws {
        try await withMamori { app in
            let a = try await Fixtures.signUp(app, name: "A社", email: "a@example.jp")
            _ = try await Fixtures.signUp(app, name: "B社", email: "b@example.jp")
            let b = try await Fixtures.browser(app, as: "b@example.jp")
            let orgA = a.organizationID!.uuidString
            for path in ["/orgs/\(orgA)/members", "/orgs/\(orgA)/audit", "/orgs/\(orgA)/tokens"] {
                let response = try await b.get(path)
                #expect(response.status == .notFound, "\(path) answered \(response.status)")
                #expect(!response.body.string.contains("A社"))
            }
            try await b.get("/dashboard")
            let invite = try await b.post("/orgs/\(orgA)/invitations", ["note": "x"])
            #expect(invite.status == .notFound)
            let remove = try await b.post("/orgs/\(orgA)/members/\(a.user.id!.uuidString)/remove", [:])
            #expect(remove.status == .notFound)
            #expect(try await Invitation.query(on: app.db).count() == 0)
            #expect(try await User.find(a.user.id, on: app.db)?.isActive == true)
        }
    }

    @Test("a member can see the team but not manage it or the API tokens")
    func memberPermissions() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            _ = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let member = try await Fixtures.browser(app, as: "member@example.jp")
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            let members = try await member.get("\(orgPath)/members")
            #expect(members.status == .ok)
            #expect(!members.body.string.contains("招待リンクを作成"))
            #expect(try await member.get("\(orgPath)/tokens").status == .notFound)
            #expect(try await member.post("\(orgPath)/invitations", [:]).status == .notFound)
            #expect(try await member.get("/office/organizations").status == .notFound)
        }
    }

    @Test("removing a member ends their sessions and tokens; the owner cannot remove themself")
    func removeMember() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let added = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let memberBrowser = try await Fixtures.browser(app, as: "member@example.jp")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            try await ownerBrowser.get("\(orgPath)/members")
            let selfRemoval = try await ownerBrowser.post("\(orgPath)/members/\(owner.user.id!.uuidString)/remove", [:])
            #expect(selfRemoval.status == .conflict)
            #expect(try await ownerBrowser.post("\(orgPath)/members/\(added.user.id!.uuidString)/remove", [:]).status == .seeOther)
            #expect(try await memberBrowser.get("/dashboard").status == .seeOther)
            let login = TestBrowser(app)
            try await login.get("/login")
            #expect(try await login.post("/login", ["email": "member@example.jp", "password": Fixtures.password]).status == .unauthorized)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "member.removed").count() == 1)
        }
    }

    @Test("ownership can be handed to a member; the previous owner becomes a member")
    func transferOwnership() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let added = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            try await ownerBrowser.get("\(orgPath)/members")
            #expect(try await ownerBrowser.post("\(orgPath)/members/\(added.user.id!.uuidString)/make-owner", [:]).status == .seeOther)
            #expect(try await User.find(added.user.id, on: app.db)?.role == .owner)
            #expect(try await User.find(owner.user.id, on: app.db)?.role == .member)
            #expect(try await ownerBrowser.get("\(orgPath)/tokens").status == .notFound)
        }
    }

    @Test("the audit log filters by person and action and paginates")
    func auditFilters() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            try await browser.get("\(orgPath)/members")
            for _ in 0..<3 { try await browser.post("\(orgPath)/invitations", ["note": "n"]) }
            let filtered = try await browser.get("\(orgPath)/audit?action=invitation.created&user=\(owner.user.id!.uuidString)")
            #expect(filtered.body.string.components(separatedBy: "招待の作成</td>").count - 1 == 3)
            #expect(!filtered.body.string.contains("組織の登録</td>"))
            let page = try await AuditLog.page(organizationID: owner.organizationID, filter: .init(), page: .init(page: 2, per: 2), on: app.db)
            #expect(page.metadata.total >= 5)
            #expect(page.items.count == 2)
            #expect(try await browser.get("\(orgPath)/audit?page=-5&user=garbage&action=%3Cscript%3E").status == .ok)
        }
    }
}
