import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Asset register, risk analysis and the one-year action plan")
struct RiskPlanTests {
    // MARK: Paths

    private func orgPath(_ org: UUID) -> String { "/orgs/\(org.uuidString)" }
    private func assetsPath(_ org: UUID) -> String { "/orgs/\(org.uuidString)/assets" }
    private func assetPath(_ org: UUID, _ asset: UUID) -> String { "/orgs/\(org.uuidString)/assets/\(asset.uuidString)" }
    private func risksPath(_ org: UUID) -> String { "/orgs/\(org.uuidString)/risks" }
    private func planPath(_ org: UUID) -> String { "/orgs/\(org.uuidString)/plan" }
    private func itemPath(_ org: UUID, _ item: UUID) -> String { "/orgs/\(org.uuidString)/plan/items/\(item.uuidString)" }

    // MARK: Helpers

    /// An owner, signed in, with the organization's id.
    private func signedInOwner(_ app: Application, name: String = "テスト株式会社", email: String) async throws -> (Fixtures.Account, UUID, TestBrowser) {
        let account = try await Fixtures.signUp(app, name: name, email: email)
        let org = try #require(account.organizationID)
        return (account, org, try await Fixtures.browser(app, as: email))
    }

    /// The account as a principal of its organization, for calling services directly.
    private func acting(_ app: Application, _ account: Fixtures.Account) async throws -> (Principal, Organization) {
        let organization = try #require(try await Organization.find(account.organizationID, on: app.db))
        return (Principal(user: account.user, organization: organization, token: nil), organization)
    }

    private func assetForm(name: String, c: String, i: String, a: String, personalData: String = "none") -> [String: String] {
        ["name": name, "business": "営業", "notes": "", "usersAllowed": "営業部員", "ownerDepartment": "営業部", "medium": "クラウド",
         "personalData": personalData, "confidentiality": c, "integrity": i, "availability": a, "retention": "5年", "registeredOn": ""]
    }

    /// Adds an asset through the page and returns its id (from the redirect).
    private func addAsset(_ browser: TestBrowser, org: UUID, name: String, c: Int, i: Int, a: Int, personalData: String = "none") async throws -> UUID {
        let response = try await browser.post(assetsPath(org), assetForm(name: name, c: String(c), i: String(i), a: String(a), personalData: personalData))
        #expect(response.status == .seeOther, "adding \(name) answered \(response.status)")
        let location = try #require(response.headers.first(name: .location))
        #expect(location.hasPrefix(assetsPath(org) + "/"))
        return try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
    }

    /// Rates a threat to an asset through the page and returns the stored risk.
    private func addRisk(_ app: Application, _ browser: TestBrowser, org: UUID, asset: UUID, threat: String, threatText: String? = nil,
                         likelihood: Int, vulnerability: Int) async throws -> AssetRisk {
        var form = ["threat": threat, "likelihood": String(likelihood), "vulnerability": String(vulnerability)]
        if let threatText { form["threatText"] = threatText }
        let response = try await browser.post("\(assetPath(org, asset))/risks", form)
        #expect(response.status == .seeOther, "rating \(threat) answered \(response.status)")
        let stored = threat == "other" ? (threatText ?? "") : threat
        return try #require(try await AssetRisk.query(on: app.db).filter(\.$asset.$id == asset).filter(\.$threat == stored)
            .sort(\.$createdAt, .descending).first())
    }

    /// Saves a diagnosis through the service: implemented everywhere but the overrides.
    private func saveDiagnosis(_ app: Application, _ account: Fixtures.Account, _ overrides: [Int: DiagnosisAnswer]) async throws {
        let (principal, organization) = try await acting(app, account)
        let answers = try #require(DiagnosisAnswers(answers: Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, overrides[$0] ?? DiagnosisAnswer.implemented) })))
        _ = try await DiagnosisService(db: app.db).save(answers, input: .init(respondentName: "担当", siteLabel: "本社", diagnosedOn: "2026-04-01"),
                                                        in: organization, by: principal, ip: nil)
    }

    /// Records the rules check: every chapter ok except `missing`.
    private func checkRules(_ app: Application, _ account: Fixtures.Account, missing: String) async throws {
        let (principal, organization) = try await acting(app, account)
        let chapters = PolicyContent.bundled.chapters.map(\.key)
        #expect(chapters.contains(missing))
        let checks = Dictionary(uniqueKeysWithValues: chapters.map { key in
            (key, RulesCheckService.Input(status: key == missing ? RuleCheckStatus.missing : .ok, note: "", owner: "", reviewOn: nil))
        })
        try await RulesCheckService(db: app.db).record(checks, in: organization, by: principal, ip: nil)
    }

    /// Saves a telework self-check: yes everywhere but the points answered "no".
    private func saveTelework(_ app: Application, _ account: Fixtures.Account, no points: Set<Int>) async throws {
        let (principal, organization) = try await acting(app, account)
        let answers = try #require(TeleworkAnswers(answers: Dictionary(uniqueKeysWithValues: TeleworkAnswers.pointNumbers.map {
            ($0, points.contains($0) ? TeleworkAnswer.no : TeleworkAnswer.yes)
        })))
        _ = try await TeleworkService(db: app.db).save(answers, respondent: "総務", in: organization, by: principal, ip: nil)
    }

    private func planItems(_ app: Application, _ org: UUID) async throws -> [PlanItem] {
        try await PlanItem.query(on: app.db).filter(\.$organizationID == org).sort(\.$priority).sort(\.$createdAt).all()
    }

    private func planRecord(_ app: Application, _ org: UUID) async throws -> ActionPlanRecord? {
        try await ActionPlanRecord.query(on: app.db).filter(\.$organizationID == org).first()
    }

    private func sourceKeys(_ items: [PlanItem]) -> [String] { items.map { "\($0.sourceKind):\($0.sourceKey)" } }

    /// The editor's form for an item, with some fields changed.
    private func itemForm(_ item: PlanItem, _ changes: [String: String] = [:]) -> [String: String] {
        var form = ["title": item.title, "status": item.status, "progress": String(item.progress), "ownerName": item.ownerName,
                    "startMonth": item.startMonth, "dueMonth": item.dueMonth, "notes": item.notes, "dropReason": item.dropReason ?? ""]
        for (key, value) in changes { form[key] = value }
        return form
    }

    /// Adds an item by hand through the page and returns it.
    private func addItem(_ app: Application, _ browser: TestBrowser, org: UUID, title: String, start: String = "2027-01", due: String = "2027-06") async throws -> PlanItem {
        let response = try await browser.post("\(planPath(org))/items", ["title": title, "ownerName": "担当 太郎", "startMonth": start, "dueMonth": due])
        #expect(response.status == .seeOther, "adding \(title) answered \(response.status)")
        return try #require(try await PlanItem.query(on: app.db).filter(\.$organizationID == org).filter(\.$title == title).first())
    }

    private func reload(_ app: Application, _ item: PlanItem) async throws -> PlanItem {
        try #require(try await PlanItem.find(item.id, on: app.db))
    }

    /// Where `needle` first occurs in `html` (for checking order on a page).
    private func position(of needle: String, in html: String) -> String.Index? { html.range(of: needle)?.lowerBound }

    /// The value of the one-time calendar link input on the plan page.
    static func calendarLink(in html: String) -> String? {
        guard let idRange = html.range(of: #"id="calendar-link""#),
              let tagStart = html[..<idRange.lowerBound].range(of: "<input", options: .backwards) else { return nil }
        let tag = html[tagStart.lowerBound..<idRange.lowerBound]
        guard let valueRange = tag.range(of: #"value=""#) else { return nil }
        let rest = tag[valueRange.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    // MARK: API helpers

    struct AssetDTO: Decodable {
        let id: String
        let name: String
        let personalData: String
        let confidentiality: Int
        let integrity: Int
        let availability: Int
        let importance: Int
    }

    struct RiskDTO: Decodable {
        let id: String
        let assetId: String
        let threat: String
        let likelihood: Int
        let vulnerability: Int
        let importance: Int
        let damageLikelihood: Int
        let riskValue: Int
        let band: String
        let treatment: String?
        let measure: String
    }

    struct RiskPageDTO: Decodable { let items: [RiskDTO] }

    struct AssetWithRisksDTO: Decodable {
        let asset: AssetDTO
        let risks: [RiskDTO]
    }

    struct PlanDTO: Decodable {
        struct Item: Decodable {
            struct Source: Decodable { let kind: String; let key: String }
            let id: String
            let source: Source
            let title: String
            let priority: Int
            let ownerName: String
            let startMonth: String
            let dueMonth: String
            let status: String
            let progress: Int
            let dropReason: String?
        }
        let agreedAt: String?
        let agreedBy: String?
        let items: [Item]
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let fields: [String: String]? }
        let error: Detail
    }

    func token(_ app: Application, _ user: User) async throws -> String {
        try await APITokenService(db: app.db).create(name: "test", for: user, actor: .commandLine).secret
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.replaceOrAdd(name: .acceptLanguage, value: "ja")
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(response.body.string.utf8))
    }

    /// The field names of a 422 answer.
    func errorFields(_ response: TestingHTTPResponse) throws -> Set<String> {
        let body = try decode(ErrorBody.self, response)
        return Set(body.error.fields?.keys.map { $0 } ?? [])
    }

    // MARK: 1. Assets in the browser

    @Test("assets: add with the importance shown, 422 keeps the form, filters, sort, CSV, and editing C recomputes the risks")
    func assets() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "risk-assets@example.jp")

            let empty = try await browser.get(assetsPath(org))
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains(L.Risk.noAssets.ja))

            // C3 I1 A2: importance 3.
            let added = try await browser.post(assetsPath(org), assetForm(name: "顧客名簿", c: "3", i: "1", a: "2", personalData: "personal"))
            #expect(added.status == .seeOther)
            let location = try #require(added.headers.first(name: .location))
            let customers = try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
            let page = try await browser.follow(added)
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"id="asset-importance">3<"#))
            #expect(page.body.string.contains("顧客名簿"))
            #expect(page.body.string.contains(L.Risk.assetAdded.ja))
            let stored = try #require(try await InformationAsset.find(customers, on: app.db))
            #expect(stored.organizationID == org)
            #expect(stored.confidentiality == 3 && stored.integrity == 1 && stored.availability == 2)
            #expect(stored.importance == 3)
            #expect(stored.personalDataKind == .personal)
            #expect(stored.registeredOn == CalendarDate.today())

            // Confidentiality 4: 422, the field named, the typed name kept, nothing saved.
            let refused = try await browser.post(assetsPath(org), assetForm(name: "取引先一覧", c: "4", i: "1", a: "1"))
            #expect(refused.status == .unprocessableEntity)
            let refusedHTML = refused.body.string
            #expect(refusedHTML.contains(#"id="field-confidentiality-error""#))
            #expect(refusedHTML.contains(L.Common.describe(FieldProblem.outOfRange(minimum: 1, maximum: 3)).ja))
            #expect(refusedHTML.contains(#"value="取引先一覧""#))
            #expect(!refusedHTML.contains(#"id="field-integrity-error""#))
            #expect(try await InformationAsset.query(on: app.db).count() == 1)

            // A second asset, importance 1, no personal data.
            let newsletter = try await addAsset(browser, org: org, name: "社内報", c: 1, i: 1, a: 1)
            #expect(try await InformationAsset.find(newsletter, on: app.db)?.importance == 1)
            let row1 = #"data-asset="\#(customers.uuidString)""#
            let row2 = #"data-asset="\#(newsletter.uuidString)""#

            let all = try await browser.get(assetsPath(org))
            #expect(all.body.string.contains(row1) && all.body.string.contains(row2))

            let important = try await browser.get("\(assetsPath(org))?importance=3")
            #expect(important.status == .ok)
            #expect(important.body.string.contains(row1))
            #expect(!important.body.string.contains(row2))

            let minor = try await browser.get("\(assetsPath(org))?importance=1")
            #expect(minor.body.string.contains(row2))
            #expect(!minor.body.string.contains(row1))

            let personal = try await browser.get("\(assetsPath(org))?personalData=personal")
            #expect(personal.body.string.contains(row1))
            #expect(!personal.body.string.contains(row2))
            let noPersonal = try await browser.get("\(assetsPath(org))?personalData=none")
            #expect(noPersonal.body.string.contains(row2))
            #expect(!noPersonal.body.string.contains(row1))

            // Sorted by importance: the importance-3 asset first (by name, 社内報 would come first).
            let sorted = try await browser.get("\(assetsPath(org))?sort=importance")
            let first = try #require(position(of: row1, in: sorted.body.string))
            let second = try #require(position(of: row2, in: sorted.body.string))
            #expect(first < second)

            // CSV with a BOM for spreadsheet programs.
            let csv = try await browser.get("\(orgPath(org))/assets.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.string.hasPrefix("\u{FEFF}"))
            #expect(csv.body.string.contains("顧客名簿"))
            #expect(csv.body.string.contains("社内報"))
            #expect(csv.body.string.contains(L.Risk.importance.ja))

            // A risk on the importance-3 asset: 3 × 3 → damage 3, value 9, large.
            try await browser.get(assetPath(org, customers))
            let risk = try await addRisk(app, browser, org: org, asset: customers, threat: "malware", likelihood: 3, vulnerability: 3)
            #expect(risk.organizationID == org)
            #expect(risk.damageLikelihood == 3)
            #expect(risk.riskValue == 9)
            #expect(risk.riskBand == .large)

            // C from 3 to 1: importance becomes 2 (A2) and the risk is recomputed to 6.
            let edited = try await browser.post(assetPath(org, customers), assetForm(name: "顧客名簿", c: "1", i: "1", a: "2", personalData: "personal"))
            #expect(edited.status == .seeOther)
            let asset = try #require(try await InformationAsset.find(customers, on: app.db))
            #expect(asset.confidentiality == 1)
            #expect(asset.importance == 2)
            let recomputed = try #require(try await AssetRisk.find(risk.id, on: app.db))
            #expect(recomputed.damageLikelihood == 3)
            #expect(recomputed.riskValue == 6)
            #expect(recomputed.riskBand == .large)
            let editedPage = try await browser.follow(edited)
            #expect(editedPage.body.string.contains(#"id="asset-importance">2<"#))

            // An invalid edit changes nothing.
            let badEdit = try await browser.post(assetPath(org, customers), assetForm(name: "", c: "2", i: "1", a: "2"))
            #expect(badEdit.status == .unprocessableEntity)
            #expect(badEdit.body.string.contains(#"id="field-name-error""#))
            #expect(try await InformationAsset.find(customers, on: app.db)?.name == "顧客名簿")
            #expect(try await AssetRisk.find(risk.id, on: app.db)?.riskValue == 6)

            // Removing the asset removes its risks.
            let removed = try await browser.post("\(assetPath(org, newsletter))/remove", [:])
            #expect(removed.status == .seeOther)
            #expect(try await InformationAsset.find(newsletter, on: app.db) == nil)
            #expect(try await InformationAsset.query(on: app.db).count() == 1)
        }
    }

    // MARK: 2. The risk register

    @Test("risk register: highest value first, untreated large risks flagged until treated, bad treatments refused, heat map")
    func register() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "risk-register@example.jp")
            let empty = try await browser.get(risksPath(org))
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains(L.Risk.noRegister.ja))
            #expect(!empty.body.string.contains(#"id="untreated-large""#))

            let customers = try await addAsset(browser, org: org, name: "顧客名簿", c: 3, i: 2, a: 1, personalData: "personal")
            let quotes = try await addAsset(browser, org: org, name: "見積書", c: 2, i: 2, a: 2)
            // 3 × damage 1 = 3 (small), added first.
            let small = try await addRisk(app, browser, org: org, asset: customers, threat: "theft_loss", likelihood: 2, vulnerability: 2)
            // 2 × damage 2 = 4 (medium).
            let medium = try await addRisk(app, browser, org: org, asset: quotes, threat: "operating_mistake", likelihood: 3, vulnerability: 2)
            // A typed threat: 2 × damage 1 = 2 (small).
            let typed = try await addRisk(app, browser, org: org, asset: quotes, threat: "other", threatText: "台風による浸水", likelihood: 1, vulnerability: 1)
            // 3 × damage 3 = 9 (large), added last.
            let large = try await addRisk(app, browser, org: org, asset: customers, threat: "malware", likelihood: 3, vulnerability: 3)
            #expect([small.riskValue, medium.riskValue, typed.riskValue, large.riskValue] as [Int] == [3, 4, 2, 9])
            #expect([small.riskBand, medium.riskBand, typed.riskBand, large.riskBand] == [.small, .medium, .small, .large])
            #expect(typed.threat == "台風による浸水")

            // A rating out of range is refused on the asset page.
            let badRisk = try await browser.post("\(assetPath(org, customers))/risks", ["threat": "malware", "likelihood": "0", "vulnerability": "3"])
            #expect(badRisk.status == .unprocessableEntity)
            #expect(badRisk.body.string.contains(#"id="field-likelihood-error""#))
            #expect(try await AssetRisk.query(on: app.db).count() == 4)

            let page = try await browser.get(risksPath(org))
            #expect(page.status == .ok)
            let html = page.body.string
            var order: [String.Index] = []
            for risk in [large, medium, small, typed] {
                let index = try #require(position(of: #"id="risk-\#(risk.id!.uuidString)""#, in: html))
                order.append(index)
            }
            #expect(order == order.sorted(), "sorted by value: 9, 4, 3, 2")
            #expect(html.contains(#"id="untreated-large""#))
            #expect(html.contains(L.Risk.untreatedLarge(1).ja))
            #expect(html.contains("heat-map"))
            #expect(html.contains(#"class="chart heat-map""#))
            #expect(html.contains("台風による浸水"), "a typed threat is shown as typed")
            #expect(html.contains(RiskCatalog.bundled.threat("malware")!.name.ja))

            // An unknown treatment: flash error, nothing saved.
            let bogus = try await browser.post("\(risksPath(org))/\(large.id!.uuidString)", ["treatment": "bogus", "measure": "保存されない対策"])
            #expect(bogus.status == .seeOther)
            let bogusPage = try await browser.follow(bogus)
            #expect(bogusPage.body.string.contains("flash-error"))
            #expect(bogusPage.body.string.contains(L.Common.describe(FieldProblem.unknownChoice).ja))
            #expect(bogusPage.body.string.contains(#"id="untreated-large""#))
            let unchanged = try #require(try await AssetRisk.find(large.id, on: app.db))
            #expect(unchanged.treatment == nil)
            #expect(unchanged.measure == "")

            // Reduce: saved, and the notice is gone.
            let treated = try await browser.post("\(risksPath(org))/\(large.id!.uuidString)", ["treatment": "reduce", "measure": "EDRを導入する"])
            #expect(treated.status == .seeOther)
            let treatedPage = try await browser.follow(treated)
            #expect(treatedPage.body.string.contains(L.Risk.treatmentSaved.ja))
            #expect(!treatedPage.body.string.contains(#"id="untreated-large""#))
            let saved = try #require(try await AssetRisk.find(large.id, on: app.db))
            #expect(saved.treatment == RiskTreatment.reduce.rawValue)
            #expect(saved.measure == "EDRを導入する")
            #expect(try await browser.get(risksPath(org)).body.string.contains("EDRを導入する"))

            // Removing a risk.
            let removed = try await browser.post("\(risksPath(org))/\(typed.id!.uuidString)/remove", [:])
            #expect(removed.status == .seeOther)
            #expect(try await AssetRisk.find(typed.id, on: app.db) == nil)
            #expect(try await AssetRisk.query(on: app.db).count() == 3)
        }
    }

    // MARK: 3. Proposal from every source

    @Test("the plan is proposed from diagnosis, rules, risks and telework; re-proposing adds only new gaps and keeps edits")
    func proposal() async throws {
        try await withMamori { app in
            let (account, org, browser) = try await signedInOwner(app, email: "plan-proposal@example.jp")
            try await saveDiagnosis(app, account, [1: .notInPlace, 10: .partly])
            try await checkRules(app, account, missing: "telework")
            try await saveTelework(app, account, no: [3])
            let asset = try await addAsset(browser, org: org, name: "顧客名簿", c: 3, i: 1, a: 1)
            let risk = try await addRisk(app, browser, org: org, asset: asset, threat: "malware", likelihood: 3, vulnerability: 2)
            #expect(risk.riskBand == .large)
            let riskKey = risk.id!.uuidString

            let empty = try await browser.get(planPath(org))
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains(L.Plan.empty.ja))

            let proposed = try await browser.post("\(planPath(org))/proposal", [:])
            #expect(proposed.status == .seeOther)
            let page = try await browser.follow(proposed)
            #expect(page.body.string.contains(L.Plan.proposed(5).ja))
            let items = try await planItems(app, org)
            #expect(Set(items.map(\.sourceKind)) == ["diagnosis", "rules", "risk", "telework"])
            #expect(sourceKeys(items) == ["diagnosis:1", "risk:\(riskKey)", "rules:telework", "telework:3", "diagnosis:10"])
            #expect(items.map(\.priority) == [1, 2, 3, 4, 5])
            #expect(items.allSatisfy { $0.planStatus == .notStarted && $0.progress == 0 && !$0.touched && $0.ownerName.isEmpty })
            #expect(page.body.string.contains(#"data-source="risk:\#(riskKey)""#))

            // The first item is high urgency: this month, due within 3 months.
            let today = PlanMonth(Day(Date()))
            let first = try #require(items.first)
            #expect(first.sourceKind == "diagnosis" && first.sourceKey == "1")
            #expect(first.startMonth == today.description)
            #expect(first.dueMonth == today.adding(months: 2).description)
            #expect(items[1].startMonth == today.description, "the large risk is high too")
            #expect(items[2].startMonth == today.adding(months: 1).description && items[2].dueMonth == today.adding(months: 5).description)
            #expect(items[4].startMonth == today.adding(months: 5).description && items[4].dueMonth == today.adding(months: 11).description)
            #expect(try await planRecord(app, org) != nil)

            // Proposing again adds nothing.
            try await browser.get(planPath(org))
            let again = try await browser.post("\(planPath(org))/proposal", [:])
            #expect(again.status == .seeOther)
            #expect(try await browser.follow(again).body.string.contains(L.Plan.proposed(0).ja))
            #expect(try await planItems(app, org).count == 5)

            // Edit the rules item: owner and months.
            let rulesItem = try #require(items.first { $0.sourceKind == "rules" })
            let rulesID = try #require(rulesItem.id)
            #expect(try await browser.get(itemPath(org, rulesID)).status == .ok)
            let edited = try await browser.post(itemPath(org, rulesID), itemForm(rulesItem, ["ownerName": "総務 花子", "startMonth": "2027-01", "dueMonth": "2027-02"]))
            #expect(edited.status == .seeOther)
            let afterEdit = try await reload(app, rulesItem)
            #expect(afterEdit.ownerName == "総務 花子")
            #expect(afterEdit.touched)

            // A new telework check with another "no": only that gap is added.
            try await saveTelework(app, account, no: [3, 7])
            try await browser.get(planPath(org))
            let third = try await browser.post("\(planPath(org))/proposal", [:])
            #expect(third.status == .seeOther)
            #expect(try await browser.follow(third).body.string.contains(L.Plan.proposed(1).ja))
            let after = try await planItems(app, org)
            #expect(after.count == 6)
            #expect(sourceKeys(after) == sourceKeys(items) + ["telework:7"])
            #expect(after.last?.priority == 6)
            let kept = try await reload(app, rulesItem)
            #expect(kept.ownerName == "総務 花子")
            #expect(kept.startMonth == "2027-01")
            #expect(kept.dueMonth == "2027-02")
            #expect(kept.title == rulesItem.title)
        }
    }

    // MARK: 4. Editing items

    @Test("item edits: dropping needs a reason, done means 100%, due before start refused, reorder, remove, manual add")
    func edits() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "plan-edits@example.jp")
            try await browser.get(planPath(org))

            // A manual item without a title: 422 with the rest kept.
            let untitled = try await browser.post("\(planPath(org))/items", ["title": "  ", "ownerName": "担当 次郎", "startMonth": "2027-01", "dueMonth": "2027-03"])
            #expect(untitled.status == .unprocessableEntity)
            #expect(untitled.body.string.contains(#"id="field-title-error""#))
            #expect(untitled.body.string.contains(#"value="担当 次郎""#))
            #expect(try await PlanItem.query(on: app.db).count() == 0)
            let backwards = try await browser.post("\(planPath(org))/items", ["title": "逆の期間", "startMonth": "2027-05", "dueMonth": "2027-03"])
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.body.string.contains(#"id="field-dueMonth-error""#))
            #expect(try await PlanItem.query(on: app.db).count() == 0)

            let a = try await addItem(app, browser, org: org, title: "項目A")
            let b = try await addItem(app, browser, org: org, title: "項目B")
            let c = try await addItem(app, browser, org: org, title: "項目C")
            #expect([a.priority, b.priority, c.priority] as [Int] == [1, 2, 3])
            #expect(a.sourceKind == "manual")
            #expect(a.ownerName == "担当 太郎" && a.startMonth == "2027-01" && a.dueMonth == "2027-06")
            let aID = try #require(a.id)
            let bID = try #require(b.id)
            let cID = try #require(c.id)

            // Dropped without a reason: 422, the form kept, nothing saved.
            try await browser.get(itemPath(org, aID))
            let noReason = try await browser.post(itemPath(org, aID), itemForm(a, ["status": "dropped", "notes": "残しておくメモ"]))
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains(#"id="field-dropReason-error""#))
            #expect(noReason.body.string.contains("残しておくメモ"))
            #expect(noReason.body.string.contains(#"value="dropped" selected"#))
            let notDropped = try await reload(app, a)
            #expect(notDropped.planStatus == .notStarted)
            #expect(notDropped.notes == "")
            #expect(notDropped.dropReason == nil)

            // With a reason: saved.
            let dropped = try await browser.post(itemPath(org, aID), itemForm(a, ["status": "dropped", "dropReason": "外部委託で対応済み"]))
            #expect(dropped.status == .seeOther)
            let afterDrop = try await reload(app, a)
            #expect(afterDrop.planStatus == .dropped)
            #expect(afterDrop.dropReason == "外部委託で対応済み")

            // Done: progress becomes 100 whatever was typed.
            let done = try await browser.post(itemPath(org, bID), itemForm(b, ["status": "done", "progress": "30"]))
            #expect(done.status == .seeOther)
            let afterDone = try await reload(app, b)
            #expect(afterDone.planStatus == .done)
            #expect(afterDone.progress == 100)

            // In progress with a progress value, and a bad progress value.
            let progressing = try await browser.post(itemPath(org, cID), itemForm(c, ["status": "in_progress", "progress": "40"]))
            #expect(progressing.status == .seeOther)
            #expect(try await reload(app, c).progress == 40)
            let tooMuch = try await browser.post(itemPath(org, cID), itemForm(c, ["progress": "101"]))
            #expect(tooMuch.status == .unprocessableEntity)
            #expect(tooMuch.body.string.contains(#"id="field-progress-error""#))
            #expect(try await reload(app, c).progress == 40)

            // Due before start: 422.
            let reversed = try await browser.post(itemPath(org, cID), itemForm(c, ["startMonth": "2027-05", "dueMonth": "2027-03"]))
            #expect(reversed.status == .unprocessableEntity)
            #expect(reversed.body.string.contains(#"id="field-dueMonth-error""#))
            #expect(try await reload(app, c).startMonth == "2027-01")
            // Pages read months as typed (2027/03, 令和9年3月, #12); a month that does not exist is refused.
            let badMonth = try await browser.post(itemPath(org, cID), itemForm(c, ["dueMonth": "2027/13"]))
            #expect(badMonth.status == .unprocessableEntity)
            #expect(try await reload(app, c).dueMonth == "2027-06")

            // Up and down swap priorities with the neighbour.
            try await browser.get(planPath(org))
            #expect(try await browser.post("\(itemPath(org, bID))/up", [:]).status == .seeOther)
            #expect(try await planItems(app, org).map(\.title) == ["項目B", "項目A", "項目C"])
            #expect(try await reload(app, b).priority == 1)
            #expect(try await reload(app, a).priority == 2)
            #expect(try await browser.post("\(itemPath(org, bID))/down", [:]).status == .seeOther)
            #expect(try await planItems(app, org).map(\.title) == ["項目A", "項目B", "項目C"])
            #expect(try await browser.post("\(itemPath(org, cID))/down", [:]).status == .seeOther, "the last item stays last")
            #expect(try await planItems(app, org).map(\.title) == ["項目A", "項目B", "項目C"])
            #expect(try await browser.post("\(itemPath(org, cID))/sideways", [:]).status == .notFound)

            // Remove.
            let removed = try await browser.post("\(itemPath(org, cID))/remove", [:])
            #expect(removed.status == .seeOther)
            #expect(try await PlanItem.find(cID, on: app.db) == nil)
            #expect(try await planItems(app, org).map(\.title) == ["項目A", "項目B"])
            #expect(try await browser.get(itemPath(org, cID)).status == .notFound)

            // Print and Word list the items.
            let printed = try await browser.get("\(planPath(org))/print")
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains("項目B"))
            let word = try await browser.get("\(planPath(org))/docx")
            #expect(word.status == .ok)
            #expect(Data(word.body.readableBytesView).starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
        }
    }

    // MARK: 5. Agreement and deliverable ③

    @Test("only the owner agrees, and only when every source with gaps has an item; then deliverable ③ is done")
    func agreement() async throws {
        try await withMamori { app in
            let (account, org, owner) = try await signedInOwner(app, email: "plan-agree-owner@example.jp")
            try await saveDiagnosis(app, account, [2: .dontKnow])
            try await saveTelework(app, account, no: [5])
            let organization = try #require(try await Organization.find(org, on: app.db))
            let evidence = OrganizationEvidence(db: app.db)
            func deliverable(_ facts: OrganizationEvidence.Facts) -> Deliverable.Status? {
                facts.deliverables.first { $0.0 == .actionPlan }?.1
            }
            let initial = try await evidence.facts(of: organization)
            #expect(initial.planAgreed == false)
            #expect(deliverable(initial) == .notYet)

            // Agreeing to an empty plan is refused.
            try await owner.get(planPath(org))
            let emptyAgree = try await owner.post("\(planPath(org))/agree", [:])
            #expect(emptyAgree.status == .seeOther)
            #expect(try await owner.follow(emptyAgree).body.string.contains(L.Plan.emptyPlan.ja))
            #expect(try await planRecord(app, org)?.agreedAt == nil)

            #expect(try await owner.post("\(planPath(org))/proposal", [:]).status == .seeOther)
            let items = try await planItems(app, org)
            #expect(sourceKeys(items) == ["diagnosis:2", "telework:5"])

            // A member cannot agree.
            _ = try await Fixtures.addMember(app, to: account, email: "plan-agree-member@example.jp")
            let member = try await Fixtures.browser(app, as: "plan-agree-member@example.jp")
            let memberPage = try await member.get(planPath(org))
            #expect(memberPage.status == .ok)
            #expect(!memberPage.body.string.contains("\(planPath(org))/agree"))
            let refused = try await member.post("\(planPath(org))/agree", [:])
            #expect(refused.status == .seeOther || refused.status == .forbidden)
            if refused.status == .seeOther {
                let followed = try await member.follow(refused)
                #expect(followed.body.string.contains(L.Plan.ownerAgrees.ja))
                #expect(followed.body.string.contains("flash-error"))
            }
            #expect(try await planRecord(app, org)?.agreedAt == nil)

            // The owner, with the telework gaps not in the plan: refused.
            try await owner.get(planPath(org))
            for item in items where item.sourceKind == "telework" {
                #expect(try await owner.post("\(itemPath(org, item.id!))/remove", [:]).status == .seeOther)
            }
            #expect(try await planItems(app, org).allSatisfy { $0.sourceKind != "telework" })
            let uncovered = try await owner.post("\(planPath(org))/agree", [:])
            #expect(uncovered.status == .seeOther)
            let uncoveredPage = try await owner.follow(uncovered)
            #expect(uncoveredPage.body.string.contains(L.Plan.uncovered([.telework]).ja))
            #expect(!uncoveredPage.body.string.contains(#"id="plan-agreed""#))
            #expect(try await planRecord(app, org)?.agreedAt == nil)
            #expect(try await evidence.facts(of: organization).planAgreed == false)

            // Proposed again, the telework item is back and the owner agrees.
            #expect(try await owner.post("\(planPath(org))/proposal", [:]).status == .seeOther)
            let reproposed = try await planItems(app, org)
            #expect(sourceKeys(reproposed) == ["diagnosis:2", "telework:5"])
            let agreed = try await owner.post("\(planPath(org))/agree", [:])
            #expect(agreed.status == .seeOther)
            let agreedPage = try await owner.follow(agreed)
            #expect(agreedPage.body.string.contains(L.Plan.agreedFlash.ja))
            #expect(agreedPage.body.string.contains(#"id="plan-agreed""#))
            let record = try #require(try await planRecord(app, org))
            #expect(record.agreedAt != nil)
            #expect(record.agreedByName == account.user.displayName)

            let facts = try await evidence.facts(of: organization)
            #expect(facts.planAgreed == true)
            #expect(deliverable(facts) == .done)
            #expect(facts.deliverables.contains { $0.0 == .actionPlan && $0.1 == .done })
        }
    }

    // MARK: 6. The calendar feed

    @Test("the calendar address is shown once, serves the open items' due months, and a new one revokes the old")
    func calendarFeed() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, name: "暦商店", email: "plan-calendar@example.jp")
            try await browser.get(planPath(org))
            _ = try await addItem(app, browser, org: org, title: "バックアップを確認する", start: "2027-01", due: "2027-06")
            let finished = try await addItem(app, browser, org: org, title: "終わった項目", start: "2027-01", due: "2027-02")
            #expect(try await browser.post(itemPath(org, finished.id!), itemForm(finished, ["status": "done"])).status == .seeOther)

            let created = try await browser.post("\(planPath(org))/calendar", [:])
            #expect(created.status == .seeOther)
            let page = try await browser.follow(created)
            #expect(page.status == .ok)
            #expect(page.body.string.contains(L.Plan.calendarCreated.ja))
            let link = try #require(Self.calendarLink(in: page.body.string))
            // The link is absolute: keep the path, as a calendar app would request it.
            let feedStart = try #require(link.range(of: "/calendar/plan/"))
            let path = String(link[feedStart.lowerBound...])
            #expect(link.hasPrefix("http"))
            #expect(path.hasSuffix(".ics"))
            #expect(try await planRecord(app, org)?.calendarTokenHash != nil)

            // Shown once only.
            let again = try await browser.get(planPath(org))
            #expect(!again.body.string.contains(#"id="calendar-link""#))

            // The feed needs no login.
            let feed = try await TestBrowser(app).get(path)
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            let ics = feed.body.string.replacingOccurrences(of: "\r\n ", with: "")
            #expect(ics.hasPrefix("BEGIN:VCALENDAR"))
            #expect(ics.contains("END:VCALENDAR"))
            #expect(ics.contains("バックアップを確認する"))
            #expect(!ics.contains("終わった項目"), "done items are not in the feed")
            #expect(ics.contains("BEGIN:VEVENT"))

            // A wrong token, and a missing suffix, are 404.
            #expect(try await TestBrowser(app).get("/calendar/plan/not-a-token.ics").status == .notFound)
            #expect(try await TestBrowser(app).get(String(path.dropLast(4))).status == .notFound)

            // Renewing revokes the old address.
            let renewed = try await browser.post("\(planPath(org))/calendar", [:])
            #expect(renewed.status == .seeOther)
            let renewedPage = try await browser.follow(renewed)
            let newLink = try #require(Self.calendarLink(in: renewedPage.body.string))
            let newStart = try #require(newLink.range(of: "/calendar/plan/"))
            let newPath = String(newLink[newStart.lowerBound...])
            #expect(newPath != path)
            #expect(try await TestBrowser(app).get(path).status == .notFound)
            #expect(try await TestBrowser(app).get(newPath).status == .ok)
        }
    }

    // MARK: 7. Tenancy

    @Test("another organization gets 404 for every asset, risk and plan page and action, in the browser and through the API")
    func tenancy() async throws {
        try await withMamori { app in
            let (_, orgA, a) = try await signedInOwner(app, email: "risk-tenancy-a@example.jp")
            let assetA = try await addAsset(a, org: orgA, name: "A社の顧客名簿", c: 3, i: 3, a: 3, personalData: "personal")
            let riskA = try await addRisk(app, a, org: orgA, asset: assetA, threat: "malware", likelihood: 3, vulnerability: 3)
            let riskID = try #require(riskA.id)
            #expect(try await a.post("\(planPath(orgA))/proposal", [:]).status == .seeOther)
            let itemA = try #require(try await planItems(app, orgA).first)
            let itemID = try #require(itemA.id)
            let itemsBefore = try await planItems(app, orgA).count

            let (accountB, orgB, b) = try await signedInOwner(app, name: "他社株式会社", email: "risk-tenancy-b@example.jp")
            let asset = assetPath(orgA, assetA)
            let item = itemPath(orgA, itemID)
            let gets = [
                assetsPath(orgA), "\(assetsPath(orgA))?importance=3", "\(orgPath(orgA))/assets.csv", asset, risksPath(orgA),
                planPath(orgA), item, "\(planPath(orgA))/print", "\(planPath(orgA))/docx",
            ]
            for path in gets {
                #expect(try await b.get(path).status == .notFound, "GET \(path)")
            }

            try await b.get(planPath(orgB))
            let posts: [(String, [String: String])] = [
                (assetsPath(orgA), assetForm(name: "B社が追加", c: "1", i: "1", a: "1")),
                (asset, assetForm(name: "B社が書き換え", c: "1", i: "1", a: "1")),
                ("\(asset)/risks", ["threat": "malware", "likelihood": "1", "vulnerability": "1"]),
                ("\(risksPath(orgA))/\(riskID.uuidString)", ["treatment": "accept", "measure": "B社が決めた"]),
                ("\(risksPath(orgA))/\(riskID.uuidString)/remove", [:]),
                ("\(planPath(orgA))/proposal", [:]),
                ("\(planPath(orgA))/items", ["title": "B社の項目"]),
                (item, itemForm(itemA, ["ownerName": "B社", "status": "done"])),
                ("\(item)/up", [:]),
                ("\(item)/down", [:]),
                ("\(item)/remove", [:]),
                ("\(planPath(orgA))/agree", [:]),
                ("\(planPath(orgA))/calendar", [:]),
                ("\(asset)/remove", [:]),
            ]
            for (path, form) in posts {
                #expect(try await b.post(path, form).status == .notFound, "POST \(path)")
            }

            // Even through B's own organization, A's ids do not exist.
            #expect(try await b.get(assetPath(orgB, assetA)).status == .notFound)
            #expect(try await b.post("\(assetPath(orgB, assetA))/risks", ["threat": "malware", "likelihood": "1", "vulnerability": "1"]).status == .notFound)
            #expect(try await b.post("\(risksPath(orgB))/\(riskID.uuidString)", ["treatment": "accept"]).status == .notFound)
            #expect(try await b.get(itemPath(orgB, itemID)).status == .notFound)
            #expect(try await b.post(itemPath(orgB, itemID), itemForm(itemA, ["status": "done"])).status == .notFound)
            #expect(try await b.post("\(itemPath(orgB, itemID))/remove", [:]).status == .notFound)

            // Through the API, with B's token.
            let tokenB = try await token(app, accountB.user)
            #expect(try await send(app, .GET, "/api/v1/assets/\(assetA.uuidString)", token: tokenB).status == .notFound)
            #expect(try await send(app, .POST, "/api/v1/assets/\(assetA.uuidString)/risks", token: tokenB,
                                   json: #"{"threat":"malware","likelihood":1,"vulnerability":1}"#).status == .notFound)
            #expect(try await send(app, .PATCH, "/api/v1/risks/\(riskID.uuidString)", token: tokenB, json: #"{"treatment":"accept"}"#).status == .notFound)
            #expect(try await send(app, .PATCH, "/api/v1/plan/items/\(itemID.uuidString)", token: tokenB, json: #"{"status":"done"}"#).status == .notFound)
            let listB = try decode(RiskPageDTO.self, try await send(app, .GET, "/api/v1/risks", token: tokenB))
            #expect(listB.items.isEmpty)
            let planB = try decode(PlanDTO.self, try await send(app, .GET, "/api/v1/plan", token: tokenB))
            #expect(planB.items.isEmpty)

            // A's data is untouched.
            let assetAfter = try #require(try await InformationAsset.find(assetA, on: app.db))
            #expect(assetAfter.name == "A社の顧客名簿")
            #expect(assetAfter.importance == 3)
            #expect(try await InformationAsset.query(on: app.db).count() == 1)
            let riskAfter = try #require(try await AssetRisk.find(riskID, on: app.db))
            #expect(riskAfter.treatment == nil)
            #expect(riskAfter.measure == "")
            #expect(try await AssetRisk.query(on: app.db).count() == 1)
            let itemAfter = try await reload(app, itemA)
            #expect(itemAfter.planStatus == .notStarted)
            #expect(itemAfter.ownerName == "")
            #expect(itemAfter.priority == itemA.priority)
            #expect(try await planItems(app, orgA).count == itemsBefore)
            #expect(try await PlanItem.query(on: app.db).filter(\.$organizationID == orgB).count() == 0)
            let recordA = try await planRecord(app, orgA)
            #expect(recordA?.agreedAt == nil)
            #expect(recordA?.calendarTokenHash == nil)

            // A still reaches everything.
            #expect(try await a.get(asset).status == .ok)
            #expect(try await a.get(item).status == .ok)
        }
    }

    // MARK: 8. The API

    @Test("API: assets, risks, register order, proposal with source keys, item updates and the owner's agreement")
    func api() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "risk-api-owner@example.jp")
            let ownerToken = try await token(app, owner.user)
            try await saveDiagnosis(app, owner, [1: .notInPlace])

            // Assets.
            let created = try await send(app, .POST, "/api/v1/assets", token: ownerToken,
                                         json: #"{"name":"顧客名簿","confidentiality":3,"integrity":2,"availability":2,"personalData":"personal"}"#)
            #expect(created.status == .created)
            let compact = created.body.string.replacingOccurrences(of: " ", with: "")
            #expect(compact.contains(#""importance":3"#))
            #expect(compact.contains(#""personalData":"personal""#))
            let asset = try decode(AssetDTO.self, created)
            #expect(asset.name == "顧客名簿")
            #expect(asset.importance == 3)
            #expect([asset.confidentiality, asset.integrity, asset.availability] as [Int] == [3, 2, 2])

            let tooHigh = try await send(app, .POST, "/api/v1/assets", token: ownerToken, json: #"{"name":"取引先","confidentiality":4,"integrity":1,"availability":1}"#)
            #expect(tooHigh.status == .unprocessableEntity)
            #expect(try errorFields(tooHigh) == ["confidentiality"])
            let noName = try await send(app, .POST, "/api/v1/assets", token: ownerToken, json: #"{"name":"","confidentiality":1,"integrity":1,"availability":1}"#)
            #expect(noName.status == .unprocessableEntity)
            #expect(try errorFields(noName).contains("name"))
            // An unknown personal-data kind fails decoding of the documented enum: the error
            // middleware names the field with 422.
            let bogusKind = try await send(app, .POST, "/api/v1/assets", token: ownerToken,
                                           json: #"{"name":"取引先","confidentiality":1,"integrity":1,"availability":1,"personalData":"bogus"}"#)
            #expect(bogusKind.status == .unprocessableEntity)
            #expect(try errorFields(bogusKind).contains("personalData"))
            #expect(try await InformationAsset.query(on: app.db).count() == 1)

            // Risks: the small one first, then the large one.
            let smallResponse = try await send(app, .POST, "/api/v1/assets/\(asset.id)/risks", token: ownerToken,
                                               json: #"{"threat":"台風による浸水","likelihood":1,"vulnerability":1}"#)
            #expect(smallResponse.status == .created)
            let small = try decode(RiskDTO.self, smallResponse)
            #expect(small.damageLikelihood == 1 && small.riskValue == 3 && small.band == "small")
            let largeResponse = try await send(app, .POST, "/api/v1/assets/\(asset.id)/risks", token: ownerToken,
                                               json: #"{"threat":"malware","likelihood":3,"vulnerability":2}"#)
            #expect(largeResponse.status == .created)
            let large = try decode(RiskDTO.self, largeResponse)
            #expect(large.assetId == asset.id)
            #expect(large.threat == "malware")
            #expect(large.importance == 3)
            #expect(large.damageLikelihood == 2)
            #expect(large.riskValue == 6)
            #expect(large.band == "large")
            #expect(large.treatment == nil)

            let zero = try await send(app, .POST, "/api/v1/assets/\(asset.id)/risks", token: ownerToken,
                                      json: #"{"threat":"malware","likelihood":0,"vulnerability":2}"#)
            #expect(zero.status == .unprocessableEntity)
            #expect(try errorFields(zero) == ["likelihood"])
            #expect(try await send(app, .POST, "/api/v1/assets/\(UUID().uuidString)/risks", token: ownerToken,
                                   json: #"{"threat":"malware","likelihood":1,"vulnerability":1}"#).status == .notFound)

            let register = try decode(RiskPageDTO.self, try await send(app, .GET, "/api/v1/risks", token: ownerToken))
            #expect(register.items.map(\.riskValue) == [6, 3])
            #expect(register.items.map(\.id) == [large.id, small.id])

            let one = try await send(app, .GET, "/api/v1/assets/\(asset.id)", token: ownerToken)
            #expect(one.status == .ok)
            let withRisks = try decode(AssetWithRisksDTO.self, one)
            #expect(withRisks.asset.id == asset.id)
            #expect(withRisks.risks.map(\.riskValue) == [6, 3])
            #expect(try await send(app, .GET, "/api/v1/assets/\(UUID().uuidString)", token: ownerToken).status == .notFound)

            // Treatment.
            let treated = try await send(app, .PATCH, "/api/v1/risks/\(large.id)", token: ownerToken, json: #"{"treatment":"reduce","measure":"EDRを導入する"}"#)
            #expect(treated.status == .ok)
            let treatedRisk = try decode(RiskDTO.self, treated)
            #expect(treatedRisk.treatment == "reduce")
            #expect(treatedRisk.measure == "EDRを導入する")
            let bogusTreatment = try await send(app, .PATCH, "/api/v1/risks/\(large.id)", token: ownerToken, json: #"{"treatment":"bogus"}"#)
            #expect(bogusTreatment.status == .unprocessableEntity)
            #expect(try errorFields(bogusTreatment) == ["treatment"])

            // The plan: proposed from the diagnosis gap and the large risk.
            let proposedResponse = try await send(app, .POST, "/api/v1/plan/proposal", token: ownerToken)
            #expect(proposedResponse.status == .ok)
            let plan = try decode(PlanDTO.self, proposedResponse)
            #expect(plan.agreedAt == nil)
            #expect(plan.items.map { "\($0.source.kind):\($0.source.key)" } == ["diagnosis:1", "risk:\(large.id)"])
            #expect(plan.items.map(\.priority) == [1, 2])
            #expect(plan.items.allSatisfy { $0.status == "not_started" && $0.progress == 0 })
            let again = try decode(PlanDTO.self, try await send(app, .POST, "/api/v1/plan/proposal", token: ownerToken))
            #expect(again.items.map(\.id) == plan.items.map(\.id))

            let itemID = plan.items[0].id
            let noReason = try await send(app, .PATCH, "/api/v1/plan/items/\(itemID)", token: ownerToken, json: #"{"status":"dropped"}"#)
            #expect(noReason.status == .unprocessableEntity)
            #expect(try errorFields(noReason) == ["dropReason"])
            let backwards = try await send(app, .PATCH, "/api/v1/plan/items/\(itemID)", token: ownerToken, json: #"{"startMonth":"2027-05","dueMonth":"2027-03"}"#)
            #expect(backwards.status == .unprocessableEntity)
            #expect(try errorFields(backwards) == ["dueMonth"])
            let doneResponse = try await send(app, .PATCH, "/api/v1/plan/items/\(itemID)", token: ownerToken, json: #"{"status":"done","ownerName":"総務 花子"}"#)
            #expect(doneResponse.status == .ok)
            let done = try decode(PlanDTO.Item.self, doneResponse)
            #expect(done.status == "done")
            #expect(done.progress == 100)
            #expect(done.ownerName == "総務 花子")
            #expect(try await send(app, .PATCH, "/api/v1/plan/items/\(UUID().uuidString)", token: ownerToken, json: #"{"status":"done"}"#).status == .notFound)

            // A manual item through the API.
            let manual = try await send(app, .POST, "/api/v1/plan/items", token: ownerToken, json: #"{"title":"手で加えた項目","startMonth":"2027-01","dueMonth":"2027-04"}"#)
            #expect(manual.status == .created)
            let manualItem = try decode(PlanDTO.Item.self, manual)
            #expect(manualItem.source.kind == "manual")
            #expect(manualItem.priority == 3)
            #expect(try await send(app, .POST, "/api/v1/plan/items", token: ownerToken, json: #"{"title":""}"#).status == .unprocessableEntity)

            // Agreement: a member is refused, the owner agrees.
            let member = try await Fixtures.addMember(app, to: owner, email: "risk-api-member@example.jp")
            let memberToken = try await token(app, member.user)
            let refused = try await send(app, .POST, "/api/v1/plan/agree", token: memberToken)
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains(L.Plan.ownerAgrees.ja) || refused.body.string.contains(L.Plan.ownerAgrees.en))
            let ownerOrg = try #require(owner.organizationID)
            #expect(try await planRecord(app, ownerOrg)?.agreedAt == nil)
            let agreedResponse = try await send(app, .POST, "/api/v1/plan/agree", token: ownerToken)
            #expect(agreedResponse.status == .ok)
            let agreed = try decode(PlanDTO.self, agreedResponse)
            #expect(agreed.agreedAt != nil)
            #expect(agreed.agreedBy == owner.user.displayName)
            let fetched = try decode(PlanDTO.self, try await send(app, .GET, "/api/v1/plan", token: memberToken))
            #expect(fetched.agreedAt != nil)
            #expect(fetched.items.count == 3)
        }
    }
}
