import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Password reset for a forgotten password")
struct PasswordResetTests {
    static let newPassword = "a-brand-new-passphrase"

    /// The owner issues a link for a member from the members page; returns the link's path.
    private func issueLink(_ ownerBrowser: TestBrowser, organization: UUID, member: UUID) async throws -> String {
        let orgPath = "/orgs/\(organization.uuidString)"
        try await ownerBrowser.get("\(orgPath)/members")
        let page = try await ownerBrowser.postAndFollow("\(orgPath)/members/\(member.uuidString)/password-reset", [:])
        #expect(page.status == .ok)
        return try #require(Fixtures.invitationLink(in: page.body.string))
    }

    private func canLogIn(_ app: Application, email: String, password: String) async throws -> Bool {
        let browser = TestBrowser(app)
        try await browser.get("/login")
        return try await browser.post("/login", ["email": email, "password": password]).status == .seeOther
    }

    private func officeBrowser(_ app: Application) async throws -> TestBrowser {
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        _ = try await SetupService(db: app.db, hasher: hasher).createOfficeAdmin(
            .init(displayName: "事務局", email: "reset-office@example.jp", password: Fixtures.password, passwordConfirmation: nil), locale: .ja, actorIP: nil)
        return try await Fixtures.browser(app, as: "reset-office@example.jp")
    }

    @Test("an owner issues a link for a member, who sets a new password and logs in with it, no longer with the old one")
    func ownerIssuesMemberResets() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            #expect(try await ownerBrowser.get("\(orgPath)/members").body.string.contains("パスワード再設定リンクを発行"))

            let link = try await issueLink(ownerBrowser, organization: owner.organizationID!, member: member.user.id!)
            #expect(link.hasPrefix("/password-reset/"))
            // Shown once: reloading the page neither shows the link again nor issues another.
            let reload = try await ownerBrowser.get("\(orgPath)/members/\(member.user.id!.uuidString)/password-reset")
            #expect(Fixtures.invitationLink(in: reload.body.string) == nil)
            #expect(try await PasswordReset.query(on: app.db).count() == 1)
            // Only the hash is stored.
            let stored = try #require(try await PasswordReset.query(on: app.db).first())
            #expect(!link.contains(stored.tokenHash))

            let person = TestBrowser(app)
            let form = try await person.get(link)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("member@example.jp"))
            // The sign-up rules apply: too short, and a confirmation that differs, are refused.
            let short = try await person.post(link, ["password": "short", "passwordConfirmation": "short"])
            #expect(short.status == .unprocessableEntity)
            let mismatch = try await person.post(link, ["password": Self.newPassword, "passwordConfirmation": "something-else-entirely"])
            #expect(mismatch.status == .unprocessableEntity)

            let done = try await person.post(link, ["password": Self.newPassword, "passwordConfirmation": Self.newPassword])
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == "/login")
            let login = try await person.follow(done)
            #expect(login.body.string.contains("新しいパスワードを設定しました"))

            #expect(try await canLogIn(app, email: member.email, password: Self.newPassword))
            #expect(try await !canLogIn(app, email: member.email, password: Fixtures.password))
        }
    }

    @Test("a link works once: a second use is refused and the first password stays")
    func singleUse() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let link = try await issueLink(ownerBrowser, organization: owner.organizationID!, member: member.user.id!)
            // A signed-in browser is sent to Settings instead, and the link stays unused.
            #expect(try await ownerBrowser.get(link).status == .conflict)

            let first = TestBrowser(app)
            try await first.get(link)
            #expect(try await first.post(link, ["password": Self.newPassword, "passwordConfirmation": Self.newPassword]).status == .seeOther)

            let second = TestBrowser(app)
            let again = try await second.get(link)
            #expect(again.status == .gone)
            #expect(again.body.string.contains("新しいリンクの発行を依頼してください"))
            try await second.get("/login")
            let reuse = try await second.post(link, ["password": "another-passphrase-99", "passwordConfirmation": "another-passphrase-99"])
            #expect(reuse.status == .gone)
            #expect(try await canLogIn(app, email: member.email, password: Self.newPassword))
            #expect(try await !canLogIn(app, email: member.email, password: "another-passphrase-99"))
        }
    }

    @Test("an expired link, an unknown one and one replaced by a newer link are refused calmly")
    func expiredUnknownReplaced() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)

            let expired = try await issueLink(ownerBrowser, organization: owner.organizationID!, member: member.user.id!)
            try await PasswordReset.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            let visitor = TestBrowser(app)
            #expect(try await visitor.get(expired).status == .gone)
            try await visitor.get("/login")
            #expect(try await visitor.post(expired, ["password": Self.newPassword, "passwordConfirmation": Self.newPassword]).status == .gone)
            #expect(try await TestBrowser(app).get("/password-reset/not-a-token").status == .gone)
            #expect(try await TestBrowser(app).get("/password-reset/" + String(repeating: "x", count: 500)).status == .gone)

            // Issuing again makes the earlier open link stop working.
            let earlier = try await issueLink(ownerBrowser, organization: owner.organizationID!, member: member.user.id!)
            let later = try await issueLink(ownerBrowser, organization: owner.organizationID!, member: member.user.id!)
            #expect(try await TestBrowser(app).get(earlier).status == .gone)
            #expect(try await TestBrowser(app).get(later).status == .ok)
            #expect(try await canLogIn(app, email: member.email, password: Fixtures.password))
        }
    }

    @Test("another organization's owner gets 404 issuing for this member, whichever organization the address names")
    func otherOrganization() async throws {
        try await withMamori { app in
            let a = try await Fixtures.signUp(app, name: "A社", email: "a@example.jp")
            let member = try await Fixtures.addMember(app, to: a, email: "member-a@example.jp")
            let b = try await Fixtures.signUp(app, name: "B社", email: "b@example.jp")
            let other = try await Fixtures.browser(app, as: b.email)
            let memberID = member.user.id!.uuidString
            try await other.get("/dashboard")
            for orgID in [a.organizationID!, b.organizationID!] {
                let path = "/orgs/\(orgID.uuidString)/members/\(memberID)/password-reset"
                #expect(try await other.get(path).status == .notFound, "GET \(path)")
                #expect(try await other.post(path, [:]).status == .notFound, "POST \(path)")
            }
            #expect(try await PasswordReset.query(on: app.db).count() == 0)
        }
    }

    @Test("a member who is not the owner cannot issue links, for the owner or another member")
    func memberCannotIssue() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            _ = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let colleague = try await Fixtures.addMember(app, to: owner, email: "colleague@example.jp")
            let memberBrowser = try await Fixtures.browser(app, as: "member@example.jp")
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            let members = try await memberBrowser.get("\(orgPath)/members")
            #expect(members.status == .ok)
            #expect(!members.body.string.contains("パスワード再設定リンクを発行"))
            for target in [owner.user.id!, colleague.user.id!] {
                let path = "\(orgPath)/members/\(target.uuidString)/password-reset"
                #expect(try await memberBrowser.get(path).status == .notFound)
                #expect(try await memberBrowser.post(path, [:]).status == .notFound)
            }
            #expect(try await memberBrowser.get("/office/accounts").status == .notFound)
            #expect(try await PasswordReset.query(on: app.db).count() == 0)
        }
    }

    @Test("a reset ends every session of the person and the audit log has the issue and the use")
    func sessionsEndAndAudit() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let memberBrowser = try await Fixtures.browser(app, as: member.email)
            #expect(try await memberBrowser.get("/dashboard").status == .ok)
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let link = try await issueLink(ownerBrowser, organization: owner.organizationID!, member: member.user.id!)

            let person = TestBrowser(app)
            try await person.get(link)
            #expect(try await person.post(link, ["password": Self.newPassword, "passwordConfirmation": Self.newPassword]).status == .seeOther)
            #expect(try await UserSession.query(on: app.db).filter(\.$userID == member.user.id).count() == 0)
            #expect(try await memberBrowser.get("/dashboard").status == .seeOther)
            // The owner's own session goes on.
            #expect(try await ownerBrowser.get("/dashboard").status == .ok)

            let issued = try await AuditEntry.query(on: app.db).filter(\.$action == "password_reset.issued").all()
            let used = try await AuditEntry.query(on: app.db).filter(\.$action == "password_reset.used").all()
            #expect(issued.count == 1)
            #expect(used.count == 1)
            #expect(issued.first?.actorID == owner.user.id)
            #expect(used.first?.actorID == member.user.id)
            #expect(issued.first?.organizationID == owner.organizationID)
            #expect(used.first?.organizationID == owner.organizationID)
            let audit = try await ownerBrowser.get("/orgs/\(owner.organizationID!.uuidString)/audit")
            #expect(audit.body.string.contains("パスワード再設定リンクの発行</td>"))
            #expect(audit.body.string.contains("パスワードの再設定</td>"))
        }
    }

    @Test("a successful reset lifts the login pause the person ran into")
    func throttleCleared() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let guesser = TestBrowser(app)
            try await guesser.get("/login")
            for _ in 1...5 { try await guesser.post("/login", ["email": member.email, "password": "wrong-password-1"]) }
            #expect(try await guesser.post("/login", ["email": member.email, "password": Fixtures.password]).status == .tooManyRequests)

            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            let link = try await issueLink(ownerBrowser, organization: owner.organizationID!, member: member.user.id!)
            let person = TestBrowser(app)
            try await person.get(link)
            #expect(try await person.post(link, ["password": Self.newPassword, "passwordConfirmation": Self.newPassword]).status == .seeOther)
            #expect(try await canLogIn(app, email: member.email, password: Self.newPassword))
        }
    }

    @Test("the program office issues links for an expert and for an organization's owner")
    func officeIssues() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "札幌商事", email: "owner@example.jp")
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            let expert = User(email: "expert@example.jp", passwordHash: try await hasher.hash(Fixtures.password), displayName: "専門 花子",
                              role: .expert, organizationID: nil, locale: .ja)
            try await expert.create(on: app.db)
            let office = try await officeBrowser(app)

            let experts = try await office.get("/office/accounts?role=expert")
            #expect(experts.status == .ok)
            #expect(experts.body.string.contains("expert@example.jp"))
            #expect(!experts.body.string.contains("owner@example.jp"))
            // An owner is found by the organization's name too.
            #expect(try await office.get("/office/accounts?q=%E6%9C%AD%E5%B9%8C").body.string.contains("owner@example.jp"))

            for (user, email) in [(expert, "expert@example.jp"), (owner.user, owner.email)] {
                let page = try await office.postAndFollow("/office/accounts/\(user.id!.uuidString)/password-reset", [:])
                let link = try #require(Fixtures.invitationLink(in: page.body.string))
                let person = TestBrowser(app)
                #expect(try await person.get(link).status == .ok)
                #expect(try await person.post(link, ["password": Self.newPassword, "passwordConfirmation": Self.newPassword]).status == .seeOther)
                #expect(try await canLogIn(app, email: email, password: Self.newPassword))
            }
            // The owner's organization sees the office's issue in its audit log.
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "password_reset.issued")
                .filter(\.$targetID == owner.user.id!.uuidString).first())
            #expect(entry.organizationID == owner.organizationID)
            #expect(entry.actorEmail == "reset-office@example.jp")
            // Nobody issues one for themself: Settings changes one's own password.
            let me = try #require(try await User.query(on: app.db).filter(\.$email == "reset-office@example.jp").first())
            try await office.get("/office/accounts")
            #expect(try await office.post("/office/accounts/\(me.id!.uuidString)/password-reset", [:]).status == .conflict)
            #expect(try await office.post("/office/accounts/\(UUID().uuidString)/password-reset", [:]).status == .notFound)
        }
    }

    @Test("the login page says what to do about a forgotten password; signed-in menus keep first aid and contacts")
    func loginNoteAndMenus() async throws {
        try await withMamori { app in
            let login = try await TestBrowser(app).get("/login")
            #expect(login.body.string.contains("パスワードを忘れた場合"))
            #expect(login.body.string.contains("メールを送信できない"))
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let dashboard = try await browser.get("/dashboard")
            #expect(dashboard.body.string.contains(#"href="/help/first-aid""#))
            #expect(dashboard.body.string.contains(#"href="/help/contacts""#))
        }
    }
}
