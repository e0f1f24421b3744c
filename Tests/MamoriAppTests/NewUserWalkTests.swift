import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// Issue #14: what a new user ran into, each with the test that would have caught it.
@Suite("A new user's walk (issue #14)")
struct NewUserWalkTests {
    private static let signupForm = ["name": "山田商店", "prefecture": "13", "category": "retail", "employees": "5",
                                     "displayName": "山田", "email": "yamada@example.jp", "password": Fixtures.password,
                                     "passwordConfirmation": Fixtures.password]

    private static func answers() -> [String: String] {
        Dictionary(uniqueKeysWithValues: (1...25).map { ("a\($0)", "implemented") })
    }

    @Test("answers survive sign-up after a first-aid page: the result's link saves the diagnosis and goes to it")
    func diagnosisAfterFirstAid() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            try await visitor.get("/help/first-aid/ransom_message")
            try await visitor.get("/self-diagnosis")
            let result = try await visitor.follow(try await visitor.post("/self-diagnosis", Self.answers()))
            #expect(result.body.string.contains("/signup?then=diagnosis"))
            let page = try await visitor.get("/signup?then=diagnosis")
            #expect(page.body.string.contains("最初の診断として保存されます"))
            let signedUp = try await visitor.post("/signup?then=diagnosis", Self.signupForm)
            #expect(signedUp.headers.first(name: .location)?.contains("/diagnoses/") == true)
            #expect(try await SelfDiagnosis.query(on: app.db).count() == 1)
        }
    }

    @Test("signing up from a first-aid page after answering the diagnosis keeps both: the diagnosis is saved and the incident form opens")
    func bothIntentsSurvive() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            try await visitor.get("/self-diagnosis")
            try await visitor.post("/self-diagnosis", Self.answers())
            try await visitor.get("/help/first-aid/ransom_message")
            try await visitor.get("/signup?then=incident:ransomware")
            let signedUp = try await visitor.post("/signup?then=incident:ransomware", Self.signupForm)
            #expect(signedUp.headers.first(name: .location)?.contains("/incidents/new?kind=ransomware") == true)
            #expect(try await SelfDiagnosis.query(on: app.db).count() == 1)
            let form = try await visitor.follow(signedUp)
            #expect(form.body.string.contains("登録前に回答した自社診断を保存しました。"))
        }
    }

    @Test("a plain sign-up after a first-aid page goes to the dashboard: the page visited earlier is no global redirect")
    func plainSignupIsPlain() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            try await visitor.get("/help/first-aid/ransom_message")
            try await visitor.get("/signup")
            let signedUp = try await visitor.post("/signup", Self.signupForm)
            #expect(signedUp.headers.first(name: .location) == "/dashboard")
        }
    }

    @Test("links shown to copy follow the address actually served", arguments: [
        (["mamori", "serve", "--port", "8111"], "http://127.0.0.1:8111"),
        (["mamori", "serve", "-p", "9000", "-H", "localhost"], "http://localhost:9000"),
        (["mamori", "serve", "--bind", "0.0.0.0:8200"], "http://127.0.0.1:8200"),
        (["mamori", "serve", "--port=8300"], "http://127.0.0.1:8300"),
        (["mamori", "serve"], "http://127.0.0.1:8080"),
        (["mamori"], "http://127.0.0.1:8080"),
        (["mamori", "create-org", "--port", "1"], "http://127.0.0.1:8080"),
    ])
    func publicURLFollowsServe(arguments: [String], expected: String) {
        #expect(AppSettings.fromEnvironment([:], arguments: arguments).publicURL == expected)
    }

    @Test("MAMORI_PUBLIC_URL still wins over the served address")
    func publicURLSetting() {
        let settings = AppSettings.fromEnvironment(["MAMORI_PUBLIC_URL": "https://mamori.example.jp"], arguments: ["mamori", "serve", "--port", "8111"])
        #expect(settings.publicURL == "https://mamori.example.jp")
        #expect(settings.port == 8111)
    }

    /// An owner's incident with personal data, aware two days ago.
    private static func incident(_ app: Application) async throws -> (TestBrowser, String, Fixtures.Account) {
        let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
        let browser = try await Fixtures.browser(app, as: owner.email)
        let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
        try await browser.get("\(orgPath)/incidents/new")
        let created = try await browser.post("\(orgPath)/incidents", ["kind": "information_leak", "title": "顧客名簿の誤送信",
                                                                       "detectedAt": TokyoDateTime.format(Date().addingTimeInterval(-2 * 86_400)), "severity": "high"])
        let path = String(try #require(created.headers.first(name: .location)).split(separator: "#").first!)
        try await browser.get(path)
        return (browser, path, owner)
    }

    @Test("a duty recorded with tomorrow's date is refused beside its own form, with the date kept, and nothing is saved")
    func dutyInFuture() async throws {
        try await withMamori { app in
            let (browser, path, _) = try await Self.incident(app)
            let tomorrow = Day(Date()).adding(days: 1).description
            let refused = try await browser.post("\(path)/duties/management/report", ["doneOn": tomorrow, "reference": "A-123"])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            let form = try #require(html.range(of: #"id="duty-management-report""#))
            let formHTML = String(html[form.upperBound...]).components(separatedBy: "</form>").first ?? ""
            #expect(formHTML.contains("未来の日付は入力できません。"))
            #expect(formHTML.contains("value=\"\(tomorrow)\""))
            #expect(formHTML.contains("value=\"A-123\""))
            #expect(formHTML.contains("autofocus"))
            #expect(try await IncidentNotification.query(on: app.db).count() == 0)
            // Reopening the address of the refused form leads back to the incident, not to a 404.
            let reopened = try await browser.get("\(path)/duties/management/report")
            #expect(reopened.status == .seeOther)
            #expect(reopened.headers.first(name: .location) == path)
            let check = try await browser.get("\(path)/checks/general-1-report-to-lead")
            #expect(check.headers.first(name: .location) == path)
        }
    }

    @Test("a timeline entry past the limit keeps the whole text in the form and says the limit")
    func longTimelineEntry() async throws {
        try await withMamori { app in
            let (browser, path, _) = try await Self.incident(app)
            let text = String(repeating: "あ", count: 30_000)
            let refused = try await browser.post("\(path)/timeline", ["text": text])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(text))
            #expect(refused.body.string.contains("10000文字以内で入力してください。"))
            #expect(try await TimelineEntry.query(on: app.db).count() == 1)
        }
    }

    @Test("an awareness moment in the future is refused, naming the rule, and the deadlines do not move")
    func awarenessInFuture() async throws {
        try await withMamori { app in
            let (browser, path, _) = try await Self.incident(app)
            let before = try #require(try await Incident.query(on: app.db).first()).awareAt
            let refused = try await browser.post("\(path)/record", ["title": "顧客名簿の誤送信", "severity": "high",
                                                                    "awareAt": TokyoDateTime.format(Date().addingTimeInterval(3 * 86_400))])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("報告の法定期限はこの日時から数える"))
            #expect(try #require(try await Incident.query(on: app.db).first()).awareAt == before)
        }
    }

    @Test("the office's audit log shows that an incident happened, never its content; the organization's own log keeps it")
    func officeAuditWithoutIncidentContent() async throws {
        try await withMamori { app in
            let (browser, path, owner) = try await Self.incident(app)
            try await browser.post("\(path)/record", ["title": "顧客名簿の誤送信", "severity": "high", "personalDataInvolved": "on", "persons": "1200"])
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            _ = try await SetupService(db: app.db, hasher: hasher).createOfficeAdmin(
                .init(displayName: "事務局", email: "office@example.jp", password: Fixtures.password, passwordConfirmation: nil), locale: .ja, actorIP: nil)
            let office = try await Fixtures.browser(app, as: "office@example.jp")
            let officeLog = try await office.get("/office/audit").body.string
            #expect(officeLog.contains("インシデントの記録開始"))
            #expect(!officeLog.contains("顧客名簿の誤送信"))
            #expect(!officeLog.contains("1200"))
            #expect(officeLog.contains("インシデントの内容は組織だけが見られます"))
            let ownLog = try await browser.get("/orgs/\(owner.organizationID!.uuidString)/audit").body.string
            #expect(ownLog.contains("顧客名簿の誤送信"))
        }
    }

    @Test("the PPC draft is filled from the record: the data items, the secondary damage and the business as reporter")
    func ppcDraftHasNoGaps() async throws {
        try await withMamori { app in
            let (browser, path, owner) = try await Self.incident(app)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            try await browser.get("\(orgPath)/details")
            let saved = try await browser.post("\(orgPath)/details", ["name": "テスト株式会社", "prefecture": "13", "category": "retail", "employees": "20",
                                                                      "address": "東京都千代田区丸の内1-1-1", "representative": "代表取締役 山田 太郎",
                                                                      "incidentContact": "総務部 03-1234-5678"])
            #expect(saved.status == .seeOther)
            try await browser.get(path)
            try await browser.post("\(path)/record", ["title": "顧客名簿の誤送信", "severity": "high", "personalDataInvolved": "on", "persons": "1200",
                                                      "leakedItems": "氏名、住所、電話番号", "secondaryDamage": "現時点で不審な連絡の報告はない",
                                                      "observedImpact": "名簿を誤って社外に送った"])
            let draft = try await browser.get("\(path)/reports/ppc").body.string
            #expect(draft.contains("氏名、住所、電話番号"))
            #expect(draft.contains("現時点で不審な連絡の報告はない"))
            #expect(draft.contains("東京都千代田区丸の内1-1-1"))
            #expect(draft.contains("代表取締役 山田 太郎"))
            #expect(draft.contains("総務部 03-1234-5678"))
        }
    }

    @Test("only the owner changes the organization details; a member reads them")
    func organizationDetailsOwnerOnly() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let browser = try await Fixtures.browser(app, as: member.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            let page = try await browser.get("\(orgPath)/details")
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("name=\"address\""))
            let refused = try await browser.post("\(orgPath)/details", ["name": "乗っ取り", "prefecture": "13", "category": "retail", "employees": "20"])
            #expect(refused.status == .forbidden)
            #expect(try await Organization.find(owner.organizationID, on: app.db)?.name == "テスト株式会社")
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            try await ownerBrowser.get("\(orgPath)/details")
            let invalid = try await ownerBrowser.post("\(orgPath)/details", ["name": "", "prefecture": "13", "category": "retail", "employees": "20",
                                                                             "address": "大阪市"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("value=\"大阪市\""))
        }
    }

    @Test("Mamori's own timeline entries read in the page's language and still verify")
    func timelineInEnglish() async throws {
        try await withMamori { app in
            let (browser, path, _) = try await Self.incident(app)
            try await browser.post("\(path)/record", ["title": "顧客名簿の誤送信", "severity": "critical", "personalDataInvolved": "on", "persons": "1200"])
            try await browser.post("\(path)/step/2", [:])
            try await browser.post("/language", ["lang": "en", "back": path])
            let html = try await browser.get("\(path)/timeline/verify").body.string
            #expect(html.contains("Information leak: 顧客名簿の誤送信"))
            #expect(html.contains("Severity: Critical"))
            #expect(html.contains("Number of persons: 1200"))
            #expect(html.contains("Step 1 → 2"))
            #expect(html.contains("Verified: every entry is intact."))
            #expect(!html.contains("information_leak"))
            #expect(!html.contains("重大度"))
        }
    }

    @Test("events are stored as canonical JSON and read back; prose is not an event", arguments: [
        TimelineEvent.opened(kind: .ransomware, title: "暗号化"),
        .recordChanged(changes: [.init(field: "persons", value: "5"), .init(field: "observedImpact")]),
        .stepChanged(from: 1, to: 3),
        .pointMarked(point: "ransom-1", state: nil, note: ""),
        .evidenceUploaded(filename: "a/b.txt", size: 73, sha256: "00"),
        .notificationRecorded(recipient: "ppc", action: "preliminary_report", doneOn: "2026-12-01", reference: ""),
        .reportSubmitted(report: "ppc", version: 2, sha256: "ab"),
    ])
    func eventRoundTrip(event: TimelineEvent) {
        #expect(TimelineEvent(storedText: event.storedText) == event)
        #expect(event.storedText == TimelineEvent(storedText: event.storedText)?.storedText)
        #expect(TimelineEvent(storedText: "ransomware: 暗号化") == nil)
        #expect(TimelineEvent(storedText: "{not json") == nil)
    }

    @Test("file sizes are written in the page's language")
    func byteCounts() {
        #expect(L.Incident.byteCount(73, .ja) == "73 バイト")
        #expect(L.Incident.byteCount(73, .en) == "73 bytes")
        #expect(L.Incident.byteCount(2048, .en) == "2.0 KB")
    }
}

@Suite("Download headers (RFC 6266, RFC 9530)")
struct DownloadHeadersTests {
    @Test("file names: ASCII kept, anything else replaced in filename and exact in filename*", arguments: [
        ("note.txt", #"attachment; filename="note.txt"; filename*=UTF-8''note.txt"#),
        ("脅迫文.png", #"attachment; filename="___.png"; filename*=UTF-8''%E8%84%85%E8%BF%AB%E6%96%87.png"#),
        (#"a "b".txt"#, #"attachment; filename="a _b_.txt"; filename*=UTF-8''a%20%22b%22.txt"#),
    ])
    func contentDisposition(filename: String, expected: String) {
        #expect(DownloadHeaders.attachment(filename: filename) == expected)
    }

    @Test("the digest is the SHA-256 in base64 between colons; a malformed hash gives none")
    func digest() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(DownloadHeaders.reprDigest(hexSHA256: empty) == "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:")
        #expect(DownloadHeaders.reprDigest(hexSHA256: "zz") == nil)
    }
}
