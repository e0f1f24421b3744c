import Foundation
import ZIPFoundation

/// A Word document (.docx) built from headings and paragraphs: the smallest valid Office Open
/// XML package (content types, relationships, one document part). Text is XML-escaped; line
/// breaks inside a paragraph become Word line breaks. Japanese text uses the document's
/// east-Asian font hint.
struct DocxDocument {
    enum Block {
        case title(String)
        case heading(String)
        case paragraph(String)
    }

    var blocks: [Block] = []

    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add("[Content_Types].xml", Self.contentTypes, to: archive)
        try add("_rels/.rels", Self.relationships, to: archive)
        try add("word/document.xml", document, to: archive)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private func add(_ path: String, _ text: String, to archive: Archive) throws {
        let bytes = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private var document: String {
        let body = blocks.map { block -> String in
            switch block {
            case .title(let text): Self.paragraph(text, size: 32, bold: true)
            case .heading(let text): Self.paragraph(text, size: 26, bold: true)
            case .paragraph(let text): Self.paragraph(text, size: 21, bold: false)
            }
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1304" w:bottom="1440" w:left="1304" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    private static func paragraph(_ text: String, size: Int, bold: Bool) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let runs = lines.enumerated().map { index, line in
            (index > 0 ? "<w:br/>" : "") + "<w:t xml:space=\"preserve\">\(escape(String(line)))</w:t>"
        }.joined()
        let properties = "<w:rPr><w:rFonts w:hint=\"eastAsia\"/>" + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"\(size)\"/></w:rPr>"
        return "<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:r>\(properties)\(runs)</w:r></w:p>"
    }

    /// Escapes XML and drops characters XML 1.0 does not allow (control characters).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """

    private static let relationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """
}
