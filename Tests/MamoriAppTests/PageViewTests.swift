import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// Pages rendered alone, from their models' `.mock` values: no database, no request. Each
/// shows its heading in both languages and escapes what people typed.
@Suite("Pages from mock models")
struct PageViewTests {
    static var pages: [(name: String, title: LocalizedText, render: (PageContext) -> String, typed: [String])] { [
        ("members", L.Organization.membersTitle, { MembersPage.render(.mock, context: $0) }, ["山田 <太郎>", "経理の<新人>"]),
        ("API tokens", L.Organization.tokensTitle, { TokensPage.render(.mock, context: $0) }, ["EDR <連携>"]),
        ("SECURITY ACTION", L.Diagnosis.securityActionTitle, { SecurityActionPage.render(.mock, context: $0) }, ["SA-<0001>"]),
        ("password reset link", L.PasswordReset.issueTitle("佐藤 <花子>"), { PasswordResetIssuePage.render(.mock, context: $0) }, ["佐藤 <花子>"]),
        ("policy overview", L.Policy.title, { PolicyOverviewPage.render(.mock, context: $0) }, []),
        ("policy version", L.Policy.title, { PolicyVersionPage.render(.mock, context: $0) }, ["目的 <script>"]),
        ("reminders", L.Reminders.title, { RemindersPage.render(.mock, context: $0) }, ["https://hooks.example.jp/mamori?<x>"]),
    ] }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test("each page has one h1 in the page's language and no raw typed markup", arguments: [AppLocale.ja, .en])
    func rendersAlone(locale: AppLocale) throws {
        for page in Self.pages {
            let html = page.render(.mock(locale: locale))
            #expect(html.contains("<html lang=\"\(locale.rawValue)\""), "\(page.name): the document's language")
            #expect(html.components(separatedBy: "<h1").count - 1 == 1, "\(page.name): one h1")
            #expect(html.contains(Self.escaped(page.title(locale))), "\(page.name): the title in \(locale)")
            for typed in page.typed {
                #expect(!html.contains(typed), "\(page.name): \(typed) appears unescaped")
                #expect(html.contains(Self.escaped(typed)), "\(page.name): \(typed) is missing")
            }
        }
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
