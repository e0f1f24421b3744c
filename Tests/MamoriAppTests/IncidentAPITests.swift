import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Incident API")
struct IncidentAPITests {
    struct Opened: Decodable { let id: String; let status: String; let progress: [Progress]; struct Progress: Decodable { let step: Int; let total: Int } }
    struct Verification: Decodable { let intact: Bool; let firstBrokenEntry: Int? }
    struct Receipt: Decodable { let id: String; let sha256: String; let size: Int }
    struct Duties: Decodable { struct Duty: Decodable { let recipient: String; let action: String; let dueBy: String?; let doneOn: String? }; let reportableToPPC: Bool; let duties: [Duty] }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil,
              raw: [UInt8]? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        var body: ByteBuffer?
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        if let raw { headers.contentType = .binary; body = ByteBuffer(bytes: raw) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    @Test("an EDR opens an incident; facts, timeline, evidence and duties through the API; another organization gets 404")
    func flow() async throws {
        try await withMamori { app in
            app.settings.maxUploadMegabytes = 1
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let token = try await APITokenService(db: app.db).create(name: "EDR", for: owner.user, actor: .commandLine).secret
            let created = try await send(app, .POST, "/api/v1/incidents", token: token,
                                         json: #"{"kind": "ransomware", "title": "EDR: 暗号化の挙動を検知", "detectedAt": "2026-11-20T09:30:00+09:00"}"#)
            #expect(created.status == .created)
            let incident = try JSONDecoder().decode(Opened.self, from: Data(created.body.string.utf8))
            #expect(incident.status == "open" && incident.progress.count == 3)
            let base = "/api/v1/incidents/\(incident.id)"

            #expect(try await send(app, .POST, "/api/v1/incidents", token: token, json: #"{"kind": "meteor", "title": "x", "detectedAt": "2026-11-20T09:30:00+09:00"}"#).status == .unprocessableEntity)
            #expect(try await send(app, .POST, "/api/v1/incidents", token: token, json: #"{"kind": "other", "title": "x", "detectedAt": "tomorrow"}"#).status == .unprocessableEntity)
            #expect(try await send(app, .GET, "/api/v1/incidents?per=5", token: token).body.string.contains(incident.id))
            #expect(try await send(app, .GET, base, token: token).status == .ok)

            let patched = try await send(app, .PATCH, base, token: token,
                                         json: #"{"personalDataInvolved": true, "persons": 20, "awareAt": "2026-04-01T10:00:00+09:00", "currentStep": 2}"#)
            #expect(patched.status == .ok)
            #expect(patched.body.string.replacingOccurrences(of: " ", with: "").contains("\"currentStep\":2"))
            #expect(try await send(app, .PATCH, base, token: token, json: #"{"persons": -1}"#).status == .unprocessableEntity)

            let duties = try JSONDecoder().decode(Duties.self, from: Data(try await send(app, .GET, "\(base)/duties", token: token).body.string.utf8))
            #expect(duties.reportableToPPC)
            #expect(duties.duties.first { $0.recipient == "ppc" && $0.action == "final_report" }?.dueBy == "2026-06-01")
            let recorded = try await send(app, .POST, "\(base)/duties/ppc/preliminary_report", token: token, json: #"{"doneOn": "2026-04-03", "reference": "A-1"}"#)
            #expect(recorded.status == .ok)
            #expect(try JSONDecoder().decode(Duties.self, from: Data(recorded.body.string.utf8)).duties.first { $0.action == "preliminary_report" }?.doneOn == "2026-04-03")

            #expect(try await send(app, .POST, "\(base)/timeline", token: token, json: #"{"text": "ネットワークから切り離した"}"#).status == .created)
            #expect(try await send(app, .POST, "\(base)/timeline", token: token, json: #"{"text": "訂正", "corrects": 999}"#).status == .unprocessableEntity)
            let verification = try JSONDecoder().decode(Verification.self, from: Data(try await send(app, .GET, "\(base)/timeline/verify", token: token).body.string.utf8))
            #expect(verification.intact && verification.firstBrokenEntry == nil)

            let bytes: [UInt8] = Array("ransom note".utf8)
            let uploaded = try await send(app, .POST, "\(base)/evidence?filename=note.txt", token: token, raw: bytes)
            #expect(uploaded.status == .created)
            let receipt = try JSONDecoder().decode(Receipt.self, from: Data(uploaded.body.string.utf8))
            #expect(receipt.sha256 == SecretToken.sha256Hex(Data(bytes)) && receipt.size == bytes.count)
            let downloaded = try await send(app, .GET, "\(base)/evidence/\(receipt.id)", token: token)
            #expect(Array(downloaded.body.readableBytesView) == bytes)
            // Issue #12: saved under its own name, and checkable (RFC 6266, RFC 9530).
            #expect(downloaded.headers.first(name: .contentDisposition) == "attachment; filename=\"note.txt\"; filename*=UTF-8''note.txt")
            #expect(downloaded.headers.first(name: "Repr-Digest") == DownloadHeaders.reprDigest(hexSHA256: SecretToken.sha256Hex(Data(bytes))))
            let big = try await send(app, .POST, "\(base)/evidence?filename=big.bin", token: token, raw: [UInt8](repeating: 1, count: 1024 * 1024 + 1))
            #expect(big.status == .payloadTooLarge)

            let other = try await Fixtures.signUp(app, name: "他社", email: "other@example.jp")
            let otherToken = try await APITokenService(db: app.db).create(name: "t", for: other.user, actor: .commandLine).secret
            for path in [base, "\(base)/duties", "\(base)/timeline/verify", "\(base)/evidence/\(receipt.id)"] {
                #expect(try await send(app, .GET, path, token: otherToken).status == .notFound, "\(path)")
            }
            #expect(try await send(app, .POST, "\(base)/timeline", token: otherToken, json: #"{"text": "x"}"#).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/incidents/not-a-uuid", token: token).status == .notFound)
        }
    }

    @Test("an over-long playbook note or duty reference is refused with the limit, never cut; nothing is saved")
    func overLongIsRefused() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "long@example.jp")
            let token = try await APITokenService(db: app.db).create(name: "EDR", for: owner.user, actor: .commandLine).secret
            let detected = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))
            let created = try await send(app, .POST, "/api/v1/incidents", token: token,
                                         json: #"{"kind": "ransomware", "title": "暗号化", "detectedAt": "\#(detected)"}"#)
            let base = "/api/v1/incidents/\(try JSONDecoder().decode(Opened.self, from: Data(created.body.string.utf8)).id)"
            let point = try #require(PlaybookContent.bundled.playbook(for: .ransomware).points.first)

            let longNote = String(repeating: "あ", count: TextLimit.text + 1)
            let note = try await send(app, .PUT, "\(base)/checks/\(point.id)", token: token, json: #"{"state": "done", "note": "\#(longNote)"}"#)
            #expect(note.status == .unprocessableEntity)
            #expect(note.body.string.contains("\"note\""))
            #expect(try await IncidentCheck.query(on: app.db).count() == 0)
            let fits = String(repeating: "あ", count: TextLimit.text)
            #expect(try await send(app, .PUT, "\(base)/checks/\(point.id)", token: token, json: #"{"state": "done", "note": "\#(fits)"}"#).status == .ok)
            #expect(try await IncidentCheck.query(on: app.db).first()?.note == fits)

            let longReference = String(repeating: "x", count: TextLimit.line + 1)
            let reference = try await send(app, .POST, "\(base)/duties/ipa/report", token: token,
                                           json: #"{"doneOn": "\#(CalendarDate.today())", "reference": "\#(longReference)"}"#)
            #expect(reference.status == .unprocessableEntity)
            #expect(reference.body.string.contains("\"reference\""))
            #expect(try await IncidentNotification.query(on: app.db).count() == 0)
        }
    }
}
