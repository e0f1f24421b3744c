import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// Issue #14: what protects the program's deadlines and plans, the dashboard's "due soon" and
/// next visit, SECURITY ACTION's warnings, and the smaller program pages.
@Suite("Program validation, dashboard and SECURITY ACTION warnings (issue #14)")
struct ProgramValidationTests {
    // MARK: Helpers (Support/ProgramFixtures.swift, shared with ProgramTests)

    func office(_ app: Application) async throws -> TestBrowser { try await ProgramFixtures.office(app) }

    func expert(_ app: Application, office: TestBrowser, name: String, number: String, prefecture: String, email: String) async throws -> TestBrowser {
        try await ProgramFixtures.expert(app, office: office, name: name, number: number, prefecture: prefecture, email: email)
    }

    func company(_ app: Application, name: String, email: String) async throws -> (Fixtures.Account, TestBrowser) {
        try await ProgramFixtures.company(app, name: name, email: email)
    }

    func openApplications(_ app: Application, capacity: Int = 400, accepted: Int = 0) async throws {
        try await ProgramFixtures.openApplications(app, capacity: capacity, accepted: accepted)
    }

    func principal(_ app: Application, _ email: String) async throws -> Principal {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).with(\.$organization).first())
        return Principal(user: user, organization: user.organization, token: nil)
    }

    /// An accepted application of a Tokyo company, assigned to the first of two Tokyo experts.
    struct Assigned {
        let office: TestBrowser
        let expert: TestBrowser
        let owner: TestBrowser
        let account: Fixtures.Account
        let application: ProgramApplication
        let assigned: ExpertProfile
        let other: ExpertProfile
    }

    func assignedApplication(_ app: Application) async throws -> Assigned {
        try await openApplications(app)
        let office = try await office(app)
        let expert = try await expert(app, office: office, name: "担当 一郎", number: "100001", prefecture: "13", email: "ichiro@example.jp")
        _ = try await self.expert(app, office: office, name: "候補 二郎", number: "100002", prefecture: "13", email: "jiro@example.jp")
        let (account, owner) = try await company(app, name: "検証商店", email: "owner@example.jp")
        try await owner.get("/orgs/\(account.organizationID!.uuidString)/program")
        let applied = try await owner.post("/orgs/\(account.organizationID!.uuidString)/program/apply", [
            "legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no", "contactName": "山田",
            "contactPhone": "03-1234-5678", "agreed": "on", "termsVersion": "1"])
        #expect(applied.status == .seeOther)
        let application = try #require(try await ProgramApplication.query(on: app.db).first())
        let service = ProgramService(db: app.db)
        let officePrincipal = try await principal(app, "office@example.jp")
        try await service.decide(application, .accept, reason: nil, settings: try await service.settings(), by: officePrincipal, ip: nil)
        let assigned = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "100001").first())
        let other = try #require(try await ExpertProfile.query(on: app.db).filter(\.$registrationNumber == "100002").first())
        try await service.assign(assigned, to: application, by: officePrincipal, ip: nil)
        return Assigned(office: office, expert: expert, owner: owner, account: account, application: application, assigned: assigned, other: other)
    }

    /// A moment tomorrow, but not after this fiscal year ends (visits stay within it).
    func upcomingMoment() -> String {
        let end = TokyoDateTime.parse(FiscalYear.lastDay(of: FiscalYear.of(Date())) + "T23:59")!
        return TokyoDateTime.format(min(Date().addingTimeInterval(86_400), end))
    }

    func settingsForm(capacity: String = "400", opens: String = "2026-04-01", closes: String = "2027-03-31") -> [String: String] {
        ["capacity": capacity, "visitsPerCompany": "4", "hoursPerVisit": "2", "opensOn": opens, "closesOn": closes, "termsTextJa": "参加規約", "termsTextEn": "Participation terms"]
    }

    // MARK: 1. Settings and visits

    @Test("program settings: capacity 0 is refused with the rule; an end date before the start is refused on the end date; typed values stay")
    func settingsRefusals() async throws {
        try await withMamori { app in
            let office = try await office(app)
            try await office.get("/office/program")

            let zero = try await office.post("/office/program", settingsForm(capacity: "0"))
            #expect(zero.status == .unprocessableEntity)
            let zeroHTML = zero.body.string
            #expect(zeroHTML.contains(L.Program.capacityTooSmall(accepted: 0).ja))
            #expect(zeroHTML.contains(#"id="field-capacity-error""#))
            #expect(zeroHTML.contains(#"name="capacity" value="0""#))
            #expect(try await ProgramService(db: app.db).settings().capacity == 400)

            let backwards = try await office.post("/office/program", settingsForm(opens: "2026-05-01", closes: "2026-04-30"))
            #expect(backwards.status == .unprocessableEntity)
            let backwardsHTML = backwards.body.string
            #expect(backwardsHTML.contains(L.Common.describe(.endBeforeStartDate).ja))
            #expect(backwardsHTML.contains(#"id="field-closesOn-error""#))
            #expect(!backwardsHTML.contains(#"id="field-opensOn-error""#))
            #expect(!backwardsHTML.contains(L.Common.describe(.invalidDate).ja), "the old, misleading format message")
            #expect(backwardsHTML.contains(#"name="opensOn" value="2026-05-01""#))
            #expect(backwardsHTML.contains(#"name="closesOn" value="2026-04-30""#))

            // Never fewer places than the applications already accepted.
            let settings = try await ProgramService(db: app.db).settings()
            settings.acceptedCount = 3
            try await settings.save(on: app.db)
            let belowAccepted = try await office.post("/office/program", settingsForm(capacity: "2"))
            #expect(belowAccepted.status == .unprocessableEntity)
            #expect(belowAccepted.body.string.contains(L.Program.capacityTooSmall(accepted: 3).ja))

            // A one-day period and a capacity equal to the accepted count are fine.
            let saved = try await office.post("/office/program", settingsForm(capacity: "3", opens: "2026-05-01", closes: "2026-05-01"))
            #expect(saved.status == .seeOther)
            let after = try await ProgramService(db: app.db).settings()
            #expect(after.capacity == 3 && after.opensOn == "2026-05-01" && after.closesOn == "2026-05-01")
        }
    }

    @Test("the service refuses the same settings for any caller, naming the field")
    func settingsService() async throws {
        try await withMamori { app in
            _ = try await office(app)
            let service = ProgramService(db: app.db)
            let settings = try await service.settings()
            let actor = try await principal(app, "office@example.jp")
            do {
                try await service.update(settings, with: .init(capacity: .given(0), visitsPerCompany: .given(4), hoursPerVisit: .given(2), opensOn: .given("2026-05-01"),
                                                               closesOn: .given("2026-04-01"), termsTextJa: "規約", termsTextEn: "Terms", preferOutsideMetro: false), by: actor, ip: nil)
                Issue.record("capacity 0 and a backwards period were saved")
            } catch let refusal as Refusal {
                let error = refusal.mamoriError
                #expect(error.status == .unprocessableEntity)
                #expect(error.fields.map(\.name) == ["capacity", "closesOn"])
                #expect(error.fields.first?.message == L.Program.capacityTooSmall(accepted: 0))
            }
        }
    }

    @Test("a visit outside the application's fiscal year (2020, or next April) is refused beside the date; the form keeps what was typed")
    func visitOutsideFiscalYear() async throws {
        try await withMamori { app in
            let setup = try await assignedApplication(app)
            let fiscalYear = setup.application.fiscalYear
            let path = "/expert/companies/\(setup.application.id!.uuidString)"
            let page = try await setup.expert.get(path)
            // The form says what it asks.
            let form = page.body.string
            #expect(form.contains(L.Program.visitNumberLabel(4).ja))
            #expect(form.contains(L.Program.visitWhen.ja) && form.contains(L.Program.visitModeLabel.ja) && form.contains(L.Program.visitPlace.ja))
            #expect(form.contains(L.Program.visitWhenHint(fiscalYear: fiscalYear, hours: 2).ja))
            #expect(!form.contains("第N回"))

            let refused = try await setup.expert.post("\(path)/visits", ["number": "1", "scheduledAt": "2020-06-01T10:00", "mode": "on_site", "place": "東京都千代田区1-1"])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(L.Program.visitOutsideFiscalYear(fiscalYear).ja))
            #expect(html.contains(#"id="field-scheduledAt-error""#))
            #expect(html.contains(#"name="scheduledAt" value="2020-06-01T10:00""#))
            #expect(html.contains(#"name="place" value="東京都千代田区1-1""#))
            #expect(try await ProgramVisit.query(on: app.db).count() == 0)

            let service = ProgramService(db: app.db)
            let expertPrincipal = try await principal(app, "ichiro@example.jp")
            let settings = try await service.settings(fiscalYear: fiscalYear)
            await #expect(throws: Refusal.self) {
                _ = try await service.schedule(.init(number: .given(1), scheduledAt: .tokyoDateTime("\(fiscalYear + 1)-04-01T10:00"), mode: .given(.onSite), place: "東京"),
                                               for: setup.application, settings: settings, expert: setup.assigned, by: expertPrincipal, ip: nil)
            }
            // The first and the last day of the fiscal year are inside it.
            _ = try await service.schedule(.init(number: .given(1), scheduledAt: .tokyoDateTime("\(fiscalYear)-04-01T09:00"), mode: .given(.onSite), place: "東京"),
                                           for: setup.application, settings: settings, expert: setup.assigned, by: expertPrincipal, ip: nil)
            _ = try await service.schedule(.init(number: .given(4), scheduledAt: .tokyoDateTime("\(fiscalYear + 1)-03-31T15:00"), mode: .given(.onSite), place: "東京"),
                                           for: setup.application, settings: settings, expert: setup.assigned, by: expertPrincipal, ip: nil)
            #expect(try await ProgramVisit.query(on: app.db).count() == 2)
        }
    }

    // MARK: 2. Dashboard

    @Test("due soon means overdue, within 7 days, or 'promptly'; a final report two months away is only counted")
    func dueSoonRule() {
        let aware = TokyoDateTime.parse("2026-12-01T10:00")!
        let facts = NotificationDuties.Facts(kind: .ransomware, awareAt: aware, personalData: .init(involved: true, persons: 10))
        let statuses = NotificationDuties.compute(facts).duties.map { (Incident(), IncidentService.DutyStatus(duty: $0, done: nil)) }
        let result = DashboardController.dutiesDueSoon(statuses, today: Day(2026, 12, 3))
        let soon = result.soon.map { $0.1.duty.action }
        #expect(soon.contains(.preliminaryReport))                   // due 6 December
        #expect(!soon.contains(.finalReport))                        // due at the end of January
        #expect(result.soon.contains { $0.1.duty.recipient == .affectedPersons })   // "promptly", no date
        #expect(result.soon.contains { $0.1.duty.recipient == .management })       // due on the day of awareness
        #expect(!result.soon.contains { !$0.1.duty.required && $0.1.duty.due == nil })
        #expect(result.later == 1)
        #expect(DashboardPage.dueSoonDays == 7)
    }

    @Test("the dashboard says what 'due soon' means and does not call a final report two months away due soon")
    func dashboardDueSoon() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"
            try await browser.get("\(orgPath)/incidents/new?kind=ransomware")
            let created = try await browser.post("\(orgPath)/incidents", ["kind": "ransomware", "title": "ファイルサーバーが暗号化された",
                                                                           "detectedAt": "2026-04-01T10:00", "severity": "high"])
            #expect(created.status == .seeOther)
            let path = String(try #require(created.headers.first(name: .location)).split(separator: "#").first!)
            try await browser.get(path)
            try await browser.post("\(path)/record", ["title": "暗号化", "severity": "high", "awareAt": TokyoDateTime.format(Date().addingTimeInterval(-4 * 86_400)),
                                                      "personalDataInvolved": "on", "persons": "10"])
            let html = try await browser.get("/dashboard").body.string
            let start = try #require(html.range(of: #"aria-labelledby="card-duties""#))
            let card = String(html[start.upperBound...]).components(separatedBy: "</section>").first ?? ""
            #expect(card.contains(L.Dashboard.dueSoonRule(days: 7).ja))
            #expect(card.contains("7日以内"))
            #expect(card.contains(L.Dashboard.dueWithin(days: 7).ja))        // the preliminary report, due tomorrow
            #expect(card.contains("速報"))
            #expect(!card.contains("確報"), "the final report is due in about two months")
            #expect(card.contains(L.Dashboard.laterDuties(1, days: 7).ja))
            #expect(!card.contains("期限間近"), "the undefined 期限間近 label is gone")
        }
    }

    @Test("the next scheduled visit: on the company's dashboard with its expert, and first on the expert's page")
    func nextVisit() async throws {
        try await withMamori { app in
            let setup = try await assignedApplication(app)
            let orgID = setup.account.organizationID!
            #expect(!(try await setup.owner.get("/dashboard").body.string.contains("dashboard-next-visit")))

            let service = ProgramService(db: app.db)
            let when = upcomingMoment()
            _ = try await service.schedule(.init(number: .given(2), scheduledAt: .tokyoDateTime(when), mode: .given(.onSite), place: "東京都千代田区1-1"),
                                           for: setup.application, settings: try await service.settings(fiscalYear: setup.application.fiscalYear),
                                           expert: setup.assigned, by: try await principal(app, "ichiro@example.jp"), ip: nil)
            let next = try #require(try await service.nextVisit(of: orgID))
            #expect(next.expertName == "担当 一郎" && next.visit.number == 2)

            let dashboard = try await setup.owner.get("/dashboard").body.string
            #expect(dashboard.contains(#"id="dashboard-next-visit""#))
            #expect(dashboard.contains(L.Program.nextVisitExpert("担当 一郎").ja))
            #expect(dashboard.contains(L.Program.visitMode(.onSite).ja) && dashboard.contains("東京都千代田区1-1"))
            #expect(dashboard.contains(#"href="/orgs/\#(orgID.uuidString)/program""#))

            let companies = try await setup.expert.get("/expert/companies").body.string
            #expect(companies.contains(#"id="expert-next-visit""#))
            #expect(companies.contains("検証商店"))

            // Another organization sees nothing of it.
            let (stranger, strangerBrowser) = try await company(app, name: "無関係商店", email: "stranger@example.jp")
            #expect(try await service.nextVisit(of: stranger.organizationID!) == nil)
            #expect(!(try await strangerBrowser.get("/dashboard").body.string.contains("dashboard-next-visit")))
        }
    }

    // MARK: 3. SECURITY ACTION

    @Test("SECURITY ACTION: a ticked measure the diagnosis answers 'not implemented' is flagged; two stars without the policy are refused unless confirmed; the official site is linked")
    func securityActionWarnings() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let organization = try #require(try await Organization.find(owner.organizationID, on: app.db))
            var answers = Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, DiagnosisAnswer.implemented) })
            answers[1] = .notInPlace
            _ = try await DiagnosisService(db: app.db).save(try #require(DiagnosisAnswers(answers: answers)),
                                                            input: .init(respondentName: "担当", siteLabel: "本社", diagnosedOn: CalendarDate.today()),
                                                            in: organization, by: Principal(user: owner.user, organization: organization, token: nil), ip: nil)
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = "/orgs/\(owner.organizationID!.uuidString)/security-action"
            let page = try await browser.get(path)
            #expect(page.body.string.contains(#"href="https://www.ipa.go.jp/security/security-action/""#))

            let saved = try await browser.postAndFollow("\(path)/measures", ["measure1": "on", "measure2": "on"])
            let html = saved.body.string
            #expect(try await BasicMeasureCheck.query(on: app.db).count() == 2, "the ticks are saved, with a warning")
            #expect(html.contains("最新の自社診断ではこの対策は『実施していない』と回答されています"))
            let content = DiagnosisContent.bundled
            #expect(html.contains(L.Diagnosis.measureConflictSaved(measure: content.basicMeasures[0].title, answer: content.answer(.notInPlace).label).ja))
            #expect(html.contains(#"data-conflict="1""#))
            #expect(!html.contains(#"data-conflict="2""#))

            // Two stars while the basic policy is not published: refused, with the reason and the way to the policy.
            let refused = try await browser.post("\(path)/declarations", ["stars": "2", "declarationID": "SA-2", "declaredOn": CalendarDate.today()])
            #expect(refused.status == .unprocessableEntity)
            let refusedHTML = refused.body.string
            #expect(refusedHTML.contains(L.Diagnosis.twoStarsNotReady(missing: [.policyPublished]).ja))
            #expect(refusedHTML.contains(#"id="field-stars-error""#))
            #expect(refusedHTML.contains(#"data-missing="policy_published""#))
            #expect(!refusedHTML.contains(#"data-missing="self_diagnosis""#))
            #expect(refusedHTML.contains(#"href="/orgs/\#(owner.organizationID!.uuidString)/policy""#))
            #expect(refusedHTML.contains(#"name="declarationID" value="SA-2""#))
            #expect(try await SecurityActionDeclaration.query(on: app.db).count() == 0)

            // Confirmed as met outside Mamori: recorded.
            let confirmed = try await browser.post("\(path)/declarations", ["stars": "2", "declarationID": "SA-2", "declaredOn": CalendarDate.today(),
                                                                            "conditionsMetElsewhere": "on"])
            #expect(confirmed.status == .seeOther)
            #expect(try await SecurityActionDeclaration.query(on: app.db).first()?.stars == 2)
        }
    }

    // MARK: 4. Eligibility, assignment

    @Test("eligibility: every condition with met or not and why; a next step for visitors and for signed-in owners")
    func eligibilityConditions() async throws {
        try await withMamori { app in
            let visitor = TestBrowser(app)
            let query = "category=retail&capitalYen=60000000&employees=50&legalForm=corporation&hasSecurityPolicy=no&participatedPreviousYear=no"
            let eligible = try await visitor.get("/program/eligibility?\(query)&securityActionStars=1").body.string
            #expect(eligible.contains(L.Program.eligibleTitle.ja))
            for reason in ProgramEligibility.Reason.allCases {
                #expect(eligible.contains(#"data-condition="\#(reason.rawValue)" data-met="true""#), "\(reason)")
            }
            #expect(!eligible.contains("data-reason="))
            #expect(eligible.contains(L.Program.smeBasis(.employees).ja))
            #expect(eligible.contains(L.Program.eligibleSignUp.ja) && eligible.contains(#"href="/signup""#))

            let notEligible = try await visitor.get("/program/eligibility?\(query)&securityActionStars=0").body.string
            #expect(notEligible.contains(L.Program.notEligibleTitle.ja))
            #expect(notEligible.contains(#"data-condition="no_security_action" data-met="false""#))
            #expect(notEligible.contains(#"data-reason="no_security_action""#))
            #expect(notEligible.contains(#"data-condition="not_sme" data-met="true""#), "the SME line is a met condition, not part of the refusal")
            #expect(notEligible.contains(#"href="https://www.ipa.go.jp/security/security-action/""#))
            #expect(!notEligible.contains(L.Program.eligibleSignUp.ja))

            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let signedIn = try await browser.get("/program/eligibility?\(query)&securityActionStars=1").body.string
            #expect(signedIn.contains(#"href="/orgs/\#(owner.organizationID!.uuidString)/program#apply""#))
            #expect(signedIn.contains(L.Program.eligibleApply.ja))
        }
    }

    @Test("the office sees the assigned expert as assigned, not offered again; the others are offered as a change")
    func assignedExpertShown() async throws {
        try await withMamori { app in
            let setup = try await assignedApplication(app)
            let html = try await setup.office.get("/office/program/applications/\(setup.application.id!.uuidString)").body.string
            #expect(html.contains(#"data-assigned="true""#))
            #expect(html.contains(L.Program.assignedToThis.ja))
            #expect(!html.contains(#"name="expert" value="\#(setup.assigned.id!.uuidString)""#))
            #expect(html.contains(#"name="expert" value="\#(setup.other.id!.uuidString)""#))
            #expect(html.contains(L.Program.reassign.ja))
            #expect(!html.contains(">" + L.Program.assign.ja + "<"))
        }
    }
}
