import Crypto
import Foundation

/// One section of a saved incident report: the heading as printed and the text people wrote.
public struct ReportSection: Codable, Sendable, Hashable {
    public var heading: String
    public var text: String

    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// The rules of saved report versions (issue #12, "Nothing written is lost"): what a version may
/// hold, and the canonical content whose SHA-256 proves later what was submitted.
public enum ReportVersionRules {
    public static let maximumSections = 30
    public static let maximumHeading = 200
    /// Per section, in characters: the same limit the report form has always had, so a draft
    /// generated from a long timeline still fits.
    public static let maximumText = 20_000

    /// The tag that starts the canonical content; a later format would get a new tag.
    public static let formatTag = "mamori-report-v1"

    /// Checks sections as typed: at least one and at most `maximumSections`; each with a
    /// heading within `maximumHeading` and a text within `maximumText`; and not all of them
    /// empty (a version with nothing written is refused on the first section's text). A single
    /// empty section is allowed: drafts keep blanks on purpose (costs, contacts) and saving
    /// half-written work is the point. Line endings become "\n" and the ends are trimmed.
    /// Field names are `sections.N.heading` / `sections.N.text`, N from 1.
    public static func validate(_ sections: [ReportSection]) -> Result<[ReportSection], FieldProblems> {
        var problems = FieldProblems()
        if sections.isEmpty { problems.add("sections", .required) }
        if sections.count > maximumSections { problems.add("sections", .outOfRange(minimum: 1, maximum: Int64(maximumSections))) }
        var cleaned: [ReportSection] = []
        for (index, section) in sections.enumerated() {
            let heading = normalized(section.heading)
            let text = normalized(section.text)
            let prefix = "sections.\(index + 1)."
            if heading.isEmpty { problems.add(prefix + "heading", .required) }
            else if heading.count > maximumHeading { problems.add(prefix + "heading", .tooLong(maximum: maximumHeading)) }
            if text.count > maximumText { problems.add(prefix + "text", .tooLong(maximum: maximumText)) }
            cleaned.append(ReportSection(heading: heading, text: text))
        }
        if !cleaned.isEmpty && cleaned.allSatisfy({ $0.text.isEmpty }) { problems.add("sections.1.text", .required) }
        return problems.isEmpty ? .success(cleaned) : .failure(problems)
    }

    /// The bytes the hash covers: the format tag, the report kind, the version number, the
    /// number of sections, then each section's heading and text in order. Every field is
    /// written as `<UTF-8 byte count>:<UTF-8 bytes>`, so no text can imitate a boundary and
    /// anyone can recompute it from the version's JSON.
    public static func canonical(kind: String, number: Int, sections: [ReportSection]) -> Data {
        var fields = [formatTag, kind, String(number), String(sections.count)]
        for section in sections {
            fields.append(section.heading)
            fields.append(section.text)
        }
        return HashChain.lengthPrefixed(fields)
    }

    /// The lowercase hex SHA-256 of the canonical content.
    public static func sha256(kind: String, number: Int, sections: [ReportSection]) -> String {
        Hex.encode(SHA256.hash(data: canonical(kind: kind, number: number, sections: sections)))
    }

    private static func normalized(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
