import MamoriCore
import Plot

enum EligibilityPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        /// The answers (prefilled, typed or refused).
        var form: FormState = .empty
        /// The result, once the answers could be decided.
        var decision: ProgramEligibility.Decision?
        /// For a signed-in organization, whether Mamori holds its published basic policy (then
        /// the question is answered from that); nil for visitors.
        var knownPolicy: Bool?

        /// A small retailer with one star, decided eligible.
        static let mock: Model = {
            let category = IndustryCategory.allCases[0]
            let decision = try? ProgramEligibility.decide(.init(category: category, capitalYen: 10_000_000, employees: 25, securityActionStars: 1))
            return Model(form: FormState(values: ["category": category.rawValue, "capitalYen": "10000000", "employees": "25", "legalForm": "corporation",
                                                  "securityActionStars": "1", "hasSecurityPolicy": "no", "participatedPreviousYear": "no"]),
                         decision: decision, knownPolicy: nil)
        }()
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let (form, decision, knownPolicy) = (model.form, model.decision, model.knownPolicy)
        let categories = IndustryCategory.allCases.map { ($0.rawValue, "\($0.row). " + $0.name(context.locale)) }
        let mainIndustries = IndustryCategory.allCases.filter(\.canBeMainIndustry).map { ($0.rawValue, "\($0.row). " + $0.name(context.locale)) }
        let yesNo = [("no", t(L.Program.no)), ("yes", t(L.Program.yes))]
        return Layout.page(title: t(L.Program.eligibilityTitle), context: context) {
            heading(1, t(L.Program.eligibilityTitle))
            paragraph(t(L.Program.eligibilityLead), class: "lead")
            if let decision {
                El("section", [("class", "result-summary " + (decision.eligible ? "band-entry_level_reached" : "band-at_risk")), ("role", "status"), ("id", "decision")]) {
                    El("p", [("class", "result-band")]) { Text(t(decision.eligible ? L.Program.eligibleTitle : L.Program.notEligibleTitle)) }
                    conditionList(decision, context: context)
                    nextSteps(decision, context: context)
                }
            }
            FormField.errorSummary(form, context: context)
            El("form", [("method", "get"), ("action", SiteURL.eligibility.path), ("class", "card card-wide"), ("novalidate", nil)]) {
                FormField.select("category", label: t(L.Accounts.industryCategory), choices: categories, state: form, context: context)
                FormField.select("mainIndustry", label: t(L.Program.mainIndustry), choices: mainIndustries, state: form, context: context,
                                 required: false, hint: t(L.Program.mainIndustryHint))
                FormField.input("capitalYen", label: t(L.Accounts.capital), state: form, context: context, options: .init(hint: t(L.Accounts.capitalHint), inputMode: "numeric"))
                FormField.input("employees", label: t(L.Accounts.employees), state: form, context: context, options: .init(required: true, hint: t(L.Accounts.employeesHint), inputMode: "numeric"))
                FormField.select("legalForm", label: t(L.Program.legalForm),
                                 choices: [("corporation", t(L.Program.legalFormCorporation)), ("sole_proprietor", t(L.Program.legalFormSole)), ("group", t(L.Program.legalFormGroup))],
                                 state: form, context: context)
                FormField.select("securityActionStars", label: t(L.Program.securityActionStarsQuestion),
                                 choices: [("0", t(L.Diagnosis.stars(0))), ("1", t(L.Diagnosis.stars(1))), ("2", t(L.Diagnosis.stars(2)))], state: form, context: context)
                if knownPolicy == true {
                    El.void("input", [("type", "hidden"), ("name", "hasSecurityPolicy"), ("value", "yes")])
                    El("p", [("class", "field known-fact"), ("id", "known-policy")]) { Text(t(L.Program.knownPolicyPublished)) }
                } else {
                    FormField.select("hasSecurityPolicy", label: t(L.Program.hasPolicyQuestion), choices: yesNo, state: form, context: context,
                                     hint: knownPolicy == false ? t(L.Program.knownNoPolicy) : nil)
                }
                FormField.select("participatedPreviousYear", label: t(L.Program.previousYearQuestion), choices: yesNo, state: form, context: context)
                FormField.submit(t(L.Program.eligibilityCheck))
            }
            El("section", [("aria-labelledby", "limits")]) {
                heading(2, t(L.Program.limitsTitle), id: "limits")
                paragraph(t(L.Program.limitsRule), class: "hint")
                div("table-scroll") {
                    El("table") {
                        El("thead") {
                            El("tr") {
                                El("th", [("scope", "col")]) { Text(t(L.Accounts.industryCategory)) }
                                El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.capitalLimit)) }
                                El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.Program.employeeLimit)) }
                            }
                        }
                        El("tbody") {
                            for category in IndustryCategory.allCases {
                                El("tr") {
                                    El("td") { Text("\(category.row). " + category.name(context.locale)) }
                                    El("td", [("class", "number")]) { Text(category.capitalLimitYen.map { "¥" + $0.formatted() } ?? "—") }
                                    El("td", [("class", "number")]) { Text(category.employeeLimit.map { "\($0)" } ?? t(L.Program.mainIndustryLimit)) }
                                }
                            }
                        }
                    }
                }
                paragraph(t(L.Program.eligibilitySource), class: "hint source")
            }
        }
    }

    /// Every condition with whether it holds and why, in the official order. Failing ones keep
    /// `data-reason` (the reason the API reports).
    static func conditionList(_ decision: ProgramEligibility.Decision, context: PageContext) -> Component {
        let t = context.t
        return El("ul", [("class", "checklist conditions")]) {
            for condition in decision.conditions {
                El("li", [("class", condition.met ? "met" : "unmet"), ("data-condition", condition.reason.rawValue),
                          ("data-met", condition.met ? "true" : "false")]
                   + (condition.met ? [] : [("data-reason", condition.reason.rawValue)])) {
                    El("span", [("class", "status-tag")]) { Text(t(condition.met ? L.Program.conditionMet : L.Program.conditionNotMet)) }
                    Text(" ")
                    El("strong") { Text(t(L.Program.condition(condition.reason))) }
                    El("p", [("class", "hint")]) {
                        Text(t(condition.met ? L.Program.conditionMetBecause(condition.reason, basis: decision.smeBasis) : L.Program.reason(condition.reason)))
                        if !condition.met && condition.reason == .noSecurityAction {
                            Text(" ")
                            link(t(L.Diagnosis.securityActionOfficialSite), to: SecurityActionReadiness.officialSite, [("rel", "noopener noreferrer")])
                        }
                    }
                }
            }
        }
    }

    /// What to do next: sign up (visitors) or go to the application (a signed-in organization).
    static func nextSteps(_ decision: ProgramEligibility.Decision, context: PageContext) -> Component {
        let t = context.t
        guard decision.eligible else { return EmptyComponent() }
        guard let principal = context.principal else {
            return El("div", [("class", "next-steps"), ("id", "next-steps")]) {
                paragraph(t(L.Program.eligibleNextVisitor))
                div("actions") {
                    link(t(L.Program.eligibleSignUp), to: SiteURL.signup().path, [("class", "button")])
                    link(t(L.Program.eligibleLogIn), to: SiteURL.login(next: nil).path, [("class", "button secondary")])
                }
            }
        }
        guard principal.role.belongsToOrganization, let organizationID = principal.organizationID else { return EmptyComponent() }
        return El("div", [("class", "next-steps"), ("id", "next-steps")]) {
            paragraph(t(principal.isOwner ? L.Program.eligibleNextOwner : L.Program.ownerOnlyApplies))
            div("actions") {
                link(t(principal.isOwner ? L.Program.eligibleApply : L.Program.eligibleSeeProgram),
                     to: SiteURL.orgProgram(organization: organizationID).path + (principal.isOwner ? "#apply" : ""), [("class", "button")])
            }
        }
    }
}
