import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// The incident, report, self-diagnosis, audit, invitation and password-reset pages rendered
/// alone from their models' `.mock` values: no database, no request.
@Suite("Incident, diagnosis and account pages from mock models")
struct IncidentDiagnosisPageViewTests {
    /// A title typed by someone, the same in both languages.
    static func typed(_ text: String) -> LocalizedText { LocalizedText(ja: text, en: text) }

    /// The result's title: the site and the date (on paper, with the era and the Western year).
    static func detailTitle(printed: Bool) -> LocalizedText {
        let diagnosis = DiagnosisDetailPage.Model.mock.diagnosis
        func title(_ locale: AppLocale) -> String {
            let date = printed ? DateText.officialCalendarDate(diagnosis.diagnosedOn, locale) : DateText.calendarDate(diagnosis.diagnosedOn, locale)
            return "\(L.Diagnosis.resultTitle(locale)) — \(diagnosis.siteLabel) \(date)"
        }
        return LocalizedText(ja: title(.ja), en: title(.en))
    }

    static var pages: [MockPage] { [
        MockPage("incidents", L.Incident.incidentsTitle, { IncidentListPage.render(.mock, context: $0) }, typed: ["サーバーが<暗号化>された"]),
        MockPage("new incident", L.Incident.newIncident, {
            NewIncidentPage.render(organizationID: SiteURL.anyID, form: FormState(values: ["kind": "ransomware", "title": "件名<仮>"]), context: $0)
        }, typed: ["件名<仮>"]),
        MockPage("incident", typed(IncidentPage.Model.mock.incident.title), { IncidentPage.render(.mock, context: $0) },
                 typed: ["サーバーが<暗号化>された", "共有フォルダが開けない <全社>", "LANケーブルを<抜いた>", "佐藤 <花子>", "バックアップは<無事>",
                         "ransom-note<1>.txt", "山田 <太郎>"]),
        MockPage("incident report", IncidentReport.management.title, { ReportPage.render(.mock, context: $0) },
                 typed: ["サーバーが<暗号化>された", "共有フォルダが<開けない>"]),
        MockPage("diagnosis history", L.Diagnosis.historyTitle, { DiagnosisHistoryPage.render(.mock, context: $0) }, typed: ["本社<東京>", "山田 <太郎>"]),
        MockPage("diagnosis", detailTitle(printed: false), { DiagnosisDetailPage.render(.mock, context: $0, printable: false) }, typed: ["本社<東京>", "山田 <太郎>"]),
        MockPage("diagnosis printed", detailTitle(printed: true), { DiagnosisDetailPage.render(.mock, context: $0, printable: true) }, typed: ["本社<東京>"]),
        MockPage("diagnosis comparison", L.Diagnosis.compareTitle, { DiagnosisComparePage.render(.mock, context: $0) }, typed: ["本社<東京>"]),
        MockPage("diagnosis combined", L.Diagnosis.combinedTitle, { DiagnosisCombinedPage.render(.mock, context: $0) }, typed: ["本社<東京>"]),
        MockPage("diagnosis form", L.Diagnosis.diagnosisTitle, { DiagnosisFormPage.render(answers: [:], missing: [3], context: $0) }),
        MockPage("diagnosis result", L.Diagnosis.resultTitle, {
            DiagnosisResultPage.render(result: DiagnosisResult(DiagnosisRow.mockAnswers(0)), saveForm: nil, context: $0, printable: false)
        }),
        MockPage("audit log", L.Organization.auditTitle, { AuditPage.render(.mock, context: $0) }, typed: ["山田 <太郎>", "経理の<新人>"]),
        MockPage("invitation", L.Organization.acceptTitle("株式会社<テスト>"), { AcceptInvitationPage.render(.mock, context: $0) },
                 typed: ["株式会社<テスト>", "佐藤 <花子>"]),
        MockPage("password reset form", L.PasswordReset.formTitle, { PasswordResetFormPage.render(.mock, context: $0) }, typed: ["<hanako>@example.jp"]),
        MockPage("office accounts", L.PasswordReset.officeAccountsTitle, { OfficeAccountsPage.render(.mock, context: $0) },
                 typed: ["山田 <太郎>", "株式会社<テスト>", "<山田>"]),
    ] }

    @Test("each page has one h1 in the page's language and no raw typed markup", arguments: [AppLocale.ja, .en])
    func rendersAlone(locale: AppLocale) {
        MockPage.expectRendersAlone(Self.pages, locale: locale)
    }

    @Test("an open incident takes notes, evidence and closing; a closed one shows its cause and measures instead")
    func closedIncident() {
        var model = IncidentPage.Model.mock
        let incident = model.incident
        // The forms' own addresses (the verify link and the evidence files share their beginnings).
        func action(_ url: SiteURL) -> String { "action=\"\(url.path)\"" }
        let note = action(.incidentTimeline(organization: incident.organizationID, incident: incident.id))
        let upload = action(.incidentEvidence(organization: incident.organizationID, incident: incident.id))
        let close = action(.incidentClose(organization: incident.organizationID, incident: incident.id))
        let open = IncidentPage.render(model, context: .mock())
        #expect(open.contains(note) && open.contains(upload) && open.contains(close))
        #expect(open.contains(L.Incident.incidentChainVerified(model.timeline.count).ja))

        model.incident.status = .closed
        model.incident.causeSummary = "VPN機器の<脆弱性>"
        model.measures = ["機器を<更新>する"]
        let closed = IncidentPage.render(model, context: .mock(locale: .en))
        #expect(!closed.contains(note) && !closed.contains(upload) && !closed.contains(close))
        #expect(closed.contains(L.Incident.incidentIsClosed.en))
        #expect(closed.contains("VPN機器の&lt;脆弱性&gt;") && closed.contains("機器を&lt;更新&gt;する"))
    }

    @Test("a timeline entry changed after it was chained is reported as the first break")
    func brokenChain() {
        var model = IncidentPage.Model.mock
        #expect(model.chainBreak == nil)
        model.timeline[1].text += "（改ざん）"
        #expect(model.chainBreak == 2)
        #expect(IncidentPage.render(model, context: .mock()).contains(L.Incident.chainBroken(2).ja))
    }

    @Test("the office's audit log hides what an organization's incident entries say; the organization's own log shows it")
    func officeAuditHidesIncidents() {
        var model = AuditPage.Model.mock
        let incident = MockPage.escaped(model.entries.items[0].summary.ja)
        let organization = AuditPage.render(model, context: .mock())
        #expect(organization.contains(incident) && !organization.contains(L.Organization.auditPrivateToOrganization.ja))
        model.isOffice = true
        let office = AuditPage.render(model, context: .mock())
        #expect(!office.contains(incident) && office.contains(L.Organization.auditPrivateToOrganization.ja))
        #expect(office.contains("経理の&lt;新人&gt;"))
        #expect(AuditPage.render(model, context: .mock(locale: .en)).contains(L.Organization.auditPrivateToOrganization.en))
    }

    @Test("an expert's invitation is the office's, not an organization's")
    func expertInvitation() {
        var model = AcceptInvitationPage.Model.mock
        model.role = .expert
        let html = AcceptInvitationPage.render(model, context: .mock())
        #expect(html.contains(L.Organization.acceptExpertTitle.ja) && html.contains(L.Organization.acceptExpertLead.ja))
        #expect(!html.contains(MockPage.escaped(model.organizationName ?? "")))
    }
}
