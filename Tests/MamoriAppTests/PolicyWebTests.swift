import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Basic policy and related rules in the browser")
struct PolicyWebTests {
    // MARK: Helpers

    private func orgPath(_ org: UUID) -> String { "/orgs/\(org.uuidString)" }

    private func versionPath(_ org: UUID, _ version: UUID) -> String { "/orgs/\(org.uuidString)/policy/versions/\(version.uuidString)" }

    /// An owner, signed in, with the organization's id.
    private func signedInOwner(_ app: Application, name: String = "テスト株式会社", email: String) async throws -> (Fixtures.Account, UUID, TestBrowser) {
        let account = try await Fixtures.signUp(app, name: name, email: email)
        let org = try #require(account.organizationID)
        return (account, org, try await Fixtures.browser(app, as: email))
    }

    private func loadOrganization(_ app: Application, _ id: UUID) async throws -> Organization {
        try #require(try await Organization.find(id, on: app.db))
    }

    /// Starts a draft from the template through the page and returns it from the database.
    private func createDraft(_ app: Application, _ browser: TestBrowser, org: UUID, document: String = "basic_policy",
                             language: String = "ja") async throws -> PolicyVersion {
        let response = try await browser.post("\(orgPath(org))/policy/versions", ["document": document, "from": "template", "language": language])
        #expect(response.status == .seeOther, "creating a draft answered \(response.status)")
        return try await openDraft(app, org: org, document: document)
    }

    private func openDraft(_ app: Application, org: UUID, document: String = "basic_policy") async throws -> PolicyVersion {
        try #require(try await PolicyVersion.query(on: app.db)
            .filter(\.$organization.$id == org)
            .filter(\.$document == document)
            .filter(\.$status == PolicyStatus.draft.rawValue)
            .first())
    }

    private func reload(_ app: Application, _ version: PolicyVersion) async throws -> PolicyVersion {
        try #require(try await PolicyVersion.find(version.id, on: app.db))
    }

    /// The editor's form for `sections`, with the given headings and bodies replaced.
    private func editForm(_ sections: [PolicySection], headings: [Int: String] = [:], bodies: [Int: String] = [:],
                          action: String = "save") -> [String: String] {
        var form = ["count": String(sections.count), "action": action]
        for (index, section) in sections.enumerated() {
            form["id_\(index)"] = section.id
            form["heading_\(index)"] = headings[index] ?? section.heading
            form["body_\(index)"] = bodies[index] ?? section.body
        }
        return form
    }

    @discardableResult
    private func step(_ browser: TestBrowser, org: UUID, version: PolicyVersion, _ step: String,
                      _ form: [String: String] = [:]) async throws -> TestingHTTPResponse {
        let versionID = try #require(version.id)
        return try await browser.post("\(versionPath(org, versionID))/\(step)", form)
    }

    /// Drafts from the template, changes the first heading, approves and publishes at `slug`.
    private func publishedPolicy(_ app: Application, _ browser: TestBrowser, org: UUID, heading: String, slug: String) async throws -> PolicyVersion {
        let draft = try await createDraft(app, browser, org: org)
        let versionID = try #require(draft.id)
        let edited = try await browser.post(versionPath(org, versionID), editForm(draft.sections, headings: [0: heading]))
        #expect(edited.status == .seeOther)
        #expect(try await step(browser, org: org, version: draft, "approve").status == .seeOther)
        #expect(try await step(browser, org: org, version: draft, "publish", ["slug": slug]).status == .seeOther)
        let published = try await reload(app, draft)
        #expect(published.policyStatus == .published)
        return published
    }

    /// The check form for the given chapters, all with `status`.
    private func rulesForm(_ chapters: [String], status: String = "ok") -> [String: String] {
        Dictionary(uniqueKeysWithValues: chapters.map { ("status_\($0)", status) })
    }

    private func saveDiagnosis(_ app: Application, for account: Fixtures.Account) async throws {
        let orgID = try #require(account.organizationID)
        let organization = try await loadOrganization(app, orgID)
        let answers = try #require(DiagnosisAnswers(answers: Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, DiagnosisAnswer.implemented) })))
        let principal = Principal(user: account.user, organization: organization, token: nil)
        _ = try await DiagnosisService(db: app.db).save(answers, input: .init(respondentName: "担当", siteLabel: "本社", diagnosedOn: "2026-04-01"),
                                                        in: organization, by: principal, ip: nil)
    }

    // MARK: The workflow

    @Test("the owner drafts from the template, edits, approves and publishes; the public page shows only the published version")
    func ownerPublishes() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "policy-owner1@example.jp")
            let created = try await browser.postAndFollow("\(orgPath(org))/policy/versions", ["document": "basic_policy", "from": "template", "language": "ja"])
            #expect(created.status == .ok)
            #expect(created.body.string.contains("テスト株式会社"))
            #expect(created.body.string.contains(#"data-status="draft""#))
            let draft = try await openDraft(app, org: org)
            let versionID = try #require(draft.id)
            #expect(draft.number == 1)
            #expect(draft.language == "ja")
            #expect(!draft.sections.isEmpty)
            #expect(draft.sections.contains { $0.body.contains("テスト株式会社") }, "the template is filled with the organization's name")
            #expect(!draft.sections.contains { $0.heading.contains("{{") || $0.body.contains("{{") })

            // Starting another draft leads to the one in progress.
            let again = try await browser.post("\(orgPath(org))/policy/versions", ["document": "basic_policy", "from": "template", "language": "ja"])
            #expect(again.status == .seeOther)
            #expect(again.headers.first(name: .location)?.contains(versionID.uuidString) == true)
            #expect(try await PolicyVersion.query(on: app.db).count() == 1)

            // Edit the first heading.
            let edited = try await browser.post(versionPath(org, versionID), editForm(draft.sections, headings: [0: "第1版の目的"]))
            #expect(edited.status == .seeOther)
            let saved = try await reload(app, draft)
            #expect(saved.sections.first?.heading == "第1版の目的")
            #expect(saved.sections.map(\.id) == draft.sections.map(\.id), "section ids stay with their sections")
            #expect(saved.policyStatus == .draft)
            #expect(try await browser.get(versionPath(org, versionID)).body.string.contains("第1版の目的"))

            // Approve: not public yet.
            #expect(try await step(browser, org: org, version: draft, "approve").status == .seeOther)
            let approved = try await reload(app, draft)
            #expect(approved.policyStatus == .approved)
            #expect(approved.approvedAt != nil)
            #expect(try await TestBrowser(app).get("/p/test-shoji").status == .notFound)

            // Publish.
            let published = try await step(browser, org: org, version: draft, "publish", ["slug": "test-shoji"])
            #expect(published.status == .seeOther)
            let afterPublish = try await reload(app, draft)
            #expect(afterPublish.policyStatus == .published)
            #expect(afterPublish.publishedAt != nil)
            #expect(try await PolicySlugRecord.query(on: app.db).first()?.slug == "test-shoji")

            let visitor = TestBrowser(app)
            let page = try await visitor.get("/p/test-shoji")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("第1版の目的"))
            #expect(page.body.string.contains("テスト株式会社"))
            #expect(try await visitor.get("/p/TEST-SHOJI").status == .ok, "the address is case-insensitive")
            #expect(try await visitor.get("/p/unknown-slug").status == .notFound)

            // A newer draft is not shown until it is published.
            let copied = try await browser.post("\(orgPath(org))/policy/versions", ["document": "basic_policy", "from": "copy", "versionID": versionID.uuidString])
            #expect(copied.status == .seeOther)
            let second = try await openDraft(app, org: org)
            let secondID = try #require(second.id)
            #expect(second.number == 2)
            try await browser.get(versionPath(org, secondID))
            #expect(try await browser.post(versionPath(org, secondID), editForm(second.sections, headings: [0: "下書きだけの見出し"])).status == .seeOther)
            let publicPage = try await TestBrowser(app).get("/p/test-shoji")
            #expect(publicPage.body.string.contains("第1版の目的"))
            #expect(!publicPage.body.string.contains("下書きだけの見出し"))

            // Print and Word.
            let printed = try await browser.get("\(versionPath(org, versionID))/print")
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains("第1版の目的"))
            let word = try await browser.get("\(versionPath(org, versionID))/docx")
            #expect(word.status == .ok)
            let bytes = Data(word.body.readableBytesView)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
            let archive = try ZIPFoundationReader.read(bytes)
            let document = try #require(archive["word/document.xml"])
            #expect(document.contains("第1版の目的"))
            #expect(document.contains("テスト株式会社"))
            #expect(archive["word/styles.xml"]?.contains("Heading1") == true)

            // The overview lists both versions.
            let overview = try await browser.get("\(orgPath(org))/policy")
            #expect(overview.status == .ok)
            #expect(overview.body.string.contains("test-shoji"))
        }
    }

    @Test("a member cannot approve or publish")
    func memberCannotApprove() async throws {
        try await withMamori { app in
            let (account, org, ownerBrowser) = try await signedInOwner(app, email: "policy-owner2@example.jp")
            let draft = try await createDraft(app, ownerBrowser, org: org)
            let versionID = try #require(draft.id)
            _ = try await Fixtures.addMember(app, to: account, email: "policy-member2@example.jp")
            let member = try await Fixtures.browser(app, as: "policy-member2@example.jp")
            let page = try await member.get(versionPath(org, versionID))
            #expect(page.status == .ok)

            let refused = try await step(member, org: org, version: draft, "approve")
            #expect(refused.status == .seeOther || refused.status == .forbidden)
            if refused.status == .seeOther {
                #expect(try await member.follow(refused).body.string.contains("経営者・責任者だけが行えます"))
            }
            #expect(try await reload(app, draft).policyStatus == .draft)
            #expect(try await reload(app, draft).approvedAt == nil)

            // The member may still comment on the draft.
            let sectionID = try #require(draft.sections.first?.id)
            try await member.get(versionPath(org, versionID))
            let commented = try await member.post("\(versionPath(org, versionID))/comments", ["sectionID": sectionID, "comment_\(sectionID)": "社員向けに平易な言葉にしたい"])
            #expect(commented.status == .seeOther)
            #expect(try await PolicyComment.query(on: app.db).first()?.authorRole == "member")

            // Once the owner approved, the member cannot publish either.
            try await ownerBrowser.get(versionPath(org, versionID))
            #expect(try await step(ownerBrowser, org: org, version: draft, "approve").status == .seeOther)
            try await member.get(versionPath(org, versionID))
            let publish = try await step(member, org: org, version: draft, "publish", ["slug": "member-slug"])
            #expect(publish.status == .seeOther || publish.status == .forbidden)
            #expect(try await reload(app, draft).policyStatus == .approved)
            #expect(try await PolicySlugRecord.query(on: app.db).count() == 0)
            #expect(try await TestBrowser(app).get("/p/member-slug").status == .notFound)

            // Nor resolve comments.
            let comment = try #require(try await PolicyComment.query(on: app.db).first())
            let commentID = try #require(comment.id)
            try await member.get(versionPath(org, versionID))
            let resolve = try await member.post("\(versionPath(org, versionID))/comments/\(commentID.uuidString)/resolve", [:])
            #expect(resolve.status == .forbidden)
            #expect(try await PolicyComment.find(comment.id, on: app.db)?.resolvedAt == nil)
        }
    }

    @Test("a published version is never changed: editing it is refused and a new draft copies it")
    func publishedIsFrozen() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "policy-owner3@example.jp")
            let first = try await publishedPolicy(app, browser, org: org, heading: "第1版の目的", slug: "test-shoji")
            let firstID = try #require(first.id)

            try await browser.get(versionPath(org, firstID))
            let refused = try await browser.post(versionPath(org, firstID), editForm(first.sections, headings: [0: "こっそり変更"]))
            #expect(refused.status == .conflict)
            let unchanged = try await reload(app, first)
            #expect(unchanged.sectionsJSON == first.sectionsJSON)
            #expect(unchanged.sections.first?.heading == "第1版の目的")
            #expect(unchanged.policyStatus == .published)

            // Editing starts a new draft with the same text.
            try await browser.get(versionPath(org, firstID))
            let copied = try await browser.post("\(orgPath(org))/policy/versions", ["document": "basic_policy", "from": "copy", "versionID": firstID.uuidString])
            #expect(copied.status == .seeOther)
            let second = try await openDraft(app, org: org)
            let secondID = try #require(second.id)
            #expect(second.number == 2)
            #expect(second.basedOnID == firstID)
            #expect(second.sections == first.sections)

            try await browser.get(versionPath(org, secondID))
            #expect(try await browser.post(versionPath(org, secondID), editForm(second.sections, headings: [0: "第2版の目的"])).status == .seeOther)

            // Comparison shows both texts.
            let compare = try await browser.get("\(orgPath(org))/policy/compare?before=\(firstID.uuidString)&after=\(secondID.uuidString)")
            #expect(compare.status == .ok)
            #expect(compare.body.string.contains("第1版の目的") && compare.body.string.contains("第2版の目的"))

            #expect(try await step(browser, org: org, version: second, "approve").status == .seeOther)
            #expect(try await step(browser, org: org, version: second, "publish", ["slug": "test-shoji"]).status == .seeOther)
            #expect(try await reload(app, second).policyStatus == .published)
            #expect(try await reload(app, first).policyStatus == .superseded)
            #expect(try await reload(app, first).status == "superseded")

            let page = try await TestBrowser(app).get("/p/test-shoji")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("第2版の目的"))
            #expect(!page.body.string.contains("第1版の目的"))

            // The superseded version cannot be approved or published again.
            try await browser.get(versionPath(org, firstID))
            #expect(try await step(browser, org: org, version: first, "publish", ["slug": "test-shoji"]).status == .seeOther)
            #expect(try await reload(app, first).policyStatus == .superseded)
        }
    }

    @Test("publishing a draft is refused and an organization with drafts only has no public page")
    func draftIsNotPublished() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "policy-owner4@example.jp")
            let draft = try await createDraft(app, browser, org: org)
            let refused = try await step(browser, org: org, version: draft, "publish", ["slug": "draft-only"])
            #expect(refused.status == .seeOther || refused.status == .conflict)
            #expect(try await reload(app, draft).policyStatus == .draft)
            #expect(try await PolicySlugRecord.query(on: app.db).count() == 0)
            let visitor = TestBrowser(app)
            #expect(try await visitor.get("/p/draft-only").status == .notFound)
            #expect(try await visitor.get("/p/anything").status == .notFound)

            // Discarding the draft leaves nothing either, and the discarded version cannot be approved.
            let draftID = try #require(draft.id)
            try await browser.get(versionPath(org, draftID))
            #expect(try await step(browser, org: org, version: draft, "discard").status == .seeOther)
            #expect(try await reload(app, draft).policyStatus == .discarded)
            #expect(try await step(browser, org: org, version: draft, "approve").status == .seeOther)
            #expect(try await reload(app, draft).policyStatus == .discarded)
            let organization = try await loadOrganization(app, org)
            let facts = try await OrganizationEvidence(db: app.db).facts(of: organization)
            #expect(facts.policyStage == PolicyStage.none)
        }
    }

    @Test("the public address is checked: too short or taken by another organization is refused")
    func slugChecks() async throws {
        try await withMamori { app in
            let (_, orgA, a) = try await signedInOwner(app, name: "A商事", email: "policy-a@example.jp")
            _ = try await publishedPolicy(app, a, org: orgA, heading: "A社の方針", slug: "shared-name")
            let (_, orgB, b) = try await signedInOwner(app, name: "B商事", email: "policy-b@example.jp")
            let draft = try await createDraft(app, b, org: orgB)
            #expect(try await step(b, org: orgB, version: draft, "approve").status == .seeOther)
            let short = try await step(b, org: orgB, version: draft, "publish", ["slug": "ab"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains(#"value="ab""#))
            let taken = try await step(b, org: orgB, version: draft, "publish", ["slug": "shared-name"])
            #expect(taken.status == .unprocessableEntity)
            #expect(try await reload(app, draft).policyStatus == .approved)
            #expect(try await PolicySlugRecord.query(on: app.db).count() == 1)
            #expect(try await TestBrowser(app).get("/p/shared-name").body.string.contains("A社の方針"))
            #expect(try await step(b, org: orgB, version: draft, "publish", ["slug": "ＢＢ-Shoji"]).status == .seeOther)
            #expect(try await TestBrowser(app).get("/p/bb-shoji").status == .ok)
        }
    }

    @Test("another organization gets 404 for every policy and rules page")
    func tenancy() async throws {
        try await withMamori { app in
            let (_, orgA, a) = try await signedInOwner(app, email: "policy-owner5a@example.jp")
            let draft = try await createDraft(app, a, org: orgA)
            let versionID = try #require(draft.id)
            let sectionID = try #require(draft.sections.first?.id)
            try await a.get(versionPath(orgA, versionID))
            #expect(try await a.post("\(versionPath(orgA, versionID))/comments", ["sectionID": sectionID, "comment_\(sectionID)": "A社のコメント"]).status == .seeOther)
            let comment = try #require(try await PolicyComment.query(on: app.db).first())
            let commentID = try #require(comment.id)

            let (_, orgB, b) = try await signedInOwner(app, name: "他社株式会社", email: "policy-owner5b@example.jp")
            let pathA = orgPath(orgA)
            let version = versionPath(orgA, versionID)
            for path in ["\(pathA)/policy", version, "\(version)/print", "\(version)/docx",
                         "\(pathA)/policy/compare?before=\(versionID.uuidString)&after=\(versionID.uuidString)", "\(pathA)/policy/compare",
                         "\(pathA)/rules", "\(pathA)/rules/check.csv", "\(pathA)/rules/check.docx", "\(pathA)/rules/organization"] {
                #expect(try await b.get(path).status == .notFound, "GET \(path)")
            }
            try await b.get("\(orgPath(orgB))/policy")
            let posts: [(String, [String: String])] = [
                (version, editForm(draft.sections, headings: [0: "B社が書き換え"])),
                ("\(version)/approve", [:]),
                ("\(version)/publish", ["slug": "stolen"]),
                ("\(version)/discard", [:]),
                ("\(version)/comments", ["sectionID": sectionID, "comment_\(sectionID)": "B社のコメント"]),
                ("\(version)/comments/\(commentID.uuidString)/resolve", [:]),
                ("\(pathA)/policy/versions", ["document": "basic_policy", "from": "template", "language": "ja"]),
                ("\(pathA)/rules", ["status_organization": "ok"]),
            ]
            for (path, form) in posts {
                #expect(try await b.post(path, form).status == .notFound, "POST \(path)")
            }
            // Even through B's own organization, A's version id does not exist.
            #expect(try await b.get(versionPath(orgB, versionID)).status == .notFound)
            #expect(try await b.get("\(versionPath(orgB, versionID))/docx").status == .notFound)
            #expect(try await b.post("\(orgPath(orgB))/policy/versions", ["document": "basic_policy", "from": "copy", "versionID": versionID.uuidString]).status == .notFound)

            let after = try await reload(app, draft)
            #expect(after.policyStatus == .draft)
            #expect(after.sectionsJSON == draft.sectionsJSON)
            #expect(try await PolicyComment.query(on: app.db).count() == 1)
            #expect(try await PolicyComment.find(comment.id, on: app.db)?.resolvedAt == nil)
            #expect(try await PolicySlugRecord.query(on: app.db).count() == 0)
            #expect(try await RuleCheck.query(on: app.db).count() == 0)
            #expect(try await PolicyVersion.query(on: app.db).count() == 1)
        }
    }

    // MARK: Related rules

    @Test("the rules check records history, exports CSV and DOCX, and missing chapters become gaps")
    func rulesCheck() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "policy-owner6@example.jp")
            let rulesPath = "\(orgPath(org))/rules"
            let page = try await browser.get(rulesPath)
            #expect(page.status == .ok)
            for chapter in PolicyContent.bundled.chapters { #expect(page.body.string.contains("status_\(chapter.key)"), "\(chapter.key)") }

            var form = [
                "status_organization": "missing", "note_organization": "責任者が決まっていない", "owner_organization": "総務部",
                "status_people": "needs_revision", "note_people": "誓約書を見直す", "owner_people": "人事部", "reviewOn_people": "2026-10-01",
                "status_physical": "ok", "owner_physical": "総務部",
            ]
            #expect(try await browser.post(rulesPath, form).status == .seeOther)
            #expect(try await RuleCheck.query(on: app.db).count() == 3)

            let organization = try await loadOrganization(app, org)
            let gaps = try await GapSources.gaps(of: organization, on: app.db).filter { $0.origin == .rules }
            #expect(gaps.map(\.key) == ["organization", "people"])
            #expect(gaps.map(\.urgency) == [.medium, .low])
            #expect(!gaps.contains { $0.key == "physical" })

            // A change to one chapter adds one row; the same form again adds nothing.
            try await browser.get(rulesPath)
            form["owner_physical"] = "情報システム部"
            #expect(try await browser.post(rulesPath, form).status == .seeOther)
            #expect(try await RuleCheck.query(on: app.db).count() == 4)
            try await browser.get(rulesPath)
            #expect(try await browser.post(rulesPath, form).status == .seeOther)
            #expect(try await RuleCheck.query(on: app.db).count() == 4)
            let current = try await RulesCheckService(db: app.db).current(of: organization)
            #expect(current["physical"]?.ownerName == "情報システム部")
            #expect(current["people"]?.checkStatus == .needsRevision)
            #expect(current["people"]?.reviewOn == "2026-10-01")
            #expect(current["organization"]?.note == "責任者が決まっていない")
            #expect(current["telework"] == nil)

            // CSV and Word.
            let csv = try await browser.get("\(rulesPath)/check.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.string.hasPrefix("\u{FEFF}"))
            #expect(csv.body.string.contains("組織的対策"))
            #expect(csv.body.string.contains("責任者が決まっていない"))
            let lines: [String] = csv.body.string.components(separatedBy: "\r\n")
            #expect(lines.count == 14)   // header, 12 chapters, final line end

            let word = try await browser.get("\(rulesPath)/check.docx")
            #expect(word.status == .ok)
            let bytes = Data(word.body.readableBytesView)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
            let archive = try ZIPFoundationReader.read(bytes)
            let document = try #require(archive["word/document.xml"])
            #expect(document.contains("テスト株式会社"))
            #expect(document.contains("組織的対策"))
            #expect(archive["word/styles.xml"]?.contains("Heading1") == true)

            // A chapter page, and an unknown one.
            #expect(try await browser.get("\(rulesPath)/organization").status == .ok)
            #expect(try await browser.get("\(rulesPath)/nonsense").status == .notFound)

            // An unknown status comes back with what was typed.
            try await browser.get(rulesPath)
            let invalid = try await browser.post(rulesPath, ["status_organization": "bogus", "note_organization": "残しておくメモ"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("残しておくメモ"))
            #expect(try await RuleCheck.query(on: app.db).count() == 4)
        }
    }

    @Test("two-star readiness and deliverable ① turn true only after approval and publication")
    func readiness() async throws {
        try await withMamori { app in
            let (account, org, browser) = try await signedInOwner(app, email: "policy-owner7@example.jp")
            let organization = try await loadOrganization(app, org)
            let evidence = OrganizationEvidence(db: app.db)
            func deliverable(_ facts: OrganizationEvidence.Facts) -> Deliverable.Status? {
                facts.deliverables.first { $0.0 == .policyAndRulesCheck }?.1
            }
            try await saveDiagnosis(app, for: account)
            var facts = try await evidence.facts(of: organization)
            #expect(facts.policyStage == PolicyStage.none)
            #expect(facts.diagnosisSaved)
            #expect(!facts.readiness.twoStarsReady)

            let draft = try await createDraft(app, browser, org: org)
            facts = try await evidence.facts(of: organization)
            #expect(facts.policyStage == .draft)
            #expect(!facts.readiness.twoStarsReady)
            #expect(!facts.policyPublished)

            // Every chapter but telework is checked.
            let chapters = PolicyContent.bundled.chapters.map(\.key)
            try await browser.get("\(orgPath(org))/rules")
            #expect(try await browser.post("\(orgPath(org))/rules", rulesForm(chapters.filter { $0 != "telework" })).status == .seeOther)
            facts = try await evidence.facts(of: organization)
            #expect(!facts.rulesChecked)
            #expect(deliverable(facts) == .notYet)

            let draftID = try #require(draft.id)
            try await browser.get(versionPath(org, draftID))
            #expect(try await step(browser, org: org, version: draft, "approve").status == .seeOther)
            facts = try await evidence.facts(of: organization)
            #expect(facts.policyStage == .approved)
            #expect(!facts.policyPublished)
            #expect(!facts.readiness.twoStarsReady)
            #expect(!facts.readiness.met.contains(.policyPublished))
            #expect(deliverable(facts) == .notYet)
            let approvedReadiness = try await SecurityActionService(db: app.db).readiness(of: organization)
            #expect(approvedReadiness.policyStage == .approved)
            #expect(!approvedReadiness.twoStarsReady)

            #expect(try await step(browser, org: org, version: draft, "publish", ["slug": "ready-shoji"]).status == .seeOther)
            facts = try await evidence.facts(of: organization)
            #expect(facts.policyStage == .published)
            #expect(facts.policyPublished)
            #expect(facts.readiness.twoStarsReady)
            #expect(deliverable(facts) == .notYet, "telework is not checked yet")
            let publishedReadiness = try await SecurityActionService(db: app.db).readiness(of: organization)
            #expect(publishedReadiness == facts.readiness)
            #expect(publishedReadiness.twoStarsReady)

            try await browser.get("\(orgPath(org))/rules")
            #expect(try await browser.post("\(orgPath(org))/rules", rulesForm(["telework"])).status == .seeOther)
            facts = try await evidence.facts(of: organization)
            #expect(facts.rulesChecked)
            #expect(deliverable(facts) == .done)
        }
    }

    // MARK: The expert

    /// The office admin, signed in.
    private func office(_ app: Application) async throws -> TestBrowser {
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        _ = try await SetupService(db: app.db, hasher: hasher).createOfficeAdmin(
            .init(displayName: "事務局", email: "policy-office@example.jp", password: Fixtures.password, passwordConfirmation: nil), locale: .ja, actorIP: nil)
        return try await Fixtures.browser(app, as: "policy-office@example.jp")
    }

    /// Registers an expert through the office page and creates the expert's account from the link.
    private func expert(_ app: Application, office: TestBrowser, name: String, number: String, email: String) async throws -> TestBrowser {
        try await office.get("/office/experts")
        let page = try await office.postAndFollow("/office/experts", ["name": name, "registrationNumber": number, "prefecture": "13",
                                                                      "onSite": "on", "online": "on", "maxCompanies": "5"])
        let link = try #require(Fixtures.invitationLink(in: page.body.string))
        let invitee = TestBrowser(app)
        try await invitee.get(link)
        let joined = try await invitee.post(link, ["displayName": name, "email": email, "password": Fixtures.password, "passwordConfirmation": Fixtures.password])
        #expect(joined.status == .seeOther)
        return try await Fixtures.browser(app, as: email)
    }

    private func openApplications(_ app: Application) async throws {
        let settings = try await ProgramService(db: app.db).settings()
        settings.opensOn = "2000-01-01"
        settings.closesOn = "2999-12-31"
        settings.capacity = 400
        settings.acceptedCount = 0
        try await settings.save(on: app.db)
    }

    private func principal(_ app: Application, _ email: String) async throws -> Principal {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).with(\.$organization).first())
        return Principal(user: user, organization: user.organization, token: nil)
    }

    @Test("the assigned expert reads drafts and comments; another expert gets 404; the owner resolves")
    func expertComments() async throws {
        try await withMamori { app in
            try await openApplications(app)
            let office = try await office(app)
            let expert = try await expert(app, office: office, name: "方針 花子", number: "000101", email: "policy-expert@example.jp")
            let stranger = try await self.expert(app, office: office, name: "別の 太郎", number: "000102", email: "policy-stranger@example.jp")

            // A company with a one-star declaration applies, is accepted and gets the first expert.
            let account = try await Fixtures.signUp(app, name: "方針商店", email: "policy-owner8@example.jp")
            let org = try #require(account.organizationID)
            let ownerID = try #require(account.user.id)
            try await SecurityActionDeclaration(organizationID: org, stars: 1, declarationID: "1", declaredOn: "2026-04-01",
                                                createdByID: ownerID).create(on: app.db)
            let owner = try await Fixtures.browser(app, as: account.email)
            try await owner.get("\(orgPath(org))/program")
            let applied = try await owner.post("\(orgPath(org))/program/apply", [
                "legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no", "contactName": "山田",
                "contactPhone": "03-1234-5678", "message": "基本方針を相談したい", "agreed": "on", "termsVersion": "1",
            ])
            #expect(applied.status == .seeOther)
            let application = try #require(try await ProgramApplication.query(on: app.db).filter(\.$organization.$id == org).first())
            let applicationID = try #require(application.id)
            let service = ProgramService(db: app.db)
            let officePrincipal = try await principal(app, "policy-office@example.jp")
            try await service.decide(application, .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)
            let profile = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "000101").first())
            try await service.assign(profile, to: application, by: officePrincipal, ip: nil)

            // The owner drafts the policy.
            let draft = try await createDraft(app, owner, org: org)
            let versionID = try #require(draft.id)
            let section = try #require(draft.sections.first)

            // The assigned expert reads and comments.
            let companyPolicy = "/expert/companies/\(applicationID.uuidString)/policy"
            let list = try await expert.get(companyPolicy)
            #expect(list.status == .ok)
            #expect(list.body.string.contains("方針商店"))
            #expect(list.body.string.contains("\(companyPolicy)/\(versionID.uuidString)"))
            let page = try await expert.get("\(companyPolicy)/\(versionID.uuidString)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(section.heading))
            let commented = try await expert.post("\(companyPolicy)/\(versionID.uuidString)/comments",
                                                  ["sectionID": section.id, "comment_\(section.id)": "責任者の名前を入れてください"])
            #expect(commented.status == .seeOther)
            let comment = try #require(try await PolicyComment.query(on: app.db).first())
            let commentID = try #require(comment.id)
            #expect(comment.authorRole == "expert")
            #expect(comment.sectionID == section.id)
            #expect(comment.body == "責任者の名前を入れてください")
            #expect(comment.organizationID == org)
            #expect(comment.resolvedAt == nil)

            // An empty comment is refused with 422.
            try await expert.get("\(companyPolicy)/\(versionID.uuidString)")
            let empty = try await expert.post("\(companyPolicy)/\(versionID.uuidString)/comments", ["sectionID": section.id, "comment_\(section.id)": "  "])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await PolicyComment.query(on: app.db).count() == 1)

            // The expert cannot approve, nor reach the organization's own pages.
            let approve = try await expert.post("\(versionPath(org, versionID))/approve", [:])
            #expect(approve.status == .notFound)
            #expect(try await expert.get("\(orgPath(org))/policy").status == .notFound)
            #expect(try await reload(app, draft).policyStatus == .draft)

            // Another expert sees nothing of this company.
            try await stranger.get("/expert/companies")
            #expect(try await stranger.get(companyPolicy).status == .notFound)
            #expect(try await stranger.get("\(companyPolicy)/\(versionID.uuidString)").status == .notFound)
            let strangerComment = try await stranger.post("\(companyPolicy)/\(versionID.uuidString)/comments",
                                                          ["sectionID": section.id, "comment_\(section.id)": "部外者のコメント"])
            #expect(strangerComment.status == .notFound)
            #expect(try await PolicyComment.query(on: app.db).count() == 1)

            // The owner sees the comment and resolves it.
            let ownerPage = try await owner.get(versionPath(org, versionID))
            #expect(ownerPage.body.string.contains("責任者の名前を入れてください"))
            let resolved = try await owner.post("\(versionPath(org, versionID))/comments/\(commentID.uuidString)/resolve", [:])
            #expect(resolved.status == .seeOther)
            let after = try #require(try await PolicyComment.find(comment.id, on: app.db))
            #expect(after.resolvedAt != nil)
            #expect(after.resolvedByName == account.user.displayName)

            // The assigned expert also reads the company's action plan and comments on it; the
            // owner sees the comment; another expert gets 404; the expert cannot edit the plan.
            let ownerPrincipal = try await principal(app, account.email)
            let organization = try #require(try await Organization.find(org, on: app.db))
            _ = try await PlanService(db: app.db).add(title: "バックアップの見直し", ownerName: "山田", startMonth: nil, dueMonth: nil,
                                                      to: organization, by: ownerPrincipal, ip: nil)
            let planPath = "/expert/companies/\(applicationID.uuidString)/plan"
            let plan = try await expert.get(planPath)
            #expect(plan.status == .ok)
            #expect(plan.body.string.contains("バックアップの見直し"))
            #expect(!plan.body.string.contains("/plan/proposal"))
            #expect(try await expert.post("\(planPath)/comments", ["body": "期限を3か月早めましょう"]).status == .seeOther)
            #expect(try await expert.post("\(planPath)/comments", ["body": " "]).status == .unprocessableEntity)
            let planComment = try #require(try await PlanComment.query(on: app.db).first())
            #expect(planComment.authorRole == "expert" && planComment.organizationID == org)
            #expect(try await owner.get("\(orgPath(org))/plan").body.string.contains("期限を3か月早めましょう"))
            #expect(try await stranger.get(planPath).status == .notFound)
            #expect(try await stranger.post("\(planPath)/comments", ["body": "部外者"]).status == .notFound)
            #expect(try await expert.post("\(orgPath(org))/plan/proposal", [:]).status == .notFound)
            #expect(try await PlanComment.query(on: app.db).count() == 1)
        }
    }

    // MARK: The editor

    @Test("an empty heading keeps what was typed and says which field")
    func emptyHeading() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "policy-owner9@example.jp")
            let draft = try await createDraft(app, browser, org: org)
            let versionID = try #require(draft.id)
            try await browser.get(versionPath(org, versionID))
            let refused = try await browser.post(versionPath(org, versionID), editForm(draft.sections, headings: [0: ""], bodies: [0: "kept text"]))
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("kept text"))
            #expect(html.contains(#"name="heading_0""#))
            let unchanged = try await reload(app, draft)
            #expect(unchanged.sectionsJSON == draft.sectionsJSON)
        }
    }

    @Test("the editor adds, moves and removes sections, keeping each section's id")
    func editorActions() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "policy-owner11@example.jp")
            let draft = try await createDraft(app, browser, org: org)
            let versionID = try #require(draft.id)
            let original = draft.sections
            try #require(original.count >= 2)

            var form = editForm(original, action: "add")
            form["new_heading"] = "追加の見出し"
            form["new_body"] = "追加の本文"
            #expect(try await browser.post(versionPath(org, versionID), form).status == .seeOther)
            let added = try await reload(app, draft).sections
            #expect(added.count == original.count + 1)
            #expect(added.last?.heading == "追加の見出し" && added.last?.body == "追加の本文")
            #expect(Array(added.prefix(original.count)).map(\.id) == original.map(\.id))
            let addedID = try #require(added.last?.id)
            #expect(!original.map(\.id).contains(addedID))

            #expect(try await browser.post(versionPath(org, versionID), editForm(added, action: "up_1")).status == .seeOther)
            let moved = try await reload(app, draft).sections
            #expect(Array(moved.map(\.id).prefix(2)) == [added[1].id, added[0].id])
            #expect(moved[0].heading == added[1].heading)

            #expect(try await browser.post(versionPath(org, versionID), editForm(moved, action: "remove_0")).status == .seeOther)
            let removed = try await reload(app, draft).sections
            #expect(removed.count == moved.count - 1)
            #expect(!removed.map(\.id).contains(moved[0].id))

            // A forged id does not take over another section's id.
            var forged = editForm(removed)
            forged["id_1"] = removed[0].id
            #expect(try await browser.post(versionPath(org, versionID), forged).status == .seeOther)
            let ids = try await reload(app, draft).sections.map(\.id)
            #expect(Set(ids).count == ids.count)
        }
    }

    // MARK: Rule documents

    @Test("adopting a rule draft settles its chapter of the rules check; rules are never published")
    func adoptRule() async throws {
        try await withMamori { app in
            let (_, org, browser) = try await signedInOwner(app, email: "policy-owner10@example.jp")
            let draft = try await createDraft(app, browser, org: org, document: "rule.telework")
            #expect(draft.kind == .rule(chapter: "telework"))
            #expect(draft.number == 1)
            let expected = try #require(PolicyContent.bundled.chapter("telework")).draft.count
            #expect(draft.sections.count == expected)
            let versionID = try #require(draft.id)
            let page = try await browser.get(versionPath(org, versionID))
            #expect(page.status == .ok)

            #expect(try await step(browser, org: org, version: draft, "approve").status == .seeOther)
            #expect(try await reload(app, draft).policyStatus == .approved)
            let organization = try await loadOrganization(app, org)
            let current = try await RulesCheckService(db: app.db).current(of: organization)
            #expect(current["telework"]?.checkStatus == .ok)
            #expect(try await PolicyService(db: app.db).adoptedRules(of: organization)["telework"]?.id == versionID)

            // Rules have no public page: publishing is refused and the status stays.
            let publish = try await step(browser, org: org, version: draft, "publish", ["slug": "telework-rules"])
            #expect(publish.status == .seeOther || publish.status == .conflict)
            #expect(try await reload(app, draft).policyStatus == .approved)
            #expect(try await TestBrowser(app).get("/p/telework-rules").status == .notFound)

            // The rule document does not count as the basic policy.
            let facts = try await OrganizationEvidence(db: app.db).facts(of: organization)
            #expect(facts.policyStage == PolicyStage.none)

            // Unknown documents and chapters do not exist.
            #expect(try await browser.post("\(orgPath(org))/policy/versions", ["document": "rule.nonsense", "from": "template", "language": "ja"]).status == .notFound)
            #expect(try await browser.post("\(orgPath(org))/policy/versions", ["document": "garbage", "from": "template", "language": "ja"]).status == .notFound)
            #expect(try await PolicyVersion.query(on: app.db).count() == 1)
        }
    }
}
