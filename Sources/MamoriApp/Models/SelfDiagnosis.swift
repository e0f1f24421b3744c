import Fluent
import Foundation
import MamoriCore

/// One saved five-minute self-diagnosis of one site. The score is stored with the answers so
/// that history and trend lists need no decoding.
final class SelfDiagnosis: Model, @unchecked Sendable {
    static let schema = "self_diagnoses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "respondent_name") var respondentName: String
    @OptionalField(key: "respondent_id") var respondentID: UUID?
    /// The site or department the answers describe ("本社", "工場"…).
    @Field(key: "site_label") var siteLabel: String
    /// Calendar date in Asia/Tokyo, `yyyy-MM-dd`.
    @Field(key: "diagnosed_on") var diagnosedOn: String
    /// The 25 answers as JSON, `{"1": "implemented", …}`.
    @Field(key: "answers") var answersJSON: String
    @Field(key: "total") var total: Int
    @Field(key: "band") var band: String
    @Field(key: "basic_score") var basicScore: Int
    @Field(key: "employees_score") var employeesScore: Int
    @Field(key: "organization_score") var organizationScore: Int
    @Field(key: "created_by_id") var createdByID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organizationID: UUID, respondentName: String, respondentID: UUID?, siteLabel: String, diagnosedOn: String,
         result: DiagnosisResult, createdByID: UUID) {
        self.$organization.id = organizationID
        self.respondentName = respondentName
        self.respondentID = respondentID
        self.siteLabel = siteLabel
        self.diagnosedOn = diagnosedOn
        self.answersJSON = String(decoding: (try? JSONEncoder.sorted.encode(result.answers.dictionary)) ?? Data(), as: UTF8.self)
        self.total = result.total
        self.band = result.band.rawValue
        self.basicScore = result.score(of: .basic).score
        self.employeesScore = result.score(of: .employees).score
        self.organizationScore = result.score(of: .organization).score
        self.createdByID = createdByID
    }

    /// The stored answers; nil only if the row was damaged outside Mamori.
    var answers: DiagnosisAnswers? {
        guard let raw = try? JSONDecoder().decode([String: String].self, from: Data(answersJSON.utf8)) else { return nil }
        return try? DiagnosisAnswers.parse(raw).get()
    }
}

extension JSONEncoder {
    static let sorted: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
