import Fluent
import Foundation
import MamoriCore
import Vapor

/// An organization's saved self-diagnoses: save, history, detail, print, CSV, compare, combined.
struct DiagnosisController: RouteCollection {
    static let perPage = 20

    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.post(SiteURL.diagnoses(organization: id).route, use: save)
        routes.get(SiteURL.diagnoses(organization: id).route, use: history)
        routes.get(SiteURL.diagnosesCSV(organization: id).route, use: historyCSV)
        routes.get(SiteURL.diagnosesCompare(organization: id).route, use: compare)
        routes.get(SiteURL.diagnosesCombined(organization: id).route, use: combined)
        routes.get(SiteURL.diagnosis(organization: id, diagnosis: id).route, use: detail)
        routes.get(SiteURL.diagnosisPrint(organization: id, diagnosis: id).route, use: printable)
        routes.get(SiteURL.diagnosisCSV(organization: id, diagnosis: id).route, use: diagnosisCSV)
    }

    private func service(_ req: Request) -> DiagnosisService { DiagnosisService(db: req.db) }

    struct SaveForm: Content {
        var respondentName: String?
        var siteLabel: String?
        var diagnosedOn: String?
    }

    /// Saves the answers of the public form kept in the session.
    @Sendable func save(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        guard let answers = req.pendingDiagnosis else {
            return Layout.response(MessagePage.render(title: L.Diagnosis.resultTitle, message: L.Diagnosis.resultExpired, context: req.pageContext()), status: .conflict)
        }
        let form = try req.content.decode(SaveForm.self)
        var dates = TypedDates()
        let diagnosedOn = dates.date("diagnosedOn", form.diagnosedOn)
        do {
            let diagnosis = try await service(req).save(answers, input: .init(respondentName: form.respondentName, siteLabel: form.siteLabel,
                                                                              diagnosedOn: diagnosedOn),
                                                        in: organization, by: principal, ip: req.clientIP)
            req.pendingDiagnosis = nil
            req.flash(.success, L.Diagnosis.diagnosisSaved)
            return req.redirect(to: .diagnosis(organization: try organization.requireID(), diagnosis: try diagnosis.requireID()))
        } catch let caught as any ExplainableError {
            let error = caught.explained
            let state = FormState(values: ["respondentName": form.respondentName ?? "", "siteLabel": form.siteLabel ?? "", "diagnosedOn": form.diagnosedOn ?? ""], error: dates.explained(error))
            return Layout.response(DiagnosisResultPage.render(result: DiagnosisResult(answers), saveForm: state, context: req.pageContext(), printable: false),
                                   status: error.status)
        }
    }

    @Sendable func history(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let page = try await service(req).page(of: organization, page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: Self.perPage))
        let trend = try await service(req).trend(of: organization)
        let model = DiagnosisHistoryPage.Model(organizationID: try organization.requireID(), page: page.map(DiagnosisRow.init), trend: trend.map(DiagnosisRow.init))
        return Layout.response(DiagnosisHistoryPage.render(model, context: req.pageContext()))
    }

    private func loaded(_ req: Request) async throws -> (Organization, SelfDiagnosis, DiagnosisResult) {
        let (_, organization) = try req.tenant()
        let diagnosis = try await service(req).find(req.uuidParameter("diagnosisID"), in: organization)
        guard let answers = diagnosis.answers else { throw MamoriError.notFound() }
        return (organization, diagnosis, DiagnosisResult(answers))
    }

    @Sendable func detail(req: Request) async throws -> Response {
        let (organization, diagnosis, result) = try await loaded(req)
        let model = DiagnosisDetailPage.Model(organizationID: try organization.requireID(), diagnosis: DiagnosisRow(diagnosis), result: result)
        return Layout.response(DiagnosisDetailPage.render(model, context: req.pageContext(), printable: false))
    }

    @Sendable func printable(req: Request) async throws -> Response {
        let (organization, diagnosis, result) = try await loaded(req)
        let model = DiagnosisDetailPage.Model(organizationID: try organization.requireID(), diagnosis: DiagnosisRow(diagnosis), result: result)
        return Layout.response(DiagnosisDetailPage.render(model, context: req.pageContext(), printable: true))
    }

    @Sendable func diagnosisCSV(req: Request) async throws -> Response {
        let (_, diagnosis, result) = try await loaded(req)
        let content = DiagnosisContent.bundled
        let locale = req.locale
        let t: (LocalizedText) -> String = { $0(locale) }
        let rows = DiagnosisAnswers.itemNumbers.map { number -> [String] in
            let item = content.item(number)
            let answer = result.answers[number]
            return [String(number), t(content.part(item.part).name), t(item.topic), t(item.question), answer.rawValue, t(content.answer(answer).label), String(answer.points)]
        }
        let header = [t(L.Diagnosis.item), t(L.Diagnosis.part), "topic", "question", "answer", t(L.Diagnosis.yourAnswer), "points"]
        let summary = [["", "", t(L.Diagnosis.resultTotal), "", "", t(content.band(result.band).title), String(result.total)]]
        return CSV.response(CSV.document(header: header, rows: rows + summary), filename: "self-diagnosis-\(diagnosis.diagnosedOn).csv")
    }

    @Sendable func historyCSV(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let all = try await service(req).history(of: organization)
        let header = ["date", "site", "respondent", "total", "band", "basic", "employees", "organization"]
            + DiagnosisAnswers.itemNumbers.map { "item\($0)" }
        let rows = all.map { diagnosis -> [String] in
            let answers = diagnosis.answers
            return [diagnosis.diagnosedOn, diagnosis.siteLabel, diagnosis.respondentName, String(diagnosis.total), diagnosis.band,
                    String(diagnosis.basicScore), String(diagnosis.employeesScore), String(diagnosis.organizationScore)]
                + DiagnosisAnswers.itemNumbers.map { answers?[$0].rawValue ?? "" }
        }
        return CSV.response(CSV.document(header: header, rows: rows), filename: "self-diagnosis-history.csv")
    }

    @Sendable func compare(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let before = try await service(req).find(req.query[String.self, at: "before"].flatMap(UUID.init(uuidString:)), in: organization)
        let after = try await service(req).find(req.query[String.self, at: "after"].flatMap(UUID.init(uuidString:)), in: organization)
        guard let beforeAnswers = before.answers, let afterAnswers = after.answers else { throw MamoriError.notFound() }
        let model = DiagnosisComparePage.Model(organizationID: try organization.requireID(), before: DiagnosisRow(before), after: DiagnosisRow(after),
                                               comparison: DiagnosisComparison(before: beforeAnswers, after: afterAnswers))
        return Layout.response(DiagnosisComparePage.render(model, context: req.pageContext()))
    }

    @Sendable func combined(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        guard let combined = try await service(req).combined(of: organization) else {
            return req.redirect(to: .diagnoses(organization: try organization.requireID()))
        }
        let model = DiagnosisCombinedPage.Model(organizationID: try organization.requireID(), answers: combined.answers, sites: combined.sites.map(DiagnosisRow.init))
        return Layout.response(DiagnosisCombinedPage.render(model, context: req.pageContext()))
    }
}
