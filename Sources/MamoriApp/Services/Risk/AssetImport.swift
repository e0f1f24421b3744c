import CSV
import Foundation
import MamoriCore
import XMLCoder
import ZIPFoundation

/// Reads an asset register from a spreadsheet: CSV (UTF-8 with or without BOM, or Shift_JIS /
/// CP932 as Excel saves it in Japan) or XLSX (the first worksheet). The first row names the
/// columns, in Japanese or English or as the API's field names; every data row is checked
/// with the same rules as the form. Nothing is stored here: the caller saves all rows in one
/// transaction only when no row has a problem.
enum AssetImport {
    static let maximumBytes = 50 * 1024 * 1024
    static let maximumRows = 20_000

    enum Failure: Error, Equatable {
        case empty
        case tooLarge
        case unreadable
        case noHeader
        case missingColumn(String)
        case tooManyRows
    }

    struct RowProblem: Sendable, Equatable {
        let row: Int
        let field: String
        let problem: FieldProblem
    }

    struct Result: Sendable {
        var inputs: [AssetService.Input]
        var problems: [RowProblem]
        var rowCount: Int
        /// The first rows as read, for the preview.
        var sample: [[String]]
        var header: [String]
    }

    enum Format: String, Sendable { case csv, xlsx }

    static func format(filename: String, data: Data) -> Format {
        // An XLSX file is a ZIP package: "PK\u{3}\u{4}".
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || filename.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv
    }

    static func read(_ data: Data, format: Format) throws(Failure) -> Result {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= maximumBytes else { throw .tooLarge }
        let rows: [[String]] = switch format {
        case .csv: try csvRows(data)
        case .xlsx: try xlsxRows(data)
        }
        return try check(rows)
    }

    // MARK: Columns

    /// Field → the header names that mean it (API name, Japanese and English labels).
    static let columns: [(field: String, names: [String])] = [
        ("business", ["business", L.Risk.business.ja, L.Risk.business.en, "業務", "部署・業務"]),
        ("name", ["name", L.Risk.name.ja, L.Risk.name.en, "資産名", "名称"]),
        ("notes", ["notes", L.Risk.notes.ja, L.Risk.notes.en]),
        ("usersAllowed", ["usersAllowed", L.Risk.usersAllowed.ja, L.Risk.usersAllowed.en, "利用者範囲"]),
        ("ownerDepartment", ["ownerDepartment", L.Risk.ownerDepartment.ja, L.Risk.ownerDepartment.en]),
        ("medium", ["medium", L.Risk.medium.ja, L.Risk.medium.en, "媒体", "保存先"]),
        ("personalData", ["personalData", L.Risk.personalData.ja, L.Risk.personalData.en, "個人情報"]),
        ("confidentiality", ["confidentiality", L.Risk.confidentiality.ja, L.Risk.confidentiality.en, "C"]),
        ("integrity", ["integrity", L.Risk.integrity.ja, L.Risk.integrity.en, "I"]),
        ("availability", ["availability", L.Risk.availability.ja, L.Risk.availability.en, "A"]),
        ("importance", ["importance", L.Risk.importance.ja, L.Risk.importance.en]),
        ("retention", ["retention", L.Risk.retention.ja, L.Risk.retention.en, "保存期間"]),
        ("registeredOn", ["registeredOn", L.Risk.registeredOn.ja, L.Risk.registeredOn.en]),
    ]

    static func normalize(_ header: String) -> String {
        header.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The personal-data column accepts the key or the label in either language.
    static func personalDataKey(_ raw: String) -> String {
        let text = normalize(raw)
        if text.isEmpty { return "" }
        for kind in PersonalDataKind.allCases {
            let label = L.Risk.personalDataKind(kind)
            if [kind.rawValue, normalize(label.ja), normalize(label.en)].contains(text) { return kind.rawValue }
        }
        return raw
    }

    static func check(_ rows: [[String]]) throws(Failure) -> Result {
        let nonEmpty = rows.filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = nonEmpty.first else { throw .noHeader }
        guard nonEmpty.count - 1 <= maximumRows else { throw .tooManyRows }
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            let key = normalize(name)
            if let column = columns.first(where: { $0.names.map(normalize).contains(key) }), index[column.field] == nil { index[column.field] = position }
        }
        for required in ["name", "confidentiality", "integrity", "availability"] where index[required] == nil { throw .missingColumn(required) }
        var inputs: [AssetService.Input] = []
        var problems: [RowProblem] = []
        let today = CalendarDate.today()
        for (offset, row) in nonEmpty.dropFirst().enumerated() {
            func value(_ field: String) -> String? { index[field].flatMap { $0 < row.count ? row[$0] : nil } }
            let raw = AssetService.Input.Raw(business: value("business"), name: value("name"), notes: value("notes"), usersAllowed: value("usersAllowed"),
                                             ownerDepartment: value("ownerDepartment"), medium: value("medium"),
                                             personalData: value("personalData").map(personalDataKey), confidentiality: .integer(value("confidentiality")),
                                             integrity: .integer(value("integrity")), availability: .integer(value("availability")), retention: value("retention"),
                                             registeredOn: value("registeredOn"))
            switch AssetService.Input.parse(raw, today: today) {
            case .success(let input): inputs.append(input)
            case .failure(let found):
                // Row numbers as the spreadsheet shows them: the header is row 1.
                problems += found.entries.map { RowProblem(row: offset + 2, field: $0.field, problem: $0.problem) }
            }
        }
        return Result(inputs: inputs, problems: problems, rowCount: nonEmpty.count - 1, sample: Array(nonEmpty.dropFirst().prefix(20)), header: header)
    }

    // MARK: CSV

    static func text(_ data: Data) throws(Failure) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        // Excel in Japan saves CSV as Shift_JIS (Windows code page 932).
        if let text = String(data: bytes, encoding: .shiftJIS) { return text }
        throw .unreadable
    }

    static func csvRows(_ data: Data) throws(Failure) -> [[String]] {
        let string = try text(data)
        do {
            let reader = try CSVReader(string: string, hasHeaderRow: false, trimFields: false)
            var rows: [[String]] = []
            while let row = reader.next() {
                rows.append(row)
                if rows.count > maximumRows + 1 { throw Failure.tooManyRows }
            }
            if let error = reader.error { throw error }
            return rows
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadable
        }
    }

    // MARK: XLSX

    private struct SharedStrings: Decodable {
        struct Item: Decodable {
            struct Run: Decodable { let t: String? }
            let t: String?
            let r: [Run]?
            var text: String { t ?? (r ?? []).compactMap(\.t).joined() }
        }
        let si: [Item]?
    }

    private struct Worksheet: Decodable {
        struct SheetData: Decodable { let row: [Row]? }
        struct Row: Decodable { let c: [Cell]? }
        struct Cell: Decodable {
            struct Inline: Decodable { let t: String? }
            let r: String?
            let t: String?
            let v: String?
            let `is`: Inline?
        }
        let sheetData: SheetData
    }

    /// The column index of a cell reference ("C12" → 2).
    static func column(of reference: String) -> Int? {
        let letters = reference.prefix { $0.isLetter }.uppercased()
        guard !letters.isEmpty else { return nil }
        return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    static func xlsxRows(_ data: Data) throws(Failure) -> [[String]] {
        do {
            let archive = try Archive(data: data, accessMode: .read)
            func part(_ path: String) throws -> Data? {
                guard let entry = archive[path] else { return nil }
                // A worksheet that inflates beyond any real register is refused (a "zip bomb").
                guard entry.uncompressedSize <= Int64(maximumBytes) * 4 else { throw Failure.tooLarge }
                var bytes = Data()
                _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
                return bytes
            }
            let decoder = XMLDecoder()
            decoder.shouldProcessNamespaces = true
            let strings = try part("xl/sharedStrings.xml").map { try decoder.decode(SharedStrings.self, from: $0).si?.map(\.text) ?? [] } ?? []
            guard let sheet = try part("xl/worksheets/sheet1.xml") else { throw Failure.unreadable }
            let worksheet = try decoder.decode(Worksheet.self, from: sheet)
            var rows: [[String]] = []
            for row in worksheet.sheetData.row ?? [] {
                var cells: [String] = []
                for (position, cell) in (row.c ?? []).enumerated() {
                    let index = cell.r.flatMap(column(of:)) ?? position
                    guard index < 200 else { continue }
                    while cells.count < index { cells.append("") }
                    let value: String = switch cell.t {
                    case "s": cell.v.flatMap(Int.init).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
                    case "inlineStr": cell.is?.t ?? ""
                    default: cell.v ?? ""
                    }
                    if cells.count == index { cells.append(value) } else { cells[index] = value }
                }
                rows.append(cells)
                if rows.count > maximumRows + 1 { throw Failure.tooManyRows }
            }
            return rows
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadable
        }
    }
}

/// A minimal XLSX workbook with one sheet of inline strings: the register's export and the
/// import template.
struct XLSXWorkbook {
    var sheetName: String
    var rows: [[String]]

    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """)
        try add("_rels/.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """)
        try add("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(DocxDocument.escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """)
        try add("xl/_rels/workbook.xml.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """)
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (rowIndex, row) in rows.enumerated() {
            sheet += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, value) in row.enumerated() {
                // Every cell is text: a value that looks like a formula stays text in Excel.
                sheet += "<c r=\"\(Self.columnName(columnIndex))\(rowIndex + 1)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(DocxDocument.escape(value))</t></is></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        try add("xl/worksheets/sheet1.xml", sheet)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(65 + remainder)!) + name
            index = (index - 1) / 26
        }
        return name
    }

    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
}
