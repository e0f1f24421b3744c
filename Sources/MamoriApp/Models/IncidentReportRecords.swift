import Fluent
import Foundation
import MamoriCore

/// One saved version of an incident report (management, PPC, IPA, notice). Versions are never
/// changed: saving again makes the next number, and submitting only sets `submitted_at` (once,
/// with a conditional update), after which the version is frozen as what was sent.
///
/// `sha256` is written when the version is saved, not when it is submitted: the content and
/// the number never change after saving, so the hash is known at once, the history can show it
/// for every version, and submitting compares the stored value with a fresh computation before
/// it writes the hash into the timeline.
final class IncidentReportVersion: Model, @unchecked Sendable {
    static let schema = "incident_report_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Parent(key: "incident_id") var incident: Incident
    /// `IncidentReport.rawValue`: management, ppc, ipa, notice.
    @Field(key: "kind") var kind: String
    /// 1, 2, 3… per incident and kind.
    @Field(key: "number") var number: Int
    /// JSON array of `{heading, text}` in order.
    @Field(key: "sections") var sectionsJSON: String
    /// The language the version was written in (`ja` or `en`).
    @Field(key: "locale") var locale: String
    @Field(key: "author_id") var authorID: UUID
    @Field(key: "author_name") var authorName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by_id") var submittedByID: UUID?
    @OptionalField(key: "submitted_by_name") var submittedByName: String?
    /// Hex SHA-256 of `ReportVersionRules.canonical(kind:number:sections:)`.
    @Field(key: "sha256") var sha256: String

    init() {}

    var report: IncidentReport? { IncidentReport(rawValue: kind) }
    var appLocale: AppLocale { AppLocale(rawValue: locale) ?? .ja }
    var isSubmitted: Bool { submittedAt != nil }

    var sections: [ReportSection] {
        get { (try? JSONDecoder().decode([ReportSection].self, from: Data(sectionsJSON.utf8))) ?? [] }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            sectionsJSON = String(decoding: (try? encoder.encode(newValue)) ?? Data("[]".utf8), as: UTF8.self)
        }
    }

    /// The hash recomputed from the stored content (equal to `sha256` unless the row was altered).
    var computedSHA256: String {
        ReportVersionRules.sha256(kind: kind, number: number, sections: sections)
    }
}
