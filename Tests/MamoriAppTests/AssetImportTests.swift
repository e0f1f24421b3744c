import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Importing the asset register from CSV and XLSX")
struct AssetImportTests {
    static let header = "業務分類,情報資産の名称,個人情報の種類,機密性,完全性,可用性\r\n"

    @Test("UTF-8 with and without BOM, and Shift_JIS as Excel saves it, read the same rows")
    func encodings() throws {
        let text = Self.header + "営業,顧客名簿,個人情報,3,2,2\r\n経理,会計データ,なし,2,3,2\r\n"
        let utf8 = Data(text.utf8)
        let bom = Data([0xEF, 0xBB, 0xBF]) + utf8
        let shiftJIS = try #require(text.data(using: .shiftJIS))
        #expect(shiftJIS != utf8)
        for data in [utf8, bom, shiftJIS] {
            let result = try AssetImport.read(data, format: .csv)
            #expect(result.problems.isEmpty)
            #expect(result.inputs.map(\.name) == ["顧客名簿", "会計データ"])
            #expect(result.inputs[0].personalData == .personal && result.inputs[0].importance == 3)
        }
    }

    @Test("every bad row is named with its reason; English headings and a formula-looking cell are read as text")
    func badRows() throws {
        let text = "name,confidentiality,integrity,availability,personalData\n"
            + "=HYPERLINK(\"http://x\"),1,1,1,none\n"   // a formula-looking name stays text
            + ",2,2,2,none\n"                           // row 3: no name
            + "Backup disk,4,2,2,none\n"                // row 4: confidentiality out of range
            + "Payroll,2,2,2,secret\n"                  // row 5: unknown personal-data kind
        let result = try AssetImport.read(Data(text.utf8), format: .csv)
        #expect(result.rowCount == 4)
        #expect(result.inputs.first?.name == "=HYPERLINK(\"http://x\")")
        #expect(result.problems.map(\.row) == [3, 4, 5])
        #expect(result.problems.map(\.field) == ["name", "confidentiality", "personalData"])
    }

    @Test("an empty, headerless, column-less or garbage file gets a clear refusal", arguments: [
        (Data(), AssetImport.Failure.empty),
        (Data("名前だけ\n顧客名簿\n".utf8), .missingColumn("name")),
        (Data("name,confidentiality,integrity\nA,1,1\n".utf8), .missingColumn("availability")),
        (Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]), .unreadable),
    ])
    func refusals(_ data: Data, _ failure: AssetImport.Failure) {
        #expect(throws: failure) { try AssetImport.read(data, format: AssetImport.format(filename: "x", data: data)) }
    }

    @Test("an XLSX written by the export reads back (shared and inline strings, columns by reference)")
    func xlsxRoundTrip() throws {
        let rows = [AssetTable.header(.ja), ["営業", "顧客名簿", "", "", "", "", "個人情報", "3", "1", "2", "3", "5年", "2026-04-01"]]
        let data = try XLSXWorkbook(sheetName: "台帳", rows: rows).data()
        #expect(AssetImport.format(filename: "register.xlsx", data: data) == .xlsx)
        let result = try AssetImport.read(data, format: .xlsx)
        #expect(result.problems.isEmpty)
        #expect(result.inputs.first?.name == "顧客名簿" && result.inputs.first?.registeredOn == "2026-04-01")
        #expect(XLSXWorkbook.columnName(0) == "A" && XLSXWorkbook.columnName(25) == "Z" && XLSXWorkbook.columnName(26) == "AA")
        #expect(AssetImport.column(of: "AB12") == 27)
    }

    @Test("the browser flow: a bad file saves nothing; a good one shows a preview and is saved once on confirm")
    func flow() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, email: "import@example.jp")
            let orgID = try #require(owner.organizationID)
            let browser = try await Fixtures.browser(app, as: owner.email)
            let path = "/orgs/\(orgID.uuidString)/asset-import"
            try await browser.get(path)
            let bad = try await browser.upload(path, filename: "bad.csv", contentType: "text/csv",
                                               data: Array((Self.header + "営業,顧客名簿,個人情報,3,2,2\r\n営業,,なし,9,2,2\r\n").utf8))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#"data-problems="2""#))
            #expect(try await InformationAsset.query(on: app.db).count() == 0)

            var text = Self.header
            for index in 1...300 { text += "営業,資産\(index),なし,\(index % 3 + 1),2,1\r\n" }
            let good = try await browser.upload(path, filename: "register.csv", contentType: "text/csv", data: Array(text.utf8))
            #expect(good.status == .ok)
            #expect(try await InformationAsset.query(on: app.db).count() == 0)
            let upload = try #require(try await AssetImportRecord.query(on: app.db).filter(\.$confirmedAt == nil).sort(\.$createdAt, .descending).first())
            let confirm = try await browser.post("\(path)/\(upload.id!.uuidString)", [:])
            #expect(confirm.status == .seeOther)
            #expect(try await InformationAsset.query(on: app.db).count() == 300)
            // A double submit saves nothing more.
            _ = try await browser.post("\(path)/\(upload.id!.uuidString)", [:])
            #expect(try await InformationAsset.query(on: app.db).count() == 300)

            // Another organization cannot confirm or see it.
            _ = try await Fixtures.signUp(app, name: "他社", email: "import-other@example.jp")
            let other = try await Fixtures.browser(app, as: "import-other@example.jp")
            #expect(try await other.post("\(path)/\(upload.id!.uuidString)", [:]).status == .notFound)
            #expect(try await other.get(path).status == .notFound)
        }
    }
}
