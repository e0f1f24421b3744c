import Fluent
import Foundation
import MamoriCore
import Vapor

/// The company's side of the guidance program: apply, follow the visits, deliverables, survey.
struct OrgProgramController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.orgProgram(organization: id).route, use: show)
        routes.post(SiteURL.orgProgramApply(organization: id).route, use: apply)
        routes.post(SiteURL.orgProgramSurvey(organization: id).route, use: survey)
    }

    /// The records the actions need (the year's settings, the organization's application) and
    /// the page built from them.
    struct Loaded {
        var settings: ProgramSettings
        var application: ProgramApplication?
        var page: OrgProgramPage.Model
    }

    static func load(_ organization: Organization, viewer: Principal, on db: any Database) async throws -> Loaded {
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        var page = OrgProgramPage.Model(organizationID: try organization.requireID(), viewerIsOwner: viewer.isOwner, viewerName: viewer.user.displayName,
                                        settings: .init(settings))
        let application = try await service.application(of: organization, fiscalYear: settings.fiscalYear)
        if let application {
            page.application = ApplicationRow(application)
            let visits = try await service.visits(of: application)
            page.visits = VisitRow.rows(visits, attachments: try await service.attachments(of: visits))
            page.deliverables = try await service.deliverables(of: organization)
            page.surveyAnswered = try await service.survey(of: application) != nil
            page.agreedTerms = try await service.terms(fiscalYear: application.fiscalYear, version: application.termsVersion).map(OrgProgramPage.AgreedTerms.init)
        }
        return Loaded(settings: settings, application: application, page: page)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        return Layout.response(OrgProgramPage.render(try await Self.load(organization, viewer: principal, on: req.db).page, context: req.pageContext()))
    }

    struct ApplyForm: Content {
        var legalForm: String?
        var hasSecurityPolicy: String?
        var participatedPreviousYear: String?
        var contactName: String?
        var contactPhone: String?
        var message: String?
        var agreed: String?
        var termsVersion: String?
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let (principal, organization) = try MembersController.ownedOrganization(req)
        let form = try req.content.decode(ApplyForm.self)
        let loaded = try await Self.load(organization, viewer: principal, on: req.db)
        var model = loaded.page
        do {
            _ = try await ProgramService(db: req.db).apply(organization, settings: loaded.settings, input: .init(
                legalForm: .choice(form.legalForm), hasSecurityPolicy: .yesNo(form.hasSecurityPolicy),
                participatedPreviousYear: .yesNo(form.participatedPreviousYear),
                contactName: form.contactName, contactPhone: form.contactPhone, message: form.message, agreed: form.agreed == "on",
                termsVersion: form.termsVersion.flatMap { Int($0) }), by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.applied)
            return req.redirect(to: .orgProgram(organization: try organization.requireID()))
        } catch let refusal as ProgramService.ApplyRefusal {
            // Shown above the form, the form kept as typed.
            model.applyForm = FormState(values: Self.values(form))
            model.refusal = refusal.explained.message
            if case .notEligible(let decision) = refusal { model.ineligible = decision }
            return Layout.response(OrgProgramPage.render(model, context: req.pageContext()), status: refusal.explained.status)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            model.applyForm = FormState(values: Self.values(form), error: error)
            return Layout.response(OrgProgramPage.render(model, context: req.pageContext()), status: error.status)
        }
    }

    static func values(_ form: ApplyForm) -> [String: String] {
        ["legalForm": form.legalForm, "hasSecurityPolicy": form.hasSecurityPolicy, "participatedPreviousYear": form.participatedPreviousYear,
         "contactName": form.contactName, "contactPhone": form.contactPhone, "message": form.message].compactMapValues { $0 }
    }

    struct SurveyForm: Content {
        var producedResults: String?
        var satisfaction: String?
        var comments: String?
    }

    @Sendable func survey(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let loaded = try await Self.load(organization, viewer: principal, on: req.db)
        var model = loaded.page
        guard let application = loaded.application else { throw MamoriError.notFound() }
        let form = try req.content.decode(SurveyForm.self)
        do {
            try await ProgramService(db: req.db).answerSurvey(.init(producedResults: .yesNo(form.producedResults), satisfaction: .integer(form.satisfaction),
                                                                    comments: form.comments),
                                                              for: application, settings: loaded.settings, by: principal, ip: req.clientIP)
            req.flash(.success, L.Program.surveyThanks)
            return req.redirect(to: .orgProgram(organization: try organization.requireID()))
        } catch let refusal as ProgramService.SurveyRefusal {
            throw refusal.explained
        } catch let caught as any ExplainableError {
            let error = caught.explained
            model.surveyForm = FormState(values: ["producedResults": form.producedResults ?? "", "satisfaction": form.satisfaction ?? "", "comments": form.comments ?? ""], error: error)
            return Layout.response(OrgProgramPage.render(model, context: req.pageContext()), status: error.status)
        }
    }
}
