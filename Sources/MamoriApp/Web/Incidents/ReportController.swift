import Fluent
import Foundation
import MamoriCore
import Plot
import Vapor

/// Report drafts: filled from the record, edited in the page, then printed or downloaded as
/// Word. The edited text is not stored; the record stays the source of truth.
struct ReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.incidentReport(organization: id, incident: id, report: "r").route, use: edit)
        routes.post(SiteURL.incidentReportPrint(organization: id, incident: id, report: "r").route, use: printable)
        routes.post(SiteURL.incidentReportDocx(organization: id, incident: id, report: "r").route, use: docx)
    }

    private func load(_ req: Request) async throws -> (Incident, IncidentReport, IncidentReport.Input) {
        let (_, organization) = try await MembersController.organization(req)
        let service = IncidentService(db: req.db)
        let incident = try await service.find(req.uuidParameter("incidentID"), in: organization)
        guard let report = req.parameters.get("report").flatMap(IncidentReport.init(rawValue:)) else { throw MamoriError.notFound() }
        let input = IncidentReport.Input(incident: incident, organization: organization, timeline: try await service.timeline(of: incident),
                                         duties: try await service.duties(of: incident).1, measures: try await service.measures(of: incident),
                                         evidenceCount: try await service.evidence(of: incident).count, locale: req.locale)
        return (incident, report, input)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let (incident, report, input) = try await load(req)
        return Layout.response(ReportPage.render(incident: incident, report: report, sections: report.draft(input), context: req.pageContext()))
    }

    /// The sections as posted (at most 30, each at most 20,000 characters).
    private func posted(_ req: Request) throws -> [IncidentReport.Section] {
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var sections: [IncidentReport.Section] = []
        for index in 0..<30 {
            guard let heading = fields["heading_\(index)"] else { break }
            sections.append(.init(heading: String(heading.prefix(500)), text: String((fields["text_\(index)"] ?? "").prefix(20_000))))
        }
        guard !sections.isEmpty else { throw MamoriError.badRequest(L.errorBadRequestTitle) }
        return sections
    }

    @Sendable func printable(req: Request) async throws -> Response {
        let (incident, report, _) = try await load(req)
        let sections = try posted(req)
        let context = req.pageContext()
        return Layout.response(Layout.printPage(title: context.t(report.title), context: context) {
            heading(1, context.t(report.title))
            paragraph(incident.title, class: "lead")
            for section in sections {
                heading(2, section.heading)
                El("p", [("class", "preserve-lines")]) { Text(section.text) }
            }
        })
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let (incident, report, _) = try await load(req)
        let sections = try posted(req)
        var document = DocxDocument()
        document.blocks.append(.title(report.title(req.locale)))
        document.blocks.append(.paragraph(incident.title + " — " + DateText.date(Date(), req.locale)))
        for section in sections {
            document.blocks.append(.heading(section.heading))
            document.blocks.append(.paragraph(section.text))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(report.rawValue)-report.docx\"")
        return Response(status: .ok, headers: headers, body: .init(data: try document.data()))
    }
}

enum ReportPage {
    static func render(incident: Incident, report: IncidentReport, sections: [IncidentReport.Section], context: PageContext) -> String {
        let t = context.t
        let org = incident.$organization.id, id = incident.id!
        return Layout.page(title: t(report.title), context: context) {
            heading(1, t(report.title))
            paragraph(incident.title, class: "lead")
            paragraph(t(L.reportLead), class: "hint")
            El("form", [("method", "post"), ("action", SiteURL.incidentReportPrint(organization: org, incident: id, report: report.rawValue).path)]) {
                csrfField(context)
                for (index, section) in sections.enumerated() {
                    El.void("input", [("type", "hidden"), ("name", "heading_\(index)"), ("value", section.heading)])
                    FormField.textArea("text_\(index)", label: section.heading, state: FormState(values: ["text_\(index)": section.text]), context: context,
                                       maxLength: 20_000, placeholder: section.placeholder, showOptional: false)
                }
                div("actions") {
                    El("button", [("type", "submit"), ("class", "button secondary")]) { Text(t(L.printView)) }
                    El("button", [("type", "submit"), ("class", "button"),
                                  ("formaction", SiteURL.incidentReportDocx(organization: org, incident: id, report: report.rawValue).path)]) { Text(t(L.downloadWord)) }
                }
            }
            link(t(L.backToIncident), to: SiteURL.incident(organization: org, incident: id).path)
        }
    }
}
