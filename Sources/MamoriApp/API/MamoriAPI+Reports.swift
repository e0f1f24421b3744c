import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// Saved versions of incident reports through the API: the same service as the pages, the
/// incident scoped to the token's organization, the version to the incident and report.
extension MamoriAPI {
    private func reportIncident(_ incidentID: String, kind: String) async throws -> (Principal, Incident, IncidentReport) {
        let (principal, organization) = try await organizationOfToken()
        let incident = try await IncidentService(db: db).find(UUID(uuidString: incidentID), in: organization)
        guard let report = IncidentReport(rawValue: kind) else { throw Refusal.notFound }
        return (principal, incident, report)
    }

    func listReportVersions(_ input: Operations.ListReportVersions.Input) async throws -> Operations.ListReportVersions.Output {
        let (_, incident, report) = try await reportIncident(input.path.incidentId, kind: input.path.kind)
        let page = try await IncidentReportService(db: db).page(of: incident, kind: report, page: try Self.pageRequest(input.query.page, input.query.per))
        return .ok(.init(body: .json(.init(items: page.items.map(Self.reportSummary), metadata: .init(page.metadata)))))
    }

    func saveReportVersion(_ input: Operations.SaveReportVersion.Input) async throws -> Operations.SaveReportVersion.Output {
        let (principal, incident, report) = try await reportIncident(input.path.incidentId, kind: input.path.kind)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let locale = body.language.flatMap { AppLocale(rawValue: $0.rawValue) } ?? APIContext.locale
        let sections = body.sections.map { ReportSection(heading: $0.heading, text: $0.text) }
        let saved = try await IncidentReportService(db: db).saveVersion(.init(kind: report, sections: sections, locale: locale),
                                                                        of: incident, by: principal, ip: nil)
        let answer = try Self.reportDTO(saved.version)
        return saved.isNew ? .created(.init(body: .json(answer))) : .ok(.init(body: .json(answer)))
    }

    func getReportVersion(_ input: Operations.GetReportVersion.Input) async throws -> Operations.GetReportVersion.Output {
        let (_, incident, report) = try await reportIncident(input.path.incidentId, kind: input.path.kind)
        let version = try await IncidentReportService(db: db).version(UUID(uuidString: input.path.versionId), of: incident, kind: report)
        return .ok(.init(body: .json(try Self.reportDTO(version))))
    }

    func submitReportVersion(_ input: Operations.SubmitReportVersion.Input) async throws -> Operations.SubmitReportVersion.Output {
        let (principal, incident, report) = try await reportIncident(input.path.incidentId, kind: input.path.kind)
        let service = IncidentReportService(db: db)
        let version = try await service.version(UUID(uuidString: input.path.versionId), of: incident, kind: report)
        try await service.submit(version, of: incident, by: principal, ip: nil)
        return .ok(.init(body: .json(try Self.reportDTO(version))))
    }

    // MARK: DTOs

    private static func reportSummary(_ version: IncidentReportService.Summary) -> Components.Schemas.ReportVersionSummary {
        .init(id: version.id.uuidString, kind: version.kind, number: version.number, language: version.locale.rawValue,
              author: version.authorName, createdAt: version.createdAt ?? Date(timeIntervalSince1970: 0),
              submittedAt: version.submittedAt, submittedBy: version.submittedByName, sha256: version.sha256)
    }

    private static func reportDTO(_ version: IncidentReportVersion) throws -> Components.Schemas.ReportVersion {
        let sections = version.sections
        return .init(id: try version.requireID().uuidString, kind: version.kind, number: version.number, language: version.locale,
                     author: version.authorName, createdAt: version.createdAt ?? Date(timeIntervalSince1970: 0),
                     submittedAt: version.submittedAt, submittedBy: version.submittedByName, sha256: version.sha256,
                     contentIntact: ReportVersionRules.sha256(kind: version.kind, number: version.number, sections: sections) == version.sha256,
                     sections: sections.map { .init(heading: $0.heading, text: $0.text) })
    }
}
