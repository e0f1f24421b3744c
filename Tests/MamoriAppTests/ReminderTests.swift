import Fluent
import Foundation
import NIOPosix
import MamoriCore
import SQLKit
import Testing
import VaporTesting
@testable import MamoriApp

/// A webhook receiver on loopback: records what it gets, answers with the statuses given
/// (the last one repeats).
final class WebhookReceiver: @unchecked Sendable {
    struct Received: Sendable {
        let event: String
        let delivery: String
        let timestamp: Int
        let signature: String
        let body: Data
    }

    let app: Application
    let url: String
    private let lock = NSLock()
    private var received: [Received] = []
    private var statuses: [HTTPResponseStatus]

    private init(app: Application, url: String, statuses: [HTTPResponseStatus]) {
        self.app = app
        self.url = url
        self.statuses = statuses
    }

    static func start(statuses: [HTTPResponseStatus] = [.ok]) async throws -> WebhookReceiver {
        let app = try await Application.make(.testing)
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        let holder = Holder()
        app.post("hook") { req async throws -> Response in
            guard let receiver = holder.receiver else { return Response(status: .serviceUnavailable) }
            return receiver.receive(req)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(app.http.server.shared.localAddress?.port)
        let receiver = WebhookReceiver(app: app, url: "http://127.0.0.1:\(port)/hook", statuses: statuses)
        holder.receiver = receiver
        return receiver
    }

    final class Holder: @unchecked Sendable { var receiver: WebhookReceiver? }

    private func receive(_ req: Request) -> Response {
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        let item = Received(event: req.headers.first(name: "X-Mamori-Event") ?? "", delivery: req.headers.first(name: "X-Mamori-Delivery") ?? "",
                            timestamp: Int(req.headers.first(name: WebhookSignature.timestampHeader) ?? "") ?? 0,
                            signature: req.headers.first(name: WebhookSignature.header) ?? "", body: body)
        let status: HTTPResponseStatus = lock.withLock {
            received.append(item)
            return statuses.count > 1 ? statuses.removeFirst() : statuses.first ?? .ok
        }
        return Response(status: status)
    }

    var all: [Received] { lock.withLock { received } }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}

@Suite("Deadline reminders: webhooks (signed, retried, once per event), the duty calendar, owner only")
struct ReminderTests {
    struct Payload: Decodable {
        struct Duty: Decodable { let recipient: String; let action: String; let due: String }
        let event: String
        let duty: Duty?
        let url: String
    }

    /// An open incident with a PPC preliminary report due `dueInDays` from today (negative: overdue).
    func incidentWithPPCDuty(_ browser: TestBrowser, _ organizationID: UUID, dueInDays: Int) async throws -> String {
        let org = "/orgs/\(organizationID.uuidString)"
        try await browser.get("\(org)/incidents/new?kind=ransomware")
        let aware = Date().addingTimeInterval(Double(dueInDays - NotificationDuties.preliminaryDays) * 86_400)
        let created = try await browser.post("\(org)/incidents", ["kind": "ransomware", "title": "暗号化", "detectedAt": TokyoDateTime.format(aware), "severity": "high"])
        let path = String(try #require(created.headers.first(name: .location)).split(separator: "#").first!)
        try await browser.get(path)
        let saved = try await browser.post("\(path)/record", ["title": "暗号化", "severity": "high", "awareAt": TokyoDateTime.format(aware),
                                                              "personalDataInvolved": "on", "persons": "1200"])
        #expect(saved.status == .seeOther)
        return path
    }

    func webhook(_ app: Application, _ owner: Fixtures.Account, url: String) async throws -> (Webhook, String) {
        let organization = try #require(try await Organization.find(owner.organizationID, on: app.db))
        let principal = Principal(user: owner.user, organization: organization, token: nil)
        return try await WebhookService(db: app.db).add(url: url, to: organization, allowPrivateTargets: true, by: principal, ip: nil)
    }

    func dispatch(_ app: Application, now: Date = Date()) async throws -> Int {
        let client = WebhookDispatcher.makeClient()
        defer { Task { try? await client.shutdown() } }
        return try await WebhookDispatcher(db: app.db, client: client, allowPrivateTargets: true, logger: app.logger).runOnce(now: now)
    }

    @Test("an opened incident is delivered once, signed with the secret; due-soon and overdue duties are found by the scan")
    func deliveries() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let (_, secret) = try await webhook(app, owner, url: receiver.url)
            let browser = try await Fixtures.browser(app, as: owner.email)
            _ = try await incidentWithPPCDuty(browser, owner.organizationID!, dueInDays: 1)
            _ = try await incidentWithPPCDuty(browser, owner.organizationID!, dueInDays: -1)

            #expect(try await dispatch(app) == 2)
            let opened = receiver.all
            #expect(opened.map(\.event) == ["incident.opened", "incident.opened"])
            for item in opened {
                #expect(WebhookSignature.isValid(signature: item.signature, body: item.body, timestamp: item.timestamp, secret: secret))
                #expect(!WebhookSignature.isValid(signature: item.signature, body: item.body, timestamp: item.timestamp, secret: "whsec_wrong"))
            }

            // Twice: the second scan finds the same facts and queues nothing new.
            let scan = ReminderScan(db: app.db, publicURL: "https://mamori.example")
            let first = try await scan.run()
            let second = try await scan.run()
            #expect(first.incidents == 2 && second.incidents == 2)
            #expect(try await dispatch(app) >= 2)
            let reminders = receiver.all.dropFirst(2).map { try! JSONDecoder().decode(Payload.self, from: $0.body) }
            let ppcPreliminary = reminders.filter { $0.duty?.recipient == "ppc" && $0.duty?.action == "preliminary_report" }
            #expect(ppcPreliminary.map(\.event).sorted() == ["duty.due_soon", "duty.overdue"])
            #expect(ppcPreliminary.allSatisfy { $0.url.hasPrefix("https://mamori.example/orgs/") })
            let keys = try await WebhookDelivery.query(on: app.db).all(\.$eventKey)
            #expect(Set(keys).count == keys.count)
            #expect(try await dispatch(app) == 0)
            #expect(try await WebhookDelivery.query(on: app.db).filter(\.$status != .delivered).count() == 0)
        }
        try await receiver.stop()
    }

    @Test("a receiver that fails is tried again after a minute; a refusal (4xx) is not retried")
    func retry() async throws {
        let receiver = try await WebhookReceiver.start(statuses: [.internalServerError, .ok])
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let (hook, _) = try await webhook(app, owner, url: receiver.url)
            let organization = try #require(try await Organization.find(owner.organizationID, on: app.db))
            try await WebhookService(db: app.db).sendTest(hook.id, of: organization, by: Principal(user: owner.user, organization: organization, token: nil),
                                                          publicURL: "https://mamori.example")
            #expect(try await dispatch(app) == 1)
            var delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.status == .pending && delivery.attempts == 1 && delivery.lastStatusCode == 500)
            #expect(abs(delivery.nextAttemptAt.timeIntervalSinceNow - 60) < 10)
            // Not yet due: nothing is sent.
            #expect(try await dispatch(app) == 0)
            #expect(try await dispatch(app, now: Date().addingTimeInterval(61)) == 1)
            delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.status == .delivered && delivery.attempts == 2 && delivery.deliveredAt != nil)
            #expect(receiver.all.count == 2)
            // Both attempts carried the same body.
            #expect(receiver.all[0].body == receiver.all[1].body && receiver.all[0].delivery == receiver.all[1].delivery)
        }
        try await receiver.stop()

        let refusing = try await WebhookReceiver.start(statuses: [.gone])
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let (hook, _) = try await webhook(app, owner, url: refusing.url)
            let organization = try #require(try await Organization.find(owner.organizationID, on: app.db))
            try await WebhookService(db: app.db).sendTest(hook.id, of: organization, by: Principal(user: owner.user, organization: organization, token: nil),
                                                          publicURL: "https://mamori.example")
            #expect(try await dispatch(app) == 1)
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.status == .failed && delivery.lastStatusCode == 410)
        }
        try await refusing.stop()
    }

    @Test("two servers scanning and sending at the same time deliver each event once")
    func twoInstances() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withMamoriTwice { first, second in
            let owner = try await Fixtures.signUp(first, email: "owner@example.jp")
            _ = try await webhook(first, owner, url: receiver.url)
            let browser = try await Fixtures.browser(first, as: owner.email)
            for days in [-2, 0, 1, 2] { _ = try await incidentWithPPCDuty(browser, owner.organizationID!, dueInDays: days) }
            // Each server scans and sends twice, all at once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for app in [first, second, first, second] {
                    group.addTask {
                        _ = try await ReminderScan(db: app.db, publicURL: "https://mamori.example").run()
                        _ = try await dispatch(app)
                    }
                }
                try await group.waitForAll()
            }
            while try await dispatch(first) > 0 {}
            let queued = try await WebhookDelivery.query(on: first.db).count()
            let deliveries = receiver.all.map(\.delivery)
            #expect(queued >= 8)   // 4 opened + at least the 4 PPC preliminary reminders
            #expect(deliveries.count == queued, "\(deliveries.count) requests for \(queued) events")
            #expect(Set(deliveries).count == deliveries.count)
        }
        try await receiver.stop()
    }

    @Test("the owner sets up webhooks and the calendar in the page; the feed has the duties with alarms; members get 403")
    func page() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let org = "/orgs/\(owner.organizationID!.uuidString)"
            let browser = try await Fixtures.browser(app, as: owner.email)
            _ = try await incidentWithPPCDuty(browser, owner.organizationID!, dueInDays: 3)

            let page = try await browser.get("\(org)/reminders")
            #expect(page.status == .ok && page.body.string.contains("期限のお知らせ"))
            // A private address is refused beside the field, the address kept as typed.
            let refused = try await browser.post("\(org)/reminders/webhooks", ["url": "https://169.254.169.254/latest"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("https://169.254.169.254/latest") && refused.body.string.contains("社内ネットワーク"))
            let added = try await browser.postAndFollow("\(org)/reminders/webhooks", ["url": "https://hooks.example.jp/mamori"])
            #expect(added.body.string.contains("whsec_"))
            #expect(!(try await browser.get("\(org)/reminders")).body.string.contains("whsec_"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "webhook.added").count() == 1)

            let issued = try await browser.postAndFollow("\(org)/reminders/calendar", [:])
            let link = try #require(Fixtures.invitationLink(in: issued.body.string))
            #expect(link.hasPrefix("/calendar/duties/"))
            let feed = try await app.testing().sendRequest(.GET, link)
            #expect(feed.status == .ok && feed.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let ics = feed.body.string.replacingOccurrences(of: "\r\n ", with: "")
            #expect(ics.contains("BEGIN:VEVENT") && ics.contains("DTSTART;VALUE=DATE:") && ics.contains("BEGIN:VALARM"))
            #expect(ics.contains("TRIGGER;RELATED=START:-PT39H") && ics.contains("個人情報保護委員会・速報"))
            let english = try await app.testing().sendRequest(.GET, link + "?lang=en")
            #expect(english.body.string.replacingOccurrences(of: "\r\n ", with: "").contains("Personal Information Protection Commission — Preliminary report"))

            // Members: 403 with the reason, for the page and every action.
            let staff = try await Fixtures.browser(app, as: member.email)
            #expect(try await staff.get("\(org)/reminders").status == .forbidden)
            #expect(try await staff.post("\(org)/reminders/calendar/stop", [:]).status == .forbidden)
            #expect(try await staff.post("\(org)/reminders/webhooks", ["url": "https://evil.example/x"]).status == .forbidden)

            // Stopping the feed ends the address.
            try await browser.get("\(org)/reminders")
            #expect(try await browser.post("\(org)/reminders/calendar/stop", [:]).status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, link).status == .notFound)

            // Another organization: 404 on the page and on this organization's webhook.
            let other = try await Fixtures.signUp(app, name: "別会社", email: "other@example.jp")
            let stranger = try await Fixtures.browser(app, as: other.email)
            #expect(try await stranger.get("\(org)/reminders").status == .notFound)
            let hook = try #require(try await Webhook.query(on: app.db).first())
            let otherOrg = "/orgs/\(other.organizationID!.uuidString)"
            try await stranger.get("\(otherOrg)/reminders")
            #expect(try await stranger.post("\(otherOrg)/reminders/webhooks/\(hook.id!.uuidString)/remove", [:]).status == .notFound)
            #expect(try await Webhook.query(on: app.db).count() == 1)
        }
    }

    @Test("the API: owner's token manages webhooks and the calendar; a member's token gets 403")
    func api() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: owner, email: "member@example.jp")
            let token = try await APITokenService(db: app.db).create(name: "ops", for: owner.user, actor: .commandLine).secret
            let memberToken = try await APITokenService(db: app.db).create(name: "m", for: member.user, actor: .commandLine).secret
            func send(_ method: HTTPMethod, _ path: String, _ token: String, json: String? = nil) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: token)
                if json != nil { headers.contentType = .json }
                return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
            }
            #expect(try await send(.POST, "/api/v1/reminders/webhooks", token, json: #"{"url": "http://127.0.0.1:9/x"}"#).status == .unprocessableEntity)
            let created = try await send(.POST, "/api/v1/reminders/webhooks", token, json: #"{"url": "https://hooks.example.jp/a"}"#)
            #expect(created.status == .created && created.body.string.contains("whsec_"))
            let listed = try await send(.GET, "/api/v1/reminders/webhooks", token)
            #expect(listed.status == .ok && listed.body.string.contains("hooks.example.jp") && !listed.body.string.contains("whsec_"))
            let id = try #require(try await Webhook.query(on: app.db).first()?.id)
            #expect(try await send(.POST, "/api/v1/reminders/webhooks/\(id.uuidString)/test", token).status == .accepted)
            let log = try await send(.GET, "/api/v1/reminders/deliveries?per=10", token)
            #expect(log.status == .ok && log.body.string.contains("\"ping\""))
            let calendar = try await send(.POST, "/api/v1/reminders/calendar", token)
            struct Feed: Decodable { let url: String }
            #expect(calendar.status == .created)
            let feedURL = try JSONDecoder().decode(Feed.self, from: Data(calendar.body.string.utf8)).url
            #expect(feedURL.contains("/calendar/duties/") && feedURL.hasSuffix(".ics"))
            #expect(try await app.testing().sendRequest(.GET, URL(string: feedURL)!.path).status == .ok)
            #expect(try await send(.GET, "/api/v1/reminders/webhooks", memberToken).status == .forbidden)
            #expect(try await send(.DELETE, "/api/v1/reminders/calendar", memberToken).status == .forbidden)
            #expect(try await send(.DELETE, "/api/v1/reminders/webhooks/\(UUID().uuidString)", token).status == .notFound)
            #expect(try await send(.DELETE, "/api/v1/reminders/webhooks/\(id.uuidString)", token).status == .noContent)
            #expect(try await send(.DELETE, "/api/v1/reminders/calendar", token).status == .noContent)
        }
    }
}

/// Two Mamori applications on one database, as two servers behind no proxy: on PostgreSQL
/// one schema; on SQLite one file (in a temporary folder).
func withMamoriTwice(_ test: (Application, Application) async throws -> Void) async throws {
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let postgresURL = ProcessInfo.processInfo.environment["MAMORI_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mamori-two-\(UUID().uuidString)")
    let choice: DatabaseChoice = postgresURL.map { .postgres(url: $0, searchPath: String(schema)) }
        ?? .sqliteFile(path: folder.appendingPathComponent("mamori.sqlite").path)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Each application gets blocking threads of its own. Vapor's default is one process-wide pool
    // (as many threads as cores) that SQLite's queries run on: two applications on one SQLite
    // file could fill it with statements waiting for a lock whose holder then finds no thread
    // to commit on, and every test in the process would stop. Two servers are two processes.
    try await withApp(configure: { app in
        app.threadPool = NIOThreadPool(numberOfThreads: 4)
        try await configure(app, database: choice)
        if postgresURL != nil { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: String(schema))").run() }
        try await app.useWriteAheadLogIfSQLite()
        try await app.autoMigrate()
    }) { first in
        try await withApp(configure: { app in
            app.threadPool = NIOThreadPool(numberOfThreads: 4)
            try await configure(app, database: choice)
        }) { second in
            try await test(first, second)
        }
        if postgresURL != nil { try await (first.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run() }
    }
}
