import Foundation
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Notification duties API")
struct NotificationDutiesAPITests {
    struct Answer: Decodable {
        struct Duty: Decodable {
            struct Contact: Decodable { let id: String; let phone: String?; let url: String? }
            let recipient: String
            let action: String
            let required: Bool
            let dueBy: String?
            let dueComputation: String?
            let basis: String
            let contact: Contact?
        }
        let reportableToPPC: Bool
        let reportableReasons: [String]
        let duties: [Duty]
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { let fields: [String: String]? }
        let error: Detail
    }

    func post(_ app: Application, _ body: String, language: String = "ja") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .acceptLanguage, value: language)
        return try await app.testing().sendRequest(.POST, "/api/v1/notification-duties", headers: headers, body: ByteBuffer(string: body))
    }

    static let example = #"{"kind": "information_leak", "awareAt": "2026-04-01T10:00:00+09:00", "personalData": {"involved": true, "persons": 1200, "specialCare": false, "financialDamageRisk": false, "wrongfulIntent": true, "protected": false}, "ransomware": false, "crimeSuspected": true, "lostOrStolenOutside": false, "sectorLawRequiresReport": false, "partnersAffected": true, "publicImpact": false, "ppcPowersDelegatedTo": null}"#

    @Test("the contract's example: PPC preliminary by 2026-04-06, final by 2026-06-01, and the other recipients")
    func example() async throws {
        try await withMamori { app in
            let response = try await post(app, Self.example)
            #expect(response.status == .ok)
            let answer = try JSONDecoder().decode(Answer.self, from: Data(response.body.string.utf8))
            #expect(answer.reportableToPPC)
            #expect(answer.reportableReasons == ["wrongful_intent", "over_1000_persons"])
            #expect(answer.duties[0].recipient == "ppc" && answer.duties[0].action == "preliminary_report" && answer.duties[0].dueBy == "2026-04-06")
            #expect(answer.duties[1].recipient == "ppc" && answer.duties[1].action == "final_report" && answer.duties[1].dueBy == "2026-06-01")
            #expect(answer.duties[1].dueComputation?.contains("2026-05-31") == true)
            #expect(answer.duties[0].contact?.url == "https://www.ppc.go.jp/personalinfo/legal/leakAction/")
            let recipients = Set(answer.duties.map(\.recipient))
            #expect(recipients.isSuperset(of: ["affected_persons", "police", "partners", "management"]))
            #expect(!recipients.contains("ipa"))
        }
    }

    @Test("English bases on request")
    func english() async throws {
        try await withMamori { app in
            let answer = try JSONDecoder().decode(Answer.self, from: Data(try await post(app, Self.example, language: "en").body.string.utf8))
            #expect(answer.duties[1].basis.contains("60 days"))
        }
    }

    @Test("invalid input gets 422 naming the field", arguments: [
        (#"{"kind": "flood", "awareAt": "2026-04-01T10:00:00+09:00"}"#, "kind"),
        (#"{"kind": "other", "awareAt": "yesterday"}"#, "awareAt"),
        (#"{"kind": "other", "awareAt": "2026-04-01T10:00:00+09:00", "personalData": {"involved": true, "persons": -3}}"#, "personalData.persons"),
        (#"{"awareAt": "2026-04-01T10:00:00+09:00"}"#, "kind"),
    ])
    func invalid(body: String, field: String) async throws {
        try await withMamori { app in
            let response = try await post(app, body)
            #expect(response.status == .unprocessableEntity, "\(body): \(response.status)")
            let error = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.string.utf8))
            #expect(error.error.fields?[field] != nil, "\(response.body.string)")
        }
    }
}

@Suite("Directory API and health")
struct DirectoryAPITests {
    @Test("the directory searches with Japanese folding, filters by category, paginates, and refuses unknown categories")
    func directory() async throws {
        try await withMamori { app in
            let search = try await app.testing().sendRequest(.GET, "/api/v1/directory?q=%EF%BE%97%EF%BE%9D%EF%BD%BB%EF%BE%91&per=2")
            #expect(search.status == .ok)
            #expect(search.body.string.contains("ransomware"))
            #expect(search.body.string.replacingOccurrences(of: " ", with: "").contains("\"per\":2"))
            let legal = try await app.testing().sendRequest(.GET, "/api/v1/directory?category=legal")
            #expect(legal.body.string.contains("0570-078374"))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/directory?category=aliens").status == .unprocessableEntity)
        }
    }

    @Test("health answers 503 with JSON when the database cannot be reached")
    func unhealthy() async throws {
        try await withApp(configure: { app in
            try await configure(app, database: .postgres(url: "postgres://nobody@127.0.0.1:1/nothing?sslmode=disable"))
        }) { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .serviceUnavailable)
            #expect(response.body.string.contains("unavailable"))
        }
    }
}
