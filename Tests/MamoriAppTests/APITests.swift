import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("API tokens and the JSON API")
struct APITests {
    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let fields: [String: String]? }
        let error: Detail
    }

    func token(_ app: Application, for account: Fixtures.Account) async throws -> String {
        try await APITokenService(db: app.db).create(name: "test", for: account.user, actor: .commandLine).secret
    }

    /// The API pretty-prints JSON; compare without the layout.
    func compact(_ json: String) -> String {
        json.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
    }

    func get(_ app: Application, _ path: String, token: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        return try await app.testing().sendRequest(.GET, path, headers: headers)
    }

    @Test("GET /api/v1/me returns the user, role and organization of the token")
    func me() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let response = try await get(app, "/api/v1/me", token: try await token(app, for: owner))
            #expect(response.status == .ok)
            let body = compact(response.body.string)
            #expect(body.contains(#""role":"owner""#))
            #expect(body.contains(owner.organizationID!.uuidString))
            #expect(body.contains(#""code":"13""#))
        }
    }

    @Test("missing, invalid and revoked tokens get 401 with a JSON error", arguments: ["missing", "invalid", "malformed", "revoked"])
    func unauthorized(kind: String) async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            var token: String?
            switch kind {
            case "invalid": token = "mamori_" + String(repeating: "x", count: 43)
            case "malformed": token = "not a token at all"
            case "revoked":
                let (record, secret) = try await APITokenService(db: app.db).create(name: "old", for: owner.user, actor: .commandLine)
                try await APITokenService(db: app.db).revoke(record, actor: .commandLine)
                token = secret
            default: token = nil
            }
            let response = try await get(app, "/api/v1/me", token: token)
            #expect(response.status == .unauthorized)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.string.utf8))
            #expect(body.error.code == "unauthorized")
        }
    }

    @Test("a token of organization B cannot read organization A (404)")
    func tenancy() async throws {
        try await withMamori { app in
            let a = try await Fixtures.signUp(app, name: "A社", email: "a@example.jp")
            let b = try await Fixtures.signUp(app, name: "B社", email: "b@example.jp")
            let tokenB = try await token(app, for: b)
            for path in ["members", "audit-log"] {
                let response = try await get(app, "/api/v1/organizations/\(a.organizationID!.uuidString)/\(path)", token: tokenB)
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("a@example.jp"))
            }
            let own = try await get(app, "/api/v1/organizations/\(b.organizationID!.uuidString)/members", token: tokenB)
            #expect(own.status == .ok)
            #expect(own.body.string.contains("b@example.jp"))
        }
    }

    @Test("bad parameters get a JSON error naming the field, never a 500", arguments: [
        ("members?per=1000", 422), ("members?page=0", 422), ("members?per=abc", 400), ("audit-log?user=nope", 422),
    ])
    func badParameters(query: String, status: Int) async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let response = try await get(app, "/api/v1/organizations/\(owner.organizationID!.uuidString)/\(query)", token: try await token(app, for: owner))
            #expect(Int(response.status.code) == status, "\(query): \(response.status) \(response.body.string)")
            #expect(response.headers.contentType == .json)
            _ = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.string.utf8))
        }
    }

    @Test("an organization id that is not a UUID answers 404 in JSON")
    func notAUUID() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let response = try await get(app, "/api/v1/organizations/../../etc/members", token: try await token(app, for: owner))
            #expect(response.status == .notFound)
            let other = try await get(app, "/api/v1/organizations/not-a-uuid/members", token: try await token(app, for: owner))
            #expect(other.status == .notFound)
            #expect(other.headers.contentType == .json)
        }
    }

    @Test("the audit log through the API is paginated and newest first")
    func auditLog() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let response = try await get(app, "/api/v1/organizations/\(owner.organizationID!.uuidString)/audit-log?per=1", token: try await token(app, for: owner))
            #expect(response.status == .ok)
            #expect(compact(response.body.string).contains(#""per":1"#))
            #expect(compact(response.body.string).contains(#""total":3"#))   // organization, account, token created
        }
    }

    @Test("the OpenAPI document is served")
    func spec() async throws {
        try await withMamori { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("operationId: getMe"))
        }
    }

    @Test("owners create and revoke tokens in the browser; the secret is shown once")
    func tokensInBrowser() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            try await browser.get("\(orgPath)/tokens")
            let empty = try await browser.post("\(orgPath)/tokens", ["name": "  "])
            #expect(empty.status == .unprocessableEntity)
            let created = try await browser.postAndFollow("\(orgPath)/tokens", ["name": "UTM"])
            let html = created.body.string
            let start = try #require(html.range(of: #"readonly value=""#))
            let secret = String(html[start.upperBound...].prefix { $0 != "\"" })
            #expect(secret.hasPrefix("mamori_"))
            #expect(try await get(app, "/api/v1/me", token: secret).status == .ok)
            #expect(!(try await browser.get("\(orgPath)/tokens").body.string.contains(secret)))
            let record = try #require(try await APIToken.query(on: app.db).filter(\.$name == "UTM").first())
            #expect(record.tokenHash == SecretToken.sha256Hex(secret))
            #expect(try await browser.post("\(orgPath)/tokens/\(record.id!.uuidString)/revoke", [:]).status == .seeOther)
            #expect(try await get(app, "/api/v1/me", token: secret).status == .unauthorized)
        }
    }
}
