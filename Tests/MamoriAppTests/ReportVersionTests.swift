import Fluent
import Foundation
import MamoriCore
import SQLKit
import Testing
import VaporTesting
@testable import MamoriApp

/// Issue #12, "Nothing written is lost": report drafts are saved as versions, survive a restart,
/// and a version can be frozen as submitted with its SHA-256 in the timeline.
@Suite("Incident report versions")
struct ReportVersionTests {
    /// The management report's form fields with two sections.
    func form(_ status: String, _ overview: String) -> [String: String] {
        ["locale": "ja", "heading_0": "1. 状況", "text_0": status, "heading_1": "2. 概要", "text_1": overview]
    }

    /// The version id in a redirect to `…/reports/<kind>?version=<id>`.
    func versionID(_ response: TestingHTTPResponse) throws -> String {
        let location = try #require(response.headers.first(name: .location))
        let components = try #require(URLComponents(string: location))
        return try #require(components.queryItems?.first { $0.name == "version" }?.value)
    }

    @Test("two saved versions are listed newest first; the editor opens the latest; an unchanged save adds nothing")
    func saveAndHistory() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            let editor = "\(path)/reports/management"

            let draft = try await browser.get(editor)
            #expect(draft.status == .ok)
            #expect(draft.body.string.contains("記録から作った下書きを表示しています"))
            #expect(draft.body.string.contains("まだ保存した版はありません"))

            let first = try await browser.post("\(editor)/versions", form("初動対応中", "共有フォルダが暗号化された"))
            #expect(first.status == .seeOther)
            let firstID = try versionID(first)
            let afterFirst = try await browser.follow(first)
            #expect(afterFirst.body.string.contains("第1版として保存しました。"))
            #expect(afterFirst.body.string.contains("共有フォルダが暗号化された"))

            let second = try await browser.post("\(editor)/versions", form("復旧作業中", "共有フォルダが暗号化された。バックアップから復元中"))
            #expect(second.status == .seeOther)
            let secondID = try versionID(second)
            try await browser.follow(second)

            // The editor without a version opens the latest; the history lists both, newest first.
            let latest = try await browser.get(editor).body.string
            #expect(latest.contains("バックアップから復元中"))
            #expect(latest.contains("第2版（"))
            let history = try #require(latest.range(of: "id=\"versions\"")).upperBound
            let rest = latest[history...]
            let two = try #require(rest.range(of: "第2版"))
            let one = try #require(rest.range(of: "第1版"))
            #expect(two.lowerBound < one.lowerBound, "newest first")
            #expect(latest.contains("?version=\(firstID)"))

            // An old version opens by its id, with a link to the latest.
            let old = try await browser.get("\(editor)?version=\(firstID)").body.string
            #expect(old.contains("初動対応中") && !old.contains("バックアップから復元中"))
            #expect(old.contains("最新は第2版です"))

            // Saving the latest text again makes no third version.
            let same = try await browser.post("\(editor)/versions", form("復旧作業中", "共有フォルダが暗号化された。バックアップから復元中"))
            #expect(try versionID(same) == secondID)
            #expect(try await browser.follow(same).body.string.contains("新しい版は作りませんでした"))

            let incident = try #require(try await Incident.query(on: app.db).first())
            let service = IncidentReportService(db: app.db)
            let versions = try await service.versions(of: incident, kind: .management)
            #expect(versions.map(\.number) == [2, 1])
            let stored = try #require(try await IncidentReportVersion.find(UUID(uuidString: secondID), on: app.db))
            #expect(stored.sections == [ReportSection(heading: "1. 状況", text: "復旧作業中"),
                                        ReportSection(heading: "2. 概要", text: "共有フォルダが暗号化された。バックアップから復元中")])
            #expect(stored.locale == "ja" && stored.authorName == owner.email)
            #expect(stored.sha256 == ReportVersionRules.sha256(kind: "management", number: 2, sections: stored.sections))

            // Every save is audited, and private to the organization like other incident entries.
            let audits = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.incidentReportSaved.rawValue).all()
            #expect(audits.count == 2)
            #expect(audits.allSatisfy(AuditLog.isPrivateToOrganization))

            // The incident page says per report what is saved (one query for all kinds).
            let incidentPage = try await browser.get(path).body.string
            #expect(incidentPage.contains("第2版を保存"))

            // Print and Word of a saved version; POST-only addresses lead back on GET.
            let printed = try await browser.get("\(editor)/versions/\(firstID)/print")
            #expect(printed.status == .ok && printed.body.string.contains("初動対応中"))
            let word = try await browser.get("\(editor)/versions/\(firstID)/docx")
            #expect(word.headers.first(name: .contentDisposition) == "attachment; filename=\"management-report-v1.docx\"; filename*=UTF-8''management-report-v1.docx")
            #expect(Data(word.body.readableBytesView).starts(with: [0x50, 0x4B, 0x03, 0x04]))
            for address in ["\(editor)/versions", "\(editor)/print", "\(editor)/docx"] {
                let answer = try await browser.get(address)
                #expect(answer.status == .seeOther, "GET \(address)")
                #expect(answer.headers.first(name: .location) == editor)
            }
            #expect(try await browser.get("\(editor)/versions/\(firstID)/submit").headers.first(name: .location) == "\(editor)?version=\(firstID)")
        }
    }

    @Test("marking a version as submitted writes its SHA-256 into the timeline once; the chain still verifies; the version is frozen")
    func submit() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            let editor = "\(path)/reports/ipa"
            try await browser.get(editor)
            let saved = try await browser.post("\(editor)/versions", form("2026年4月1日", "身代金要求の画面が表示された"))
            let id = try versionID(saved)
            let page = try await browser.follow(saved).body.string
            #expect(page.contains("第1版を提出済みにする"))

            let submitted = try await browser.post("\(editor)/versions/\(id)/submit", [:])
            #expect(submitted.status == .seeOther)
            #expect(try await browser.follow(submitted).body.string.contains("提出済みとして確定し"))
            let version = try #require(try await IncidentReportVersion.find(UUID(uuidString: id), on: app.db))
            #expect(version.submittedAt != nil && version.submittedByName == owner.email)

            let incident = try #require(try await Incident.query(on: app.db).first())
            let service = IncidentService(db: app.db)
            var entries = try await service.timeline(of: incident).filter { $0.type == "report_submitted" }
            #expect(entries.count == 1)
            let entry = try #require(entries.first)
            #expect(entry.text.contains(version.sha256))
            #expect(TimelineEvent(storedText: entry.text) == .reportSubmitted(report: "ipa", version: 1, sha256: version.sha256))
            #expect(try await service.verify(incident) == nil, "the chain verifies with the new entry")
            #expect(try await browser.get(path).body.string.contains(version.sha256), "the timeline shows the hash")

            // Twice: through the page, and through a stale copy that still thinks it is unsubmitted.
            try await browser.get(editor)
            let again = try await browser.post("\(editor)/versions/\(id)/submit", [:])
            #expect(try await browser.follow(again).body.string.contains("すでに提出済み"))
            let stale = try #require(try await IncidentReportVersion.find(UUID(uuidString: id), on: app.db))
            stale.submittedAt = nil
            let principal = Principal(user: owner.user, organization: try await Organization.find(owner.organizationID, on: app.db), token: nil)
            #expect(try await IncidentReportService(db: app.db).submit(stale, of: incident, by: principal, ip: nil) == false)
            entries = try await service.timeline(of: incident).filter { $0.type == "report_submitted" }
            #expect(entries.count == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.incidentReportSubmitted.rawValue).count() == 1)

            // Frozen: the page no longer offers to submit; saving other text makes version 2.
            let frozen = try await browser.get("\(editor)?version=\(id)").body.string
            #expect(!frozen.contains("第1版を提出済みにする"))
            #expect(frozen.contains("提出済みとして確定しているため、変更できません"))
            let next = try await browser.post("\(editor)/versions", form("2026年4月1日", "身代金要求の画面が表示された。端末3台"))
            #expect(try versionID(next) != id)
            let first = try #require(try await IncidentReportVersion.find(UUID(uuidString: id), on: app.db))
            #expect(first.sections.last?.text == "身代金要求の画面が表示された" && first.sha256 == version.sha256)

            // A closed incident still takes versions and submissions (the PPC's final report
            // is often due after closing), like recorded notifications.
            try await browser.get(path)
            #expect(try await browser.post("\(path)/close", ["causeSummary": "VPN機器の脆弱性", "measures": "VPN機器を更新する"]).status == .seeOther)
            try await browser.get(editor)
            let afterClose = try await browser.post("\(editor)/versions", form("終了", "復旧済み"))
            #expect(afterClose.status == .seeOther)
            let closedID = try versionID(afterClose)
            try await browser.get(editor)
            #expect(try await browser.post("\(editor)/versions/\(closedID)/submit", [:]).status == .seeOther)
            #expect(try await service.timeline(of: incident).filter { $0.type == "report_submitted" }.count == 2)
            #expect(try await service.verify(incident) == nil)

            // A version whose stored text was changed behind Mamori's back is not submitted.
            let nextID = try versionID(next)
            let tampered = try #require(try await IncidentReportVersion.find(UUID(uuidString: nextID), on: app.db))
            try await (app.db as! any SQLDatabase).update(IncidentReportVersion.schema)
                .set("sections", to: "[{\"heading\":\"x\",\"text\":\"changed\"}]").where("id", .equal, tampered.id!).run()
            let altered = try await browser.get("\(editor)?version=\(tampered.id!.uuidString)").body.string
            #expect(altered.contains("一致しません"))
            #expect(try await browser.post("\(editor)/versions/\(tampered.id!.uuidString)/submit", [:]).status == .conflict)
        }
    }

    @Test("an empty or over-long section is refused beside its field, with everything typed kept")
    func refusals() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            let editor = "\(path)/reports/management"

            try await browser.get(editor)
            let empty = try await browser.post("\(editor)/versions", form("", "   "))
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("field-text_0-error"))
            #expect(empty.body.string.contains("入力してください。"))

            try await browser.get(editor)
            let long = "長文の書き出し" + String(repeating: "x", count: ReportVersionRules.maximumText)
            let tooLong = try await browser.post("\(editor)/versions", form("初動対応中（消えない）", long))
            #expect(tooLong.status == .unprocessableEntity)
            let html = tooLong.body.string
            #expect(html.contains("field-text_1-error"))
            #expect(html.contains("\(ReportVersionRules.maximumText)文字以内で入力してください。"))
            #expect(html.contains("初動対応中（消えない）"), "the other section keeps what was typed")
            #expect(html.contains(long), "the refused text is shown again in full")
            #expect(try await IncidentReportVersion.query(on: app.db).count() == 0)
        }
    }

    @Test("another organization's user gets 404 for the pages and the API; a version of another report or incident is 404 too")
    func tenancy() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "A社", email: "a@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            let editor = "\(path)/reports/management"
            try await browser.get(editor)
            let saved = try await browser.post("\(editor)/versions", form("状況", "概要"))
            let id = try versionID(saved)
            let incidentID = try #require(path.split(separator: "/").last).description

            // Same organization, but the version belongs to another report: 404.
            #expect(try await browser.get("\(path)/reports/ipa?version=\(id)").status == .notFound)
            try await browser.get(editor)
            #expect(try await browser.post("\(path)/reports/ipa/versions/\(id)/submit", [:]).status == .notFound)
            #expect(try await browser.get("\(editor)?version=\(UUID().uuidString)").status == .notFound)
            #expect(try await browser.get("\(editor)?version=not-a-uuid").status == .notFound)
            // …or to another incident of the same organization.
            let otherIncident = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            #expect(try await browser.get("\(otherIncident)/reports/management?version=\(id)").status == .notFound)

            let other = try await Fixtures.signUp(app, name: "B社", email: "b@example.jp")
            let otherBrowser = try await Fixtures.browser(app, as: other.email)
            for address in [editor, "\(editor)?version=\(id)", "\(editor)/versions/\(id)/print", "\(editor)/versions/\(id)/docx"] {
                #expect(try await otherBrowser.get(address).status == .notFound, "GET \(address)")
            }
            try await otherBrowser.get("/dashboard")
            #expect(try await otherBrowser.post("\(editor)/versions/\(id)/submit", [:]).status == .notFound)
            try await otherBrowser.get("/dashboard")
            #expect(try await otherBrowser.post("\(editor)/versions", form("乗っ取り", "x")).status == .notFound)

            let otherToken = try await APITokenService(db: app.db).create(name: "t", for: other.user, actor: .commandLine).secret
            let api = "/api/v1/incidents/\(incidentID)/reports/management/versions"
            #expect(try await send(app, .GET, api, token: otherToken).status == .notFound)
            #expect(try await send(app, .GET, "\(api)/\(id)", token: otherToken).status == .notFound)
            #expect(try await send(app, .POST, "\(api)/\(id)/submit", token: otherToken).status == .notFound)
            #expect(try await send(app, .POST, api, token: otherToken, json: #"{"sections": [{"heading": "h", "text": "t"}]}"#).status == .notFound)
            #expect(try await IncidentReportVersion.query(on: app.db).count() == 1)
            #expect(try await IncidentReportVersion.find(UUID(uuidString: id), on: app.db)?.submittedAt == nil)
        }
    }

    // MARK: API

    struct APIVersion: Decodable {
        struct Section: Decodable { let heading: String; let text: String }
        let id: String
        let kind: String
        let number: Int
        let language: String
        let sha256: String
        let submittedAt: String?
        let contentIntact: Bool?
        let sections: [Section]?
    }
    struct OpenedIncident: Decodable { let id: String }
    struct APIVersionPage: Decodable {
        struct Metadata: Decodable { let total: Int }
        let items: [APIVersion]
        let metadata: Metadata
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        var body: ByteBuffer?
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(response.body.readableBytesView))
    }

    @Test("the API saves, lists, reads and submits versions; a second submit adds no timeline entry")
    func api() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let token = try await APITokenService(db: app.db).create(name: "script", for: owner.user, actor: .commandLine).secret
            let opened = try await send(app, .POST, "/api/v1/incidents", token: token,
                                        json: #"{"kind": "ransomware", "title": "暗号化", "detectedAt": "2026-04-01T10:00:00+09:00"}"#)
            #expect(opened.status == .created)
            let incidentID = try decode(OpenedIncident.self, opened).id
            let base = "/api/v1/incidents/\(incidentID)/reports/ppc/versions"

            let first = try await send(app, .POST, base, token: token,
                                       json: #"{"language": "ja", "sections": [{"heading": "① 概要", "text": "ランサムウェア"}, {"heading": "② 項目", "text": "氏名"}]}"#)
            #expect(first.status == .created)
            let v1 = try decode(APIVersion.self, first)
            #expect(v1.number == 1 && v1.kind == "ppc" && v1.language == "ja" && v1.contentIntact == true)
            #expect(v1.sha256 == ReportVersionRules.sha256(kind: "ppc", number: 1, sections: [ReportSection(heading: "① 概要", text: "ランサムウェア"),
                                                                                              ReportSection(heading: "② 項目", text: "氏名")]))
            let unchanged = try await send(app, .POST, base, token: token,
                                           json: #"{"sections": [{"heading": "① 概要", "text": "ランサムウェア"}, {"heading": "② 項目", "text": "氏名"}]}"#)
            #expect(unchanged.status == .ok)
            #expect(try decode(APIVersion.self, unchanged).id == v1.id)
            let second = try await send(app, .POST, base, token: token, json: #"{"sections": [{"heading": "① 概要", "text": "ランサムウェア（更新）"}]}"#)
            #expect(second.status == .created)
            let v2 = try decode(APIVersion.self, second)
            #expect(v2.number == 2)

            #expect(try await send(app, .POST, base, token: token, json: #"{"sections": []}"#).status == .unprocessableEntity)
            #expect(try await send(app, .POST, base, token: token, json: #"{"sections": [{"heading": "h", "text": ""}]}"#).status == .unprocessableEntity)
            #expect(try await send(app, .POST, "/api/v1/incidents/\(incidentID)/reports/nonsense/versions", token: token,
                                   json: #"{"sections": [{"heading": "h", "text": "t"}]}"#).status == .notFound)

            let list = try decode(APIVersionPage.self, try await send(app, .GET, "\(base)?per=1", token: token))
            #expect(list.metadata.total == 2 && list.items.map(\.number) == [2])
            let one = try decode(APIVersion.self, try await send(app, .GET, "\(base)/\(v1.id)", token: token))
            #expect(one.sections?.map(\.text) == ["ランサムウェア", "氏名"] && one.submittedAt == nil)
            #expect(try await send(app, .GET, "/api/v1/incidents/\(incidentID)/reports/ipa/versions/\(v1.id)", token: token).status == .notFound)

            let submitted = try await send(app, .POST, "\(base)/\(v1.id)/submit", token: token)
            #expect(submitted.status == .ok)
            #expect(try decode(APIVersion.self, submitted).submittedAt != nil)
            #expect(try await send(app, .POST, "\(base)/\(v1.id)/submit", token: token).status == .ok)
            let incident = try #require(try await Incident.find(UUID(uuidString: incidentID), on: app.db))
            let entries = try await IncidentService(db: app.db).timeline(of: incident).filter { $0.type == "report_submitted" }
            #expect(entries.count == 1)
            #expect(entries.first?.text.contains(v1.sha256) == true)
            #expect(try await IncidentService(db: app.db).verify(incident) == nil)
        }
    }

    // MARK: Restart

    @Test("saved versions survive an application restart (a second app on the same database)")
    func survivesRestart() async throws {
        let postgresURL = ProcessInfo.processInfo.environment["MAMORI_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mamori-restart-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
        let choice: DatabaseChoice = postgresURL.map { .postgres(url: $0, searchPath: String(schema)) } ?? .sqliteFile(path: file)

        // The first run: sign up, open an incident, save a version; then the application stops.
        let editor: String = try await withApp(configure: { app in
            try await configure(app, database: choice)
            if postgresURL != nil { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: String(schema))").run() }
            try await app.autoMigrate()
        }) { app in
            let owner = try await Fixtures.signUp(app, email: "restart@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            let address = "\(path)/reports/management"
            try await browser.get(address)
            #expect(try await browser.post("\(address)/versions", form("再起動の前に書いた状況", "再起動の前に書いた概要")).status == .seeOther)
            return address
        }

        // The second run on the same database: the version is there, on the page too.
        try await withApp(configure: { app in
            try await configure(app, database: choice)
            try await app.autoMigrate()
        }) { app in
            do {
                #expect(try await IncidentReportVersion.query(on: app.db).count() == 1)
                let browser = try await Fixtures.browser(app, as: "restart@example.jp")
                let page = try await browser.get(editor).body.string
                #expect(page.contains("再起動の前に書いた概要"))
                #expect(page.contains("第1版"))
            } catch {
                if postgresURL != nil { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run() }
                throw error
            }
            if postgresURL != nil { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run() }
        }
    }
}
