import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Basic policy, rules check and SECURITY ACTION through the API")
struct PolicyAPITests {
    struct Version: Decodable {
        struct Section: Decodable { let id: String; let heading: String; let body: String }
        let id: String
        let number: Int
        let status: String
        let publicUrl: String?
        let sections: [Section]
    }

    func token(_ app: Application, _ user: User) async throws -> String {
        try await APITokenService(db: app.db).create(name: "test", for: user, actor: .commandLine).secret
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    @Test("template → edit → approve → publish, with the exact statuses for members, drafts and unknown ids")
    func workflow() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "api-policy@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "api-policy-member@example.jp")
            let ownerToken = try await token(app, owner.user)
            let memberToken = try await token(app, member.user)

            let overview = try await send(app, .GET, "/api/v1/policy", token: ownerToken)
            #expect(overview.status == .ok)
            #expect(overview.body.string.contains(#""stage":"none""#) || overview.body.string.contains(#""stage" : "none""#))
            #expect(!overview.body.string.contains("\"published\""))

            let created = try await send(app, .POST, "/api/v1/policy/versions", token: memberToken, json: #"{"fromTemplate": true, "language": "ja"}"#)
            #expect(created.status == .created)
            let draft = try JSONDecoder().decode(Version.self, from: Data(created.body.string.utf8))
            #expect(draft.status == "draft" && draft.number == 1)
            #expect(draft.sections.contains { $0.body.contains("テスト株式会社") })
            #expect(try await send(app, .POST, "/api/v1/policy/versions", token: ownerToken, json: #"{"fromTemplate": true}"#).status == .conflict)
            #expect(try await send(app, .POST, "/api/v1/policy/versions", token: ownerToken, json: #"{}"#).status == .unprocessableEntity)

            let base = "/api/v1/policy/versions/\(draft.id)"
            let edited = try await send(app, .PATCH, base, token: memberToken,
                                        json: #"{"sections": [{"id": "\#(draft.sections[0].id)", "heading": "基本理念", "body": "守ります。"}]}"#)
            #expect(edited.status == .ok)
            #expect(try await send(app, .PATCH, base, token: memberToken, json: #"{"sections": [{"heading": "", "body": "x"}]}"#).status == .unprocessableEntity)

            // Publishing before approval is a conflict; a member may do neither.
            #expect(try await send(app, .POST, "\(base)/publish", token: ownerToken, json: #"{"slug": "api-shoji"}"#).status == .conflict)
            let refused = try await send(app, .POST, "\(base)/approve", token: memberToken)
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("経営者・責任者だけ") || refused.body.string.contains("Only the owner"))
            #expect(try await send(app, .POST, "\(base)/approve", token: ownerToken).status == .ok)
            #expect(try await send(app, .PATCH, base, token: ownerToken, json: #"{"sections": [{"heading": "x", "body": "y"}]}"#).status == .conflict)
            #expect(try await send(app, .POST, "\(base)/publish", token: memberToken, json: #"{"slug": "api-shoji"}"#).status == .forbidden)
            #expect(try await send(app, .POST, "\(base)/publish", token: ownerToken, json: #"{"slug": "A"}"#).status == .unprocessableEntity)
            let published = try await send(app, .POST, "\(base)/publish", token: ownerToken, json: #"{"slug": "api-shoji"}"#)
            #expect(published.status == .ok)
            let version = try JSONDecoder().decode(Version.self, from: Data(published.body.string.utf8))
            #expect(version.status == "published")
            #expect(version.publicUrl?.hasSuffix("/p/api-shoji") == true)

            let after = try await send(app, .GET, "/api/v1/policy", token: memberToken)
            #expect(after.body.string.contains("\"published\""))
            #expect(try await app.testing().sendRequest(.GET, "/p/api-shoji").status == .ok)

            // Comments through the API, on a section of the version.
            let comment = try await send(app, .POST, "\(base)/comments", token: memberToken,
                                         json: #"{"sectionId": "\#(draft.sections[0].id)", "body": "取引先にも伝えましょう"}"#)
            #expect(comment.status == .created)
            #expect(try await send(app, .POST, "\(base)/comments", token: memberToken, json: #"{"sectionId": "nope", "body": "x"}"#).status == .unprocessableEntity)
            #expect(try await send(app, .GET, "\(base)/comments", token: ownerToken).body.string.contains("取引先にも伝えましょう"))

            // Another organization's token: 404 for every version operation.
            let other = try await Fixtures.signUp(app, name: "他社", email: "api-policy-other@example.jp")
            let otherToken = try await token(app, other.user)
            #expect(try await send(app, .GET, base, token: otherToken).status == .notFound)
            #expect(try await send(app, .PATCH, base, token: otherToken, json: #"{"sections": [{"heading": "x", "body": "y"}]}"#).status == .notFound)
            #expect(try await send(app, .POST, "\(base)/approve", token: otherToken).status == .notFound)
            #expect(try await send(app, .POST, "\(base)/publish", token: otherToken, json: #"{"slug": "steal-it"}"#).status == .notFound)
            #expect(try await send(app, .GET, "\(base)/comments", token: otherToken).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/policy/versions/not-a-uuid", token: otherToken).status == .notFound)
        }
    }

    @Test("rules check through the API: unknown chapter 404, bad status 422, history and SECURITY ACTION readiness")
    func rulesAndReadiness() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "api-rules@example.jp")
            let ownerToken = try await token(app, owner.user)
            let put = try await send(app, .PUT, "/api/v1/rules-check/telework", token: ownerToken,
                                     json: #"{"status": "missing", "note": "テレワーク規程がない", "owner": "総務 花子", "reviewOn": "2027-03-31"}"#)
            #expect(put.status == .ok)
            #expect(put.body.string.contains("missing"))
            #expect(try await send(app, .PUT, "/api/v1/rules-check/unknown", token: ownerToken, json: #"{"status": "ok"}"#).status == .notFound)
            #expect(try await send(app, .PUT, "/api/v1/rules-check/telework", token: ownerToken, json: #"{"status": "fine"}"#).status == .unprocessableEntity)
            #expect(try await send(app, .PUT, "/api/v1/rules-check/telework", token: ownerToken, json: #"{"status": "ok", "reviewOn": "31/03/2027"}"#).status == .unprocessableEntity)
            let list = try await send(app, .GET, "/api/v1/rules-check", token: ownerToken)
            #expect(list.status == .ok)
            #expect(list.body.string.contains("テレワーク規程がない"))

            let readiness = try await send(app, .GET, "/api/v1/security-action", token: ownerToken)
            #expect(readiness.status == .ok)
            let text = readiness.body.string.replacingOccurrences(of: " ", with: "")
            #expect(text.contains(#""policyStage":"none""#))
            #expect(text.contains(#""key":"policy_published""#))
            #expect(text.contains(#""ready":false"#))
        }
    }
}

@Suite("Saving a self-diagnosis through the API with the answers alone")
struct DiagnosisAPIDefaultsTests {
    @Test("answers alone are saved with the token's user, the main site and today; a future date is still refused")
    func defaults() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "api-defaults@example.jp")
            let token = try await APITokenService(db: app.db).create(name: "t", for: owner.user, actor: .commandLine).secret
            let answers = (1...25).map { "\"\($0)\": \"implemented\"" }.joined(separator: ", ")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = .json
            let saved = try await app.testing().sendRequest(.POST, "/api/v1/self-diagnoses", headers: headers,
                                                            body: ByteBuffer(string: "{\"answers\": {\(answers)}}"))
            #expect(saved.status == .created)
            let row = try #require(try await SelfDiagnosis.query(on: app.db).first())
            #expect(row.respondentName == owner.user.displayName)
            #expect(row.siteLabel == L.Diagnosis.defaultSite.ja)
            #expect(row.diagnosedOn == CalendarDate.today())
            let future = try await app.testing().sendRequest(.POST, "/api/v1/self-diagnoses", headers: headers,
                                                             body: ByteBuffer(string: "{\"answers\": {\(answers)}, \"diagnosedOn\": \"2999-01-01\"}"))
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("diagnosedOn"))
        }
    }
}
