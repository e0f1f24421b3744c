import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// Incidents through the API: the same service as the pages, scoped to the token's organization.
extension MamoriAPI {
    func incident(_ id: String) async throws -> (Principal, Organization, Incident) {
        let (principal, organization) = try await organizationOfToken()
        return (principal, organization, try await IncidentService(db: db).find(UUID(uuidString: id), in: organization))
    }

    private func invalid(_ field: String, _ problem: FieldProblem) -> MamoriError {
        var problems = FieldProblems()
        problems.add(field, problem)
        return .invalid(problems)
    }

    func openIncident(_ input: Operations.OpenIncident.Input) async throws -> Operations.OpenIncident.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let incident = try await IncidentService(db: db, publicURL: publicURL).open(
            .init(kind: .choice(body.kind), title: body.title, detectedAt: .parsed(body.detectedAt, Self.instant), severity: .choice(body.severity)),
            in: organization, by: principal, ip: nil)
        return .created(.init(body: .json(try await dto(incident))))
    }

    func listIncidents(_ input: Operations.ListIncidents.Input) async throws -> Operations.ListIncidents.Output {
        let (_, organization) = try await organizationOfToken()
        let page = try await IncidentService(db: db).page(of: organization, page: try Self.pageRequest(input.query.page, input.query.per))
        let related = try await IncidentService(db: db).checksAndMeasures(of: page.items)
        let items = page.items.map { Self.dto($0, checks: related.checks[$0.id!] ?? [:], measures: (related.measures[$0.id!] ?? []).map(\.text)) }
        return .ok(.init(body: .json(.init(items: items, metadata: .init(page.metadata)))))
    }

    func getIncident(_ input: Operations.GetIncident.Input) async throws -> Operations.GetIncident.Output {
        let (_, _, incident) = try await incident(input.path.incidentId)
        return .ok(.init(body: .json(try await dto(incident))))
    }

    func updateIncident(_ input: Operations.UpdateIncident.Input) async throws -> Operations.UpdateIncident.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = IncidentService(db: db)
        var update = IncidentService.RecordInput()
        let texts: [(String, String?)] = [("title", body.title), ("categoryNote", body.categoryNote), ("clientName", body.clientName),
                                          ("responsibleName", body.responsibleName), ("responsibleDepartment", body.responsibleDepartment),
                                          ("teamMembers", body.teamMembers), ("observedImpact", body.observedImpact), ("suspectedCause", body.suspectedCause),
                                          ("affectedAssets", body.affectedAssets), ("securityTools", body.securityTools), ("responsePolicy", body.responsePolicy),
                                          ("leakedItems", body.leakedItems), ("secondaryDamage", body.secondaryDamage)]
        for (key, value) in texts { if let value { update.text[key] = value } }
        let flags: [(String, Bool?)] = [("personalDataInvolved", body.personalDataInvolved), ("specialCare", body.specialCare),
                                        ("financialDamageRisk", body.financialDamageRisk), ("wrongfulIntent", body.wrongfulIntent),
                                        ("dataProtected", body.dataProtected), ("crimeSuspected", body.crimeSuspected),
                                        ("lostOrStolenOutside", body.lostOrStolenOutside), ("sectorLawRequiresReport", body.sectorLawRequiresReport),
                                        ("partnersAffected", body.partnersAffected), ("publicImpact", body.publicImpact)]
        for (key, value) in flags { if let value { update.flags[key] = value } }
        if let persons = body.persons {
            guard persons >= 0 else { throw invalid("persons", .outOfRange(minimum: 0, maximum: 1_000_000_000)) }
            update.persons = String(persons)
        }
        // ISO instants in the API, read as instants (no Tokyo text in between).
        update.occurredAt = body.occurredAt.map { Self.instant($0).map { .given($0) } ?? .unreadable } ?? .absent
        update.awareAt = body.awareAt.map { Self.instant($0).map { .given($0) } ?? .unreadable } ?? .absent
        update.severity = body.severity
        update.ppcDelegatedTo = body.ppcDelegatedTo
        try await service.update(incident, with: update, by: principal, ip: nil)
        if let step = body.currentStep { try await service.setStep(step, of: incident, by: principal) }
        return .ok(.init(body: .json(try await dto(incident))))
    }

    func listTimeline(_ input: Operations.ListTimeline.Input) async throws -> Operations.ListTimeline.Output {
        let (_, _, incident) = try await incident(input.path.incidentId)
        let entries = try await IncidentService(db: db).timeline(of: incident)
        return .ok(.init(body: .json(.init(items: entries.map(Self.entry)))))
    }

    func addTimelineEntry(_ input: Operations.AddTimelineEntry.Input) async throws -> Operations.AddTimelineEntry.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let occurred: TimelineNote.Occurred = body.occurredAt.map { Self.instant($0).map { .at($0) } ?? .unreadable } ?? .now
        let entry = try await IncidentService(db: db).addNote(TimelineNote(text: body.text, occurred: occurred, corrects: body.corrects),
                                                              to: incident, by: principal)
        return .created(.init(body: .json(Self.entry(entry))))
    }

    func verifyTimeline(_ input: Operations.VerifyTimeline.Input) async throws -> Operations.VerifyTimeline.Output {
        let (_, _, incident) = try await incident(input.path.incidentId)
        let broken = try await IncidentService(db: db).verify(incident)
        return .ok(.init(body: .json(.init(intact: broken == nil, firstBrokenEntry: broken))))
    }

    func uploadEvidence(_ input: Operations.UploadEvidence.Input) async throws -> Operations.UploadEvidence.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        guard case .binary(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let limit = APIContext.maxUploadBytes
        let tooLarge = MamoriError(status: .payloadTooLarge, code: "payload_too_large", message: L.Program.attachmentTooLarge(limit / 1024 / 1024))
        let data: Data
        do { data = try await Data(collecting: body, upTo: limit) } catch { throw tooLarge }
        let filename = input.query.filename.trimmingCharacters(in: .whitespaces)
        guard !filename.isEmpty else { throw invalid("filename", .required) }
        do {
            let evidence = try await IncidentService(db: db).addEvidence(filename: filename, contentType: "application/octet-stream", data: data,
                                                                         to: incident, limit: limit, by: principal)
            return .created(.init(body: .json(.init(id: evidence.id!.uuidString, sha256: evidence.sha256, size: evidence.size))))
        } catch FileIntake.Refusal.empty {
            throw invalid("body", .required)
        } catch FileIntake.Refusal.tooLarge {
            throw tooLarge
        }
    }

    func downloadEvidence(_ input: Operations.DownloadEvidence.Input) async throws -> Operations.DownloadEvidence.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        let evidence = try await IncidentService(db: db).download(UUID(uuidString: input.path.evidenceId), of: incident, by: principal)
        return .ok(.init(headers: .init(contentDisposition: DownloadHeaders.attachment(filename: evidence.filename),
                                        reprDigest: DownloadHeaders.reprDigest(hexSHA256: evidence.sha256) ?? ""),
                         body: .binary(HTTPBody(evidence.data))))
    }

    func listIncidentDuties(_ input: Operations.ListIncidentDuties.Input) async throws -> Operations.ListIncidentDuties.Output {
        let (_, _, incident) = try await incident(input.path.incidentId)
        return .ok(.init(body: .json(try await duties(incident))))
    }

    func recordDuty(_ input: Operations.RecordDuty.Input) async throws -> Operations.RecordDuty.Output {
        let (principal, _, incident) = try await incident(input.path.incidentId)
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        try await IncidentService(db: db).recordNotification(recipient: input.path.recipient, action: input.path.action, doneOn: body.doneOn,
                                                             reference: body.reference, of: incident, by: principal)
        return .ok(.init(body: .json(try await duties(incident))))
    }

    // MARK: DTOs

    func duties(_ incident: Incident) async throws -> Components.Schemas.IncidentDuties {
        let (result, statuses) = try await IncidentService(db: db).duties(of: incident)
        let locale = APIContext.locale
        let aware = Day(incident.awareAt)
        return .init(reportableToPPC: result.reportableToPPC, reportableReasons: result.reportableReasons.map(\.rawValue), duties: statuses.map { status in
            let duty = status.duty
            return .init(recipient: duty.recipient.rawValue, action: duty.action.rawValue, required: duty.required, dueBy: duty.due?.day.description,
                         dueComputation: duty.due.flatMap { $0.countedDays > 0 ? L.Incident.dueComputation($0, aware: aware)(locale) : nil },
                         basis: L.Incident.basis(duty.basis)(locale), authority: duty.authority, doneOn: status.done?.doneOn, reference: status.done?.reference,
                         overdue: status.overdue)
        })
    }

    func dto(_ incident: Incident) async throws -> Components.Schemas.Incident {
        let service = IncidentService(db: db)
        return Self.dto(incident, checks: try await service.checks(of: incident), measures: try await service.measures(of: incident).map(\.text))
    }

    private static func dto(_ incident: Incident, checks: [String: IncidentCheck], measures: [String]) -> Components.Schemas.Incident {
        let playbook = PlaybookContent.bundled.playbook(for: incident.kind)
        var record: [String: String] = [:]
        for field in IncidentService.textFields where field.key != "title" { record[field.key] = incident[keyPath: field.path] }
        var facts: [String: Bool] = [:]
        for field in IncidentService.flagFields { facts[field.key] = incident[keyPath: field.path] }
        return .init(
            id: incident.id!.uuidString, kind: incident.kind.rawValue, title: incident.title, severity: incident.severity.rawValue,
            status: incident.status == .open ? .open : .closed, currentStep: incident.currentStep, detectedAt: incident.detectedAt, awareAt: incident.awareAt,
            occurredAt: incident.occurredAt, closedAt: incident.closedAt, causeSummary: incident.causeSummary,
            record: .init(additionalProperties: record), facts: .init(additionalProperties: facts), persons: incident.persons,
            ppcDelegatedTo: incident.ppcDelegatedTo,
            progress: (1...3).map { step in
                let points = playbook.points.filter { $0.step == step }
                return .init(step: step, done: points.filter { checks[$0.id] != nil }.count, total: points.count)
            },
            measures: measures)
    }

    static func entry(_ entry: TimelineEntry) -> Components.Schemas.TimelineEntry {
        .init(sequence: entry.sequence, occurredAt: entry.occurredAt, recordedAt: entry.recordedAt, author: entry.author, _type: entry.type,
              text: entry.text, summary: L.Incident.timelineText(entry)(APIContext.locale), corrects: entry.correctsSequence, previousHash: entry.previousHash, hash: entry.hash)
    }
}
