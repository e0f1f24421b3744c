import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// The form fields of the public diagnosis: `a1`…`a25`.
func diagnosisForm(_ base: DiagnosisAnswer = .implemented, _ overrides: [Int: DiagnosisAnswer] = [:]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ("a\($0)", (overrides[$0] ?? base).rawValue) })
}

@Suite("Self-diagnosis in the browser")
struct DiagnosisWebTests {
    @Test("a visitor answers all 25 items and sees the score, band, parts chart and advice, most urgent first")
    func publicFlow() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            let form = try await visitor.get("/self-diagnosis")
            #expect(form.status == .ok)
            #expect(form.body.string.components(separatedBy: #"type="radio""#).count - 1 == 100)
            let result = try await visitor.follow(try await visitor.post("/self-diagnosis", diagnosisForm(.implemented, [3: .partly, 20: .notInPlace])))
            let html = result.body.string
            #expect(html.contains("<strong>94</strong>"))
            #expect(html.contains("<svg"))
            #expect(html.contains("aria-labelledby=\"parts-chart-title parts-chart-desc\""))
            let urgent = try #require(html.range(of: "20. "))
            let partly = try #require(html.range(of: "3. "))
            #expect(urgent.lowerBound < partly.lowerBound, "not implemented (item 20) comes before partly (item 3)")
            #expect(try await visitor.get("/self-diagnosis/result?print=1").body.string.contains("print-page"))
        }
    }

    @Test("an incomplete form comes back with the answers kept and the missing items named")
    func incomplete() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            try await visitor.get("/self-diagnosis")
            var fields = diagnosisForm(.partly)
            fields["a4"] = nil
            fields["a17"] = "maybe"
            let response = try await visitor.post("/self-diagnosis", fields)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("未回答の質問が2問あります"))
            #expect(html.contains("href=\"#item-4\"") && html.contains("href=\"#item-17\""))
            #expect(html.contains(#"name="a5" value="partly" checked"#))
        }
    }

    @Test("the result shows nothing when no answers were given, instead of failing")
    func resultWithoutAnswers() async throws {
        try await withMamori { app in
            let response = try await TestBrowser(app).get("/self-diagnosis/result")
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("もう一度回答してください"))
        }
    }

    @Test("signing up from the result page keeps the answers as the organization's first diagnosis")
    func signUpKeepsAnswers() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            try await visitor.get("/self-diagnosis")
            try await visitor.post("/self-diagnosis", diagnosisForm(.partly, [1: .implemented]))
            try await visitor.get("/signup")
            let signedUp = try await visitor.post("/signup", [
                "name": "山田商店", "prefecture": "13", "category": "retail", "employees": "5",
                "displayName": "山田", "email": "yamada@example.jp", "password": Fixtures.password, "passwordConfirmation": Fixtures.password,
            ])
            #expect(signedUp.headers.first(name: .location)?.contains("/diagnoses/") == true)
            let saved = try #require(try await SelfDiagnosis.query(on: app.db).first())
            #expect(saved.total == 52)
            #expect(saved.answers?[1] == .implemented && saved.answers?[2] == .partly)
            #expect(saved.respondentName == "山田")
            let page = try await visitor.follow(signedUp)
            #expect(page.body.string.contains("登録前に回答した自社診断を保存しました。"))
        }
    }

    @Test("a member saves a diagnosis with who answered, the site and the date; bad dates are refused")
    func saveDiagnosis() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            try await browser.follow(try await browser.post("/self-diagnosis", diagnosisForm(.implemented)))
            let future = try await browser.post("\(orgPath)/diagnoses", ["respondentName": "山田", "siteLabel": "本社", "diagnosedOn": "2999-01-01"])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("未来の日付は入力できません。"))
            let invalid = try await browser.post("\(orgPath)/diagnoses", ["respondentName": "", "siteLabel": "本社", "diagnosedOn": "2026-02-30"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(try await SelfDiagnosis.query(on: app.db).count() == 0)
            let saved = try await browser.post("\(orgPath)/diagnoses", ["respondentName": "山田", "siteLabel": "本社", "diagnosedOn": "2026-04-01"])
            #expect(saved.status == .seeOther)
            let detail = try await browser.follow(saved)
            #expect(detail.body.string.contains("自社診断を保存しました。"))
            #expect(detail.body.string.contains("<strong>100</strong>"))
            // The answers were used up: a second submit does not save a duplicate.
            let again = try await browser.post("\(orgPath)/diagnoses", ["respondentName": "山田", "siteLabel": "本社", "diagnosedOn": "2026-04-01"])
            #expect(again.status == .conflict)
            #expect(try await SelfDiagnosis.query(on: app.db).count() == 1)
        }
    }

    @Test("another organization's diagnosis answers 404, in pages, print, CSV and comparison")
    func tenancy() async throws {
        try await withMamori { app in
            let a = try await Fixtures.signUp(app, name: "A社", email: "a@example.jp")
            let diagnosis = try await saveDiagnosis(app, for: a, site: "本社", date: "2026-04-01", answers: .implemented)
            _ = try await Fixtures.signUp(app, name: "B社", email: "b@example.jp")
            let b = try await Fixtures.browser(app, as: "b@example.jp")
            let orgA = "/orgs/\(a.organizationID!.uuidString)"
            for path in ["\(orgA)/diagnoses", "\(orgA)/diagnoses/\(diagnosis.id!.uuidString)", "\(orgA)/diagnoses/\(diagnosis.id!.uuidString)/csv",
                         "\(orgA)/diagnoses/csv", "\(orgA)/diagnoses/combined", "\(orgA)/security-action"] {
                #expect(try await b.get(path).status == .notFound, "\(path)")
            }
            // Even through B's own organization URL, A's diagnosis id does not exist.
            let own = try #require(try await User.query(on: app.db).filter(\.$email == "b@example.jp").first()?.$organization.id)
            #expect(try await b.get("/orgs/\(own.uuidString)/diagnoses/\(diagnosis.id!.uuidString)").status == .notFound)
            #expect(try await b.get("/orgs/\(own.uuidString)/diagnoses/compare?before=\(diagnosis.id!.uuidString)&after=\(diagnosis.id!.uuidString)").status == .notFound)
        }
    }

    @Test("the organization view combines the latest diagnosis of each site with the weakest answer per item")
    func combinedView() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            _ = try await saveDiagnosis(app, for: owner, site: "本社", date: "2026-01-10", answers: .notInPlace)   // older, replaced
            _ = try await saveDiagnosis(app, for: owner, site: "本社", date: "2026-04-01", answers: .implemented, overrides: [2: .partly])
            _ = try await saveDiagnosis(app, for: owner, site: "工場", date: "2026-03-15", answers: .implemented, overrides: [2: .dontKnow, 9: .notInPlace])
            let organization = try #require(try await Organization.find(owner.organizationID, on: app.db))
            let combined = try #require(try await DiagnosisService(db: app.db).combined(of: organization))
            #expect(combined.sites.map(\.siteLabel) == ["工場", "本社"])
            #expect(combined.answers[1] == .implemented)
            #expect(combined.answers[2] == .dontKnow)
            #expect(combined.answers[9] == .notInPlace)
            let gaps = try await DiagnosisService(db: app.db).prioritizedGaps(of: organization)
            #expect(gaps.map(\.item) == [2, 9])

            let browser = try await Fixtures.browser(app, as: owner.email)
            let page = try await browser.get("/orgs/\(owner.organizationID!.uuidString)/diagnoses/combined")
            #expect(page.body.string.contains("最も弱い回答"))
            #expect(page.body.string.contains("<strong>91</strong>"))
        }
    }

    @Test("history with trend chart, comparison item by item, and CSV of a diagnosis and of the history")
    func historyCompareCSV() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let before = try await saveDiagnosis(app, for: owner, site: "本社", date: "2026-01-10", answers: .partly)
            let after = try await saveDiagnosis(app, for: owner, site: "本社", date: "2026-04-01", answers: .partly, overrides: [1: .implemented, 2: .dontKnow])
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            let history = try await browser.get("\(orgPath)/diagnoses")
            #expect(history.body.string.contains("trend-chart-title"))
            #expect(history.body.string.contains("2026-01-10") && history.body.string.contains("2026-04-01"))
            let compare = try await browser.get("\(orgPath)/diagnoses/compare?before=\(before.id!.uuidString)&after=\(after.id!.uuidString)")
            #expect(compare.status == .ok)
            #expect(compare.body.string.contains("良くなった項目（1）"))
            #expect(compare.body.string.contains("悪くなった項目（1）"))
            let csv = try await browser.get("\(orgPath)/diagnoses/\(after.id!.uuidString)/csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.string.hasPrefix("\u{FEFF}"))
            let csvLines: [String] = csv.body.string.components(separatedBy: "\r\n")
            #expect(csvLines.count == 28)   // header, 25 items, total, final line end
            let historyCSV = try await browser.get("\(orgPath)/diagnoses/csv")
            #expect(historyCSV.body.string.contains("\"2026-01-10\""))
            let historyLines: [String] = historyCSV.body.string.components(separatedBy: "\r\n")
            #expect(historyLines.count == 4)   // header, two diagnoses, final line end
        }
    }

    @Test("CSV cells that a spreadsheet would run as formulas are neutralized")
    func csvInjection() {
        #expect(CSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSV.field("本社") == "\"本社\"")
        #expect(CSV.field("-1") == "\"'-1\"")
    }

    @Test("SECURITY ACTION: the checklist, readiness from real data, declarations and the dashboard card")
    func securityAction() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            let page = try await browser.get("\(orgPath)/security-action")
            #expect(page.body.string.contains("未宣言"))
            try await browser.post("\(orgPath)/security-action/measures", ["measure1": "on", "measure2": "on", "measure3": "on", "measure4": "on", "measure5": "on", "measure9": "on"])
            #expect(try await BasicMeasureCheck.query(on: app.db).count() == 5)
            try await browser.get("\(orgPath)/security-action")
            try await browser.post("\(orgPath)/security-action/measures", ["measure1": "on"])
            #expect(try await BasicMeasureCheck.query(on: app.db).count() == 1)

            try await browser.get("\(orgPath)/security-action")
            let bad = try await browser.post("\(orgPath)/security-action/declarations", ["stars": "3", "declarationID": "", "declaredOn": "x"])
            #expect(bad.status == .unprocessableEntity)
            let recorded = try await browser.post("\(orgPath)/security-action/declarations", ["stars": "1", "declarationID": "123456789", "declaredOn": "2026-04-01"])
            #expect(recorded.status == .seeOther)
            _ = try await saveDiagnosis(app, for: owner, site: "本社", date: "2026-04-02", answers: .implemented)
            let dashboard = try await browser.get("/dashboard")
            let html = dashboard.body.string
            #expect(html.contains("一つ星 ★"))
            #expect(html.contains("最新の診断：100点（令和8年4月2日）"))
            #expect(html.contains("情報セキュリティ基本方針を策定・承認し"))
            #expect(!html.contains("自社診断を行い、保存する"))
        }
    }

    /// Saves a diagnosis through the service, as the owner.
    func saveDiagnosis(_ app: Application, for account: Fixtures.Account, site: String, date: String,
                       answers base: DiagnosisAnswer, overrides: [Int: DiagnosisAnswer] = [:]) async throws -> SelfDiagnosis {
        let organization = try #require(try await Organization.find(account.organizationID, on: app.db))
        let answers = DiagnosisAnswers(answers: Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, overrides[$0] ?? base) }))!
        let principal = Principal(user: account.user, organization: organization, token: nil)
        return try await DiagnosisService(db: app.db).save(answers, input: .init(respondentName: "担当", siteLabel: site, diagnosedOn: date),
                                                           in: organization, by: principal, ip: nil)
    }
}
