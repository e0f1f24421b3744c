import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Expert guidance program")
struct ProgramTests {
    // Shared with the other program suites (Support/ProgramFixtures.swift).
    func office(_ app: Application) async throws -> TestBrowser { try await ProgramFixtures.office(app) }

    func expert(_ app: Application, office: TestBrowser, name: String, number: String, prefecture: String, email: String) async throws -> TestBrowser {
        try await ProgramFixtures.expert(app, office: office, name: name, number: number, prefecture: prefecture, email: email)
    }

    func company(_ app: Application, name: String, email: String) async throws -> (Fixtures.Account, TestBrowser) {
        try await ProgramFixtures.company(app, name: name, email: email)
    }

    func applyForm(termsVersion: Int = 1) -> [String: String] {
        ["legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no", "contactName": "山田",
         "contactPhone": "03-1234-5678", "message": "テレワークの対策を相談したい", "agreed": "on", "termsVersion": String(termsVersion)]
    }

    /// A moment `seconds` ago, but not before this fiscal year began: visits must fall within
    /// the program's fiscal year, and the test may run on 1 April.
    func pastMoment(_ seconds: TimeInterval) -> String {
        let start = TokyoDateTime.parse(FiscalYear.firstDay(of: FiscalYear.of(Date())) + "T00:00")!
        return TokyoDateTime.format(max(Date().addingTimeInterval(-seconds), start))
    }

    func openApplications(_ app: Application, capacity: Int = 400, accepted: Int = 0) async throws {
        try await ProgramFixtures.openApplications(app, capacity: capacity, accepted: accepted)
    }

    @Test("apply → accept → assign an expert → the expert schedules and records a visit → the company sees it")
    func fullFlow() async throws {
        try await withMamori { app in
            try await openApplications(app)
            let office = try await office(app)
            let expert = try await expert(app, office: office, name: "宮城 花子", number: "000001", prefecture: "04", email: "hanako@example.jp")
            _ = try await self.expert(app, office: office, name: "福岡 太郎", number: "000002", prefecture: "40", email: "taro@example.jp")
            let (account, owner) = try await company(app, name: "仙台商店", email: "owner@example.jp")
            let orgPath = "/orgs/\(account.organizationID!.uuidString)"

            // The company applies.
            #expect(try await owner.get("\(orgPath)/program").body.string.contains("この内容で応募する"))
            let applied = try await owner.postAndFollow("\(orgPath)/program/apply", applyForm())
            #expect(applied.body.string.contains("応募を受け付けました"))
            let application = try #require(try await ProgramApplication.query(on: app.db).first())
            #expect(application.status == .submitted && application.eligible && application.smeBasis == "employees" && application.termsVersion == 1)

            // The office accepts and sees the nearer expert first.
            try await office.get("/office/program/applications/\(application.id!.uuidString)")
            try await office.post("/office/program/applications/\(application.id!.uuidString)/decision", ["decision": "accept"])
            let detail = try await office.get("/office/program/applications/\(application.id!.uuidString)")
            let html = detail.body.string
            let near = try #require(html.range(of: "宮城 花子")), far = try #require(html.range(of: "福岡 太郎"))
            #expect(near.lowerBound < far.lowerBound)
            let profile = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "000001").first())
            let assigned = try await office.post("/office/program/applications/\(application.id!.uuidString)/expert", ["expert": profile.id!.uuidString])
            #expect(assigned.status == .seeOther)

            // The expert schedules visit 1 (yesterday) and records it.
            let companyPath = "/expert/companies/\(application.id!.uuidString)"
            #expect(try await expert.get("/expert/companies").body.string.contains("仙台商店"))
            try await expert.get(companyPath)
            let yesterday = pastMoment(24 * 3600)
            let badURL = try await expert.post("\(companyPath)/visits", ["number": "1", "scheduledAt": yesterday, "mode": "online", "place": "javascript:alert(1)"])
            #expect(badURL.status == .unprocessableEntity)
            #expect(try await expert.post("\(companyPath)/visits", ["number": "1", "scheduledAt": yesterday, "mode": "online", "place": "https://meet.example.jp/abc"]).status == .seeOther)
            try await expert.get(companyPath)
            let recorded = try await expert.post("\(companyPath)/visits/1/record", ["durationMinutes": "120", "topics": "基本方針の骨子", "goal1": "50", "nextSteps": "規程の確認"])
            #expect(recorded.status == .seeOther)

            // The company sees the visit, and its deliverables derived from data.
            let page = try await owner.get("\(orgPath)/program")
            #expect(page.body.string.contains("実施済み"))
            #expect(page.body.string.contains("宮城 花子"))
            #expect(page.body.string.contains("https://meet.example.jp/abc"))
            #expect(page.body.string.contains("data-deliverable=\"1\""))
            // Every deliverable can be recorded now; none is produced yet (③ needs an agreed plan).
            #expect(!page.body.string.contains("Mamori ではまだ記録できません"))
            #expect(page.body.string.contains(#"<li class="unmet" data-deliverable="3">"#))
        }
    }

    @Test("an expert cannot see or change another expert's company (404)")
    func expertTenancy() async throws {
        try await withMamori { app in
            try await openApplications(app)
            let office = try await office(app)
            _ = try await expert(app, office: office, name: "担当 一郎", number: "000011", prefecture: "13", email: "one@example.jp")
            let other = try await expert(app, office: office, name: "別の 二郎", number: "000012", prefecture: "13", email: "two@example.jp")
            let (account, owner) = try await company(app, name: "東京商店", email: "owner@example.jp")
            try await owner.get("/orgs/\(account.organizationID!.uuidString)/program")
            try await owner.post("/orgs/\(account.organizationID!.uuidString)/program/apply", applyForm())
            let application = try #require(try await ProgramApplication.query(on: app.db).first())
            let settings = try await ProgramService(db: app.db).settings()
            let officePrincipal = try await principal(app, "office@example.jp")
            try await ProgramService(db: app.db).decide(application, .accept, reason: nil, settings: settings, by: officePrincipal, ip: nil)
            let first = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "000011").first())
            try await ProgramService(db: app.db).assign(first, to: application, by: officePrincipal, ip: nil)

            let path = "/expert/companies/\(application.id!.uuidString)"
            #expect(try await other.get(path).status == .notFound)
            try await other.get("/expert/companies")
            #expect(try await other.post("\(path)/visits", ["number": "1", "scheduledAt": "2026-12-01T10:00", "mode": "on_site", "place": "x"]).status == .notFound)
            #expect(try await ProgramVisit.query(on: app.db).count() == 0)
            #expect(!(try await other.get("/expert/companies").body.string.contains("東京商店")))
            // Other roles do not reach the expert or office pages at all.
            #expect(try await owner.get(path).status == .notFound)
            #expect(try await owner.get("/office/program").status == .notFound)
            #expect(try await other.get("/office/program/applications").status == .notFound)
        }
    }

    @Test("capacity: the 400th acceptance works, the 401st is refused")
    func capacity() async throws {
        try await withMamori { app in
            try await openApplications(app, capacity: 400, accepted: 398)
            _ = try await office(app)
            let officePrincipal = try await principal(app, "office@example.jp")
            var applications: [ProgramApplication] = []
            for index in 1...3 {
                let (account, owner) = try await company(app, name: "会社\(index)", email: "owner\(index)@example.jp")
                try await owner.get("/orgs/\(account.organizationID!.uuidString)/program")
                #expect(try await owner.post("/orgs/\(account.organizationID!.uuidString)/program/apply", applyForm()).status == .seeOther)
                applications.append(try #require(try await ProgramApplication.query(on: app.db).filter(\.$organization.$id == account.organizationID!).first()))
            }
            let service = ProgramService(db: app.db)
            try await service.decide(applications[0], .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)   // 399th
            try await service.decide(applications[1], .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)   // 400th
            #expect(try await service.settings().acceptedCount == 400)
            await #expect(throws: ProgramService.DecisionRefusal.full) {
                try await service.decide(applications[2], .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)
            }
            #expect(try await service.settings().acceptedCount == 400)
            #expect(try await ProgramApplication.find(applications[2].id, on: app.db)?.status == .submitted)

            // Through the page, the refusal is explained; releasing a place makes room again.
            let office = try await Fixtures.browser(app, as: "office@example.jp")
            try await office.get("/office/program/applications/\(applications[2].id!.uuidString)")
            let refused = try await office.post("/office/program/applications/\(applications[2].id!.uuidString)/decision", ["decision": "accept"])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("定員に達しているため採択できません"))
            try await service.decide(applications[0], .waitlist, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)
            try await service.decide(applications[2], .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)
            #expect(try await service.settings().acceptedCount == 400)
        }
    }

    @Test("applications are refused when ineligible, out of period, duplicated, or the terms changed")
    func refusals() async throws {
        try await withMamori { app in
            try await openApplications(app)
            let account = try await Fixtures.signUp(app, name: "宣言なし商店", email: "nostar@example.jp")
            let owner = try await Fixtures.browser(app, as: account.email)
            let path = "/orgs/\(account.organizationID!.uuidString)/program"
            try await owner.get(path)
            let ineligible = try await owner.post("\(path)/apply", applyForm())
            #expect(ineligible.status == .unprocessableEntity)
            #expect(ineligible.body.string.contains("data-reason=\"no_security_action\""))

            let (eligible, browser) = try await company(app, name: "宣言あり商店", email: "star@example.jp")
            let eligiblePath = "/orgs/\(eligible.organizationID!.uuidString)/program"
            try await browser.get(eligiblePath)
            var noAgreement = applyForm()
            noAgreement["agreed"] = nil
            #expect(try await browser.post("\(eligiblePath)/apply", noAgreement).status == .unprocessableEntity)
            let staleTerms = try await browser.post("\(eligiblePath)/apply", applyForm(termsVersion: 0))
            #expect(staleTerms.status == .unprocessableEntity)
            #expect(staleTerms.body.string.contains("参加規約が更新されました"))
            #expect(try await browser.post("\(eligiblePath)/apply", applyForm()).status == .seeOther)
            try await browser.get(eligiblePath)
            #expect(try await browser.post("\(eligiblePath)/apply", applyForm()).status == .conflict)
            #expect(try await ProgramApplication.query(on: app.db).count() == 1)

            let settings = try await ProgramService(db: app.db).settings()
            settings.closesOn = "2001-01-01"
            try await settings.save(on: app.db)
            let (late, lateBrowser) = try await company(app, name: "遅れ商店", email: "late@example.jp")
            try await lateBrowser.get("/orgs/\(late.organizationID!.uuidString)/program")
            #expect(try await lateBrowser.post("/orgs/\(late.organizationID!.uuidString)/program/apply", applyForm()).status == .conflict)
        }
    }

    @Test("after the fourth visit the company answers the survey once, and the statistics count it")
    func surveyAndStatistics() async throws {
        try await withMamori { app in
            try await openApplications(app)
            let office = try await office(app)
            _ = try await expert(app, office: office, name: "秋田 三郎", number: "000021", prefecture: "05", email: "saburo@example.jp")
            let (account, owner) = try await company(app, name: "秋田工業", email: "owner@example.jp")
            let orgPath = "/orgs/\(account.organizationID!.uuidString)"
            try await owner.get("\(orgPath)/program")
            try await owner.post("\(orgPath)/program/apply", applyForm())
            let application = try #require(try await ProgramApplication.query(on: app.db).first())
            let service = ProgramService(db: app.db)
            let officePrincipal = try await principal(app, "office@example.jp")
            let settings = try await service.settings()
            try await service.decide(application, .accept, reason: nil, settings: settings, by: officePrincipal, ip: nil)
            let profile = try #require(try await ExpertProfile.query(on: app.db).first())
            try await service.assign(profile, to: application, by: officePrincipal, ip: nil)
            let expertPrincipal = try await principal(app, "saburo@example.jp")

            try await owner.get("\(orgPath)/program")
            let early = try await owner.post("\(orgPath)/program/survey", ["producedResults": "yes", "satisfaction": "5"])
            #expect(early.status == .conflict)
            for number in 1...4 {
                let visit = try await service.schedule(.init(number: .given(number), scheduledAt: .tokyoDateTime(pastMoment(Double(number) * 86_400)),
                                                             mode: .given(.onSite), place: "秋田市"), for: application, settings: settings, expert: profile,
                                                       by: expertPrincipal, ip: nil)
                try await service.record(.init(durationMinutes: .given(120), topics: "指導", progress: [:], nextSteps: nil), for: visit, application: application,
                                         by: expertPrincipal, ip: nil)
            }
            try await owner.get("\(orgPath)/program")
            let bad = try await owner.post("\(orgPath)/program/survey", ["producedResults": "maybe", "satisfaction": "9"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await owner.post("\(orgPath)/program/survey", ["producedResults": "yes", "satisfaction": "5", "comments": "助かりました"]).status == .seeOther)
            try await owner.get("\(orgPath)/program")
            #expect(try await owner.post("\(orgPath)/program/survey", ["producedResults": "no", "satisfaction": "1"]).status == .conflict)

            let statistics = try await service.statistics(fiscalYear: settings.fiscalYear, visitsPerCompany: 4)
            #expect(statistics.completed == 1 && statistics.completionRate == 1 && statistics.producedResultsShare == 1)
            #expect(statistics.outsideMetropolitanShare == 0, "the fixture company is in Tokyo")
            let page = try await office.get("/office/program/statistics")
            #expect(page.body.string.contains("100.0%"))
            let csv = try await office.get("/office/program/statistics.csv")
            #expect(csv.body.string.contains("\"13\",\"東京都\"") || csv.body.string.contains("\"05\",\"秋田県\",\"Akita\",\"tohoku\",\"\",\"1\",\"1\",\"1\""))
        }
    }

    @Test("the expert's calendar feed lists the visits; an unknown token is 404")
    func calendarFeed() async throws {
        try await withMamori { app in
            try await openApplications(app)
            let office = try await office(app)
            let expert = try await expert(app, office: office, name: "暦 四郎", number: "000031", prefecture: "13", email: "shiro@example.jp")
            let (account, owner) = try await company(app, name: "暦商店", email: "owner@example.jp")
            try await owner.get("/orgs/\(account.organizationID!.uuidString)/program")
            try await owner.post("/orgs/\(account.organizationID!.uuidString)/program/apply", applyForm())
            let application = try #require(try await ProgramApplication.query(on: app.db).first())
            let service = ProgramService(db: app.db)
            let officePrincipal = try await principal(app, "office@example.jp")
            try await service.decide(application, .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)
            let profile = try #require(try await ExpertProfile.query(on: app.db).first())
            try await service.assign(profile, to: application, by: officePrincipal, ip: nil)
            let year = FiscalYear.of(Date())
            _ = try await service.schedule(.init(number: .given(2), scheduledAt: .tokyoDateTime("\(year)-12-01T10:00"), mode: .given(.onSite), place: "東京都千代田区1-1"),
                                           for: application, settings: try await service.settings(), expert: profile,
                                           by: try await principal(app, "shiro@example.jp"), ip: nil)

            try await expert.get("/expert/companies")
            let page = try await expert.postAndFollow("/expert/calendar", [:])
            let html = page.body.string
            let start = try #require(html.range(of: #"readonly value=""#))
            let feed = try #require(URL(string: String(html[start.upperBound...].prefix { $0 != "\"" }))).path
            let ics = try await TestBrowser(app).get(feed)
            #expect(ics.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            #expect(ics.body.string.contains("DTSTART:\(year)1201T010000Z"))
            #expect(ics.body.string.contains("LOCATION:東京都千代田区1-1"))
            #expect(try await TestBrowser(app).get("/calendar/not-a-real-token.ics").status == .notFound)
        }
    }

    @Test("the expert attaches files to a visit; the company and the office download them; nobody else can; big files get 413")
    func attachments() async throws {
        try await withMamori { app in
            app.settings.maxUploadMegabytes = 1
            try await openApplications(app)
            let office = try await office(app)
            let expert = try await expert(app, office: office, name: "資料 五郎", number: "000041", prefecture: "13", email: "goro@example.jp")
            let stranger = try await self.expert(app, office: office, name: "無関係 六郎", number: "000042", prefecture: "13", email: "rokuro@example.jp")
            let (account, owner) = try await company(app, name: "資料商店", email: "owner@example.jp")
            let (_, otherOwner) = try await company(app, name: "他社", email: "other@example.jp")
            try await owner.get("/orgs/\(account.organizationID!.uuidString)/program")
            try await owner.post("/orgs/\(account.organizationID!.uuidString)/program/apply", applyForm())
            let application = try #require(try await ProgramApplication.query(on: app.db).first())
            let service = ProgramService(db: app.db)
            let officePrincipal = try await principal(app, "office@example.jp")
            try await service.decide(application, .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)
            let profile = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "000041").first())
            try await service.assign(profile, to: application, by: officePrincipal, ip: nil)
            _ = try await service.schedule(.init(number: .given(1), scheduledAt: .tokyoDateTime("\(FiscalYear.of(Date()))-10-01T10:00"), mode: .given(.onSite), place: "東京"),
                                           for: application, settings: try await service.settings(), expert: profile,
                                           by: try await principal(app, "goro@example.jp"), ip: nil)

            let companyPath = "/expert/companies/\(application.id!.uuidString)"
            try await expert.get(companyPath)
            let bytes: [UInt8] = Array("議事録: 基本方針の骨子".utf8)
            let uploaded = try await expert.upload("\(companyPath)/visits/1/attachments", filename: "../../etc/議事録.pdf", contentType: "application/pdf", data: bytes)
            #expect(uploaded.status == .seeOther)
            let afterUpload = try await expert.follow(uploaded)
            #expect(afterUpload.body.string.contains("資料を添付しました"), "\(afterUpload.body.string.components(separatedBy: "flash").dropFirst().first ?? "")")
            let stored = try #require(try await VisitAttachment.query(on: app.db).first())
            #expect(stored.filename == "議事録.pdf")
            #expect(stored.sha256 == SecretToken.sha256Hex(Data(bytes)))
            #expect(stored.size == bytes.count)

            for browser in [owner, office, expert] {
                let download = try await browser.get("/attachments/\(stored.id!.uuidString)")
                #expect(download.status == .ok)
                #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
                #expect(Array(download.body.readableBytesView) == bytes)
            }
            for browser in [otherOwner, stranger] {
                #expect(try await browser.get("/attachments/\(stored.id!.uuidString)").status == .notFound)
            }
            try await stranger.get("/expert/companies")
            #expect(try await stranger.upload("\(companyPath)/visits/1/attachments", filename: "x.txt", contentType: "text/plain", data: [1]).status == .notFound)

            try await expert.get(companyPath)
            let big = try await expert.upload("\(companyPath)/visits/1/attachments", filename: "big.bin", contentType: "application/octet-stream",
                                              data: [UInt8](repeating: 7, count: 1024 * 1024 + 10))
            #expect(big.status == .payloadTooLarge)
            #expect(big.body.string.contains("1MBまで"))
            #expect(try await VisitAttachment.query(on: app.db).count() == 1)
            #expect(try await owner.get("/orgs/\(account.organizationID!.uuidString)/program").body.string.contains("議事録.pdf"))
        }
    }

    @Test("through the API: an owner applies and reads the application; members and other tokens are refused; the office reads statistics")
    func api() async throws {
        try await withMamori { app in
            try await openApplications(app)
            _ = try await office(app)
            let (account, _) = try await company(app, name: "API商店", email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: account, email: "member@example.jp")
            func token(_ user: User) async throws -> String {
                try await APITokenService(db: app.db).create(name: "t", for: user, actor: .commandLine).secret
            }
            func send(_ method: HTTPMethod, _ path: String, _ token: String, _ body: String? = nil) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: token)
                if body != nil { headers.contentType = .json }
                return try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let owner = try await token(account.user)
            let body = #"{"legalForm": "corporation", "hasSecurityPolicy": false, "participatedPreviousYear": false, "contactName": "山田", "contactPhone": "03-1111-2222", "agreedTermsVersion": 1}"#
            #expect(try await send(.GET, "/api/v1/program/application", owner).status == .notFound)
            #expect(try await send(.POST, "/api/v1/program/application", try await token(member.user), body).status == .forbidden)
            #expect(try await send(.POST, "/api/v1/program/application", owner, body.replacingOccurrences(of: "\"agreedTermsVersion\": 1", with: "\"agreedTermsVersion\": 9")).status == .unprocessableEntity)
            let created = try await send(.POST, "/api/v1/program/application", owner, body)
            #expect(created.status == .created)
            #expect(created.body.string.contains("\"submitted\""))
            #expect(try await send(.POST, "/api/v1/program/application", owner, body).status == .conflict)
            let read = try await send(.GET, "/api/v1/program/application", owner)
            #expect(read.status == .ok && !read.body.string.contains("not_available_yet") && read.body.string.contains("not_yet"))

            #expect(try await send(.GET, "/api/v1/program/statistics", owner).status == .forbidden)
            let officeUser = try #require(try await User.query(on: app.db).filter(\.$email == "office@example.jp").first())
            let statistics = try await send(.GET, "/api/v1/program/statistics", try await token(officeUser))
            #expect(statistics.status == .ok)
            #expect(statistics.body.string.replacingOccurrences(of: " ", with: "").contains("\"applications\":1"))
        }
    }

    func principal(_ app: Application, _ email: String) async throws -> Principal {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).with(\.$organization).first())
        return Principal(user: user, organization: user.organization, token: nil)
    }
}
