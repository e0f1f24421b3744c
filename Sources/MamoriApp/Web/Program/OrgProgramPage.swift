import Foundation
import MamoriCore
import Plot

enum OrgProgramPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        /// Only an owner applies; the form starts with the viewer's name as the contact.
        var viewerIsOwner: Bool
        var viewerName: String
        var settings: ProgramSettingsSummary
        var application: ApplicationRow?
        var visits: [VisitRow] = []
        var deliverables: [(Deliverable, Deliverable.Status)] = []
        var surveyAnswered = false
        /// The version of the terms the application agreed to.
        var agreedTerms: AgreedTerms?
        var applyForm: FormState = .empty
        var refusal: LocalizedText?
        var ineligible: ProgramEligibility.Decision?
        var surveyForm: FormState = .empty

        /// Accepted, the first visit done and the second to come.
        static let mock = Model(organizationID: OrganizationRow.mock.id, viewerIsOwner: true, viewerName: "山田 <太郎>", settings: .mock,
                                application: .mock, visits: VisitRow.mock, deliverables: DeliverableList.mock,
                                agreedTerms: AgreedTerms(version: 2, textJa: ProgramTerms.defaultJa, textEn: ProgramTerms.defaultEn))
    }

    /// A version of the participation terms in both languages.
    struct AgreedTerms: Sendable {
        var version: Int
        var textJa: String
        var textEn: String

        init(version: Int, textJa: String, textEn: String) {
            (self.version, self.textJa, self.textEn) = (version, textJa, textEn)
        }

        init(_ terms: ProgramTermsVersion) {
            self.init(version: terms.version, textJa: terms.textJa, textEn: terms.textEn)
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let settings = model.settings
        let isOwner = model.viewerIsOwner
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
                        El("dd") { Text(application.expertName ?? t(L.Program.notAssignedYet)) }
                    }
                    if let terms = model.agreedTerms { agreedTermsDetails(terms, context: context) }
                }
                if application.status == .accepted {
                    El("section", [("class", "card card-wide"), ("aria-labelledby", "visits")]) {
                        heading(2, t(L.Program.visitsTitle), id: "visits")
                        VisitList(visits: model.visits, visitsPerCompany: settings.visitsPerCompany, context: context)
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

    private static func applySection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let state = model.applyForm.values.isEmpty && model.applyForm.errors.isEmpty
            ? FormState(values: ["legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no",
                                 "contactName": model.viewerName]) : model.applyForm
        let yesNo = [("no", t(L.Program.no)), ("yes", t(L.Program.yes))]
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "apply")]) {
            heading(2, t(L.Program.applyTitle), id: "apply")
            FormField.errorSummary(model.applyForm, context: context)
            El("form", [("method", "post"), ("action", SiteURL.orgProgramApply(organization: model.organizationID).path)]) {
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
    private static func agreedTermsDetails(_ terms: AgreedTerms, context: PageContext) -> Component {
        let summary: String = context.t(L.Program.agreedTermsTitle(terms.version))
        return El("details", [("class", "agreed-terms")]) {
            El("summary") { Text(summary) }
            ProgramTermsText(ja: terms.textJa, en: terms.textEn, context: context)
        }
    }

    private static func surveySection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let done = model.visits.filter(\.isDone).count
        return El("section", [("class", "card card-wide"), ("aria-labelledby", "survey")]) {
            heading(2, t(L.Program.surveyTitle), id: "survey")
            if model.surveyAnswered {
                paragraph(t(L.Program.surveyThanks))
            } else if done < model.settings.visitsPerCompany {
                paragraph(t(L.Program.surveyNotYet), class: "muted")
            } else {
                paragraph(t(L.Program.surveyLead))
                FormField.errorSummary(model.surveyForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.orgProgramSurvey(organization: model.organizationID).path)]) {
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
