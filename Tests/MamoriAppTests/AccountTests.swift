import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Sign-up, login and sessions")
struct AccountTests {
    @Test("health check answers 200 with JSON when the database is reachable")
    func health() async throws {
        try await withMamori { app in
            let response = try await app.testing().sendRequest(.GET, "healthz")
            #expect(response.status == .ok)
            #expect(response.body.string.contains(#""status":"ok""#))
            #expect(response.headers.first(name: .setCookie) == nil)
        }
    }

    @Test("sign-up creates the organization and its owner, signs in and records both in the audit log")
    func signup() async throws {
        try await withMamori { app in
            let browser = TestBrowser(app)
            try await browser.get("/signup")
            let response = try await browser.post("/signup", [
                "name": "山田商店", "prefecture": "東京都", "category": "retail", "employees": "１２", "capitalYen": "",
                "displayName": "山田 太郎", "email": "Taro@Example.jp", "password": "correct-horse-battery", "passwordConfirmation": "correct-horse-battery",
            ])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/dashboard")
            let dashboard = try await browser.follow(response)
            #expect(dashboard.body.string.contains("山田 太郎 さん、こんにちは"))
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "taro@example.jp").with(\.$organization).first())
            #expect(user.role == .owner)
            #expect(user.organization?.employees == 12)
            let actions = try await AuditEntry.query(on: app.db).all().map(\.action).sorted()
            #expect(actions == ["account.created", "organization.created"])
        }
    }

    @Test("an empty sign-up form shows every error inline and saves nothing")
    func signupErrors() async throws {
        try await withMamori { app in
            let browser = TestBrowser(app)
            try await browser.get("/signup")
            let response = try await browser.post("/signup", ["name": "", "employees": "abc", "email": "not-an-address", "password": "short"])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            for message in ["入力してください。", "数字で入力してください。", "メールアドレスの形式", "10文字以上で入力してください。"] {
                #expect(html.contains(message), "missing \(message)")
            }
            #expect(html.contains(#"aria-invalid="true""#))
            #expect(try await Organization.query(on: app.db).count() == 0)
        }
    }

    @Test("an address already registered is refused with a message on the e-mail field")
    func duplicateEmail() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = TestBrowser(app)
            try await browser.get("/signup")
            let response = try await browser.post("/signup", [
                "name": "別会社", "prefecture": "27", "category": "wholesale", "employees": "3",
                "displayName": "X", "email": "OWNER@example.jp", "password": Fixtures.password, "passwordConfirmation": Fixtures.password,
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("すでに登録されています"))
            #expect(try await Organization.query(on: app.db).count() == 1)
        }
    }

    @Test("text typed by users is escaped in attributes and in text")
    func escaping() async throws {
        try await withMamori { app in
            let browser = TestBrowser(app)
            try await browser.get("/signup")
            let hostile = #""><script>alert(1)</script>"#
            let response = try await browser.post("/signup", ["name": hostile, "displayName": hostile, "email": "x"])
            let html = response.body.string
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("login with a wrong password fails with a message that does not say which part was wrong")
    func wrongPassword() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = TestBrowser(app)
            try await browser.get("/login")
            let response = try await browser.post("/login", ["email": "owner@example.jp", "password": "wrong-password-1"])
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("メールアドレスまたはパスワードが正しくありません。"))
            let unknown = try await browser.post("/login", ["email": "nobody@example.jp", "password": "wrong-password-1"])
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test("after 5 failed logins within 15 minutes, even the right password is refused until the lock ends")
    func throttle() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = TestBrowser(app)
            try await browser.get("/login")
            for _ in 1...4 {
                #expect(try await browser.post("/login", ["email": "owner@example.jp", "password": "wrong-password-1"]).status == .unauthorized)
            }
            let fifth = try await browser.post("/login", ["email": "owner@example.jp", "password": "wrong-password-1"])
            #expect(fifth.status == .tooManyRequests)
            let right = try await browser.post("/login", ["email": "owner@example.jp", "password": Fixtures.password])
            #expect(right.status == .tooManyRequests)
            #expect(right.body.string.contains("一時的に止めています"))

            // The counter lives in the database (shared by every instance); end the lock there.
            let record = try #require(try await LoginThrottleRecord.query(on: app.db).filter(\.$accountKey == "owner@example.jp").first())
            record.lockedUntil = Date().addingTimeInterval(-1)
            try await record.save(on: app.db)
            #expect(try await browser.post("/login", ["email": "owner@example.jp", "password": Fixtures.password]).status == .seeOther)
        }
    }

    @Test("a session ends after inactivity: the next page asks to log in again")
    func sessionExpiry() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: "owner@example.jp")
            #expect(try await browser.get("/dashboard").status == .ok)
            try await UserSession.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            let response = try await browser.get("/dashboard")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
            #expect(try await UserSession.query(on: app.db).filter(\.$expiresAt <= Date()).count() == 0)
        }
    }

    @Test("each request moves the session's expiry forward")
    func slidingExpiry() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: "owner@example.jp")
            try await UserSession.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(60)).update()
            try await browser.get("/dashboard")
            let session = try #require(try await UserSession.query(on: app.db).filter(\.$userID != nil).first())
            #expect(session.expiresAt > Date().addingTimeInterval(30 * 60))
        }
    }

    @Test("reading pages does not rewrite an unchanged session that was refreshed less than a minute ago")
    func noWritePerRequest() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: "owner@example.jp")
            let before = try #require(try await UserSession.query(on: app.db).filter(\.$userID != nil).first()).expiresAt
            try await browser.get("/dashboard")
            try await browser.get("/settings")
            let after = try #require(try await UserSession.query(on: app.db).filter(\.$userID != nil).first()).expiresAt
            #expect(after == before)
        }
    }

    @Test("login issues a new session id, and logout ends the session")
    func sessionRotation() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = TestBrowser(app)
            try await browser.get("/login")
            let before = browser.cookie
            try await browser.post("/login", ["email": "owner@example.jp", "password": Fixtures.password])
            #expect(browser.cookie != nil && browser.cookie != before)
            try await browser.get("/dashboard")
            let logout = try await browser.post("/logout", [:])
            #expect(logout.status == .seeOther)
            #expect(try await UserSession.query(on: app.db).filter(\.$userID != nil).count() == 0)
            #expect(try await browser.get("/dashboard").status == .seeOther)
        }
    }

    @Test("a form posted without the CSRF token is refused with 403")
    func csrfMissing() async throws {
        try await withMamori { app in
            let browser = TestBrowser(app)
            try await browser.get("/signup")
            let response = try await browser.post("/login", ["email": "a@example.jp", "password": "whatever-123"], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("再読み込み"))
        }
    }

    @Test("a form posted from another origin is refused with 403, even with the token")
    func csrfOrigin() async throws {
        try await withMamori { app in
            let browser = TestBrowser(app)
            try await browser.get("/login")
            let response = try await browser.post("/login", ["email": "a@example.jp", "password": "whatever-123"], origin: "https://evil.example")
            #expect(response.status == .forbidden)
            let sameOrigin = try await browser.post("/login", ["email": "a@example.jp", "password": "whatever-123"], origin: "http://127.0.0.1:8080")
            #expect(sameOrigin.status == .unauthorized)
        }
    }

    @Test("the language switch changes a visitor's pages and a user's saved setting")
    func languageSwitch() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            #expect(try await visitor.get("/").body.string.contains(#"<html lang="ja">"#))
            let switched = try await visitor.post("/language", ["lang": "en", "back": "/signup"])
            #expect(switched.headers.first(name: .location) == "/signup")
            #expect(try await visitor.get("/signup").body.string.contains("Register your organization"))

            let account = try await Fixtures.signUp(app, email: "owner@example.jp")
            let user = try await Fixtures.browser(app, as: account.email)
            try await user.get("/dashboard")
            try await user.post("/language", ["lang": "en", "back": "https://evil.example/"])
            #expect(try await User.find(account.user.id, on: app.db)?.locale == "en")
            #expect(try await user.get("/dashboard").body.string.contains("Hello, owner@example.jp"))
        }
    }

    @Test("changing the password needs the current one and ends other sessions")
    func changePassword() async throws {
        try await withMamori { app in
            _ = try await Fixtures.signUp(app, email: "owner@example.jp")
            let first = try await Fixtures.browser(app, as: "owner@example.jp")
            let second = try await Fixtures.browser(app, as: "owner@example.jp")
            try await first.get("/settings")
            let wrong = try await first.post("/settings/password", ["currentPassword": "nope-nope-nope", "password": "a-new-password-1", "passwordConfirmation": "a-new-password-1"])
            #expect(wrong.status == .unprocessableEntity)
            let changed = try await first.post("/settings/password", ["currentPassword": Fixtures.password, "password": "a-new-password-1", "passwordConfirmation": "a-new-password-1"])
            #expect(changed.status == .seeOther)
            #expect(try await first.get("/dashboard").status == .ok)
            #expect(try await second.get("/dashboard").status == .seeOther)
            _ = try await Fixtures.browser(app, as: "owner@example.jp", password: "a-new-password-1")
        }
    }

    @Test("unknown pages answer a 404 page in the visitor's language")
    func notFound() async throws {
        try await withMamori { app in
            let browser = TestBrowser(app)
            browser.acceptLanguage = "en"
            let response = try await browser.get("/no-such-page")
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("Page not found"))
        }
    }
}
