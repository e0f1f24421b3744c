import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// Issue #12: every page action of the program office and of SECURITY ACTION has an API
/// operation, with the page's rules: office-only operations refuse organization tokens (403),
/// unknown and other organizations' ids are 404.
@Suite("The program office's and SECURITY ACTION's API operations")
struct OfficeAPITests {
    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let fields: [String: String]? }
        let error: Detail
    }

    struct Terms: Decodable {
        let fiscalYear: Int
        let version: Int
        let textJa: String
        let textEn: String
        let text: String
        let language: String
    }

    struct Settings: Decodable {
        let capacity: Int
        let acceptedCount: Int
        let preferOutsideMetro: Bool
        let terms: Terms
    }

    struct ReviewedApplication: Decodable {
        let id: String
        let organizationId: String
        let organizationName: String
        let status: String
        let termsVersion: Int
        let expertId: String?
        let expertName: String?
        let decisionReason: String?
    }

    struct ApplicationPage: Decodable {
        struct Metadata: Decodable { let total: Int }
        let items: [ReviewedApplication]
        let metadata: Metadata
    }

    struct Expert: Decodable {
        let id: String
        let name: String
        let prefecture: String
        let regions: [String]
        let assignedCompanies: Int
        let hasAccount: Bool
    }

    struct ExpertLink: Decodable {
        let id: String
        let note: String
    }

    struct ExpertList: Decodable {
        let items: [Expert]
        let openInvitations: [ExpertLink]
    }

    struct Registration: Decodable {
        let expert: Expert
        let invitation: ExpertLink
        let invitationUrl: String
    }

    struct CompanyApplication: Decodable {
        let status: String
        let termsVersion: Int
        let surveyAnswered: Bool
        let agreedTerms: Terms?
    }

    struct Measures: Decodable {
        struct Conflict: Decodable { let measure: Int; let answer: String; let message: String }
        let measures: [Int]
        let conflicts: [Conflict]
    }

    struct Declaration: Decodable {
        let id: String
        let stars: Int
        let declarationId: String
        let declaredOn: String
    }

    struct DeclarationList: Decodable { let items: [Declaration] }

    // MARK: Helpers

    func token(_ app: Application, _ email: String) async throws -> String {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        return try await APITokenService(db: app.db).create(name: "test", for: user, actor: .commandLine).secret
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, json: String? = nil,
              language: String = "ja") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.replaceOrAdd(name: .acceptLanguage, value: language)
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.string.utf8))
    }

    func errorFields(_ response: TestingHTTPResponse) throws -> [String: String] {
        try decode(ErrorBody.self, response).error.fields ?? [:]
    }

    /// A company (one star declared, so eligible) that applied through its page.
    func applied(_ app: Application, name: String, email: String) async throws -> (Fixtures.Account, ProgramApplication) {
        let (account, owner) = try await ProgramFixtures.company(app, name: name, email: email)
        let path = "/orgs/\(account.organizationID!.uuidString)/program"
        try await owner.get(path)
        let response = try await owner.post("\(path)/apply", [
            "legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no", "contactName": "山田",
            "contactPhone": "03-1234-5678", "agreed": "on", "termsVersion": "1"])
        #expect(response.status == .seeOther)
        let application = try #require(try await ProgramApplication.query(on: app.db).filter(\.$organization.$id == account.organizationID!).first())
        return (account, application)
    }

    func principal(_ app: Application, _ email: String) async throws -> Principal {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).with(\.$organization).first())
        return Principal(user: user, organization: user.organization, token: nil)
    }

    /// A moment `seconds` ago, but not before this fiscal year began (visits stay within it).
    func pastMoment(_ seconds: TimeInterval) -> String {
        let start = TokyoDateTime.parse(FiscalYear.firstDay(of: FiscalYear.of(Date())) + "T00:00")!
        return TokyoDateTime.format(max(Date().addingTimeInterval(-seconds), start))
    }

    func settingsBody(capacity: Int = 400, ja: String, en: String) -> String {
        json(["capacity": capacity, "visitsPerCompany": 4, "hoursPerVisit": 2, "opensOn": "2000-01-01", "closesOn": "2999-12-31",
              "termsTextJa": ja, "termsTextEn": en])
    }

    // MARK: Settings and terms

    @Test("settings: the office reads and changes them, both terms kept in a new version; refusals name the field; organization tokens get 403")
    func settingsAndTerms() async throws {
        try await withMamori { app in
            _ = try await ProgramFixtures.office(app)
            _ = try await Fixtures.signUp(app, name: "規約を読む商店", email: "owner@example.jp")
            let office = try await token(app, "office@example.jp")
            let company = try await token(app, "owner@example.jp")

            let read = try await send(app, .GET, "/api/v1/program/settings", office)
            #expect(read.status == .ok)
            let before = try decode(Settings.self, read)
            #expect(before.capacity == 400 && before.terms.version == 1)
            #expect(before.terms.textJa == ProgramTerms.defaultJa && before.terms.textEn == ProgramTerms.defaultEn)

            // Organization tokens are refused, and nothing changes.
            #expect(try await send(app, .GET, "/api/v1/program/settings", company).status == .forbidden)
            let refused = try await send(app, .PUT, "/api/v1/program/settings", company, json: settingsBody(ja: "乗っ取り", en: "Hijack"))
            #expect(refused.status == .forbidden)
            #expect(try decode(ErrorBody.self, refused).error.message == L.Program.officeTokenNeeded.ja)

            // The page's rules: the English is required, and the capacity at least 1.
            let noEnglish = try await send(app, .PUT, "/api/v1/program/settings", office, json: settingsBody(capacity: 0, ja: "新しい規約", en: " "))
            #expect(noEnglish.status == .unprocessableEntity)
            #expect(try Set(errorFields(noEnglish).keys) == ["capacity", "termsTextEn"])
            #expect(try await ProgramService(db: app.db).settings().termsVersion == 1)

            let saved = try await send(app, .PUT, "/api/v1/program/settings", office, json: settingsBody(capacity: 300, ja: "第2版の規約", en: "Terms, version 2"))
            #expect(saved.status == .ok)
            let after = try decode(Settings.self, saved)
            #expect(after.capacity == 300 && after.preferOutsideMetro == before.preferOutsideMetro)
            #expect(after.terms.version == 2 && after.terms.textJa == "第2版の規約" && after.terms.textEn == "Terms, version 2")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "program.settings_changed").count() == 1)

            // Any token reads the terms: both languages, and `text` in the caller's language.
            let english = try await send(app, .GET, "/api/v1/program/terms", company, language: "en")
            #expect(english.status == .ok)
            let current = try decode(Terms.self, english)
            #expect(current.version == 2 && current.text == "Terms, version 2" && current.language == "en")
            #expect(current.textJa == "第2版の規約" && current.textEn == "Terms, version 2")
            let japanese = try decode(Terms.self, try await send(app, .GET, "/api/v1/program/terms", company))
            #expect(japanese.text == "第2版の規約" && japanese.language == "ja")
            let first = try decode(Terms.self, try await send(app, .GET, "/api/v1/program/terms?version=1", company, language: "en"))
            #expect(first.version == 1 && first.text == ProgramTerms.defaultEn && first.textJa == ProgramTerms.defaultJa)
            #expect(try await send(app, .GET, "/api/v1/program/terms?version=9", company).status == .notFound)
        }
    }

    // MARK: Applications

    @Test("applications: the office lists, decides and assigns with the page's refusals; organization tokens get 403; unknown ids 404")
    func applications() async throws {
        try await withMamori { app in
            try await ProgramFixtures.openApplications(app, capacity: 1)
            let officeBrowser = try await ProgramFixtures.office(app)
            _ = try await ProgramFixtures.expert(app, office: officeBrowser, name: "東京 一郎", number: "200001", prefecture: "13", email: "expert@example.jp")
            let expert = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "200001").first())
            let (_, first) = try await applied(app, name: "一番商店", email: "first@example.jp")
            let (_, second) = try await applied(app, name: "二番商店", email: "second@example.jp")
            let office = try await token(app, "office@example.jp")
            let company = try await token(app, "first@example.jp")
            let firstPath = "/api/v1/program/applications/\(first.id!.uuidString)"
            let secondPath = "/api/v1/program/applications/\(second.id!.uuidString)"
            let accept = #"{"decision": "accept"}"#
            let expertBody = json(["expertId": expert.id!.uuidString])

            // The list, with the organizations' names; filtered by status.
            let list = try await send(app, .GET, "/api/v1/program/applications?per=10", office)
            #expect(list.status == .ok)
            let page = try decode(ApplicationPage.self, list)
            #expect(page.metadata.total == 2)
            #expect(Set(page.items.map(\.id)) == [first.id!.uuidString, second.id!.uuidString])
            #expect(Set(page.items.map(\.organizationName)) == ["一番商店", "二番商店"])
            let acceptedOnly = try await send(app, .GET, "/api/v1/program/applications?status=accepted", office)
            #expect(try decode(ApplicationPage.self, acceptedOnly).metadata.total == 0)
            #expect(try await send(app, .GET, "/api/v1/program/applications?per=0", office).status == .unprocessableEntity)
            let one = try await send(app, .GET, firstPath, office)
            #expect(one.status == .ok)
            #expect(try decode(ReviewedApplication.self, one).status == "submitted")

            // An organization's token reaches none of it, not even its own application.
            let refusals: [(HTTPMethod, String, String?)] = [
                (.GET, "/api/v1/program/applications", nil), (.GET, firstPath, nil),
                (.POST, "\(firstPath)/decision", accept), (.PUT, "\(firstPath)/expert", expertBody),
            ]
            for (method, path, body) in refusals {
                let refused = try await send(app, method, path, company, json: body)
                #expect(refused.status == .forbidden, "\(method) \(path)")
                #expect(try decode(ErrorBody.self, refused).error.code == "forbidden")
            }
            #expect(try await ProgramApplication.find(first.id, on: app.db)?.status == .submitted)

            // A rejection needs a reason, as on the page.
            let reasonless = try await send(app, .POST, "\(secondPath)/decision", office, json: #"{"decision": "reject", "reason": "  "}"#)
            #expect(reasonless.status == .unprocessableEntity)
            #expect(try errorFields(reasonless)["reason"] == L.Program.rejectReasonRequired.ja)
            let unknownDecision = try await send(app, .POST, "\(secondPath)/decision", office, json: #"{"decision": "maybe"}"#)
            #expect((400..<500).contains(Int(unknownDecision.status.code)))

            // Acceptance takes the one place; the next acceptance meets a full program.
            let accepted = try await send(app, .POST, "\(firstPath)/decision", office, json: accept)
            #expect(accepted.status == .ok)
            #expect(try decode(ReviewedApplication.self, accepted).status == "accepted")
            let full = try await send(app, .POST, "\(secondPath)/decision", office, json: accept)
            #expect(full.status == .conflict)
            #expect(try decode(ErrorBody.self, full).error.message == L.Program.capacityFull.ja)
            let waitlisted = try await send(app, .POST, "\(secondPath)/decision", office, json: #"{"decision": "waitlist"}"#)
            #expect(try decode(ReviewedApplication.self, waitlisted).status == "waitlisted")
            #expect(try await ProgramService(db: app.db).settings().acceptedCount == 1)

            // Only an accepted application gets an expert; an unknown expert is 404.
            let notAccepted = try await send(app, .PUT, "\(secondPath)/expert", office, json: expertBody)
            #expect(notAccepted.status == .conflict)
            #expect(try decode(ErrorBody.self, notAccepted).error.message == L.Program.assignNeedsAcceptance.ja)
            #expect(try await send(app, .PUT, "\(firstPath)/expert", office, json: json(["expertId": UUID().uuidString])).status == .notFound)
            let assigned = try await send(app, .PUT, "\(firstPath)/expert", office, json: expertBody)
            #expect(assigned.status == .ok)
            let withExpert = try decode(ReviewedApplication.self, assigned)
            #expect(withExpert.expertId == expert.id!.uuidString && withExpert.expertName == "東京 一郎")
            #expect(try await ProgramApplication.find(first.id, on: app.db)?.$expert.id == expert.id)

            // Unknown and malformed application ids are 404 for every operation.
            for id in [UUID().uuidString, "not-a-uuid"] {
                let path = "/api/v1/program/applications/\(id)"
                #expect(try await send(app, .GET, path, office).status == .notFound)
                #expect(try await send(app, .POST, "\(path)/decision", office, json: accept).status == .notFound)
                #expect(try await send(app, .PUT, "\(path)/expert", office, json: expertBody).status == .notFound)
            }

            // The same service as the page: the same audit entries.
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "program.decided").count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "expert.assigned").count() == 1)
        }
    }

    // MARK: Experts

    @Test("experts: the office registers one and gets a link that works once, lists experts and open links, revokes a link; organization tokens get 403")
    func experts() async throws {
        try await withMamori { app in
            _ = try await ProgramFixtures.office(app)
            let owner = try await Fixtures.signUp(app, name: "専門家を探す商店", email: "owner@example.jp")
            let office = try await token(app, "office@example.jp")
            let company = try await token(app, "owner@example.jp")
            let body = json(["name": "大阪 花子", "registrationNumber": "300001", "prefecture": "27", "regions": ["chugoku"],
                             "onSite": true, "online": false, "maxCompanies": 3])

            #expect(try await send(app, .POST, "/api/v1/program/experts", company, json: body).status == .forbidden)
            #expect(try await send(app, .GET, "/api/v1/program/experts", company).status == .forbidden)
            #expect(try await ExpertProfile.query(on: app.db).count() == 0)

            // The page's rules: a mode is needed, a region must exist.
            let invalid = try await send(app, .POST, "/api/v1/program/experts", office, json: json([
                "name": "", "registrationNumber": "300002", "prefecture": "27", "regions": ["atlantis"], "onSite": false, "online": false, "maxCompanies": 3]))
            #expect(invalid.status == .unprocessableEntity)
            #expect(try Set(errorFields(invalid).keys) == ["name", "regions", "modes"])

            let created = try await send(app, .POST, "/api/v1/program/experts", office, json: body)
            #expect(created.status == .created)
            let registration = try decode(Registration.self, created)
            #expect(registration.expert.name == "大阪 花子" && registration.expert.prefecture == "27" && !registration.expert.hasAccount)
            #expect(Set(registration.expert.regions) == ["kinki", "chugoku"])
            #expect(registration.invitationUrl.contains("/invite/"))
            // The same registration number again is refused beside the field.
            let again = try await send(app, .POST, "/api/v1/program/experts", office, json: body)
            #expect(again.status == .unprocessableEntity)
            #expect(try errorFields(again).keys.contains("registrationNumber"))

            let listed = try decode(ExpertList.self, try await send(app, .GET, "/api/v1/program/experts", office))
            #expect(listed.items.map(\.name) == ["大阪 花子"])
            #expect(listed.openInvitations.map(\.id) == [registration.invitation.id])

            // The link creates the expert's account, like the page's link.
            let path = try #require(URL(string: registration.invitationUrl)?.path)
            let invitee = TestBrowser(app)
            try await invitee.get(path)
            let joined = try await invitee.post(path, ["displayName": "大阪 花子", "email": "hanako@example.jp",
                                                       "password": Fixtures.password, "passwordConfirmation": Fixtures.password])
            #expect(joined.status == .seeOther)
            let profile = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "300001").first())
            #expect(profile.userID != nil)

            // A second expert's link is revoked before use: it no longer works.
            let second = try decode(Registration.self, try await send(app, .POST, "/api/v1/program/experts", office, json: json([
                "name": "京都 次郎", "registrationNumber": "300003", "prefecture": "26", "onSite": false, "online": true, "maxCompanies": 2])))
            let revokePath = "/api/v1/program/expert-invitations/\(second.invitation.id)"
            #expect(try await send(app, .DELETE, revokePath, company).status == .forbidden)
            #expect(try await send(app, .DELETE, revokePath, office).status == .noContent)
            let secondPath = try #require(URL(string: second.invitationUrl)?.path)
            #expect(try await TestBrowser(app).get(secondPath).status == .gone)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "invitation.revoked").count() == 1)

            // Unknown ids, and an organization's member invitation, are not the office's to revoke here.
            #expect(try await send(app, .DELETE, "/api/v1/program/expert-invitations/\(UUID().uuidString)", office).status == .notFound)
            let ownerBrowser = try await Fixtures.browser(app, as: owner.email)
            try await ownerBrowser.post("/orgs/\(owner.organizationID!.uuidString)/invitations", ["note": "member"])
            let memberInvitation = try #require(try await Invitation.query(on: app.db).filter(\.$role == .member).first())
            #expect(try await send(app, .DELETE, "/api/v1/program/expert-invitations/\(memberInvitation.id!.uuidString)", office).status == .notFound)
            #expect(try await Invitation.find(memberInvitation.id, on: app.db)?.revokedAt == nil)
        }
    }

    // MARK: Survey

    @Test("the survey through the API: 409 before the last visit, 201 once, 409 again; an office token gets 403")
    func survey() async throws {
        try await withMamori { app in
            try await ProgramFixtures.openApplications(app)
            let officeBrowser = try await ProgramFixtures.office(app)
            _ = try await ProgramFixtures.expert(app, office: officeBrowser, name: "東京 三郎", number: "400001", prefecture: "13", email: "expert@example.jp")
            let expert = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "400001").first())
            let (account, application) = try await applied(app, name: "アンケート商店", email: "owner@example.jp")
            let member = try await Fixtures.addMember(app, to: account, email: "member@example.jp")
            let service = ProgramService(db: app.db)
            let settings = try await service.settings()
            try await service.decide(application, .accept, reason: nil, settings: settings, by: try await principal(app, "office@example.jp"), ip: nil)
            try await service.assign(expert, to: application, by: try await principal(app, "office@example.jp"), ip: nil)
            let company = try await token(app, member.email)
            let answer = #"{"producedResults": true, "satisfaction": 5, "comments": "役に立ちました"}"#

            let early = try await send(app, .POST, "/api/v1/program/application/survey", company, json: answer)
            #expect(early.status == .conflict)
            #expect(try decode(ErrorBody.self, early).error.message == L.Program.surveyNotYet.ja)

            let expertPrincipal = try await principal(app, "expert@example.jp")
            for number in 1...settings.visitsPerCompany {
                let visit = try await service.schedule(.init(number: .given(number), scheduledAt: .tokyoDateTime(pastMoment(Double(number) * 3600)), mode: .given(.online),
                                                             place: "https://meet.example.jp/\(number)"),
                                                       for: application, settings: settings, expert: expert, by: expertPrincipal, ip: nil)
                try await service.record(.init(durationMinutes: .given(120), topics: "訪問\(number)", progress: [:], nextSteps: nil),
                                         for: visit, application: application, by: expertPrincipal, ip: nil)
            }

            #expect(try await send(app, .POST, "/api/v1/program/application/survey", try await token(app, "office@example.jp"), json: answer).status == .forbidden)
            let invalid = try await send(app, .POST, "/api/v1/program/application/survey", company, json: #"{"producedResults": true, "satisfaction": 9}"#)
            #expect(invalid.status == .unprocessableEntity)
            #expect(try errorFields(invalid).keys.contains("satisfaction"))

            let answered = try await send(app, .POST, "/api/v1/program/application/survey", company, json: answer)
            #expect(answered.status == .created)
            let body = try decode(CompanyApplication.self, answered)
            #expect(body.surveyAnswered && body.status == "accepted")
            #expect(body.agreedTerms?.version == 1 && body.agreedTerms?.textJa == ProgramTerms.defaultJa)
            let stored = try #require(try await ProgramSurvey.query(on: app.db).first())
            #expect(stored.satisfaction == 5 && stored.producedResults && stored.comments == "役に立ちました")
            #expect(try await send(app, .POST, "/api/v1/program/application/survey", company, json: answer).status == .conflict)
        }
    }

    // MARK: SECURITY ACTION

    @Test("basic measures through the API: saved as sent, conflicts with the latest diagnosis named, unknown numbers refused; an office token gets 403")
    func basicMeasures() async throws {
        try await withMamori { app in
            _ = try await ProgramFixtures.office(app)
            _ = try await Fixtures.signUp(app, name: "五か条商店", email: "owner@example.jp")
            let company = try await token(app, "owner@example.jp")
            let office = try await token(app, "office@example.jp")

            // The latest diagnosis answers item 1 (measure 1) "not implemented".
            var answers = Dictionary(uniqueKeysWithValues: (1...25).map { (String($0), "implemented") })
            answers["1"] = "not_implemented"
            let diagnosis = try await send(app, .POST, "/api/v1/self-diagnoses", company, json: json([
                "answers": answers, "respondentName": "山田", "siteLabel": "本社", "diagnosedOn": CalendarDate.today()]))
            #expect(diagnosis.status == .created)

            let saved = try await send(app, .PUT, "/api/v1/security-action/measures", company, json: #"{"measures": [1, 2, 2]}"#, language: "en")
            #expect(saved.status == .ok)
            let measures = try decode(Measures.self, saved)
            #expect(measures.measures == [1, 2])
            #expect(measures.conflicts.map(\.measure) == [1] && measures.conflicts.first?.answer == "not_implemented")
            #expect(measures.conflicts.first?.message.contains("Check that it is really in place") == true)
            let reread = try await send(app, .GET, "/api/v1/security-action/measures", company)
            #expect(try decode(Measures.self, reread).measures == [1, 2])

            let unknown = try await send(app, .PUT, "/api/v1/security-action/measures", company, json: #"{"measures": [6]}"#)
            #expect(unknown.status == .unprocessableEntity)
            #expect(try errorFields(unknown).keys.contains("measures"))
            #expect(try await send(app, .PUT, "/api/v1/security-action/measures", office, json: #"{"measures": [1]}"#).status == .forbidden)
            #expect(try await BasicMeasureCheck.query(on: app.db).count() == 2)
        }
    }

    @Test("declarations through the API: one star recorded, two stars refused while Mamori sees a condition unmet, accepted when met elsewhere; another organization's id is 404")
    func declarations() async throws {
        try await withMamori { app in
            _ = try await ProgramFixtures.office(app)
            _ = try await Fixtures.signUp(app, name: "宣言商店", email: "owner@example.jp")
            _ = try await Fixtures.signUp(app, name: "よその商店", email: "other@example.jp")
            let company = try await token(app, "owner@example.jp")
            let other = try await token(app, "other@example.jp")
            let office = try await token(app, "office@example.jp")
            func declaration(_ stars: Int, _ id: String, elsewhere: Bool? = nil, on day: String = "2026-04-01") -> String {
                var body: [String: Any] = ["stars": stars, "declarationId": id, "declaredOn": day]
                if let elsewhere { body["conditionsMetElsewhere"] = elsewhere }
                return json(body)
            }

            let one = try await send(app, .POST, "/api/v1/security-action/declarations", company, json: declaration(1, "ONE-1"))
            #expect(one.status == .created)
            let oneStar = try decode(Declaration.self, one)
            #expect(oneStar.stars == 1 && oneStar.declarationId == "ONE-1" && oneStar.declaredOn == "2026-04-01")

            // The page's rules for the fields.
            let invalid = try await send(app, .POST, "/api/v1/security-action/declarations", company, json: declaration(3, "", on: "2026-13-01"))
            #expect(invalid.status == .unprocessableEntity)
            #expect(try Set(errorFields(invalid).keys) == ["stars", "declarationId", "declaredOn"])

            // Two stars: no diagnosis and no published policy in Mamori, so refused on `stars`,
            // and the refusal says which field confirms the conditions were met elsewhere.
            let refused = try await send(app, .POST, "/api/v1/security-action/declarations", company, json: declaration(2, "TWO-1"), language: "en")
            #expect(refused.status == .unprocessableEntity)
            let refusedFields = try errorFields(refused)
            #expect(refusedFields["stars"] == L.Diagnosis.twoStarsNotReady(missing: [.selfDiagnosis, .policyPublished]).en)
            #expect(refusedFields["conditionsMetElsewhere"] == L.Program.conditionsMetElsewhereHint.en)
            #expect(try await send(app, .POST, "/api/v1/security-action/declarations", company, json: declaration(2, "TWO-1", elsewhere: false)).status == .unprocessableEntity)
            #expect(try await SecurityActionDeclaration.query(on: app.db).filter(\.$stars == 2).count() == 0)

            let two = try await send(app, .POST, "/api/v1/security-action/declarations", company, json: declaration(2, "TWO-1", elsewhere: true, on: "2026-04-02"))
            #expect(two.status == .created)
            let twoStars = try decode(Declaration.self, two)
            #expect(twoStars.stars == 2)

            // Listed latest first; readable one by one; the readiness sees two stars.
            let list = try decode(DeclarationList.self, try await send(app, .GET, "/api/v1/security-action/declarations", company))
            #expect(list.items.map(\.id) == [twoStars.id, oneStar.id])
            #expect(try await send(app, .GET, "/api/v1/security-action/declarations/\(twoStars.id)", company).status == .ok)
            #expect(try await send(app, .GET, "/api/v1/security-action", company).body.string.replacingOccurrences(of: " ", with: "").contains(#""declaredStars":2"#))

            // Another organization's id is 404, as is an unknown one; its own list is empty.
            #expect(try await send(app, .GET, "/api/v1/security-action/declarations/\(twoStars.id)", other).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/security-action/declarations/\(UUID().uuidString)", company).status == .notFound)
            let otherList = try await send(app, .GET, "/api/v1/security-action/declarations", other)
            #expect(try decode(DeclarationList.self, otherList).items.isEmpty)

            // The office's token belongs to no organization.
            #expect(try await send(app, .POST, "/api/v1/security-action/declarations", office, json: declaration(1, "X")).status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "security_action.declared").count() == 2)
        }
    }
}
