import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// The asset and risk registers, the action plan, telework, the help directory, the
/// organization's details, the dashboards and the office's lists, rendered alone from their
/// models' `.mock` values: no database, no request.
@Suite("Pages from mock models: registers, plan, telework, directory, organization, office")
struct PageViewRegistersPlansTests {
    /// The printed staff sheet in the reader's language: there the sheet's own title is the `h1`.
    static func printedSheet(_ context: PageContext) -> String {
        var model = TeleworkPages.SheetModel.mock
        model.printable = true
        model.language = context.locale
        return TeleworkPages.sheet(model, context: context)
    }

    static var pages: [MockPage] {
        let assetName = RiskPages.Asset.mock.name
        let itemTitle = PlanPages.Item.mock.title
        return [
            MockPage("asset register", L.Risk.assetsTitle, { RiskPages.assets(.mock, context: $0) }, typed: [assetName, "名簿 <検索>"]),
            MockPage("asset", LocalizedText(ja: assetName, en: assetName), { RiskPages.asset(.mock, context: $0) },
                     typed: [assetName, "他の脅威 <手入力>", "鍵を<掛ける>"]),
            MockPage("risk register", L.Risk.registerTitle, { RiskPages.register(.mock, context: $0) }, typed: [assetName, "鍵を<掛ける>"]),
            MockPage("asset import", L.Risk.importTitle, { RiskPages.importPage(.mock, context: $0) }, typed: [assetName]),
            MockPage("action plan", L.Plan.title, { PlanPages.plan(.mock, context: $0) },
                     typed: [itemTitle, "山田 <太郎>", "支援士 <鈴木>", "順番は<これで>良いと思います"]),
            MockPage("action plan, printed", L.Plan.title, { PlanPages.printable(.mock, context: $0) }, typed: [itemTitle, "株式会社<テスト>"]),
            MockPage("plan item", LocalizedText(ja: itemTitle, en: itemTitle), { PlanPages.edit(.mock, context: $0) }, typed: [itemTitle, "山田 <太郎>"]),
            MockPage("telework", L.Telework.title, { TeleworkPages.overview(.mock, context: $0) }, typed: ["山田 <太郎>"]),
            MockPage("telework self-check", L.Telework.selfCheckTitle, { TeleworkPages.form(.mock, context: $0) }, typed: ["山田 <太郎>"]),
            MockPage("telework result", L.Telework.resultTitle, { TeleworkPages.result(.mock, context: $0) }, typed: ["山田 <太郎>"]),
            MockPage("telework comparison", L.Telework.compareTitle, { TeleworkPages.compare(.mock, context: $0) }, typed: ["山田 <太郎>"]),
            MockPage("telework checklist", L.Telework.checklistTitle, { TeleworkPages.checklist(.mock, context: $0) }, typed: ["山田 <太郎>"]),
            MockPage("telework sheet", L.Telework.sheetTitle, { TeleworkPages.sheet(.mock, context: $0) }, typed: ["株式会社<テスト>", "情報システム担当 <内線 123>"]),
            MockPage("telework sheet, printed", TeleworkContent.bundled.sheet.title, printedSheet, typed: ["株式会社<テスト>", "情報システム担当 <内線 123>"]),
            MockPage("help directory", L.Help.contactsTitle, { ContactsPage.render(.mock, context: $0) }, typed: ["Help <desk>", "Mamori <desk>", "ランサム <検索>"]),
            MockPage("help entry", DirectoryMocks.contact.name, { ContactPage.render(.mock, context: $0) }, typed: ["Help <desk>"]),
            MockPage("office directory", L.Directory.officeTitle, { OfficeDirectoryPages.list(.mock, context: $0) },
                     typed: ["Help <desk>", "電話番号が<古い>", "山田 <太郎>"]),
            MockPage("office directory entry", L.Directory.editTitle, { OfficeDirectoryPages.form(.mock, context: $0) }, typed: ["Help <desk>", "Mamori <desk>"]),
            MockPage("organization details", L.Organization.organizationDetailsTitle, { OrganizationDetailsPage.render(.mock, context: $0) },
                     typed: ["株式会社<テスト>", "総務部 <内線 100>"]),
            MockPage("dashboard", L.Organization.dashboardWelcome("山田 <太郎>"), { DashboardPage.organization(.mock, context: $0) },
                     typed: ["山田 <太郎>", "株式会社<テスト>", "ランサムウェア <感染>", "支援士 <鈴木>", "https://meet.example.jp/<room>"]),
            MockPage("office dashboard", L.Organization.officeDashboardTitle, { DashboardPage.office(.mock, context: $0) }, typed: ["株式会社<テスト>"]),
            MockPage("office organizations", L.Organization.officeOrganizationsTitle, { OfficeOrganizationsPage.render(.mock, context: $0) },
                     typed: ["株式会社<テスト>"]),
            MockPage("office experts", L.Organization.officeExpertsTitle, { OfficeExpertsPage.render(.mock, context: $0) }, typed: ["鈴木 <一郎>", "支援士 <鈴木>"]),
        ]
    }

    @Test("each page has one h1 in the page's language and no raw typed markup", arguments: [AppLocale.ja, .en])
    func rendersAlone(locale: AppLocale) {
        MockPage.expectRendersAlone(Self.pages, locale: locale)
    }

    @Test("the assigned expert reads the plan and comments, but sees no editing, proposal or agreement")
    func planReadOnly() {
        var model = PlanPages.Model.mock
        let edit = SiteURL.planItem(organization: model.organizationID, item: model.items[0].id).path
        let company = PlanPages.plan(model, context: .mock())
        #expect(company.contains(edit) && company.contains(L.Plan.addItem.ja) && company.contains(SiteURL.planAgree(organization: model.organizationID).path))
        model.readOnly = true
        model.isOwner = false
        model.commentAction = SiteURL.expertPlanComments(application: UUID()).path
        let expert = PlanPages.plan(model, context: .mock())
        #expect(!expert.contains(edit) && !expert.contains(L.Plan.addItem.ja) && !expert.contains(SiteURL.planAgree(organization: model.organizationID).path))
        #expect(!expert.contains(SiteURL.planProposal(organization: model.organizationID).path))
        #expect(expert.contains(model.commentAction!) && expert.contains("順番は&lt;これで&gt;良いと思います"))
    }

    @Test("a member reads the organization's details; only the owner gets the form")
    func organizationDetailsByRole() {
        var model = OrganizationDetailsPage.Model.mock
        let action = SiteURL.organizationDetails(organization: model.organization.id).path
        let owner = OrganizationDetailsPage.render(model, context: .mock())
        #expect(owner.contains("action=\"\(action)\"") && !owner.contains(L.Organization.organizationDetailsOwnerOnly.ja))
        model.canEdit = false
        let member = OrganizationDetailsPage.render(model, context: .mock())
        #expect(!member.contains("action=\"\(action)\"") && member.contains(L.Organization.organizationDetailsOwnerOnly.ja))
        #expect(member.contains("総務部 &lt;内線 100&gt;"))
    }

    @Test("the dashboard shows the API card and member management only to an owner")
    func dashboardByRole() {
        var model = DashboardPage.Model.mock
        let owner = DashboardPage.organization(model, context: .mock())
        #expect(owner.contains(L.Organization.dashboardAPICard.ja) && owner.contains(L.Organization.manageMembers.ja))
        #expect(owner.contains(SiteURL.incident(organization: model.organization.id, incident: model.dueSoon[0].incidentID).path + "#duties"))
        model.viewerRole = .member
        let member = DashboardPage.organization(model, context: .mock())
        #expect(!member.contains(L.Organization.dashboardAPICard.ja) && member.contains(L.Organization.seeMembers.ja))
        #expect(member.contains(L.Accounts.roleName(.member).ja))
    }

    @Test("the staff sheet on screen offers the contact form to the owner only")
    func teleworkSheetByRole() {
        var model = TeleworkPages.SheetModel.mock
        let form = SiteURL.teleworkContact(organization: model.organizationID).path
        #expect(TeleworkPages.sheet(model, context: .mock()).contains(form))
        model.isOwner = false
        let member = TeleworkPages.sheet(model, context: .mock())
        #expect(!member.contains(form) && member.contains("情報システム担当 &lt;内線 123&gt;"))
    }

    @Test("the risk register links each risk to its asset and flags a large risk left untreated")
    func riskRegisterRows() {
        let model = RiskPages.RegisterModel.mock
        let html = RiskPages.register(model, context: .mock())
        #expect(html.contains(SiteURL.asset(organization: model.organizationID, asset: model.page.items[0].assetID).path))
        #expect(html.contains(L.Risk.untreatedFlag.ja) && html.contains("id=\"untreated-large\""))
        var treated = model
        treated.page = model.page.map { risk in
            var risk = risk
            risk.treatment = RiskTreatment.allCases[0].rawValue
            return risk
        }
        #expect(!RiskPages.register(treated, context: .mock()).contains(L.Risk.untreatedFlag.ja))
    }
}
