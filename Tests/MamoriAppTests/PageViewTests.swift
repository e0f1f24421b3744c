import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// Pages rendered alone, from their models' `.mock` values: no database, no request. Each
/// shows its heading in both languages and escapes what people typed.
@Suite("Pages from mock models")
struct PageViewTests {
    static var pages: [MockPage] { [
        MockPage("members", L.Organization.membersTitle, { MembersPage.render(.mock, context: $0) }, typed: ["山田 <太郎>", "経理の<新人>"]),
        MockPage("API tokens", L.Organization.tokensTitle, { TokensPage.render(.mock, context: $0) }, typed: ["EDR <連携>"]),
        MockPage("SECURITY ACTION", L.Diagnosis.securityActionTitle, { SecurityActionPage.render(.mock, context: $0) }, typed: ["SA-<0001>"]),
        MockPage("password reset link", L.PasswordReset.issueTitle("佐藤 <花子>"), { PasswordResetIssuePage.render(.mock, context: $0) }, typed: ["佐藤 <花子>"]),
        MockPage("policy overview", L.Policy.title, { PolicyOverviewPage.render(.mock, context: $0) }, typed: []),
        MockPage("policy version", L.Policy.title, { PolicyVersionPage.render(.mock, context: $0) }, typed: ["目的 <script>"]),
        MockPage("reminders", L.Reminders.title, { RemindersPage.render(.mock, context: $0) }, typed: ["https://hooks.example.jp/mamori?<x>"]),
    ] }

    @Test("each page has one h1 in the page's language and no raw typed markup", arguments: [AppLocale.ja, .en])
    func rendersAlone(locale: AppLocale) throws {
        MockPage.expectRendersAlone(Self.pages, locale: locale)
    }

    @Test("the members page shows the owner's actions only to an owner, and marks the viewer's own row")
    func membersByRole() {
        var model = MembersPage.Model.mock
        let remove = SiteURL.memberRemove(organization: model.organizationID, member: model.members[1].id).path
        let owner = MembersPage.render(model, context: .mock())
        #expect(owner.contains(L.Organization.inviteTitle.ja) && owner.contains(remove))
        #expect(owner.contains("山田 &lt;太郎&gt;" + L.Organization.you.ja))
        model.viewerIsOwner = false
        model.viewerID = model.members[1].id
        let member = MembersPage.render(model, context: .mock())
        #expect(!member.contains(L.Organization.inviteTitle.ja) && !member.contains(remove))
        #expect(member.contains("佐藤 花子" + L.Organization.you.ja))
    }
}
