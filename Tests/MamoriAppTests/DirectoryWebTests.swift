import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Help directory: public pages, the office's corrections, reports and the API")
struct DirectoryWebTests {
    // MARK: Helpers

    struct APIContact: Decodable {
        let id: String
        let phone: String?
        let email: String?
        let needs: [String]?
        let emailAsPrinted: Bool?
        let correctedFields: [String]?
        let verifiedOn: String?
    }

    struct APIPage: Decodable {
        let items: [APIContact]
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { let fields: [String: String]? }
        let error: Detail
    }

    /// `DirectoryEntryInput` as the API takes it.
    struct EntryBody: Encodable {
        struct Text: Encodable {
            var ja: String
            var en: String?
        }

        var organization: Text
        var name: Text
        var purpose: Text
        var hours: Text?
        var category: String
        var phone: String?
        var email: String?
        var url: String?
        var needs: [String]?
        var historical: Bool?

        /// Every current value of a contact, as the office would send it back unchanged.
        static func of(_ contact: ContactDirectory.Contact) -> EntryBody {
            EntryBody(organization: Text(ja: contact.organization.ja, en: contact.organization.en),
                      name: Text(ja: contact.name.ja, en: contact.name.en),
                      purpose: Text(ja: contact.purpose.ja, en: contact.purpose.en),
                      hours: contact.hours.map { Text(ja: $0.ja, en: $0.en) },
                      category: contact.category, phone: contact.phone, email: contact.email, url: contact.url,
                      needs: contact.needs.map(\.rawValue), historical: contact.historical)
        }

        func json() throws -> String {
            String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        }
    }

    private func bundled(_ id: String) throws -> ContactDirectory.Contact {
        try #require(ContactDirectory.bundled.contact(id))
    }

    /// A program office admin.
    private func officeAdmin(_ app: Application, email: String) async throws -> User {
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        return try await SetupService(db: app.db, hasher: hasher).createOfficeAdmin(
            .init(displayName: "事務局", email: email, password: Fixtures.password, passwordConfirmation: nil), locale: .ja, actorIP: nil)
    }

    /// A program office admin, signed in.
    private func officeBrowser(_ app: Application, email: String) async throws -> (User, TestBrowser) {
        let user = try await officeAdmin(app, email: email)
        return (user, try await Fixtures.browser(app, as: email))
    }

    private func apiToken(_ app: Application, _ user: User) async throws -> String {
        try await APITokenService(db: app.db).create(name: "test", for: user, actor: .commandLine).secret
    }

    private func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.string.utf8))
    }

    /// The ids of the contact cards on a page.
    private func contactIDs(in html: String) -> Set<String> {
        Set(html.components(separatedBy: #"data-contact=""#).dropFirst().compactMap { piece in
            piece.split(separator: "\"", maxSplits: 1).first.map(String.init)
        })
    }

    /// The HTML of one contact card on a page.
    private func card(_ html: String, _ id: String) -> String? {
        guard let start = html.range(of: #"data-contact="\#(id)""#) else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</article>") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    /// The ids of the contact cards on the page at `path`.
    private func ids(_ browser: TestBrowser, _ path: String) async throws -> Set<String> {
        contactIDs(in: try await browser.get(path).body.string)
    }

    private func location(_ response: TestingHTTPResponse) -> String {
        response.headers.first(name: .location) ?? ""
    }

    // MARK: The public pages

    @Test("the public directory: jump links, the historical section, the as-printed warning, the need filter and entry pages")
    func publicPages() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            let list = try await visitor.get("/help/contacts")
            #expect(list.status == .ok)
            let html = list.body.string
            #expect(html.contains(##"href="#category-"##))
            #expect(html.contains(#"id="category-consultation""#))
            #expect(html.contains(#"id="historical""#))
            #expect(html.contains(##"href="#historical""##))
            #expect(contactIDs(in: html) == Set(ContactDirectory.bundled.contacts.map(\.id)))

            // The address misprinted in the seed is shown as printed, not as a link, with the warning.
            let ipa = try #require(card(html, "ipa-anshin-soudan"))
            #expect(ipa.contains("anshin.@ipa.go.jp"))
            #expect(ipa.contains(L.Directory.emailAsPrinted.ja))
            #expect(ipa.contains(#"data-flag="email-as-printed""#))
            #expect(!ipa.contains("mailto:anshin.@ipa.go.jp"))
            // An ordinary address is a link and carries no warning.
            let bec = try #require(card(html, "ipa-bec-page"))
            #expect(bec.contains("mailto:isec-info@ipa.go.jp"))
            #expect(!bec.contains(L.Directory.emailAsPrinted.ja))
            // Historical entries are marked.
            #expect(html.contains(#"data-contact="mhlw-telework-sodan-center""#))
            #expect(html.contains(#"class="contact historical""#))

            let ransomware = try await visitor.get("/help/contacts?need=ransomware")
            #expect(ransomware.status == .ok)
            let found = contactIDs(in: ransomware.body.string)
            #expect(found == Set(ContactDirectory.bundled.search(nil, category: nil, need: .ransomware).map(\.id)))
            #expect(found.contains("ipa-anshin-soudan"))
            #expect(!found.contains("houterasu"))
            #expect(!found.contains("ppc-leak-report"))

            // A word and a need together.
            let both = try await visitor.get("/help/contacts?q=IPA&need=ransomware")
            let bothIDs = contactIDs(in: both.body.string)
            #expect(bothIDs.contains("ipa-anshin-soudan"))
            #expect(!bothIDs.contains("npa-ransomware"))
            #expect(!bothIDs.contains("ipa-bec-page"))

            let entry = try await visitor.get("/help/contacts/ipa-anshin-soudan")
            #expect(entry.status == .ok)
            #expect(entry.body.string.contains("03-5978-7509"))
            #expect(entry.body.string.contains(L.Directory.emailAsPrinted.ja))
            #expect(!entry.body.string.contains(#"id="corrections""#))
            #expect(try await visitor.get("/help/contacts/no-such-entry").status == .notFound)
        }
    }

    // MARK: The office's corrections

    @Test("an office edit overrides the bundled entry, is audited, shows what differs and is re-applied on every read")
    func officeCorrection() async throws {
        try await withMamori { app in
            let (_, office) = try await officeBrowser(app, email: "dir-office-correct@example.jp")
            let original = try bundled("ipa-anshin-soudan")

            let editPage = try await office.get("/office/directory/ipa-anshin-soudan")
            #expect(editPage.status == .ok)
            #expect(editPage.body.string.contains(L.Directory.emailAsPrinted.ja))
            #expect(editPage.body.string.contains(#"value="anshin.@ipa.go.jp""#))

            var form = OfficeDirectoryPages.values(of: original)
            form["email"] = "anshin@ipa.go.jp"
            let saved = try await office.post("/office/directory/ipa-anshin-soudan", form)
            #expect(saved.status == .seeOther, "saving answered \(saved.status): \(saved.body.string.prefix(500))")
            #expect(location(saved) == "/office/directory/ipa-anshin-soudan")
            #expect(try await office.follow(saved).status == .ok)

            // The public page: the corrected address, the corrections table, no warning any more.
            let visitor = TestBrowser(app)
            let page = try await visitor.get("/help/contacts/ipa-anshin-soudan")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("mailto:anshin@ipa.go.jp"))
            #expect(html.contains(#"id="corrections""#))
            #expect(html.contains(#"data-field="email""#))
            #expect(!html.contains(#"data-field="phone""#))
            #expect(html.contains("anshin.@ipa.go.jp"), "the bundled value is shown next to the corrected one")
            #expect(!html.contains(L.Directory.emailAsPrinted.ja))
            #expect(!html.contains(#"data-flag="email-as-printed""#))

            // In the list, this card no longer warns; the other card with the same misprint still does.
            let list = try await visitor.get("/help/contacts").body.string
            let corrected = try #require(card(list, "ipa-anshin-soudan"))
            #expect(corrected.contains("anshin@ipa.go.jp"))
            #expect(!corrected.contains(L.Directory.emailAsPrinted.ja))
            let sameMisprint = try #require(card(list, "ipa-ransomware-page"))
            #expect(sameMisprint.contains(L.Directory.emailAsPrinted.ja))

            // Audited, and only the e-mail is stored.
            let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "directory.corrected").all()
            #expect(audits.count == 1)
            #expect(audits.first?.summary.contains("ipa-anshin-soudan") == true)
            let record = try #require(try await DirectoryEntryRecord.query(on: app.db).filter(\.$entryID == "ipa-anshin-soudan").first())
            #expect(record.added == false)
            #expect(record.correction?.fields == ["email"])
            #expect(record.correction?.email == "anshin@ipa.go.jp")

            // The bundled file is untouched; a fresh read re-applies the overlay.
            #expect(ContactDirectory.bundled.contact("ipa-anshin-soudan")?.email == "anshin.@ipa.go.jp")
            let reread = try await DirectoryService(db: app.db).entry("ipa-anshin-soudan")
            #expect(reread.contact.email == "anshin@ipa.go.jp")
            #expect(reread.contact.phone == original.phone)
            #expect(reread.bundled?.email == "anshin.@ipa.go.jp")
            #expect(reread.correction?.fields == ["email"])
            #expect(try await DirectoryService(db: app.db).directory().contact("ipa-anshin-soudan")?.email == "anshin@ipa.go.jp")

            // A newer bundled entry (a re-seed): its new text shows, the corrected e-mail stays.
            var newer = original
            newer.purpose = LocalizedText(ja: "新しい説明文", en: "A new description")
            let applied = try #require(record.correction).apply(to: newer)
            #expect(applied.purpose.ja == "新しい説明文")
            #expect(applied.email == "anshin@ipa.go.jp")

            // The API shows the same.
            let api = try await send(app, .GET, "/api/v1/directory/ipa-anshin-soudan")
            #expect(api.status == .ok)
            let contact = try decode(APIContact.self, api)
            #expect(contact.email == "anshin@ipa.go.jp")
            #expect(contact.emailAsPrinted == false)
            #expect(contact.correctedFields == ["email"])
        }
    }

    @Test("the office adds, retires, restores and verifies entries; invalid input is refused with 422 keeping what was typed")
    func officeChanges() async throws {
        try await withMamori { app in
            let (_, office) = try await officeBrowser(app, email: "dir-office-changes@example.jp")
            let visitor = TestBrowser(app)

            // Invalid input, on a new entry and on an existing one.
            #expect(try await office.get("/office/directory/new").status == .ok)
            let invalid = try await office.post("/office/directory/new", [
                "organizationJa": "入力中の協会", "nameJa": "", "purposeJa": "入力中の説明", "category": "consultation",
                "email": "not-an-email", "url": "javascript:alert(1)",
            ])
            #expect(invalid.status == .unprocessableEntity)
            let invalidHTML = invalid.body.string
            #expect(invalidHTML.contains("入力中の協会"))
            #expect(invalidHTML.contains("入力中の説明"))
            #expect(invalidHTML.contains(#"value="not-an-email""#))
            #expect(invalidHTML.contains("javascript:alert(1)"))
            #expect(try await DirectoryEntryRecord.query(on: app.db).count() == 0)

            var badEdit = try OfficeDirectoryPages.values(of: bundled("houterasu"))
            badEdit["email"] = "not-an-email"
            badEdit["url"] = "javascript:alert(1)"
            let refused = try await office.post("/office/directory/houterasu", badEdit)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"value="not-an-email""#))
            #expect(refused.body.string.contains("0570-078374"))
            #expect(try await DirectoryEntryRecord.query(on: app.db).count() == 0)

            // Adding an entry.
            let created = try await office.post("/office/directory/new", [
                "organizationJa": "テスト商工会", "organizationEn": "Test Chamber", "nameJa": "テスト事務局相談窓口", "nameEn": "",
                "purposeJa": "テスト用の相談窓口です。", "purposeEn": "", "category": "consultation", "phone": "03-1111-2222",
                "email": "desk@example.jp", "url": "https://example.jp/desk", "hoursJa": "平日9:00～17:00", "hoursEn": "",
                "need_subsidy": "on",
            ])
            #expect(created.status == .seeOther, "adding answered \(created.status): \(created.body.string.prefix(500))")
            let addedPath = location(created)
            #expect(addedPath.hasPrefix("/office/directory/office-"))
            let addedID = String(addedPath.split(separator: "/").last ?? "")
            #expect(addedID.hasPrefix("office-"))
            #expect(try await office.follow(created).status == .ok)
            let record = try #require(try await DirectoryEntryRecord.query(on: app.db).filter(\.$entryID == addedID).first())
            #expect(record.added)
            #expect(record.addedEntry?.name.ja == "テスト事務局相談窓口")
            #expect(record.addedEntry?.name.en == "テスト事務局相談窓口", "an empty English text repeats the Japanese one")
            #expect(record.addedEntry?.needs == [.subsidy])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.added").count() == 1)
            #expect(try await ids(visitor, "/help/contacts").contains(addedID))
            #expect(try await ids(visitor, "/help/contacts?need=subsidy").contains(addedID))
            #expect(try await ids(visitor, "/help/contacts?need=ransomware").contains(addedID) == false)
            let addedPage = try await visitor.get("/help/contacts/\(addedID)")
            #expect(addedPage.status == .ok)
            #expect(addedPage.body.string.contains("テスト事務局相談窓口"))
            #expect(addedPage.body.string.contains("03-1111-2222"))

            // Retiring a bundled entry hides it; restoring brings it back.
            let retired = try await office.post("/office/directory/houterasu/retire", [:])
            #expect(retired.status == .seeOther)
            #expect(location(retired) == "/office/directory/houterasu")
            #expect(try await ids(visitor, "/help/contacts").contains("houterasu") == false)
            #expect(try await visitor.get("/help/contacts/houterasu").status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/directory/houterasu").status == .notFound)
            let officeList = try await office.get("/office/directory")
            #expect(officeList.status == .ok)
            #expect(officeList.body.string.contains(#"data-entry="houterasu""#), "the office still sees retired entries")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.retired").count() == 1)

            let restored = try await office.post("/office/directory/houterasu/restore", [:])
            #expect(restored.status == .seeOther)
            #expect(try await ids(visitor, "/help/contacts").contains("houterasu"))
            #expect(try await visitor.get("/help/contacts/houterasu").status == .ok)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.restored").count() == 1)

            // Verifying records today's date, shown on the entry's page.
            let today = CalendarDate.today()
            let verified = try await office.post("/office/directory/tokyo-tcyss/verify", [:])
            #expect(verified.status == .seeOther)
            let verifiedRecord = try #require(try await DirectoryEntryRecord.query(on: app.db).filter(\.$entryID == "tokyo-tcyss").first())
            #expect(verifiedRecord.verifiedOn == today)
            #expect(verifiedRecord.correction?.isEmpty == true, "verifying corrects nothing")
            let verifiedPage = try await visitor.get("/help/contacts/tokyo-tcyss")
            #expect(verifiedPage.body.string.contains(L.Directory.verifiedOn.ja))
            #expect(verifiedPage.body.string.contains(DateText.calendarDate(today, .ja)))
            #expect(!verifiedPage.body.string.contains(#"id="corrections""#))
            let verifiedAPI = try decode(APIContact.self, await send(app, .GET, "/api/v1/directory/tokyo-tcyss"))
            #expect(verifiedAPI.verifiedOn == today)

            // An unknown action or entry is not found.
            #expect(try await office.post("/office/directory/houterasu/explode", [:]).status == .notFound)
            #expect(try await office.get("/office/directory/no-such-entry").status == .notFound)
        }
    }

    @Test("only the office edits: other roles get 403 for the office's directory pages and from the API, and nothing is stored")
    func nonAdminCannotEdit() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "dir-owner-refused@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let form = try OfficeDirectoryPages.values(of: bundled("ipa-anshin-soudan")).merging(["email": "stolen@example.jp"]) { $1 }

            #expect(try await browser.get("/office/directory").status == .forbidden)
            #expect(try await browser.get("/office/directory/new").status == .forbidden)
            #expect(try await browser.get("/office/directory/ipa-anshin-soudan").status == .forbidden)
            #expect(try await browser.post("/office/directory/ipa-anshin-soudan", form).status == .forbidden)
            #expect(try await browser.post("/office/directory/new", form).status == .forbidden)
            #expect(try await browser.post("/office/directory/ipa-anshin-soudan/retire", [:]).status == .forbidden)
            #expect(try await browser.post("/office/directory/ipa-anshin-soudan/verify", [:]).status == .forbidden)

            // Not signed in: sent to the login page.
            let visitor = TestBrowser(app)
            try await visitor.get("/help/contacts")
            let anonymous = try await visitor.post("/office/directory/ipa-anshin-soudan", form)
            #expect(anonymous.status == .seeOther)
            #expect(location(anonymous).hasPrefix("/login"))

            let token = try await apiToken(app, owner.user)
            var body = try EntryBody.of(bundled("ipa-anshin-soudan"))
            body.email = "stolen@example.jp"
            let json = try body.json()
            let put = try await send(app, .PUT, "/api/v1/directory/ipa-anshin-soudan", token: token, json: json)
            #expect(put.status == .forbidden)
            let post = try await send(app, .POST, "/api/v1/directory", token: token, json: json)
            #expect(post.status == .forbidden)
            #expect(try await send(app, .PUT, "/api/v1/directory/ipa-anshin-soudan", json: json).status == .unauthorized)
            #expect(try await send(app, .POST, "/api/v1/directory", json: json).status == .unauthorized)

            #expect(try await DirectoryEntryRecord.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.corrected").count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.added").count() == 0)
            #expect(try await DirectoryService(db: app.db).entry("ipa-anshin-soudan").contact.email == "anshin.@ipa.go.jp")
        }
    }

    // MARK: Reports

    @Test("signed-in people report outdated entries; the office sees and resolves them; the API takes reports from any token")
    func reports() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "dir-owner-reports@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let entryPage = try await browser.get("/help/contacts/ipa-anshin-soudan")
            #expect(entryPage.body.string.contains(#"action="/help/contacts/ipa-anshin-soudan/reports""#))

            let sent = try await browser.post("/help/contacts/ipa-anshin-soudan/reports", ["note": "電話番号が変わっています"])
            #expect(sent.status == .seeOther)
            #expect(location(sent) == "/help/contacts/ipa-anshin-soudan")
            #expect(try await browser.follow(sent).body.string.contains(L.Directory.reportSent.ja))
            let stored = try await DirectoryReport.query(on: app.db).all()
            #expect(stored.count == 1)
            let report = try #require(stored.first)
            #expect(report.entryID == "ipa-anshin-soudan")
            #expect(report.note == "電話番号が変わっています")
            #expect(report.reportedByID == owner.user.id)
            #expect(report.resolvedAt == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.reported").count() == 1)
            // Reporting an unknown entry is not found.
            #expect(try await browser.post("/help/contacts/no-such-entry/reports", ["note": "x"]).status == .notFound)

            // A visitor is sent to sign in, and nothing is stored.
            let visitor = TestBrowser(app)
            let visitorPage = try await visitor.get("/help/contacts/ipa-anshin-soudan")
            #expect(!visitorPage.body.string.contains(#"action="/help/contacts/ipa-anshin-soudan/reports""#))
            let anonymous = try await visitor.post("/help/contacts/ipa-anshin-soudan/reports", ["note": "匿名の報告"])
            #expect(anonymous.status == .seeOther)
            #expect(location(anonymous).hasPrefix("/login"))
            #expect(try await DirectoryReport.query(on: app.db).count() == 1)

            // The office sees the open report and resolves it.
            let (officeUser, office) = try await officeBrowser(app, email: "dir-office-reports@example.jp")
            let reportID = try report.requireID()
            let list = try await office.get("/office/directory")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("電話番号が変わっています"))
            #expect(list.body.string.contains(#"data-report="\#(reportID.uuidString)""#))
            let resolved = try await office.post("/office/directory/reports/\(reportID.uuidString)/resolve", [:])
            #expect(resolved.status == .seeOther)
            #expect(location(resolved).hasPrefix("/office/directory"))
            let after = try #require(try await DirectoryReport.find(reportID, on: app.db))
            #expect(after.resolvedAt != nil)
            #expect(after.resolvedByName == officeUser.displayName)
            let listAfter = try await office.get("/office/directory").body.string
            #expect(!listAfter.contains("電話番号が変わっています"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.report_resolved").count() == 1)
            #expect(try await office.post("/office/directory/reports/\(UUID().uuidString)/resolve", [:]).status == .notFound)
            // The owner cannot resolve.
            #expect(try await browser.post("/office/directory/reports/\(reportID.uuidString)/resolve", [:]).status == .forbidden)

            // Through the API: any token, 404 for an unknown entry, 401 without a token.
            let token = try await apiToken(app, owner.user)
            let apiReport = try await send(app, .POST, "/api/v1/directory/ipa-anshin-soudan/reports", token: token, json: #"{"note": "URLが古いようです"}"#)
            #expect(apiReport.status == .created)
            #expect(apiReport.body.string.contains("ipa-anshin-soudan"))
            #expect(try await send(app, .POST, "/api/v1/directory/no-such-entry/reports", token: token, json: #"{"note": "x"}"#).status == .notFound)
            #expect(try await send(app, .POST, "/api/v1/directory/ipa-anshin-soudan/reports", json: #"{"note": "x"}"#).status == .unauthorized)
            let all = try await DirectoryReport.query(on: app.db).all()
            #expect(all.count == 2)
            #expect(all.contains { $0.note == "URLが古いようです" && $0.resolvedAt == nil })
        }
    }

    // MARK: The API

    @Test("the API: public search by need, 422 for an unknown need, public entries, and the office's corrections and additions")
    func api() async throws {
        try await withMamori { app in
            let subsidy = try await send(app, .GET, "/api/v1/directory?need=subsidy&per=100")
            #expect(subsidy.status == .ok)
            let page = try decode(APIPage.self, subsidy)
            #expect(!page.items.isEmpty)
            #expect(page.items.allSatisfy { $0.needs?.contains("subsidy") == true })
            #expect(Set(page.items.map(\.id)) == Set(ContactDirectory.bundled.search(nil, category: nil, need: .subsidy).map(\.id)))

            let bogus = try await send(app, .GET, "/api/v1/directory?need=bogus")
            #expect(bogus.status == .unprocessableEntity)
            #expect(try decode(ErrorBody.self, bogus).error.fields?["need"] != nil, "\(bogus.body.string)")

            let entry = try await send(app, .GET, "/api/v1/directory/ipa-anshin-soudan")
            #expect(entry.status == .ok)
            let contact = try decode(APIContact.self, entry)
            #expect(contact.id == "ipa-anshin-soudan")
            #expect(contact.email == "anshin.@ipa.go.jp")
            #expect(contact.emailAsPrinted == true)
            #expect(contact.correctedFields == nil || contact.correctedFields?.isEmpty == true)
            #expect(try await send(app, .GET, "/api/v1/directory/no-such-entry").status == .notFound)

            // The office corrects the phone number, keeping every other value.
            let office = try await officeAdmin(app, email: "dir-office-api@example.jp")
            let token = try await apiToken(app, office)
            var body = try EntryBody.of(bundled("ipa-anshin-soudan"))
            body.phone = "03-5978-7510"
            let json = try body.json()
            let put = try await send(app, .PUT, "/api/v1/directory/ipa-anshin-soudan", token: token, json: json)
            #expect(put.status == .ok, "\(put.body.string)")
            let corrected = try decode(APIContact.self, put)
            #expect(corrected.phone == "03-5978-7510")
            #expect(corrected.correctedFields?.contains("phone") == true)
            #expect(corrected.correctedFields?.contains("email") == false, "the printed address was sent back unchanged")
            #expect(corrected.emailAsPrinted == true)
            let reread = try decode(APIContact.self, await send(app, .GET, "/api/v1/directory/ipa-anshin-soudan"))
            #expect(reread.phone == "03-5978-7510")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "directory.corrected").count() == 1)

            // Invalid input and unknown entries.
            var invalid = body
            invalid.url = "javascript:alert(1)"
            let invalidJSON = try invalid.json()
            #expect(try await send(app, .PUT, "/api/v1/directory/ipa-anshin-soudan", token: token, json: invalidJSON).status == .unprocessableEntity)
            #expect(try await send(app, .PUT, "/api/v1/directory/no-such-entry", token: token, json: json).status == .notFound)

            // The office adds an entry.
            let added = EntryBody(organization: .init(ja: "API商工会"), name: .init(ja: "API相談窓口", en: "API desk"),
                                  purpose: .init(ja: "APIで追加した相談窓口です。"), hours: nil, category: "consultation",
                                  phone: "03-3333-4444", email: nil, url: "https://example.jp/api-desk", needs: ["find_vendor"], historical: nil)
            let addedJSON = try added.json()
            let post = try await send(app, .POST, "/api/v1/directory", token: token, json: addedJSON)
            #expect(post.status == .created, "\(post.body.string)")
            let addedContact = try decode(APIContact.self, post)
            #expect(addedContact.id.hasPrefix("office-"))
            #expect(addedContact.needs == ["find_vendor"])
            #expect(try await send(app, .GET, "/api/v1/directory/\(addedContact.id)").status == .ok)
            let vendors = try decode(APIPage.self, await send(app, .GET, "/api/v1/directory?need=find_vendor&per=100"))
            #expect(vendors.items.contains { $0.id == addedContact.id })
        }
    }
}
