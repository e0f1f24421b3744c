import Foundation
import Testing
@testable import MamoriCore

@Suite("Report versions: limits and the canonical hash")
struct ReportVersionRulesTests {
    /// (kind, number, sections, expected SHA-256), the expected values computed independently
    /// from the documented encoding (length-prefixed UTF-8 fields).
    @Test("the canonical content and its SHA-256 are fixed by kind, number and sections in order", arguments: [
        ("ppc", 2, [ReportSection(heading: "① 概要", text: "本文")], "7ce67ba2f92f8a185eb2b4da49b9664b071a843e4c8c5fb63ae03edf1c73be02"),
        ("management", 1, [ReportSection(heading: "1. Status", text: "A"), ReportSection(heading: "2. Overview", text: "")],
         "8214c20cfaac9d7dd35c3b3d6258e3597620b769086010e4f5770533d76453df"),
        ("notice", 1, [ReportSection(heading: "a:b", text: "c")], "2eae9cdc213b199d9cfb4f377a5e547cf750baa6b8ceede5b2f0ae5f9c06d587"),
        ("notice", 1, [ReportSection(heading: "a", text: "b:c")], "cdb9c46f0bd300d9f75550b9dd9fe7e9c06e91befb4a737c9a89b0a12284070e"),
    ])
    func hashes(kind: String, number: Int, sections: [ReportSection], expected: String) {
        #expect(ReportVersionRules.sha256(kind: kind, number: number, sections: sections) == expected)
    }

    @Test("the encoding is length-prefixed, so a colon inside a text cannot move a boundary")
    func canonicalBytes() {
        let data = ReportVersionRules.canonical(kind: "ppc", number: 2, sections: [ReportSection(heading: "① 概要", text: "本文")])
        #expect(data == Data("16:mamori-report-v13:ppc1:21:110:① 概要6:本文".utf8))
        let a = ReportVersionRules.sha256(kind: "notice", number: 1, sections: [ReportSection(heading: "a:b", text: "c")])
        let b = ReportVersionRules.sha256(kind: "notice", number: 1, sections: [ReportSection(heading: "a", text: "b:c")])
        #expect(a != b)
    }

    @Test("the number, the kind and the order of the sections all change the hash")
    func everythingCounts() {
        let one = ReportSection(heading: "1", text: "x"), two = ReportSection(heading: "2", text: "y")
        let base = ReportVersionRules.sha256(kind: "ppc", number: 1, sections: [one, two])
        #expect(base != ReportVersionRules.sha256(kind: "ppc", number: 2, sections: [one, two]))
        #expect(base != ReportVersionRules.sha256(kind: "ipa", number: 1, sections: [one, two]))
        #expect(base != ReportVersionRules.sha256(kind: "ppc", number: 1, sections: [two, one]))
        #expect(base == ReportVersionRules.sha256(kind: "ppc", number: 1, sections: [one, two]))
    }

    /// (sections as (heading, text), the refused fields in order)
    static let validationCases: [([(String, String)], [String])] = [
        ([("見出し", "本文")], []),
        ([("見出し", "本文"), ("空欄", "")], []),
        ([("見出し", ""), ("空欄", "  \n")], ["sections.1.text"]),
        ([("", "本文")], ["sections.1.heading"]),
        ([("見出し", "本文"), ("長すぎる", String(repeating: "あ", count: 20_001))], ["sections.2.text"]),
        ([(String(repeating: "h", count: 201), "本文")], ["sections.1.heading"]),
        ([], ["sections"]),
    ]

    @Test("validation: headings required, texts within the limit, not all empty", arguments: validationCases)
    func validation(raw: [(String, String)], refused: [String]) {
        let result = ReportVersionRules.validate(raw.map { ReportSection(heading: $0.0, text: $0.1) })
        switch result {
        case .success: #expect(refused.isEmpty)
        case .failure(let problems): #expect(problems.entries.map(\.field) == refused)
        }
    }

    @Test("more than 30 sections are refused; line endings become \\n and the ends are trimmed")
    func countAndNormalization() {
        let many = (0...ReportVersionRules.maximumSections).map { ReportSection(heading: "h\($0)", text: "t") }
        guard case .failure(let problems) = ReportVersionRules.validate(many) else { Issue.record("31 sections were accepted"); return }
        #expect(problems["sections"] == .outOfRange(minimum: 1, maximum: 30))
        let cleaned = try? ReportVersionRules.validate([ReportSection(heading: " 見出し ", text: "\r\n一行目\r\n二行目\r\n\r\n")]).get()
        #expect(cleaned == [ReportSection(heading: "見出し", text: "一行目\n二行目")])
    }
}
