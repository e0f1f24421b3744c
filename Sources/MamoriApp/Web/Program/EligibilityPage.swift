import MamoriCore
import Plot

enum EligibilityPage {
    /// `knownPolicy`: for a signed-in organization, whether Mamori holds its published basic
    /// policy (then the question is answered from that); nil for visitors.
    static func render(form: FormState, decision: ProgramEligibility.Decision?, knownPolicy: Bool? = nil, context: PageContext) -> String {
        let t = context.t
        let categories = IndustryCategory.allCases.map { ($0.rawValue, "\($0.row). " + $0.name(context.locale)) }
        let mainIndustries = IndustryCategory.allCases.filter(\.canBeMainIndustry).map { ($0.rawValue, "\($0.row). " + $0.name(context.locale)) }
        let yesNo = [("no", t(L.no)), ("yes", t(L.yes))]
        return Layout.page(title: t(L.eligibilityTitle), context: context) {
            heading(1, t(L.eligibilityTitle))
            paragraph(t(L.eligibilityLead), class: "lead")
            if let decision {
                El("section", [("class", "result-summary " + (decision.eligible ? "band-entry_level_reached" : "band-at_risk")), ("role", "status"), ("id", "decision")]) {
                    El("p", [("class", "result-band")]) { Text(t(decision.eligible ? L.eligibleTitle : L.notEligibleTitle)) }
                    conditionList(decision, context: context)
                    nextSteps(decision, context: context)
                }
            }
            FormField.errorSummary(form, context: context)
            El("form", [("method", "get"), ("action", SiteURL.eligibility.path), ("class", "card card-wide"), ("novalidate", nil)]) {
                FormField.select("category", label: t(L.industryCategory), choices: categories, state: form, context: context)
                FormField.select("mainIndustry", label: t(L.mainIndustry), choices: mainIndustries, state: form, context: context,
                                 required: false, hint: t(L.mainIndustryHint))
                FormField.input("capitalYen", label: t(L.capital), state: form, context: context, options: .init(hint: t(L.capitalHint), inputMode: "numeric"))
                FormField.input("employees", label: t(L.employees), state: form, context: context, options: .init(required: true, hint: t(L.employeesHint), inputMode: "numeric"))
                FormField.select("legalForm", label: t(L.legalForm),
                                 choices: [("corporation", t(L.legalFormCorporation)), ("sole_proprietor", t(L.legalFormSole)), ("group", t(L.legalFormGroup))],
                                 state: form, context: context)
                FormField.select("securityActionStars", label: t(L.securityActionStarsQuestion),
                                 choices: [("0", t(L.stars(0))), ("1", t(L.stars(1))), ("2", t(L.stars(2)))], state: form, context: context)
                if knownPolicy == true {
                    El.void("input", [("type", "hidden"), ("name", "hasSecurityPolicy"), ("value", "yes")])
                    El("p", [("class", "field known-fact"), ("id", "known-policy")]) { Text(t(L.knownPolicyPublished)) }
                } else {
                    FormField.select("hasSecurityPolicy", label: t(L.hasPolicyQuestion), choices: yesNo, state: form, context: context,
                                     hint: knownPolicy == false ? t(L.knownNoPolicy) : nil)
                }
                FormField.select("participatedPreviousYear", label: t(L.previousYearQuestion), choices: yesNo, state: form, context: context)
                FormField.submit(t(L.eligibilityCheck))
            }
            El("section", [("aria-labelledby", "limits")]) {
                heading(2, t(L.limitsTitle), id: "limits")
                paragraph(t(L.limitsRule), class: "hint")
                div("table-scroll") {
                    El("table") {
                        El("thead") {
                            El("tr") {
                                El("th", [("scope", "col")]) { Text(t(L.industryCategory)) }
                                El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.capitalLimit)) }
                                El("th", [("scope", "col"), ("class", "number")]) { Text(t(L.employeeLimit)) }
                            }
                        }
                        El("tbody") {
                            for category in IndustryCategory.allCases {
                                El("tr") {
                                    El("td") { Text("\(category.row). " + category.name(context.locale)) }
                                    El("td", [("class", "number")]) { Text(category.capitalLimitYen.map { "¥" + $0.formatted() } ?? "—") }
                                    El("td", [("class", "number")]) { Text(category.employeeLimit.map { "\($0)" } ?? t(L.mainIndustryLimit)) }
                                }
                            }
                        }
                    }
                }
                paragraph(t(L.eligibilitySource), class: "hint source")
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
                    El("span", [("class", "status-tag")]) { Text(t(condition.met ? L.conditionMet : L.conditionNotMet)) }
                    Text(" ")
                    El("strong") { Text(t(L.condition(condition.reason))) }
                    El("p", [("class", "hint")]) {
                        Text(t(condition.met ? L.conditionMetBecause(condition.reason, basis: decision.smeBasis) : L.reason(condition.reason)))
                        if !condition.met && condition.reason == .noSecurityAction {
                            Text(" ")
                            link(t(L.securityActionOfficialSite), to: SecurityActionReadiness.officialSite, [("rel", "noopener noreferrer")])
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
                paragraph(t(L.eligibleNextVisitor))
                div("actions") {
                    link(t(L.eligibleSignUp), to: SiteURL.signup().path, [("class", "button")])
                    link(t(L.eligibleLogIn), to: SiteURL.login(next: nil).path, [("class", "button secondary")])
                }
            }
        }
        guard principal.role.belongsToOrganization, let organizationID = principal.organizationID else { return EmptyComponent() }
        return El("div", [("class", "next-steps"), ("id", "next-steps")]) {
            paragraph(t(principal.isOwner ? L.eligibleNextOwner : L.ownerOnlyApplies))
            div("actions") {
                link(t(principal.isOwner ? L.eligibleApply : L.eligibleSeeProgram),
                     to: SiteURL.orgProgram(organization: organizationID).path + (principal.isOwner ? "#apply" : ""), [("class", "button")])
            }
        }
    }
}
