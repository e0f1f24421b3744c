import Fluent
import Foundation
import MamoriCore
import SQLKit
import Testing
import VaporTesting
import ZIPFoundation
@testable import MamoriApp

@Suite("Incident response in the browser")
struct IncidentTests {
    @Test("open a ransomware incident, tick playbook points (N/A needs a reason), record facts, notify and close")
    func flow() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            let path = try await Fixtures.openRansomware(browser, orgPath)
            let page = try await browser.get(path)
            let playbook = PlaybookContent.bundled.playbook(for: .ransomware)
            #expect(page.body.string.contains(playbook.points[0].title.ja))
            #expect(page.body.string.contains("data-duty=\"police-report\""))

            let first = playbook.points[0].id, second = playbook.points[1].id
            #expect(try await browser.post("\(path)/checks/\(first)", ["state": "done", "note": "責任者に連絡済み"]).status == .seeOther)
            try await browser.get(path)
            let noReason = try await browser.post("\(path)/checks/\(second)", ["state": "not_applicable", "note": ""])
            #expect(noReason.status == .unprocessableEntity)
            try await browser.get(path)
            #expect(try await browser.post("\(path)/checks/\(second)", ["state": "not_applicable", "note": "該当機器なし"]).status == .seeOther)
            try await browser.get(path)
            #expect(try await browser.post("\(path)/checks/no-such-point", ["state": "done"]).status == .notFound)
            #expect(try await IncidentCheck.query(on: app.db).count() == 2)

            // Personal data of 1,200 persons: the PPC duties appear with their dates.
            try await browser.get(path)
            let saved = try await browser.post("\(path)/record", ["title": "ファイルサーバーが暗号化された", "severity": "critical", "awareAt": "2026-04-01T10:00",
                                                                  "personalDataInvolved": "on", "persons": "1200", "observedImpact": "共有フォルダが開けない"])
            #expect(saved.status == .seeOther)
            let withDuties = try await browser.get(path)
            #expect(withDuties.body.string.contains("data-duty=\"ppc-final_report\""))
            #expect(withDuties.body.string.contains("令和8年6月1日"))
            try await browser.post("\(path)/duties/ppc/preliminary_report", ["doneOn": "2026-04-03", "reference": "PPC-123"])
            #expect(try await IncidentNotification.query(on: app.db).first()?.reference == "PPC-123")
            // A notification recorded by mistake can be taken back; the timeline keeps both.
            try await browser.get(path)
            #expect(try await browser.post("\(path)/duties/ppc/preliminary_report/undo", [:]).status == .seeOther)
            #expect(try await IncidentNotification.query(on: app.db).count() == 0)
            try await browser.get(path)
            try await browser.post("\(path)/duties/ppc/preliminary_report", ["doneOn": "2026-04-03", "reference": "PPC-123"])
            try await browser.get(path)
            #expect(try await browser.post("\(path)/duties/ppc/preliminary_report", ["doneOn": "2999-01-01"]).status == .unprocessableEntity)
            try await browser.get(path)
            #expect(try await browser.post("\(path)/duties/nobody/nothing", ["doneOn": "2026-04-03"]).status == .notFound)

            // Closing needs the cause and at least one measure; measures are kept one a row.
            try await browser.get(path)
            #expect(try await browser.post("\(path)/close", ["causeSummary": "", "measures": ""]).status == .unprocessableEntity)
            try await browser.get(path)
            #expect(try await browser.post("\(path)/close", ["causeSummary": "VPN機器の脆弱性", "measures": "VPN機器を更新する\nバックアップを別に保管する\n"]).status == .seeOther)
            #expect(try await IncidentMeasure.query(on: app.db).count() == 2)
            try await browser.get(path)
            #expect(try await browser.post("\(path)/checks/\(first)", ["state": "clear"]).status == .conflict)
            #expect(try await Incident.query(on: app.db).count() == 1, "incidents are never deleted")
        }
    }

    @Test("the timeline verifies intact, and detects an entry changed directly in the database")
    func tamperEvidence() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            try await browser.get(path)
            for text in ["LANケーブルを抜いた", "脅迫文を撮影した", "経営者に報告した"] {
                try await browser.post("\(path)/timeline", ["text": text])
                try await browser.get(path)
            }
            try await browser.post("\(path)/timeline", ["text": "撮影は10:05だった", "corrects": "3"])
            #expect(try await browser.get("\(path)/timeline/verify").body.string.contains("すべての記録が改ざんされていません"))

            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE incident_timeline SET text = 'LANケーブルは抜かなかった' WHERE sequence = 2").run()
            let broken = try await browser.get("\(path)/timeline/verify")
            #expect(broken.body.string.contains("記録 #2 以降が改ざんされています"))
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(try await IncidentService(db: app.db).verify(incident) == 2)

            // Deleting an entry is detected too.
            try await sql.raw("UPDATE incident_timeline SET text = 'LANケーブルを抜いた' WHERE sequence = 2").run()
            #expect(try await IncidentService(db: app.db).verify(incident) == nil)
            try await sql.raw("DELETE FROM incident_timeline WHERE sequence = 3").run()
            #expect(try await IncidentService(db: app.db).verify(incident) == 4)
        }
    }

    @Test("evidence: SHA-256 and size recorded, uploads and downloads in the timeline, size limit gives 413")
    func evidence() async throws {
        try await withMamori { app in
            app.settings.maxUploadMegabytes = 1
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            try await browser.get(path)
            let bytes: [UInt8] = Array("Your files are encrypted. Pay 1 BTC.".utf8)
            #expect(try await browser.upload("\(path)/evidence", filename: "ransom-note.txt", contentType: "text/html", data: bytes).status == .seeOther)
            let stored = try #require(try await EvidenceFile.query(on: app.db).first())
            #expect(stored.sha256 == SecretToken.sha256Hex(Data(bytes)) && stored.size == bytes.count)
            let download = try await browser.get("\(path)/evidence/\(stored.id!.uuidString)")
            #expect(Array(download.body.readableBytesView) == bytes)
            #expect(download.headers.first(name: .contentType) == "application/octet-stream")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let types = try await TimelineEntry.query(on: app.db).all().map(\.type)
            #expect(types.contains("evidence_upload") && types.contains("evidence_download"))

            try await browser.get(path)
            let big = try await browser.upload("\(path)/evidence", filename: "disk.img", contentType: "application/octet-stream",
                                               data: [UInt8](repeating: 0, count: 1024 * 1024 + 1))
            #expect(big.status == .payloadTooLarge)
            #expect(try await EvidenceFile.query(on: app.db).count() == 1)
        }
    }

    @Test("another organization's incident and evidence answer 404")
    func tenancy() async throws {
        try await withMamori { app in
            let a = try await Fixtures.signUp(app, name: "A社", email: "a@example.jp")
            let browserA = try await Fixtures.browser(app, as: a.email)
            let path = try await Fixtures.openRansomware(browserA, "/orgs/\(a.organizationID!.uuidString)")
            try await browserA.get(path)
            try await browserA.upload("\(path)/evidence", filename: "log.txt", contentType: "text/plain", data: Array("log".utf8))
            let evidence = try #require(try await EvidenceFile.query(on: app.db).first())
            let incidentID = try #require(try await Incident.query(on: app.db).first()?.id)

            let b = try await Fixtures.signUp(app, name: "B社", email: "b@example.jp")
            let browserB = try await Fixtures.browser(app, as: b.email)
            for target in [path, "\(path)/evidence/\(evidence.id!.uuidString)", "\(path)/timeline/verify",
                           "/orgs/\(b.organizationID!.uuidString)/incidents/\(incidentID.uuidString)",
                           "/orgs/\(b.organizationID!.uuidString)/incidents/\(incidentID.uuidString)/evidence/\(evidence.id!.uuidString)"] {
                #expect(try await browserB.get(target).status == .notFound, "\(target)")
            }
            try await browserB.get("/dashboard")
            #expect(try await browserB.post("\(path)/timeline", ["text": "侵入"]).status == .notFound)
            #expect(try await TimelineEntry.query(on: app.db).filter(\.$text == "侵入").count() == 0)
        }
    }

    @Test("the number of persons starts blank (not a 0 that reads as nobody) and shows what was recorded")
    func personsPrefill() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            let personsField: String = #"id="field-persons" name="persons""#
            let fresh = try await browser.get(path).body.string
            #expect(fresh.contains(personsField))
            #expect(!fresh.contains(personsField + #" value="0""#), "no 0 before a number is entered")
            #expect(fresh.contains(L.Incident.personsHint.ja))
            try await browser.post("\(path)/record", ["title": "暗号化", "severity": "high", "personalDataInvolved": "on", "persons": "10"])
            #expect(try await browser.get(path).body.string.contains(personsField + #" value="10""#))
        }
    }

    @Test("the dashboard shows duties that are overdue or due soon")
    func dashboardCard() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            #expect(try await browser.get("/dashboard").body.string.contains("期限が近い報告・連絡はありません") == false)
            try await browser.get(path)
            try await browser.post("\(path)/record", ["title": "暗号化", "severity": "high", "awareAt": TokyoDateTime.format(Date().addingTimeInterval(-4 * 86_400)),
                                                      "personalDataInvolved": "on", "persons": "10"])
            let dashboard = try await browser.get("/dashboard")
            #expect(dashboard.body.string.contains("card-alert"))
            #expect(dashboard.body.string.contains("速報"))
        }
    }

    @Test("report drafts: the PPC report's nine items from the record; edits go to print and to a valid Word file")
    func reports() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = try await Fixtures.openRansomware(browser, "/orgs/\(owner.organizationID!.uuidString)")
            try await browser.get(path)
            try await browser.post("\(path)/record", ["title": "暗号化", "severity": "high", "awareAt": "2026-04-01T10:00", "personalDataInvolved": "on",
                                                      "persons": "1200", "suspectedCause": "VPN機器の脆弱性 <script>", "categoryNote": "氏名、住所"])
            let page = try await browser.get(path)
            #expect(page.body.string.contains("/reports/ppc") && page.body.string.contains("/reports/ipa") && page.body.string.contains("/reports/management"))
            let draft = try await browser.get("\(path)/reports/ppc")
            let html = draft.body.string
            for number in ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"] { #expect(html.contains(number), "\(number)") }
            #expect(html.contains("VPN機器の脆弱性 &lt;script&gt;"))
            #expect(html.contains(">1,200人<"))

            var fields: [String: String] = [:]
            for index in 0..<9 { fields["heading_\(index)"] = "項目\(index)"; fields["text_\(index)"] = "本文\(index) & <編集済み>" }
            let printed = try await browser.post("\(path)/reports/ppc/print", fields)
            #expect(printed.body.string.contains("本文3 &amp; &lt;編集済み&gt;"))
            try await browser.get("\(path)/reports/ppc")
            let word = try await browser.post("\(path)/reports/ppc/docx", fields)
            #expect(word.headers.first(name: .contentType) == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            let bytes = Data(word.body.readableBytesView)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
            let archive = try ZIPFoundationReader.read(bytes)
            #expect(archive["[Content_Types].xml"] != nil && archive["_rels/.rels"] != nil)
            let document = try #require(archive["word/document.xml"])
            #expect(document.contains("本文3 &amp; &lt;編集済み&gt;"))

            #expect(try await browser.get("\(path)/reports/nonsense").status == .notFound)
            let other = try await Fixtures.signUp(app, name: "他社", email: "other@example.jp")
            let otherBrowser = try await Fixtures.browser(app, as: other.email)
            #expect(try await otherBrowser.get("\(path)/reports/ppc").status == .notFound)
        }
    }

    @Test("a visitor who signs up from a first-aid case continues with an incident of that kind; only the owner sets the policy")
    func firstAidThroughSignupAndPolicy() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            let firstAid = try await visitor.get("/help/first-aid/ransom_message")
            // The first-aid page's sign-up link carries the intent (issue #14: not a session-wide "after sign-up").
            #expect(firstAid.body.string.contains("/signup?then=incident:ransomware"))
            try await visitor.get("/signup?then=incident:ransomware")
            let signedUp = try await visitor.post("/signup?then=incident:ransomware", ["name": "初動商店", "prefecture": "13", "category": "retail", "employees": "5",
                                                              "displayName": "店主", "email": "shop@example.jp", "password": Fixtures.password,
                                                              "passwordConfirmation": Fixtures.password])
            let location = try #require(signedUp.headers.first(name: .location))
            #expect(location.contains("/incidents/new?kind=ransomware"))
            let form = try await visitor.follow(signedUp)
            #expect(form.body.string.contains("value=\"ransomware\" selected"))

            let shop = try #require(try await User.query(on: app.db).filter(\.$email == "shop@example.jp").first())
            let account = Fixtures.Account(user: shop, organizationID: shop.$organization.id, email: shop.email)
            let path = try await Fixtures.openRansomware(visitor, "/orgs/\(account.organizationID!.uuidString)")
            _ = try await Fixtures.addMember(app, to: account, email: "staff@example.jp")
            let staff = try await Fixtures.browser(app, as: "staff@example.jp")
            try await staff.get(path)
            let refused = try await staff.post("\(path)/record", ["title": "暗号化", "severity": "high", "awareAt": "2026-04-01T10:00", "responsePolicy": "身代金は払う"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("経営者・責任者だけが決められます"))
            try await visitor.get(path)
            #expect(try await visitor.post("\(path)/record", ["title": "暗号化", "severity": "high", "awareAt": "2026-04-01T10:00",
                                                               "responsePolicy": "身代金は払わない。警察に相談する。"]).status == .seeOther)
            try await staff.get(path)
            #expect(try await staff.post("\(path)/record", ["title": "暗号化（更新）", "severity": "high", "awareAt": "2026-04-01T10:00"]).status == .seeOther)
            #expect(try await Incident.query(on: app.db).first()?.responsePolicy == "身代金は払わない。警察に相談する。")
        }
    }

    @Test("the public first-aid guide and the contacts directory with Japanese-aware search")
    func publicPages() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            let index = try await visitor.get("/help/first-aid")
            for item in PlaybookContent.bundled.firstAid { #expect(index.body.string.contains("/help/first-aid/\(item.case)")) }
            let ransom = try await visitor.get("/help/first-aid/ransom_message")
            #expect(ransom.status == .ok)
            #expect(ransom.body.string.contains("やってはいけないこと"))
            #expect(try await visitor.get("/help/first-aid/nothing").status == .notFound)
            let search = try await visitor.get("/help/contacts?q=%EF%BE%97%EF%BE%9D%EF%BD%BB%EF%BE%91")   // ﾗﾝｻﾑ in half-width katakana
            #expect(search.body.string.contains("data-contact=\"ipa-ransomware-page\""))
            let phone = try await visitor.get("/help/contacts?q=0359787509")
            #expect(phone.body.string.contains("03-5978-7509"))
            let category = try await visitor.get("/help/contacts?category=legal")
            #expect(category.body.string.contains("0570-078374"))
            #expect(!category.body.string.contains("data-contact=\"ipa-anshin-soudan\""))
        }
    }
}

/// Reads the text entries of a ZIP package (for checking generated Word files).
enum ZIPFoundationReader {
    static func read(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var entries: [String: String] = [:]
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            entries[entry.path] = String(decoding: content, as: UTF8.self)
        }
        return entries
    }
}
