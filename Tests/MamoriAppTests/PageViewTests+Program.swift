import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// The guidance program's pages (the company's, the office's, the expert's and the public
/// eligibility check), rendered alone from their models' `.mock` values: no database, no request.
@Suite("Pages from mock models: guidance program")
struct PageViewProgramTests {
    /// The organization's page before it applied: the owner sees the form, their name as the contact.
    static var applyModel: OrgProgramPage.Model {
        var model = OrgProgramPage.Model.mock
        (model.application, model.visits, model.deliverables, model.agreedTerms) = (nil, [], [], nil)
        return model
    }

    static var pages: [MockPage] {
        let company = OrganizationRow.mock.name
        let companyTitle = LocalizedText(ja: company, en: company)
        let visitTypes = ["パスワード<管理>の見直し", "議事録<第1回>.pdf", "https://meet.example.jp/<room>", "松江市殿町1-<2>"]
        return [
            MockPage("program settings", L.Program.programSettingsTitle, { OfficeProgramPage.render(.mock, context: $0) }),
            MockPage("applications", L.Program.applicationsTitle, { OfficeApplicationsPage.render(.mock, context: $0) },
                     typed: [company, "有限会社 <山陰>", "支援士 <鈴木>"]),
            MockPage("application", companyTitle, { OfficeApplicationPage.render(.mock, context: $0) },
                     typed: [company, "山田 <太郎>", "ランサムウェアが<心配>です", "支援士 <鈴木>", "支援士 <田中>", "とても<役に立ちました>"] + visitTypes),
            MockPage("program statistics", L.Program.statisticsTitle, { OfficeStatisticsPage.render(.mock, context: $0) }, typed: ["支援士 <鈴木>"]),
            MockPage("organization's program", L.Program.programTitle, { OrgProgramPage.render(.mock, context: $0) }, typed: ["支援士 <鈴木>"] + visitTypes),
            MockPage("organization's program, applying", L.Program.programTitle, { OrgProgramPage.render(applyModel, context: $0) }, typed: ["山田 <太郎>"]),
            MockPage("expert's companies", L.Program.expertCompaniesTitle, { ExpertPages.companies(.mock, context: $0) },
                     typed: [company, "山田 <太郎>", "https://meet.example.jp/<room>"]),
            MockPage("expert's company", companyTitle, { ExpertPages.company(.mock, context: $0) },
                     typed: [company, "山田 <太郎>", "ランサムウェアが<心配>です"] + visitTypes),
            MockPage("eligibility check", L.Program.eligibilityTitle, { EligibilityPage.render(.mock, context: $0) }),
        ]
    }

    @Test("each program page has one h1 in the page's language and no raw typed markup", arguments: [AppLocale.ja, .en])
    func rendersAlone(locale: AppLocale) {
        MockPage.expectRendersAlone(Self.pages, locale: locale)
    }

    @Test("the organization's page offers the survey only after the last visit, and only until it is answered")
    func surveyAfterLastVisit() {
        var model = OrgProgramPage.Model.mock
        let action = "action=\"" + SiteURL.orgProgramSurvey(organization: model.organizationID).path + "\""
        let early = OrgProgramPage.render(model, context: .mock())
        #expect(early.contains(L.Program.surveyNotYet.ja) && !early.contains(action))
        model.visits = (1...model.settings.visitsPerCompany).map { number in
            var visit = VisitRow.mock[0]
            (visit.id, visit.number) = (UUID(), number)
            return visit
        }
        let due = OrgProgramPage.render(model, context: .mock())
        #expect(due.contains(action) && !due.contains(L.Program.surveyNotYet.ja))
        model.surveyAnswered = true
        let answered = OrgProgramPage.render(model, context: .mock())
        #expect(answered.contains(L.Program.surveyThanks.ja) && !answered.contains(action))
    }

    @Test("an online visit's place is a link, an on-site visit's is text")
    func visitPlaces() throws {
        let visits = VisitRow.mock
        let onSite = try #require(visits.first { $0.mode == .onSite }), online = try #require(visits.first { $0.mode == .online })
        let html = OrgProgramPage.render(.mock, context: .mock(locale: .en))
        #expect(html.contains("href=\"" + MockPage.escaped(online.place) + "\""))
        #expect(html.contains(MockPage.escaped(onSite.place)) && !html.contains("href=\"" + MockPage.escaped(onSite.place)))
    }

    @Test("the office offers to assign every suggested expert but the one already assigned")
    func assignButtons() throws {
        let model = OfficeApplicationPage.Model.mock
        let assigned = try #require(model.application.expertID)
        let html = OfficeApplicationPage.render(model, context: .mock())
        #expect(html.components(separatedBy: "data-assigned=\"true\"").count - 1 == 1)
        #expect(!html.contains("value=\"\(assigned.uuidString)\""))
        for (expert, _) in model.suggestions where expert.id != assigned {
            #expect(html.contains("value=\"\(expert.id.uuidString)\""))
        }
    }
}
