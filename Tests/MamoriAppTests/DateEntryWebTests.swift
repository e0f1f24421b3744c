import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// Issue #12: date fields are text fields in the page's format, read on the server with
/// `DateInput` before the services see them; what cannot be read is refused beside the field,
/// kept as typed, with the format the page asks for.
@Suite("Date fields follow the page language")
struct DateEntryWebTests {
    @Test("SECURITY ACTION: the date field is a text field in the Japanese format; 令和 and slashes are read; unreadable text is refused as typed")
    func declarationDate() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = "/orgs/\(owner.organizationID!.uuidString)/security-action"

            let page = try await browser.get(path).body.string
            let today = DateInput.display(date: CalendarDate.today(), .ja)
            #expect(page.contains(#"type="text" id="field-declaredOn" name="declaredOn" value="\#(today)""#))
            #expect(page.contains(#"inputmode="numeric""#))
            #expect(page.contains(#"autocomplete="off""#))
            #expect(page.contains(L.DateEntry.dateExample.ja))
            #expect(!page.contains(#"type="date""#))

            let refused = try await browser.post("\(path)/declarations", ["stars": "1", "declarationID": "SA-1", "declaredOn": "2025/13/01"])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(#"id="field-declaredOn-error""#))
            #expect(html.contains(L.DateEntry.unreadableDate.ja))
            #expect(!html.contains(L.Common.describe(.invalidDate).ja), "the API's ISO wording is not shown on the page")
            #expect(html.contains(#"name="declaredOn" value="2025/13/01""#), "the typed text is kept")
            #expect(try await SecurityActionDeclaration.query(on: app.db).count() == 0)

            try await browser.get(path)
            let saved = try await browser.post("\(path)/declarations", ["stars": "1", "declarationID": "SA-1", "declaredOn": "令和7年4月1日"])
            #expect(saved.status == .seeOther)
            #expect(try await SecurityActionDeclaration.query(on: app.db).first()?.declaredOn == "2025-04-01")

            // Still refused in the future, whatever the form of the date.
            try await browser.get(path)
            let future = try await browser.post("\(path)/declarations", ["stars": "1", "declarationID": "SA-2", "declaredOn": "2999/01/01"])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("未来の日付は入力できません。"))
        }
    }

    @Test("incidents: date-times typed with slashes or 年月日 are stored as Tokyo time; a duty date in the Japanese form is stored as yyyy-MM-dd")
    func incidentDates() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "owner@example.jp")
            let browser = try await Fixtures.browser(app, as: owner.email)
            let orgPath = "/orgs/\(owner.organizationID!.uuidString)"

            let form = try await browser.get("\(orgPath)/incidents/new?kind=ransomware").body.string
            #expect(form.contains(L.DateEntry.dateTimeExample.ja))
            let unreadable = try await browser.post("\(orgPath)/incidents", ["kind": "ransomware", "title": "暗号化", "detectedAt": "4月1日の朝", "severity": "high"])
            #expect(unreadable.status == .unprocessableEntity)
            #expect(unreadable.body.string.contains(L.DateEntry.unreadableDateTime.ja))
            #expect(unreadable.body.string.contains(#"name="detectedAt" value="4月1日の朝""#))

            try await browser.get("\(orgPath)/incidents/new?kind=ransomware")
            let created = try await browser.post("\(orgPath)/incidents", ["kind": "ransomware", "title": "暗号化", "detectedAt": "2026/04/01 10:00", "severity": "high"])
            #expect(created.status == .seeOther)
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(incident.detectedAt == TokyoDateTime.parse("2026-04-01T10:00"))
            let location = try #require(created.headers.first(name: .location))
            let path = String(location.split(separator: "#").first!)

            // The record's moments, in the 年月日 form; shown back in the page's form.
            try await browser.get(path)
            let saved = try await browser.post("\(path)/record", ["title": "暗号化", "severity": "high", "awareAt": "2026年4月1日 11時30分",
                                                                  "personalDataInvolved": "on", "persons": "1200"])
            #expect(saved.status == .seeOther)
            let page = try await browser.get(path).body.string
            #expect(page.contains(#"name="awareAt" value="2026/04/01 11:30""#))

            let duty = try await browser.post("\(path)/duties/ppc/preliminary_report", ["doneOn": "２０２６年４月３日", "reference": "PPC-1"])
            #expect(duty.status == .seeOther)
            #expect(try await IncidentNotification.query(on: app.db).first()?.doneOn == "2026-04-03")
        }
    }
}
