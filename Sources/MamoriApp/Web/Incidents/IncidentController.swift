import Fluent
import Foundation
import MamoriCore
import Vapor

/// An organization's incidents in the browser. Every route resolves the organization through
/// `MembersController.organization` and the incident within it, so another organization's
/// incident or evidence is 404.
struct IncidentController: RouteCollection {
    static let perPage = 25

    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.incidents(organization: id).route, use: list)
        routes.get(SiteURL.newIncident(organization: id).route, use: newForm)
        routes.post(SiteURL.incidents(organization: id).route, use: create)
        routes.get(SiteURL.incident(organization: id, incident: id).route, use: show)
        routes.post(SiteURL.incidentStep(organization: id, incident: id, step: 1).route, use: step)
        routes.post(SiteURL.incidentCheck(organization: id, incident: id, point: "p").route, use: check)
        routes.post(SiteURL.incidentRecord(organization: id, incident: id).route, use: record)
        routes.post(SiteURL.incidentTimeline(organization: id, incident: id).route, use: addEntry)
        routes.get(SiteURL.incidentVerify(organization: id, incident: id).route, use: verify)
        routes.on(.POST, SiteURL.incidentEvidence(organization: id, incident: id).route, body: .collect(maxSize: "1gb"), use: upload)
        routes.get(SiteURL.incidentEvidenceFile(organization: id, incident: id, evidence: id).route, use: download)
        routes.post(SiteURL.incidentDuty(organization: id, incident: id, recipient: "r", action: "a").route, use: recordDuty)
        routes.post(SiteURL.incidentClose(organization: id, incident: id).route, use: close)
        routes.post(SiteURL.incidentDutyUndo(organization: id, incident: id, recipient: "r", action: "a").route, use: undoDuty)
        // A refused form shows again at its own address; reopening that address (a reload, a
        // bookmark, a shared link) leads back to the incident instead of a 404.
        for action in [SiteURL.incidentStep(organization: id, incident: id, step: 1), .incidentCheck(organization: id, incident: id, point: "p"),
                       .incidentRecord(organization: id, incident: id), .incidentTimeline(organization: id, incident: id),
                       .incidentEvidence(organization: id, incident: id), .incidentDuty(organization: id, incident: id, recipient: "r", action: "a"),
                       .incidentDutyUndo(organization: id, incident: id, recipient: "r", action: "a"), .incidentClose(organization: id, incident: id)] {
            routes.get(action.route, use: backToIncident)
        }
    }

    @Sendable func backToIncident(req: Request) async throws -> Response {
        let (_, _, incident) = try await load(req)
        return req.redirect(to: back(incident), redirectType: .normal)
    }

    private func service(_ req: Request) -> IncidentService { IncidentService(db: req.db, publicURL: req.application.settings.publicURL) }

    private func load(_ req: Request) async throws -> (Principal, Organization, Incident) {
        let (principal, organization) = try req.tenant()
        return (principal, organization, try await service(req).find(req.uuidParameter("incidentID"), in: organization))
    }

    static func model(_ incident: Incident, on db: any Database) async throws -> IncidentPage.Model {
        let service = IncidentService(db: db)
        let (result, statuses) = try await service.duties(of: incident)
        return .init(incident: .init(incident), checks: try await service.checks(of: incident).mapValues(IncidentPage.Check.init),
                     timeline: try await service.timeline(of: incident).map(IncidentPage.TimelineRow.init),
                     evidence: try await service.evidence(of: incident).map(IncidentPage.EvidenceRow.init),
                     duties: (result, statuses.map(IncidentPage.DutyStatus.init)),
                     measures: try await service.measures(of: incident).map(\.text),
                     reports: try await IncidentReportService(db: db).statusByKind(of: incident))
    }

    private func back(_ incident: Incident, anchor: String = "") -> String {
        SiteURL.incident(organization: incident.$organization.id, incident: incident.id!).path + anchor
    }

    @Sendable func list(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let page = try await service(req).page(of: organization, page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: Self.perPage))
        let model = IncidentListPage.Model(organizationID: try organization.requireID(), incidents: page.map(IncidentListPage.Row.init))
        return Layout.response(IncidentListPage.render(model, context: req.pageContext()))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let kind = req.query[String.self, at: "kind"].flatMap(IncidentKind.init(rawValue:))
        let values = ["kind": kind?.rawValue ?? "", "detectedAt": TokyoDateTime.format(Date()), "severity": kind == .ransomware ? "high" : "medium",
                      "title": kind.map { L.Incident.incidentKind($0)(req.locale) } ?? ""]
        return Layout.response(NewIncidentPage.render(organizationID: try organization.requireID(), form: FormState(values: values), context: req.pageContext()))
    }

    struct CreateForm: Content {
        var kind: String?
        var title: String?
        var detectedAt: String?
        var severity: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let form = try req.content.decode(CreateForm.self)
        var dates = TypedDates()
        let detectedAt = dates.dateTime("detectedAt", form.detectedAt)
        do {
            let incident = try await service(req).open(.init(kind: .choice(form.kind), title: form.title, detectedAt: .tokyoDateTime(detectedAt),
                                                             severity: .choice(form.severity)), in: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Incident.incidentOpened)
            return req.redirect(to: back(incident, anchor: "#step-1"), redirectType: .normal)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            let values = ["kind": form.kind ?? "", "title": form.title ?? "", "detectedAt": form.detectedAt ?? "", "severity": form.severity ?? ""]
            return Layout.response(NewIncidentPage.render(organizationID: try organization.requireID(), form: FormState(values: values, error: dates.explained(error)),
                                                          context: req.pageContext()), status: error.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, _, incident) = try await load(req)
        return Layout.response(IncidentPage.render(try await Self.model(incident, on: req.db), context: req.pageContext()))
    }

    @Sendable func step(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        guard let step = req.parameters.get("step").flatMap(Int.init) else { throw MamoriError.notFound() }
        try await service(req).setStep(step, of: incident, by: principal)
        return req.redirect(to: back(incident, anchor: "#step-\(step)"), redirectType: .normal)
    }

    struct CheckForm: Content {
        var state: String?
        var note: String?
    }

    @Sendable func check(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        let form = try req.content.decode(CheckForm.self)
        let pointID = req.parameters.get("pointID") ?? ""
        let state: IncidentCheck.State? = form.state == "clear" ? nil : form.state.flatMap(IncidentCheck.State.init(rawValue:))
        guard state != nil || form.state == "clear" else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        do {
            try await service(req).check(pointID, state: state, note: form.note, of: incident, by: principal)
        } catch Refusal.invalid(let problems) where problems["note"] == .reasonRequired {
            var model = try await Self.model(incident, on: req.db)
            model.checkError = (pointID, L.Incident.reasonRequiredForNA)
            return Layout.response(IncidentPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
        }
        return req.redirect(to: back(incident, anchor: "#point-\(pointID)"), redirectType: .normal)
    }

    @Sendable func record(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var input = IncidentService.RecordInput()
        for field in IncidentService.textFields { if let value = fields[field.key] { input.text[field.key] = value } }
        for field in IncidentService.flagFields { input.flags[field.key] = fields[field.key] == "on" }
        input.persons = fields["persons"] ?? ""
        var dates = TypedDates()
        input.occurredAt = .tokyoDateTime(dates.dateTime("occurredAt", fields["occurredAt"]))
        input.awareAt = .tokyoDateTime(dates.dateTime("awareAt", fields["awareAt"]))
        input.severity = fields["severity"]
        input.ppcDelegatedTo = fields["ppcDelegatedTo"] ?? ""
        do {
            try await service(req).update(incident, with: input, by: principal, ip: req.clientIP)
            req.flash(.success, L.Incident.recordSaved)
            return req.redirect(to: back(incident, anchor: "#duties"), redirectType: .normal)
        } catch Refusal.invalid(let problems) {
            let error = Refusal.invalid(problems).mamoriError
            var model = try await Self.model(incident, on: req.db)
            model.recordForm = FormState(values: fields.filter { $0.key != CSRFMiddleware.formField }, error: dates.explained(error))
            return Layout.response(IncidentPage.render(model, context: req.pageContext()), status: error.status)
        }
    }

    struct EntryForm: Content {
        var text: String?
        var occurredAt: String?
        var corrects: String?
    }

    @Sendable func addEntry(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        let form = try req.content.decode(EntryForm.self)
        var dates = TypedDates()
        let occurredText = dates.dateTime("occurredAt", form.occurredAt) ?? ""
        let occurred: TimelineNote.Occurred = occurredText.isEmpty ? .now : TokyoDateTime.parse(occurredText).map { .at($0) } ?? .unreadable
        // A number that is no entry's (0 for text that is no number) is refused by the rules.
        let corrects = (form.corrects ?? "").isEmpty ? nil : Int(form.corrects!) ?? 0
        do {
            _ = try await service(req).addNote(TimelineNote(text: form.text ?? "", occurred: occurred, corrects: corrects), to: incident, by: principal)
        } catch Refusal.invalid(let problems) {
            // The text stays in the form, however long: nothing typed is lost.
            var model = try await Self.model(incident, on: req.db)
            model.timelineForm = FormState(values: ["text": form.text ?? "", "occurredAt": form.occurredAt ?? "", "corrects": form.corrects ?? ""],
                                           error: dates.explained(problems))
            return Layout.response(IncidentPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
        }
        req.flash(.success, L.Incident.entryAdded)
        return req.redirect(to: back(incident, anchor: "#timeline"), redirectType: .normal)
    }

    @Sendable func verify(req: Request) async throws -> Response {
        let (_, _, incident) = try await load(req)
        var model = try await Self.model(incident, on: req.db)
        model.verification = .some(try await service(req).verify(incident))
        return Layout.response(IncidentPage.render(model, context: req.pageContext()))
    }

    struct UploadForm: Content { var file: File? }

    @Sendable func upload(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        guard let file = (try? req.content.decode(UploadForm.self))?.file else {
            req.flash(.error, L.Program.attachmentEmpty)
            return req.redirect(to: back(incident, anchor: "#evidence"), redirectType: .normal)
        }
        do {
            _ = try await service(req).addEvidence(filename: file.filename, contentType: file.contentType?.serialize(), data: Data(buffer: file.data),
                                                   to: incident, limit: req.application.settings.maxUploadBytes, by: principal)
            req.flash(.success, L.Incident.evidenceSaved)
        } catch FileIntake.Refusal.empty {
            req.flash(.error, L.Program.attachmentEmpty)
        } catch FileIntake.Refusal.tooLarge {
            throw MamoriError(status: .payloadTooLarge, code: "payload_too_large", message: L.Program.attachmentTooLarge(req.application.settings.maxUploadMegabytes))
        }
        return req.redirect(to: back(incident, anchor: "#evidence"), redirectType: .normal)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        let evidence = try await service(req).download(req.uuidParameter("evidenceID"), of: incident, by: principal)
        return Self.fileResponse(evidence)
    }

    static func fileResponse(_ evidence: EvidenceFile) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
        headers.replaceOrAdd(name: .contentDisposition, value: DownloadHeaders.attachment(filename: evidence.filename))
        headers.replaceOrAdd(name: "X-Content-SHA256", value: evidence.sha256)
        if let digest = DownloadHeaders.reprDigest(hexSHA256: evidence.sha256) { headers.replaceOrAdd(name: "Repr-Digest", value: digest) }
        return Response(status: .ok, headers: headers, body: .init(data: evidence.data))
    }

    struct DutyForm: Content {
        var doneOn: String?
        var reference: String?
    }

    @Sendable func recordDuty(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        let form = try req.content.decode(DutyForm.self)
        var dates = TypedDates()
        let doneOn = dates.date("doneOn", form.doneOn)
        let recipient = req.parameters.get("recipient") ?? "", action = req.parameters.get("action") ?? ""
        do {
            try await service(req).recordNotification(recipient: recipient, action: action, doneOn: doneOn, reference: form.reference, of: incident, by: principal)
        } catch Refusal.invalid(let problems) {
            let error = Refusal.invalid(problems).mamoriError
            // Shown beside the duty's own form, with the date and reference as typed.
            var model = try await Self.model(incident, on: req.db)
            model.dutyForm = ("\(recipient)-\(action)", FormState(values: ["doneOn": form.doneOn ?? "", "reference": form.reference ?? ""], error: dates.explained(error)))
            return Layout.response(IncidentPage.render(model, context: req.pageContext()), status: error.status)
        }
        req.flash(.success, L.Incident.notificationRecorded)
        return req.redirect(to: back(incident, anchor: "#duties"), redirectType: .normal)
    }

    @Sendable func undoDuty(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        try await service(req).undoNotification(recipient: req.parameters.get("recipient") ?? "", action: req.parameters.get("action") ?? "",
                                                of: incident, by: principal)
        return req.redirect(to: back(incident, anchor: "#duties"), redirectType: .normal)
    }

    struct CloseForm: Content {
        var causeSummary: String?
        var measures: String?
    }

    @Sendable func close(req: Request) async throws -> Response {
        let (principal, _, incident) = try await load(req)
        let form = try req.content.decode(CloseForm.self)
        do {
            try await service(req).close(incident, causeSummary: form.causeSummary, measures: form.measures, by: principal, ip: req.clientIP)
            req.flash(.success, L.Incident.incidentClosedNotice)
            return req.redirect(to: back(incident), redirectType: .normal)
        } catch Refusal.invalid(let problems) {
            let error = Refusal.invalid(problems).mamoriError
            var model = try await Self.model(incident, on: req.db)
            model.closeForm = FormState(values: ["causeSummary": form.causeSummary ?? "", "measures": form.measures ?? ""], error: error)
            return Layout.response(IncidentPage.render(model, context: req.pageContext()), status: error.status)
        }
    }
}
