import Foundation
import ZIPFoundation

/// A Word document (.docx) built from headings and paragraphs: a small valid Office Open XML
/// package (content types, relationships, the document part and a styles part). Titles and
/// headings use Word's own Title and Heading 1 styles (with outline levels), so the document
/// has a navigable outline. Text is XML-escaped; line breaks inside a paragraph become Word line
/// breaks. The language of the text (`ja`/`en`) sets the east-Asian language and fonts.
struct DocxDocument {
    enum Block {
        case title(String)
        case heading(String)
        case paragraph(String)
    }

    var blocks: [Block] = []
    var language = "ja-JP"

    init(blocks: [Block] = [], language: String = "ja-JP") {
        self.blocks = blocks
        self.language = language
    }

    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add("[Content_Types].xml", Self.contentTypes, to: archive)
        try add("_rels/.rels", Self.relationships, to: archive)
        try add("word/_rels/document.xml.rels", Self.documentRelationships, to: archive)
        try add("word/styles.xml", styles, to: archive)
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
            case .title(let text): Self.paragraph(text, style: "Title")
            case .heading(let text): Self.paragraph(text, style: "Heading1")
            case .paragraph(let text): Self.paragraph(text, style: nil)
            }
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1304" w:bottom="1440" w:left="1304" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    private static func paragraph(_ text: String, style: String?) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let runs = lines.enumerated().map { index, line in
            (index > 0 ? "<w:br/>" : "") + "<w:t xml:space=\"preserve\">\(escape(String(line)))</w:t>"
        }.joined()
        let paragraphProperties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(paragraphProperties)<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr>\(runs)</w:r></w:p>"
    }

    /// Normal, Title and Heading 1 (outline level 1, so Word's navigation pane lists it).
    private var styles: String {
        let east = language.hasPrefix("ja") ? "ＭＳ 明朝" : "Calibri"
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Century" w:hAnsi="Century" w:eastAsia="\(east)" w:cs="Times New Roman"/>\
        <w:sz w:val="21"/><w:lang w:val="\(language)" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>\
        </w:styles>
        """
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
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
    """

    private static let relationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    private static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """

    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}
