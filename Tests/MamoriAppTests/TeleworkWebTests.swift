import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Telework self-check, checklist and staff sheet in the browser")
struct TeleworkWebTests {
    // MARK: Helpers

    private func telework(_ org: UUID) -> String { "/orgs/\(org.uuidString)/telework" }

    /// An owner, signed in, with the organization's id.
    private func signedInOwner(_ app: Application, name: String = "テスト株式会社", email: String) async throws -> (Fixtures.Account, UUID, TestBrowser) {
        let account = try await Fixtures.signUp(app, name: name, email: email)
        let org = try #require(account.organizationID)
        return (account, org, try await Fixtures.browser(app, as: email))
    }

    private func loadOrganization(_ app: Application, _ id: UUID) async throws -> Organization {
        try #require(try await Organization.find(id, on: app.db))
    }

    /// The self-check form: `p1`…`p15` answered `base`, some points otherwise.
    private func selfCheckForm(_ base: TeleworkAnswer = .yes, _ overrides: [Int: TeleworkAnswer] = [:], respondent: String? = nil) -> [String: String] {
        var form = Dictionary(uniqueKeysWithValues: TeleworkAnswers.pointNumbers.map { ("p\($0)", (overrides[$0] ?? base).rawValue) })
        if let respondent { form["respondentName"] = respondent }
        return form
    }

    /// Takes the self-check through the page and returns the id of the saved check.
    private func saveCheck(_ browser: TestBrowser, org: UUID, _ base: TeleworkAnswer, _ overrides: [Int: TeleworkAnswer] = [:]) async throws -> UUID {
        try await browser.get("\(telework(org))/self-check")
        let response = try await browser.post("\(telework(org))/self-check", selfCheckForm(base, overrides))
        #expect(response.status == .seeOther, "saving a self-check answered \(response.status)")
        let location = try #require(response.headers.first(name: .location))
        #expect(location.hasPrefix("\(telework(org))/self-checks/"))
        return try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
    }

    private func teleworkGaps(_ app: Application, _ org: UUID) async throws -> [Gap] {
        let organization = try await loadOrganization(app, org)
        return try await GapSources.gaps(of: organization, on: app.db).filter { $0.origin == .telework }
    }

    private func apiToken(_ app: Application, _ user: User) async throws -> String {
        try await APITokenService(db: app.db).create(name: "test", for: user, actor: .commandLine).secret
    }

    // MARK: The self-check

    @Test("the owner takes the self-check: the result shows the gaps, no first, and the overview lists the check")
    func takeSelfCheck() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "telework-owner1@example.jp")
            let content = TeleworkContent.bundled

            let empty = try await browser.get(telework(org))
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains(L.Telework.noSelfCheck.ja))

            let form = try await browser.get("\(telework(org))/self-check")
            #expect(form.status == .ok)
            let formHTML = form.body.string
            #expect(formHTML.components(separatedBy: #"type="radio" name="p"#).count - 1 == 45, "three radios for each of the 15 points")
            #expect(formHTML.contains(#"name="p1""#))
            #expect(formHTML.contains(#"name="p15""#))
            #expect(!formHTML.contains(#"name="p16""#))
            #expect(formHTML.contains(#"name="respondentName""#))
            #expect(formHTML.contains(content.point(15).text.ja))

            let response = try await browser.post("\(telework(org))/self-check", selfCheckForm(.yes, [1: .no, 2: .partly], respondent: "総務 花子"))
            #expect(response.status == .seeOther)
            let location = try #require(response.headers.first(name: .location))
            #expect(location.hasPrefix("\(telework(org))/self-checks/"))
            let checkID = try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })

            let saved = try #require(try await TeleworkSelfCheck.find(checkID, on: app.db))
            #expect(saved.organizationID == org)
            #expect(saved.yesCount == 13 && saved.partlyCount == 1 && saved.noCount == 1)
            #expect(saved.respondentName == "総務 花子")
            #expect(saved.answers?[1] == TeleworkAnswer.no)
            #expect(saved.answers?[2] == TeleworkAnswer.partly)
            #expect(try await TeleworkSelfCheck.query(on: app.db).count() == 1)

            let result = try await browser.follow(response)
            #expect(result.status == .ok)
            let html = result.body.string
            #expect(html.contains(L.Telework.saved.ja))
            #expect(html.contains(#"data-level="gaps""#))
            #expect(html.contains(content.point(1).guidance.ja))
            #expect(html.contains(content.point(2).guidance.ja))
            #expect(!html.contains(content.point(3).guidance.ja), "point 3 is in place")
            let first = try #require(html.range(of: #"data-point="1""#))
            let second = try #require(html.range(of: #"data-point="2""#))
            #expect(first.lowerBound < second.lowerBound, "no (point 1) before partly (point 2)")
            #expect(!html.contains(#"data-point="3""#))
            #expect(html.contains("総務 花子"))

            let overview = try await browser.get(telework(org))
            #expect(overview.status == .ok)
            let overviewHTML = overview.body.string
            #expect(overviewHTML.contains("\(telework(org))/self-checks/\(checkID.uuidString)"))
            #expect(overviewHTML.contains("総務 花子"))
            #expect(!overviewHTML.contains(L.Telework.noSelfCheck.ja))
        }
    }

    @Test("an incomplete form comes back 422 with the answers kept and the missing point named")
    func incompleteForm() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "telework-owner2@example.jp")
            try await browser.get("\(telework(org))/self-check")
            var form = selfCheckForm(.yes, [1: .no], respondent: "総務 花子")
            form["p15"] = nil
            let response = try await browser.post("\(telework(org))/self-check", form)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains(#"name="p1" value="no" checked"#))
            #expect(html.contains(#"name="p2" value="yes" checked"#))
            #expect(!html.contains(#"name="p15" value="yes" checked"#))
            #expect(html.contains(#"id="point-15-error""#))
            #expect(html.contains(##"href="#point-15""##))
            #expect(html.contains(L.Telework.unanswered(1).ja))
            #expect(html.contains(L.Telework.pointUnanswered.ja))
            #expect(!html.contains(#"id="point-1-error""#))
            #expect(html.contains("総務 花子"))
            #expect(try await TeleworkSelfCheck.query(on: app.db).count() == 0)

            // An unknown answer is treated as unanswered, and the other answers stay.
            var invalid = selfCheckForm(.partly)
            invalid["p3"] = "maybe"
            let refused = try await browser.post("\(telework(org))/self-check", invalid)
            #expect(refused.status == .unprocessableEntity)
            let refusedHTML = refused.body.string
            #expect(refusedHTML.contains(#"id="point-3-error""#))
            #expect(refusedHTML.contains(#"name="p4" value="partly" checked"#))
            #expect(!refusedHTML.contains(#"name="p3" value="partly" checked"#))
            #expect(try await TeleworkSelfCheck.query(on: app.db).count() == 0)
        }
    }

    @Test("history and comparison; the action plan reads gaps from the latest check only")
    func historyAndCompare() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "telework-owner3@example.jp")

            let before = try await saveCheck(browser, org: org, .no)
            let afterFirst = try await teleworkGaps(app, org)
            #expect(afterFirst.count == 15)
            #expect(afterFirst.allSatisfy { $0.urgency == .medium })
            #expect(Set(afterFirst.map(\.key)) == Set((1...15).map(String.init)))

            let after = try await saveCheck(browser, org: org, .yes)
            #expect(try await TeleworkSelfCheck.query(on: app.db).count() == 2)
            #expect(try await teleworkGaps(app, org).isEmpty, "the latest check is all yes")

            let compare = try await browser.get("\(telework(org))/compare?before=\(before.uuidString)&after=\(after.uuidString)")
            #expect(compare.status == .ok)
            let html = compare.body.string
            #expect(html.contains("compare-improved"))
            #expect(html.contains(L.Telework.improved.ja + "（15）"))
            #expect(html.contains(L.Telework.worse.ja + "（0）"))

            // Without a choice, the two newest are compared.
            let defaults = try await browser.get("\(telework(org))/compare")
            #expect(defaults.status == .ok)
            #expect(defaults.body.string.contains(L.Telework.improved.ja + "（15）"))

            // The reverse direction: everything got worse.
            let reverse = try await browser.get("\(telework(org))/compare?before=\(after.uuidString)&after=\(before.uuidString)")
            #expect(reverse.body.string.contains(L.Telework.worse.ja + "（15）"))
            #expect(reverse.body.string.contains(L.Telework.improved.ja + "（0）"))

            let overview = try await browser.get(telework(org))
            #expect(overview.body.string.contains("\(telework(org))/self-checks/\(before.uuidString)"))
            #expect(overview.body.string.contains("\(telework(org))/self-checks/\(after.uuidString)"))
            #expect(overview.body.string.contains("\(telework(org))/compare"))

            // One more check with point 3 not in place: exactly one gap, medium.
            _ = try await saveCheck(browser, org: org, .yes, [3: .no])
            let gaps = try await teleworkGaps(app, org)
            #expect(gaps.map(\.key) == ["3"])
            #expect(gaps.map(\.urgency) == [.medium])

            // "Partly" is a low-urgency gap.
            _ = try await saveCheck(browser, org: org, .yes, [14: .partly])
            let partly = try await teleworkGaps(app, org)
            #expect(partly.map(\.key) == ["14"])
            #expect(partly.map(\.urgency) == [.low])

            // Comparing with fewer than two checks says so.
            let (_, lonely, single) = try await signedInOwner(app, name: "一回だけ商店", email: "telework-owner3b@example.jp")
            _ = try await saveCheck(single, org: lonely, .yes)
            let one = try await single.get("\(telework(lonely))/compare")
            #expect(one.status == .ok)
            #expect(one.body.string.contains(L.Telework.compareNeedsTwo.ja))
        }
    }

    // MARK: The checklist

    @Test("the checklist filters by threat and role; a filtered save keeps hidden ticks; the same list again adds no row")
    func checklist() async throws {
        try await withMamori { app in
            let (account, org, browser) = try await signedInOwner(app, email: "telework-owner4@example.jp")
            let content = TeleworkContent.bundled
            let path = "\(telework(org))/checklist"

            let all = try await browser.get(path)
            #expect(all.status == .ok)
            for item in content.checklist { #expect(all.body.string.contains(#"data-item="\#(item.key)""#), "\(item.key)") }

            let filtered = try await browser.get("\(path)?threat=eavesdropping")
            #expect(filtered.status == .ok)
            let html = filtered.body.string
            #expect(html.contains(#"data-item="m2""#))
            #expect(!html.contains(#"data-item="m1""#))
            #expect(!html.contains(#"data-item="a3""#))
            for item in content.checklist {
                #expect(html.contains(#"data-item="\#(item.key)""#) == item.threats.contains(.eavesdropping), "\(item.key)")
            }
            #expect(html.contains(L.Telework.filteredNote.ja))

            let byRole = try await browser.get("\(path)?role=teleworker")
            #expect(byRole.body.string.contains(#"data-item="t1""#))
            #expect(!byRole.body.string.contains(#"data-item="m2""#))
            #expect(!byRole.body.string.contains(#"id="role-manager""#))

            // Save while filtered: m2 is shown and ticked, a3 is not shown but was ticked before.
            try await browser.get("\(path)?threat=eavesdropping")
            let form = ["done[]": "m2", "kept[]": "a3", "threat": "eavesdropping"]
            let saved = try await browser.post(path, form)
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location)?.contains("threat=eavesdropping") == true)
            let organization = try await loadOrganization(app, org)
            let service = TeleworkService(db: app.db)
            #expect(try await service.checklist(of: organization)?.done == Set(["m2", "a3"]))
            #expect(try await service.checklist(of: organization)?.doneCount == 2)
            #expect(try await TeleworkChecklistRecord.query(on: app.db).count() == 1)

            let page = try await browser.follow(saved)
            let pageHTML = page.body.string
            #expect(pageHTML.contains(L.Telework.checklistSaved.ja))
            #expect(pageHTML.contains(#"name="done[]" value="m2" checked"#))
            #expect(pageHTML.contains(#"name="kept[]" value="a3""#), "the hidden tick is carried in the form")
            #expect(pageHTML.contains(L.Telework.checklistProgress(2, content.checklist.count).ja))

            // The same list again: no new row.
            let again = try await browser.post(path, form)
            #expect(again.status == .seeOther)
            #expect(try await TeleworkChecklistRecord.query(on: app.db).count() == 1)
            #expect(try await browser.follow(again).body.string.contains(L.Telework.checklistUnchanged.ja))

            // An unknown key is refused, in the browser and through the API.
            let unknown = try await browser.post(path, ["done[]": "nope"])
            #expect(unknown.status == .unprocessableEntity)
            let token = try await apiToken(app, account.user)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = .json
            let put = try await app.testing().sendRequest(.PUT, "/api/v1/telework/checklist", headers: headers,
                                                          body: ByteBuffer(string: #"{"done": ["m2", "nope"]}"#))
            #expect(put.status == .unprocessableEntity)
            #expect(try await TeleworkChecklistRecord.query(on: app.db).count() == 1)
            #expect(try await service.checklist(of: organization)?.done == Set(["m2", "a3"]))

            let overview = try await browser.get(telework(org))
            #expect(overview.body.string.contains(L.Telework.checklistProgress(2, content.checklist.count).ja))
        }
    }

    // MARK: The staff sheet

    @Test("the staff sheet shows the contact set by the owner, in Japanese or English, printable; members cannot set it")
    func sheet() async throws {
        try await withMamori { app in
            let (account, org, owner) = try await signedInOwner(app, email: "telework-owner5@example.jp")
            let content = TeleworkContent.bundled
            let path = "\(telework(org))/sheet"
            let contact = "情報システム 山田 090-1234-5678"

            let first = try await owner.get(path)
            #expect(first.status == .ok)
            #expect(first.body.string.contains(content.sheet.title.ja))
            #expect(first.body.string.contains(L.Telework.contactMissing.ja))
            #expect(first.body.string.contains(content.sheet.do[0].ja))
            #expect(first.body.string.contains(content.sheet.dont[0].ja))
            #expect(first.body.string.contains(#"name="incidentContact""#))

            let saved = try await owner.post("\(telework(org))/contact", ["incidentContact": contact])
            #expect(saved.status == .seeOther)
            #expect(try await loadOrganization(app, org).incidentContact == contact)
            let shown = try await owner.follow(saved)
            #expect(shown.status == .ok)
            #expect(shown.body.string.contains(contact))
            #expect(shown.body.string.contains(L.Telework.contactSaved.ja))
            #expect(!shown.body.string.contains(L.Telework.contactMissing.ja))

            let english = try await owner.get("\(path)?sheet=en&print=1")
            #expect(english.status == .ok)
            let englishHTML = english.body.string
            #expect(englishHTML.contains(#"lang="en""#))
            #expect(englishHTML.contains(content.sheet.title.en))
            #expect(englishHTML.contains(contact))
            #expect(englishHTML.contains("print-page"))
            #expect(!englishHTML.contains(#"name="incidentContact""#))

            // A member sees the sheet but cannot set the contact.
            _ = try await Fixtures.addMember(app, to: account, email: "telework-member5@example.jp")
            let member = try await Fixtures.browser(app, as: "telework-member5@example.jp")
            let memberPage = try await member.get(path)
            #expect(memberPage.status == .ok)
            #expect(memberPage.body.string.contains(contact))
            #expect(!memberPage.body.string.contains(#"name="incidentContact""#))
            let refused = try await member.post("\(telework(org))/contact", ["incidentContact": "メンバーが書き換え"])
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains(L.Telework.ownerSetsContact.ja))
            #expect(try await loadOrganization(app, org).incidentContact == contact)

            // Too long: 422 with the text kept, nothing saved.
            try await owner.get(path)
            let long = String(repeating: "あ", count: 201)
            let tooLong = try await owner.post("\(telework(org))/contact", ["incidentContact": long])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains(long))
            #expect(try await loadOrganization(app, org).incidentContact == contact)

            // Exactly 200 characters is accepted.
            try await owner.get(path)
            let longest = String(repeating: "い", count: 200)
            #expect(try await owner.post("\(telework(org))/contact", ["incidentContact": longest]).status == .seeOther)
            #expect(try await loadOrganization(app, org).incidentContact == longest)
        }
    }

    // MARK: Tenancy

    @Test("another organization gets 404 for every telework page and cannot reach a check through its own address")
    func tenancy() async throws {
        try await withMamori { app in
            let (_, orgA, a) = try await signedInOwner(app, email: "telework-owner6a@example.jp")
            let checkA = try await saveCheck(a, org: orgA, .no)
            let (_, orgB, b) = try await signedInOwner(app, name: "他社株式会社", email: "telework-owner6b@example.jp")
            let checkB = try await saveCheck(b, org: orgB, .yes)

            let baseA = telework(orgA)
            let gets = [
                baseA, "\(baseA)/self-check", "\(baseA)/self-checks/\(checkA.uuidString)",
                "\(baseA)/compare", "\(baseA)/compare?before=\(checkA.uuidString)&after=\(checkA.uuidString)",
                "\(baseA)/checklist", "\(baseA)/checklist?threat=malware", "\(baseA)/sheet", "\(baseA)/sheet?sheet=en&print=1",
            ]
            for path in gets {
                #expect(try await b.get(path).status == .notFound, "GET \(path)")
            }

            try await b.get(telework(orgB))
            let posts: [(String, [String: String])] = [
                ("\(baseA)/self-check", selfCheckForm(.yes)),
                ("\(baseA)/checklist", ["done[]": "m1"]),
                ("\(baseA)/contact", ["incidentContact": "他社が書き換え"]),
            ]
            for (path, form) in posts {
                #expect(try await b.post(path, form).status == .notFound, "POST \(path)")
            }

            // Even through B's own organization, A's check does not exist.
            #expect(try await b.get("\(telework(orgB))/self-checks/\(checkA.uuidString)").status == .notFound)
            #expect(try await b.get("\(telework(orgB))/compare?before=\(checkA.uuidString)&after=\(checkB.uuidString)").status == .notFound)
            #expect(try await b.get("\(telework(orgB))/self-checks/\(checkB.uuidString)").status == .ok)
            #expect(try await b.get("\(telework(orgB))/self-checks/not-a-uuid").status == .notFound)

            let checksOfA = try await TeleworkSelfCheck.query(on: app.db).filter(\.$organizationID == orgA).count()
            #expect(checksOfA == 1)
            #expect(try await TeleworkSelfCheck.query(on: app.db).count() == 2)
            #expect(try await TeleworkChecklistRecord.query(on: app.db).count() == 0)
            #expect(try await loadOrganization(app, orgA).incidentContact == nil)
            #expect(try await a.get("\(baseA)/self-checks/\(checkA.uuidString)").status == .ok)
        }
    }
}
