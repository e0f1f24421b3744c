import Fluent
import Foundation
import MamoriCore
import Plot
import Vapor

/// Report drafts and their saved versions (issue #12). The editor opens the latest saved
/// version (or a chosen one, `?version=<id>`), otherwise a draft filled from the record. Saving
/// makes a new version; a version can be marked as submitted, which writes its SHA-256 into the
/// timeline. Print and Word work from a saved version, or from what is on screen as before.
struct ReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.incidentReport(organization: id, incident: id, report: "r").route, use: edit)
        routes.post(SiteURL.incidentReportPrint(organization: id, incident: id, report: "r").route, use: printable)
        routes.post(SiteURL.incidentReportDocx(organization: id, incident: id, report: "r").route, use: docx)
        routes.post(SiteURL.incidentReportVersions(organization: id, incident: id, report: "r").route, use: save)
        routes.post(SiteURL.incidentReportSubmit(organization: id, incident: id, report: "r", version: id).route, use: submit)
        routes.get(SiteURL.incidentReportVersionPrint(organization: id, incident: id, report: "r", version: id).route, use: printVersion)
        routes.get(SiteURL.incidentReportVersionDocx(organization: id, incident: id, report: "r", version: id).route, use: docxVersion)
        // POST-only addresses answer GET with the editor (the version, for submit), so a reload,
        // a bookmark or a shared link never lands on a 404.
        for action in [SiteURL.incidentReportPrint(organization: id, incident: id, report: "r"),
                       .incidentReportDocx(organization: id, incident: id, report: "r"),
                       .incidentReportVersions(organization: id, incident: id, report: "r")] {
            routes.get(action.route, use: backToEditor)
        }
        routes.get(SiteURL.incidentReportSubmit(organization: id, incident: id, report: "r", version: id).route, use: backToVersion)
    }

    /// The incident (within the principal's organization) and the report named in the address.
    private struct Loaded {
        let principal: Principal
        let organizationID: UUID
        let organization: Organization
        let incident: Incident
        let incidentID: UUID
        let report: IncidentReport
    }

    private func load(_ req: Request) async throws -> Loaded {
        let (principal, organization) = try req.tenant()
        let incident = try await IncidentService(db: req.db).find(req.uuidParameter("incidentID"), in: organization)
        guard let report = req.parameters.get("report").flatMap(IncidentReport.init(rawValue:)) else { throw MamoriError.notFound() }
        return Loaded(principal: principal, organizationID: try organization.requireID(), organization: organization,
                      incident: incident, incidentID: try incident.requireID(), report: report)
    }

    private func draftInput(_ loaded: Loaded, locale: AppLocale, on db: any Database) async throws -> IncidentReport.Input {
        let service = IncidentService(db: db)
        let incident = loaded.incident
        return IncidentReport.Input(incident: incident, organization: loaded.organization, timeline: try await service.timeline(of: incident),
                                    duties: try await service.duties(of: incident).1, measures: try await service.measures(of: incident),
                                    evidenceCount: try await service.evidence(of: incident).count, locale: locale)
    }

    private func savedVersion(_ req: Request, _ loaded: Loaded) async throws -> IncidentReportVersion {
        try await IncidentReportService(db: req.db).version(req.uuidParameter("versionID"), of: loaded.incident, kind: loaded.report)
    }

    private func editorURL(_ loaded: Loaded, version: UUID? = nil) -> SiteURL {
        if let version {
            return .incidentReportVersion(organization: loaded.organizationID, incident: loaded.incidentID, report: loaded.report.rawValue, version: version)
        }
        return .incidentReport(organization: loaded.organizationID, incident: loaded.incidentID, report: loaded.report.rawValue)
    }

    @Sendable func backToEditor(req: Request) async throws -> Response {
        let loaded = try await load(req)
        return req.redirect(to: editorURL(loaded))
    }

    @Sendable func backToVersion(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let version = try await savedVersion(req, loaded)
        return req.redirect(to: editorURL(loaded, version: try version.requireID()))
    }

    // MARK: The editor

    /// The page's model. `shown` is the saved version in the form (nil: the generated draft, or
    /// a refused form showing what was typed in `typed`).
    private func editorModel(_ loaded: Loaded, shown: IncidentReportVersion?, typed: [ReportSection]? = nil, locale: AppLocale? = nil,
                             form: FormState = .empty, on req: Request) async throws -> ReportPage.Model {
        let service = IncidentReportService(db: req.db)
        let draft = loaded.report.draft(try await draftInput(loaded, locale: req.locale, on: req.db))
        // A saved or typed section keeps the draft's hint when its heading is the draft's.
        func withPlaceholders(_ sections: [ReportSection]) -> [IncidentReport.Section] {
            sections.map { section -> IncidentReport.Section in
                let hint = draft.first(where: { $0.heading == section.heading })?.placeholder
                return IncidentReport.Section(heading: section.heading, text: section.text, placeholder: hint)
            }
        }
        let sections: [IncidentReport.Section]
        if let typed { sections = withPlaceholders(typed) } else if let shown { sections = withPlaceholders(shown.sections) } else { sections = draft }
        return ReportPage.Model(organizationID: loaded.organizationID, incidentID: loaded.incidentID, incidentTitle: loaded.incident.title,
                                report: loaded.report, sections: sections, locale: locale ?? shown?.appLocale ?? req.locale,
                                shown: shown.map(IncidentReportService.Summary.init),
                                contentIntact: shown.map { $0.computedSHA256 == $0.sha256 },
                                history: try await service.versions(of: loaded.incident, kind: loaded.report), form: form)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let service = IncidentReportService(db: req.db)
        let shown: IncidentReportVersion?
        if let raw = req.query[String.self, at: "version"] {
            shown = try await service.version(UUID(uuidString: raw), of: loaded.incident, kind: loaded.report)
        } else {
            shown = try await service.latest(of: loaded.incident, kind: loaded.report)
        }
        return Layout.response(ReportPage.render(try await editorModel(loaded, shown: shown, on: req), context: req.pageContext()))
    }

    /// The sections as posted (`heading_N`, `text_N` from 0), uncut: the service refuses what is
    /// too long, so the form can show it again as typed.
    private static func postedSections(_ fields: [String: String]) -> [ReportSection] {
        var sections: [ReportSection] = []
        for index in 0...ReportVersionRules.maximumSections {
            guard let heading = fields["heading_\(index)"] else { break }
            sections.append(ReportSection(heading: heading, text: fields["text_\(index)"] ?? ""))
        }
        return sections
    }

    /// The form field a refused section belongs beside: `sections.N.text` → `text_{N-1}`.
    private static func formField(_ problemField: String) -> String {
        let parts = problemField.split(separator: ".")
        if parts.count == 3, let number = Int(parts[1]), number >= 1 { return "text_\(number - 1)" }
        return "text_0"
    }

    @Sendable func save(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let sections = Self.postedSections(fields)
        let locale = fields["locale"].flatMap(AppLocale.init(rawValue:)) ?? req.locale
        do {
            let saved = try await IncidentReportService(db: req.db).saveVersion(.init(kind: loaded.report, sections: sections, locale: locale),
                                                                               of: loaded.incident, by: loaded.principal, ip: req.clientIP)
            if saved.isNew {
                req.flash(.success, L.Reports.saved(saved.version.number))
            } else {
                req.flash(.info, L.Reports.unchanged(saved.version.number))
            }
            return req.redirect(to: editorURL(loaded, version: try saved.version.requireID()))
        } catch let refusal as Refusal {
            guard case .invalid(let problems) = refusal else { throw refusal }
            // The form again with everything as typed, each error beside its section.
            var values: [String: String] = [:]
            for (index, section) in sections.enumerated() { values["text_\(index)"] = section.text }
            var errors: [String: LocalizedText] = [:]
            for entry in problems.entries where errors[Self.formField(entry.field)] == nil {
                errors[Self.formField(entry.field)] = L.Common.describe(entry.problem)
            }
            let model = try await editorModel(loaded, shown: nil, typed: sections, locale: locale, form: FormState(values: values, errors: errors), on: req)
            return Layout.response(ReportPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
        }
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let version = try await savedVersion(req, loaded)
        let claimed = try await IncidentReportService(db: req.db).submit(version, of: loaded.incident, by: loaded.principal, ip: req.clientIP)
        if claimed {
            req.flash(.success, L.Reports.submitted(version.number))
        } else {
            req.flash(.info, L.Reports.alreadySubmitted(version.number))
        }
        return req.redirect(to: editorURL(loaded, version: try version.requireID()))
    }

    // MARK: Print and Word

    /// The sections on screen, for print and Word (at most 30, each cut at the form's limit).
    private func posted(_ req: Request) throws -> [ReportSection] {
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let sections = Self.postedSections(fields).prefix(ReportVersionRules.maximumSections).map {
            ReportSection(heading: String($0.heading.prefix(500)), text: String($0.text.prefix(ReportVersionRules.maximumText)))
        }
        guard !sections.isEmpty else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        return Array(sections)
    }

    @Sendable func printable(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let sections = try posted(req)
        let context = req.pageContext()
        return Layout.response(ReportPage.printable(title: context.t(loaded.report.title), incidentTitle: loaded.incident.title, notes: [],
                                                    sections: sections, context: context))
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let sections = try posted(req)
        return try Self.word(title: loaded.report.title(req.locale), subtitle: loaded.incident.title + " — " + DateText.officialDate(Date(), req.locale),
                             sections: sections, filename: "\(loaded.report.rawValue)-report.docx")
    }

    @Sendable func printVersion(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let version = try await savedVersion(req, loaded)
        let context = req.pageContext()
        let summary = IncidentReportService.Summary(version)
        var notes = [context.t(L.Reports.versionName(version.number)) + " — "
                     + context.t(L.Reports.savedBy(summary.createdAt.map { DateText.officialDateTime($0, context.locale) } ?? "", summary.authorName))]
        if let submittedAt = summary.submittedAt {
            notes.append(context.t(L.Reports.submittedOn(DateText.officialDateTime(submittedAt, context.locale), summary.submittedByName ?? "")))
        }
        notes.append("SHA-256 " + summary.sha256)
        return Layout.response(ReportPage.printable(title: loaded.report.title(version.appLocale), incidentTitle: loaded.incident.title,
                                                    notes: notes, sections: version.sections, context: context))
    }

    @Sendable func docxVersion(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let version = try await savedVersion(req, loaded)
        let locale = version.appLocale
        let date = version.submittedAt ?? version.createdAt ?? Date()
        return try Self.word(title: loaded.report.title(locale), subtitle: loaded.incident.title + " — " + DateText.officialDate(date, locale),
                             sections: version.sections, filename: "\(loaded.report.rawValue)-report-v\(version.number).docx")
    }

    private static func word(title: String, subtitle: String, sections: [ReportSection], filename: String) throws -> Response {
        var document = DocxDocument()
        document.blocks.append(.title(title))
        document.blocks.append(.paragraph(subtitle))
        for section in sections {
            document.blocks.append(.heading(section.heading))
            document.blocks.append(.paragraph(section.text))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        headers.replaceOrAdd(name: .contentDisposition, value: DownloadHeaders.attachment(filename: filename))
        return Response(status: .ok, headers: headers, body: .init(data: try document.data()))
    }
}
