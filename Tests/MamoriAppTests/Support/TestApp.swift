import Fluent
import MamoriCore
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import MamoriApp

/// Runs a test against a fresh, migrated Mamori. With `MAMORI_TEST_DATABASE_URL` set the
/// database is PostgreSQL, each test in a schema of its own (so tests run in parallel);
/// otherwise a private in-memory SQLite database.
func withMamori(_ test: (Application) async throws -> Void) async throws {
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let postgresURL = ProcessInfo.processInfo.environment["MAMORI_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let choice: DatabaseChoice = postgresURL.map { .postgres(url: $0, searchPath: String(schema)) } ?? .sqliteMemory
    try await withApp(configure: { app in
        try await configure(app, database: choice)
        if postgresURL != nil {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: String(schema))").run()
        }
        try await app.autoMigrate()
    }) { app in
        do {
            try await test(app)
        } catch {
            if postgresURL != nil { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run() }
            throw error
        }
        if postgresURL != nil { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run() }
    }
}

/// A minimal browser: keeps the session cookie and sends the CSRF token of the last page.
final class TestBrowser: @unchecked Sendable {
    /// The server it talks to; a two-instance test points the same browser at the other one.
    var app: Application
    private(set) var cookie: String?
    private(set) var csrf: String?
    var acceptLanguage = "ja"

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.testing().performTest(request: request(.GET, path))
        absorb(response)
        return response
    }

    /// Posts a form. The CSRF token comes from the last page fetched, unless `csrf: false`.
    @discardableResult
    func post(_ path: String, _ form: [String: String], csrf sendToken: Bool = true, origin: String? = nil) async throws -> TestingHTTPResponse {
        var fields = form
        if sendToken, let csrf { fields["_csrf"] = csrf }
        var request = request(.POST, path)
        request.headers.contentType = .urlEncodedForm
        if let origin { request.headers.replaceOrAdd(name: .origin, value: origin) }
        request.body = ByteBuffer(string: fields.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&"))
        let response = try await app.testing().performTest(request: request)
        absorb(response)
        return response
    }

    /// Posts a multipart form with one file, as a browser's file upload does.
    @discardableResult
    func upload(_ path: String, fieldName: String = "file", filename: String, contentType: String, data: [UInt8]) async throws -> TestingHTTPResponse {
        let boundary = "----mamori-test-boundary"
        var body = ByteBuffer()
        if let csrf {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fieldName)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var request = request(.POST, path)
        request.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        request.body = body
        let response = try await app.testing().performTest(request: request)
        absorb(response)
        return response
    }

    /// Posts a form and follows the redirect that answers it.
    func postAndFollow(_ path: String, _ form: [String: String]) async throws -> TestingHTTPResponse {
        let response = try await post(path, form)
        #expect(response.status == .seeOther, "POST \(path) answered \(response.status)")
        return try await follow(response)
    }

    /// Follows a redirect, as a browser does.
    @discardableResult
    func follow(_ response: TestingHTTPResponse) async throws -> TestingHTTPResponse {
        guard let location = response.headers.first(name: .location) else {
            Issue.record("expected a redirect, got \(response.status)")
            return response
        }
        return try await get(location)
    }

    private func request(_ method: HTTPMethod, _ path: String) -> TestingHTTPRequest {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .host, value: "127.0.0.1:8080")
        headers.replaceOrAdd(name: .acceptLanguage, value: acceptLanguage)
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        return TestingHTTPRequest(method: method, url: .init(path: path), headers: headers, body: ByteBuffer())
    }

    private func absorb(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] where header.hasPrefix("mamori_session=") {
            let value = header.split(separator: ";").first.map(String.init) ?? ""
            cookie = header.contains("Expires=Thu, 01 Jan 1970") || value == "mamori_session=" ? nil : value
        }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

/// Accounts and organizations for tests, created through the same services as the pages.
enum Fixtures {
    static let password = "correct-horse-battery"

    struct Account {
        let user: User
        let organizationID: UUID?
        let email: String
    }

    static func signUp(_ app: Application, name: String = "テスト株式会社", email: String) async throws -> Account {
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        let profile = try OrganizationProfileFixture.make(name: name)
        let user = try await AccountService(db: app.db, hasher: hasher).signUp(profile: profile, owner: (email, email, password), locale: .ja, ip: nil)
        return Account(user: user, organizationID: user.$organization.id, email: email)
    }

    /// A browser signed in as the given account.
    static func browser(_ app: Application, as email: String, password: String = password) async throws -> TestBrowser {
        let browser = TestBrowser(app)
        try await browser.get("/login")
        let response = try await browser.post("/login", ["email": email, "password": password])
        #expect(response.status == .seeOther, "login as \(email) failed: \(response.status)")
        // Login starts a new session with a new CSRF token: pick it up as a browser would.
        try await browser.follow(response)
        return browser
    }

    /// A member added to an organization through an invitation.
    static func addMember(_ app: Application, to owner: Account, email: String) async throws -> Account {
        let ownerBrowser = try await browser(app, as: owner.email)
        let page = try await ownerBrowser.postAndFollow("/orgs/\(owner.organizationID!.uuidString)/invitations", ["note": "member"])
        let link = try #require(invitationLink(in: page.body.string))
        let invitee = TestBrowser(app)
        try await invitee.get(link)
        let accepted = try await invitee.post(link, ["displayName": "Member", "email": email, "password": password, "passwordConfirmation": password])
        #expect(accepted.status == .seeOther)
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        return Account(user: user, organizationID: owner.organizationID, email: email)
    }

    /// Opens a ransomware incident in the browser (detected 2026-04-01 10:00); returns its path.
    static func openRansomware(_ browser: TestBrowser, _ orgPath: String) async throws -> String {
        try await browser.get("\(orgPath)/incidents/new?kind=ransomware")
        let created = try await browser.post("\(orgPath)/incidents", ["kind": "ransomware", "title": "ファイルサーバーが暗号化された",
                                                                       "detectedAt": "2026-04-01T10:00", "severity": "high"])
        #expect(created.status == .seeOther)
        let location = try #require(created.headers.first(name: .location))
        return String(location.split(separator: "#").first!)
    }

    /// The path of the invitation link shown once on the members page.
    static func invitationLink(in html: String) -> String? {
        guard let range = html.range(of: #"id="secret-value" type="text" readonly value=""#) else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\""), let url = URL(string: String(rest[..<end])) else { return nil }
        return url.path
    }
}

enum OrganizationProfileFixture {
    static func make(name: String) throws -> OrganizationProfile {
        try OrganizationProfile.validate(name: name, prefecture: "13", category: "retail", employees: "20", capitalYen: nil).get()
    }
}
