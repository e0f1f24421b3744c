import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Telework self-check and checklist through the API")
struct TeleworkAPITests {
    struct SelfCheck: Decodable {
        struct Principle: Decodable { let number: Int; let yes: Int; let partly: Int; let no: Int }
        struct Gap: Decodable { let point: Int; let principle: Int; let answer: String; let guidance: String }
        let id: String
        let respondentName: String
        let answers: [String: String]
        let level: String
        let principles: [Principle]
        let gaps: [Gap]
    }

    struct SelfCheckPage: Decodable {
        struct Metadata: Decodable { let page: Int; let per: Int; let total: Int }
        let items: [SelfCheck]
        let metadata: Metadata
    }

    struct Checklist: Decodable {
        struct Item: Decodable { let key: String; let role: String; let text: String; let threats: [String]; let done: Bool }
        let items: [Item]
        let done: Int
        let total: Int
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let fields: [String: String]? }
        let error: Detail
    }

    func token(_ app: Application, _ user: User) async throws -> String {
        try await APITokenService(db: app.db).create(name: "test", for: user, actor: .commandLine).secret
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil,
              language: String = "ja") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.replaceOrAdd(name: .acceptLanguage, value: language)
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(response.body.string.utf8))
    }

    /// Points "1"…"15" answered `base`, some otherwise.
    func answers(_ base: String = "yes", _ overrides: [String: String] = [:]) -> [String: String] {
        var answers = Dictionary(uniqueKeysWithValues: (1...15).map { (String($0), base) })
        for (key, value) in overrides { answers[key] = value }
        return answers
    }

    func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("save, list and read self-checks; counts per principle and gaps; another organization's token gets 404")
    func selfChecks() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "api-telework-owner1@example.jp")
            let ownerToken = try await token(app, owner.user)
            let content = TeleworkContent.bundled

            let given = answers("yes", ["1": "no", "2": "partly", "9": "no"])
            let created = try await send(app, .POST, "/api/v1/telework/self-checks", token: ownerToken,
                                         json: json(["answers": given, "respondentName": "総務 花子"]))
            #expect(created.status == .created)
            let check = try decode(SelfCheck.self, created)
            #expect(UUID(uuidString: check.id) != nil)
            #expect(check.respondentName == "総務 花子")
            #expect(check.answers == given)
            #expect(check.level == "gaps")
            #expect(check.principles.count == 5)
            #expect(check.principles.map(\.number) == [1, 2, 3, 4, 5])
            #expect(check.principles.map { [$0.yes, $0.partly, $0.no] } == [[1, 1, 1], [3, 0, 0], [2, 0, 1], [3, 0, 0], [3, 0, 0]])
            #expect(check.gaps.map(\.point) == [1, 9, 2])
            #expect(check.gaps.map(\.principle) == [1, 3, 1])
            #expect(check.gaps.map(\.answer) == ["no", "no", "partly"])
            #expect(check.gaps.map(\.guidance) == [1, 9, 2].map { content.point($0).guidance.ja })

            let list = try await send(app, .GET, "/api/v1/telework/self-checks", token: ownerToken)
            #expect(list.status == .ok)
            let page = try decode(SelfCheckPage.self, list)
            #expect(page.metadata.total == 1)
            #expect(page.items.map(\.id) == [check.id])

            let one = try await send(app, .GET, "/api/v1/telework/self-checks/\(check.id)", token: ownerToken)
            #expect(one.status == .ok)
            let read = try decode(SelfCheck.self, one)
            #expect(read.id == check.id)
            #expect(read.gaps.map(\.point) == [1, 9, 2])

            // The guidance follows the language asked for.
            let english = try decode(SelfCheck.self, try await send(app, .GET, "/api/v1/telework/self-checks/\(check.id)", token: ownerToken, language: "en"))
            #expect(english.gaps.first?.guidance == content.point(1).guidance.en)

            #expect(try await send(app, .GET, "/api/v1/telework/self-checks/\(UUID().uuidString)", token: ownerToken).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/telework/self-checks/not-a-uuid", token: ownerToken).status == .notFound)

            // Another organization sees nothing of it.
            let other = try await Fixtures.signUp(app, name: "他社", email: "api-telework-other1@example.jp")
            let otherToken = try await token(app, other.user)
            let stranger = try await send(app, .GET, "/api/v1/telework/self-checks/\(check.id)", token: otherToken)
            #expect(stranger.status == .notFound)
            #expect(!stranger.body.string.contains("総務 花子"))
            let otherList = try decode(SelfCheckPage.self, try await send(app, .GET, "/api/v1/telework/self-checks", token: otherToken))
            #expect(otherList.metadata.total == 0)

            // A member may save too.
            let member = try await Fixtures.addMember(app, to: owner, email: "api-telework-member1@example.jp")
            let memberToken = try await token(app, member.user)
            let byMember = try await send(app, .POST, "/api/v1/telework/self-checks", token: memberToken, json: json(["answers": answers("yes")]))
            #expect(byMember.status == .created)
            let ready = try decode(SelfCheck.self, byMember)
            #expect(ready.level == "ready")
            #expect(ready.gaps.isEmpty)
            #expect(ready.principles.allSatisfy { $0.yes == 3 && $0.partly == 0 && $0.no == 0 })
            #expect(!ready.respondentName.isEmpty, "the member's name stands in when none is given")
            let bothChecks = try decode(SelfCheckPage.self, try await send(app, .GET, "/api/v1/telework/self-checks", token: ownerToken))
            #expect(bothChecks.metadata.total == 2)
            #expect(try await TeleworkSelfCheck.query(on: app.db).count() == 2)
        }
    }

    @Test("422 names each offending answer as answers.N")
    func validation() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "api-telework-owner2@example.jp")
            let ownerToken = try await token(app, owner.user)

            var missing = answers()
            missing["15"] = nil
            let cases: [([String: String], Set<String>)] = [
                (missing, ["answers.15"]),
                (answers("yes", ["16": "yes"]), ["answers.16"]),
                (answers("yes", ["3": "maybe"]), ["answers.3"]),
                (answers("no", ["0": "no", "x": "partly", "7": "Yes"]), ["answers.0", "answers.x", "answers.7"]),
            ]
            for (given, fields) in cases {
                let response = try await send(app, .POST, "/api/v1/telework/self-checks", token: ownerToken, json: json(["answers": given]))
                #expect(response.status == .unprocessableEntity, "\(fields)")
                let body = try decode(ErrorBody.self, response)
                #expect(Set(body.error.fields?.keys.map { $0 } ?? []) == fields)
            }
            let empty = try await send(app, .POST, "/api/v1/telework/self-checks", token: ownerToken, json: json(["answers": [String: String]()]))
            #expect(empty.status == .unprocessableEntity)
            #expect(try decode(ErrorBody.self, empty).error.fields?.count == 15)
            #expect(try await TeleworkSelfCheck.query(on: app.db).count() == 0)
        }
    }

    @Test("the checklist: filter by threat and role, save two items, unknown keys refused")
    func checklist() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "api-telework-owner3@example.jp")
            let ownerToken = try await token(app, owner.user)
            let content = TeleworkContent.bundled

            let all = try decode(Checklist.self, try await send(app, .GET, "/api/v1/telework/checklist", token: ownerToken))
            #expect(all.total > 0)
            #expect(all.total == content.checklist.count)
            #expect(all.items.count == all.total)
            #expect(all.done == 0)
            #expect(all.items.allSatisfy { !$0.done })

            let malwareResponse = try await send(app, .GET, "/api/v1/telework/checklist?threat=malware", token: ownerToken)
            #expect(malwareResponse.status == .ok)
            let malware = try decode(Checklist.self, malwareResponse)
            #expect(!malware.items.isEmpty)
            #expect(malware.items.allSatisfy { $0.threats.contains("malware") })
            #expect(malware.items.map(\.key) == content.checklist(threat: .malware).map(\.key))
            #expect(malware.total == content.checklist.count)

            let teleworker = try decode(Checklist.self, try await send(app, .GET, "/api/v1/telework/checklist?role=teleworker", token: ownerToken))
            #expect(!teleworker.items.isEmpty)
            #expect(teleworker.items.allSatisfy { $0.role == "teleworker" })

            let put = try await send(app, .PUT, "/api/v1/telework/checklist", token: ownerToken, json: #"{"done": ["m1", "t1"]}"#)
            #expect(put.status == .ok)
            let saved = try decode(Checklist.self, put)
            #expect(saved.done == 2)
            #expect(Set(saved.items.filter(\.done).map(\.key)) == ["m1", "t1"])
            #expect(try await TeleworkChecklistRecord.query(on: app.db).count() == 1)

            // The same list again adds no history row.
            #expect(try await send(app, .PUT, "/api/v1/telework/checklist", token: ownerToken, json: #"{"done": ["t1", "m1"]}"#).status == .ok)
            #expect(try await TeleworkChecklistRecord.query(on: app.db).count() == 1)

            let unknown = try await send(app, .PUT, "/api/v1/telework/checklist", token: ownerToken, json: #"{"done": ["m1", "nope"]}"#)
            #expect(unknown.status == .unprocessableEntity)
            let body = try decode(ErrorBody.self, unknown)
            #expect(body.error.fields?.keys.contains("done.nope") == true)
            #expect(try await TeleworkChecklistRecord.query(on: app.db).count() == 1)

            let after = try decode(Checklist.self, try await send(app, .GET, "/api/v1/telework/checklist", token: ownerToken))
            #expect(after.done == 2)

            // Another organization's checklist is its own.
            let other = try await Fixtures.signUp(app, name: "他社", email: "api-telework-other3@example.jp")
            let otherToken = try await token(app, other.user)
            let otherChecklist = try decode(Checklist.self, try await send(app, .GET, "/api/v1/telework/checklist", token: otherToken))
            #expect(otherChecklist.done == 0)
        }
    }
}
