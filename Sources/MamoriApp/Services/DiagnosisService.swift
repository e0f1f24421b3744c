import Fluent
import Foundation
import MamoriCore
import Vapor

/// Saving and reading self-diagnoses of an organization. Every method takes the organization
/// already resolved by `TenantScope`, so nothing here can reach another organization's rows.
struct DiagnosisService {
    let db: any Database

    static let maximumLabelLength = 100

    struct SaveInput {
        var respondentName: String?
        var siteLabel: String?
        var diagnosedOn: String?
    }

    /// Checks who answered, the site and the date; returns clean values or every problem.
    static func validate(_ input: SaveInput, today: String = CalendarDate.today()) -> Result<(respondent: String, site: String, date: String), FieldProblems> {
        var problems = FieldProblems()
        let respondent = clean(input.respondentName)
        if respondent.isEmpty { problems.add("respondentName", .required) }
        else if respondent.count > maximumLabelLength { problems.add("respondentName", .tooLong(maximum: maximumLabelLength)) }
        let site = clean(input.siteLabel)
        if site.isEmpty { problems.add("siteLabel", .required) }
        else if site.count > maximumLabelLength { problems.add("siteLabel", .tooLong(maximum: maximumLabelLength)) }
        let date = clean(input.diagnosedOn)
        if date.isEmpty { problems.add("diagnosedOn", .required) }
        else if !CalendarDate.isValid(date) { problems.add("diagnosedOn", .invalidDate) }
        else if date > today { problems.add("diagnosedOn", .inFuture) }
        guard problems.isEmpty else { return .failure(problems) }
        return .success((respondent, site, date))
    }

    private static func clean(_ value: String?) -> String {
        (value ?? "").precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func save(_ answers: DiagnosisAnswers, input: SaveInput, in organization: Organization, by actor: Principal, ip: String?) async throws -> SelfDiagnosis {
        let checked: (respondent: String, site: String, date: String)
        switch Self.validate(input) {
        case .success(let value): checked = value
        case .failure(let problems): throw Refusal.invalid(problems)
        }
        let result = DiagnosisResult(answers)
        let diagnosis = SelfDiagnosis(organizationID: try organization.requireID(), respondentName: checked.respondent,
                                      respondentID: actor.userID, siteLabel: checked.site, diagnosedOn: checked.date,
                                      result: result, createdByID: actor.userID)
        try await diagnosis.create(on: db)
        try await AuditLog.record(.diagnosisSaved, by: .principal(actor, ip: ip), organizationID: organization.id,
                                  target: ("self_diagnosis", diagnosis.id),
                                  summary: "\(checked.site) \(checked.date): \(result.total)/100", on: db)
        return diagnosis
    }

    /// Newest first: by the date of the diagnosis, then by when it was saved.
    func page(of organization: Organization, page: PageRequest) async throws -> Page<SelfDiagnosis> {
        try await SelfDiagnosis.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .sort(\.$diagnosedOn, .descending).sort(\.$createdAt, .descending).sort(\.$id)
            .paginate(page)
    }

    /// Every diagnosis of the organization, oldest first (the history export; at most 10,000).
    func history(of organization: Organization) async throws -> [SelfDiagnosis] {
        try await SelfDiagnosis.query(on: db).filter(\.$organization.$id == organization.requireID())
            .sort(\.$diagnosedOn).sort(\.$createdAt).limit(10_000).all()
    }

    func find(_ id: UUID?, in organization: Organization) async throws -> SelfDiagnosis {
        guard let id, let diagnosis = try await SelfDiagnosis.query(on: db)
            .filter(\.$id == id)
            .filter(\.$organization.$id == organization.requireID())
            .first()
        else { throw Refusal.notFound }
        return diagnosis
    }

    /// Oldest first, for the trend chart (at most the last 120).
    func trend(of organization: Organization) async throws -> [SelfDiagnosis] {
        try await SelfDiagnosis.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .sort(\.$diagnosedOn, .descending).sort(\.$createdAt, .descending)
            .limit(120)
            .all()
            .reversed()
    }

    /// The latest diagnosis of each site, sites in alphabetical order.
    func latestPerSite(of organization: Organization) async throws -> [SelfDiagnosis] {
        let all = try await SelfDiagnosis.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .sort(\.$diagnosedOn, .descending).sort(\.$createdAt, .descending)
            .limit(5000)
            .all()
        var latest: [String: SelfDiagnosis] = [:]
        for diagnosis in all where latest[diagnosis.siteLabel] == nil { latest[diagnosis.siteLabel] = diagnosis }
        return latest.values.sorted { $0.siteLabel < $1.siteLabel }
    }

    /// The organization view: the latest diagnosis of every site, combined item by item with
    /// the weakest answer. Nil when nothing has been saved.
    func combined(of organization: Organization) async throws -> (answers: DiagnosisAnswers, sites: [SelfDiagnosis])? {
        let sites = try await latestPerSite(of: organization)
        guard let answers = DiagnosisAnswers.combiningWeakest(sites.compactMap(\.answers)) else { return nil }
        return (answers, sites)
    }

    /// The organization's gaps, most urgent first, for the one-year action plan.
    func prioritizedGaps(of organization: Organization) async throws -> [DiagnosisGap] {
        guard let combined = try await combined(of: organization) else { return [] }
        return DiagnosisResult.prioritizedGaps(combined.answers)
    }

    func latest(of organization: Organization) async throws -> SelfDiagnosis? {
        try await SelfDiagnosis.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .sort(\.$diagnosedOn, .descending).sort(\.$createdAt, .descending)
            .first()
    }
}
