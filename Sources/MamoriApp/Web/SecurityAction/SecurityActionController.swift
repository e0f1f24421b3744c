import Fluent
import Foundation
import MamoriCore
import Vapor

struct SecurityActionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.securityAction(organization: id).route, use: show)
        routes.post(SiteURL.securityActionMeasures(organization: id).route, use: saveMeasures)
        routes.post(SiteURL.securityActionDeclarations(organization: id).route, use: recordDeclaration)
    }

    static func model(_ organization: Organization, on db: any Database) async throws -> SecurityActionPage.Model {
        let service = SecurityActionService(db: db)
        return .init(organizationID: try organization.requireID(),
                     readiness: try await service.readiness(of: organization),
                     declarations: try await service.declarations(of: organization).map {
                         SecurityActionPage.Declaration(declaredOn: $0.declaredOn, stars: $0.stars, declarationID: $0.declarationID)
                     },
                     diagnosisAnswers: try await DiagnosisService(db: db).combined(of: organization)?.answers)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        return Layout.response(SecurityActionPage.render(try await Self.model(organization, on: req.db), context: req.pageContext()))
    }

    @Sendable func saveMeasures(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let checked = Set((1...5).filter { fields["measure\($0)"] == "on" })
        let service = SecurityActionService(db: req.db)
        try await service.setCheckedMeasures(checked, of: organization, by: principal, ip: req.clientIP)
        req.flash(.success, L.Diagnosis.basicMeasuresSaved)
        // Saved as ticked, but say so when the latest self-diagnosis answered otherwise.
        let content = DiagnosisContent.bundled
        for conflict in try await service.conflicts(of: organization, checked: checked) {
            guard let measure = content.basicMeasures.first(where: { $0.number == conflict.measure }) else { continue }
            req.flash(.warning, L.Diagnosis.measureConflictSaved(measure: measure.title, answer: content.answer(conflict.answer).label))
        }
        return req.redirect(to: .securityAction(organization: try organization.requireID()))
    }

    struct DeclarationForm: Content {
        var stars: String?
        var declarationID: String?
        var declaredOn: String?
        var conditionsMetElsewhere: String?
    }

    @Sendable func recordDeclaration(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let form = try req.content.decode(DeclarationForm.self)
        var dates = TypedDates()
        let declaredOn = dates.date("declaredOn", form.declaredOn)
        do {
            _ = try await SecurityActionService(db: req.db).record(.init(stars: .integer(form.stars), declarationID: form.declarationID, declaredOn: .calendarDate(declaredOn),
                                                                         conditionsMetElsewhere: form.conditionsMetElsewhere == "on"),
                                                                    for: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Diagnosis.declarationRecorded)
            return req.redirect(to: .securityAction(organization: try organization.requireID()))
        } catch let caught as any ExplainableError {
            let error = caught.explained
            var model = try await Self.model(organization, on: req.db)
            model.declarationForm = FormState(values: ["stars": form.stars ?? "", "declarationID": form.declarationID ?? "", "declaredOn": form.declaredOn ?? "",
                                                       "conditionsMetElsewhere": form.conditionsMetElsewhere ?? ""], error: dates.explained(error))
            return Layout.response(SecurityActionPage.render(model, context: req.pageContext()), status: error.status)
        }
    }
}
