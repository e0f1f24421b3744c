import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Self-diagnosis API")
struct DiagnosisAPITests {
    struct Score: Decodable {
        struct Part: Decodable { let score: Int; let max: Int }
        struct Gap: Decodable { let item: Int; let answer: String; let advice: String }
        let total: Int
        let max: Int
        let band: String
        let parts: [String: Part]
        let gaps: [Gap]
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let fields: [String: String]? }
        let error: Detail
    }

    struct Saved: Decodable {
        let id: String
        let siteLabel: String
        let diagnosedOn: String
        let score: Score
    }

    struct SavedPage: Decodable {
        struct Metadata: Decodable { let total: Int }
        let items: [Saved]
        let metadata: Metadata
    }

    func answers(_ base: String = "implemented", _ overrides: [String: String] = [:]) -> [String: String] {
        var answers = Dictionary(uniqueKeysWithValues: (1...25).map { (String($0), base) })
        for (key, value) in overrides { answers[key] = value }
        return answers
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, json: String, token: String? = nil, language: String = "ja") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .acceptLanguage, value: language)
        if let token { headers.bearerAuthorization = .init(token: token) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: json))
    }

    func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("the public score endpoint follows the contract")
    func score() async throws {
        try await withMamori { app in
            var given = answers("implemented", ["6": "partly", "20": "not_implemented", "2": "dont_know"])
            given["25"] = "implemented"
            let response = try await send(app, .POST, "/api/v1/self-diagnosis/score", json: json(["answers": given]), language: "en")
            #expect(response.status == .ok)
            let score = try JSONDecoder().decode(Score.self, from: Data(response.body.string.utf8))
            #expect(score.total == 100 - 2 - 4 - 5)
            #expect(score.max == 100)
            #expect(score.band == "mostly_done")
            #expect(score.parts["basic"]?.score == 15 && score.parts["basic"]?.max == 20)
            #expect(score.parts["employees"]?.max == 52 && score.parts["organization"]?.max == 28)
            #expect(score.gaps.map(\.item) == [2, 20, 6])
            #expect(score.gaps.first?.advice.contains("anti-virus") == true || score.gaps.first?.advice.isEmpty == false)
        }
    }

    @Test("missing items, unknown numbers and unknown values get 422 naming each one")
    func validation() async throws {
        try await withMamori { app in
            var given = answers()
            given["3"] = nil
            given["26"] = "implemented"
            given["7"] = "sometimes"
            let response = try await send(app, .POST, "/api/v1/self-diagnosis/score", json: json(["answers": given]))
            #expect(response.status == .unprocessableEntity)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.string.utf8))
            #expect(Set(body.error.fields?.keys.map { $0 } ?? []) == ["answers.3", "answers.26", "answers.7"])
        }
    }

    @Test("malformed bodies get a clear 4xx JSON error, never a 500", arguments: [
        "", "{", "[]", #"{"answers": 5}"#, #"{"answers": {"1": 4}}"#, #"{"nothing": true}"#, "null",
    ])
    func malformed(body: String) async throws {
        try await withMamori { app in
            let response = try await send(app, .POST, "/api/v1/self-diagnosis/score", json: body)
            #expect((400..<500).contains(Int(response.status.code)), "\(body): \(response.status)")
            _ = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.string.utf8))
        }
    }

    @Test("with a token: save, list and read diagnoses; another organization's id is 404")
    func saveListRead() async throws {
        try await withMamori { app in
            let a = try await Fixtures.signUp(app, name: "A社", email: "a@example.jp")
            let tokenA = try await APITokenService(db: app.db).create(name: "t", for: a.user, actor: .commandLine).secret
            let unauthorized = try await send(app, .POST, "/api/v1/self-diagnoses", json: "{}")
            #expect(unauthorized.status == .unauthorized)
            let bad = try await send(app, .POST, "/api/v1/self-diagnoses",
                                     json: json(["answers": answers(), "respondentName": "", "siteLabel": "本社", "diagnosedOn": "2026-13-01"]), token: tokenA)
            #expect(bad.status == .unprocessableEntity)
            let created = try await send(app, .POST, "/api/v1/self-diagnoses",
                                         json: json(["answers": answers("partly"), "respondentName": "山田", "siteLabel": "本社", "diagnosedOn": "2026-04-01"]), token: tokenA)
            #expect(created.status == .created)
            let saved = try JSONDecoder().decode(Saved.self, from: Data(created.body.string.utf8))
            #expect(saved.score.total == 50)

            var listHeaders = HTTPHeaders()
            listHeaders.bearerAuthorization = .init(token: tokenA)
            let list = try await app.testing().sendRequest(.GET, "/api/v1/self-diagnoses?per=10", headers: listHeaders)
            #expect(try JSONDecoder().decode(SavedPage.self, from: Data(list.body.string.utf8)).metadata.total == 1)
            let one = try await app.testing().sendRequest(.GET, "/api/v1/self-diagnoses/\(saved.id)", headers: listHeaders)
            #expect(one.status == .ok)
            let combined = try await app.testing().sendRequest(.GET, "/api/v1/self-diagnoses/combined", headers: listHeaders)
            #expect(combined.status == .ok)

            let b = try await Fixtures.signUp(app, name: "B社", email: "b@example.jp")
            var headersB = HTTPHeaders()
            headersB.bearerAuthorization = .init(token: try await APITokenService(db: app.db).create(name: "t", for: b.user, actor: .commandLine).secret)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/self-diagnoses/\(saved.id)", headers: headersB).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/self-diagnoses/not-a-uuid", headers: headersB).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/self-diagnoses/combined", headers: headersB).status == .notFound)
            let listB = try await app.testing().sendRequest(.GET, "/api/v1/self-diagnoses", headers: headersB)
            #expect(try JSONDecoder().decode(SavedPage.self, from: Data(listB.body.string.utf8)).metadata.total == 0)
        }
    }
}
