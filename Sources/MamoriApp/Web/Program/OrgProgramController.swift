import Fluent
import Foundation
import MamoriCore
import Plot
import Vapor

/// The company's side of the guidance program: apply, follow the visits, deliverables, survey.
struct OrgProgramController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.orgProgram(organization: id).route, use: show)
        routes.post(SiteURL.orgProgramApply(organization: id).route, use: apply)
        routes.post(SiteURL.orgProgramSurvey(organization: id).route, use: survey)
    }

    struct Model {
        var organization: Organization
        var settings: ProgramSettings
        var application: ProgramApplication?
        var visits: [ProgramVisit] = []
        var attachments: [UUID: [VisitAttachment]] = [:]
        var deliverables: [(Deliverable, Deliverable.Status)] = []
        var survey: ProgramSurvey?
        /// The version of the terms the application agreed to.
        var agreedTerms: ProgramTermsVersion?
        var applyForm: FormState = .empty
        var refusal: LocalizedText?
        var ineligible: ProgramEligibility.Decision?
        var surveyForm: FormState = .empty
    }

    static func model(_ organization: Organization, on db: any Database) async throws -> Model {
        let service = ProgramService(db: db)
        let settings = try await service.settings()
        var model = Model(organization: organization, settings: settings)
        model.application = try await service.application(of: organization, fiscalYear: settings.fiscalYear)
        if let application = model.application {
            model.visits = try await service.visits(of: application)
            model.attachments = try await service.attachments(of: model.visits)
            model.deliverables = try await service.deliverables(of: organization)
            model.survey = try await service.survey(of: application)
            model.agreedTerms = try await service.terms(fiscalYear: application.fiscalYear, version: application.termsVersion)
        }
        return model
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        return Layout.response(OrgProgramPage.render(try await Self.model(organization, on: req.db), context: req.pageContext()))
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
        var model = try await Self.model(organization, on: req.db)
        do {
            _ = try await ProgramService(db: req.db).apply(organization, settings: model.settings, input: .init(
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
        var model = try await Self.model(organization, on: req.db)
        guard let application = model.application else { throw MamoriError.notFound() }
        let form = try req.content.decode(SurveyForm.self)
        do {
            try await ProgramService(db: req.db).answerSurvey(.init(producedResults: form.producedResults, satisfaction: form.satisfaction, comments: form.comments),
                                                              for: application, settings: model.settings, by: principal, ip: req.clientIP)
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

enum OrgProgramPage {
    static func render(_ model: OrgProgramController.Model, context: PageContext) -> String {
        let t = context.t
        let settings = model.settings
        let isOwner = context.principal?.isOwner ?? false
        return Layout.page(title: t(L.Program.programTitle), context: context) {
            heading(1, t(L.Program.programTitle) + " " + t(L.Program.fiscalYear(settings.fiscalYear)))
            paragraph(t(L.Program.programLead), class: "lead")
            paragraph(t(L.Program.applicationPeriod(DateText.calendarDate(settings.opensOn, context.locale), DateText.calendarDate(settings.closesOn, context.locale))), class: "hint")
            if let refusal = model.refusal {
                El("div", [("class", "flash flash-error"), ("role", "alert")]) {
                    Text(t(refusal))
                    if let decision = model.ineligible {
                        El("ul") { for reason in decision.reasons { El("li", [("data-reason", reason.rawValue)]) { Text(t(L.Program.reason(reason))) } } }
                    }
                }
            }
            if let application = model.application {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "status")]) {
                    heading(2, t(L.Program.applicationStatusTitle), id: "status")
                    El("dl", [("class", "facts")]) {
                        El("dt") { Text(t(L.Organization.status)) }
                        El("dd") { El("strong", [("data-status", application.status.rawValue)]) { Text(t(L.Program.applicationStatus(application.status))) } }
                        El("dt") { Text(t(L.Program.submittedAt)) }
                        El("dd") { timeElement(application.submittedAt, context) }
                        El("dt") { Text(t(L.Program.assignedExpert)) }
                        El("dd") { Text(application.expert?.name ?? t(L.Program.notAssignedYet)) }
                    }
                    if let terms = model.agreedTerms { agreedTermsDetails(terms, context: context) }
                }
                if application.status == .accepted {
                    El("section", [("class", "card card-wide"), ("aria-labelledby", "visits")]) {
                        heading(2, t(L.Program.visitsTitle), id: "visits")
                        VisitList(visits: model.visits, visitsPerCompany: settings.visitsPerCompany, attachments: model.attachments, context: context)
                    }
                    El("section", [("class", "card card-wide"), ("aria-labelledby", "deliverables")]) {
                        heading(2, t(L.Program.deliverablesTitle), id: "deliverables")
                        DeliverableList(deliverables: model.deliverables, context: context)
                    }
                    surveySection(model, context: context)
                }
            } else if isOwner {
                applySection(model, context: context)
            } else {
                paragraph(t(L.Program.ownerOnlyApplies), class: "muted")
            }
            link(t(L.Program.navEligibility), to: SiteURL.eligibility.path)
        }
    }

    private static func applySection(_ model: OrgProgramController.Model, context: PageContext) -> Component {
        let t = context.t
        let state = model.applyForm.values.isEmpty && model.applyForm.errors.isEmpty
            ? FormState(values: ["legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no",
                                 "contactName": context.principal?.user.displayName ?? ""]) : model.applyForm
        let yesNo = [("no", t(L.Program.no)), ("yes", t(L.Program.yes))]
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "apply")]) {
            heading(2, t(L.Program.applyTitle), id: "apply")
            FormField.errorSummary(model.applyForm, context: context)
            El("form", [("method", "post"), ("action", SiteURL.orgProgramApply(organization: model.organization.id!).path)]) {
                csrfField(context)
                El.void("input", [("type", "hidden"), ("name", "termsVersion"), ("value", String(model.settings.termsVersion))])
                FormField.select("legalForm", label: t(L.Program.legalForm),
                                 choices: [("corporation", t(L.Program.legalFormCorporation)), ("sole_proprietor", t(L.Program.legalFormSole)), ("group", t(L.Program.legalFormGroup))],
                                 state: state, context: context)
                FormField.select("hasSecurityPolicy", label: t(L.Program.hasPolicyQuestion), choices: yesNo, state: state, context: context)
                FormField.select("participatedPreviousYear", label: t(L.Program.previousYearQuestion), choices: yesNo, state: state, context: context)
                FormField.input("contactName", label: t(L.Program.contactName), state: state, context: context, options: .init(autocomplete: "name", required: true, maxLength: TextLimit.name))
                FormField.input("contactPhone", label: t(L.Program.contactPhone), state: state, context: context, options: .init(type: "tel", autocomplete: "tel", required: true, maxLength: TextLimit.number))
                FormField.textArea("message", label: t(L.Program.applyMessage), state: state, context: context)
                heading(3, t(L.Program.termsLabel) + t(L.Common.parenthesized(t(L.Program.termsVersion(model.settings.termsVersion)))))
                ProgramTermsText(ja: model.settings.termsTextJa, en: model.settings.termsTextEn, context: context)
                FormField.checkbox("agreed", label: t(L.Program.agreeTerms), checked: false, state: model.applyForm, context: context)
                FormField.submit(t(L.Program.applySubmit))
            }
        }
    }

    /// What the application agreed to, in the page's language, folded away.
    private static func agreedTermsDetails(_ terms: ProgramTermsVersion, context: PageContext) -> Component {
        let summary: String = context.t(L.Program.agreedTermsTitle(terms.version))
        return El("details", [("class", "agreed-terms")]) {
            El("summary") { Text(summary) }
            ProgramTermsText(ja: terms.textJa, en: terms.textEn, context: context)
        }
    }

    private static func surveySection(_ model: OrgProgramController.Model, context: PageContext) -> Component {
        let t = context.t
        let done = model.visits.filter(\.isDone).count
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "survey")]) {
            heading(2, t(L.Program.surveyTitle), id: "survey")
            if model.survey != nil {
                paragraph(t(L.Program.surveyThanks))
            } else if done < model.settings.visitsPerCompany {
                paragraph(t(L.Program.surveyNotYet), class: "muted")
            } else {
                paragraph(t(L.Program.surveyLead))
                FormField.errorSummary(model.surveyForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.orgProgramSurvey(organization: model.organization.id!).path)]) {
                    csrfField(context)
                    FormField.select("producedResults", label: t(L.Program.producedResultsQuestion), choices: [("yes", t(L.Program.yes)), ("no", t(L.Program.no))], state: model.surveyForm, context: context)
                    FormField.select("satisfaction", label: t(L.Program.satisfactionQuestion), choices: (1...5).map { (String($0), String($0)) }, state: model.surveyForm, context: context)
                    FormField.textArea("comments", label: t(L.Program.comments), state: model.surveyForm, context: context)
                    FormField.submit(t(L.Program.surveySubmit))
                }
            }
        }
    }
}
