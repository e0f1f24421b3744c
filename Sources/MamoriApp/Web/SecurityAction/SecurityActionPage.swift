import Foundation
import MamoriCore
import Plot

enum SecurityActionPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        var readiness: SecurityActionReadiness
        var declarations: [Declaration]
        /// Answers of items 1–5 in the combined view, if any diagnosis exists.
        var diagnosisAnswers: DiagnosisAnswers?
        var declarationForm: FormState = .empty

        static let mock = Model(organizationID: SiteURL.anyID,
                                readiness: SecurityActionReadiness(checkedMeasures: [1, 2, 3], hasSelfDiagnosis: true, policyPublished: false, declaredStars: 1),
                                declarations: [Declaration(declaredOn: "2026-04-01", stars: 1, declarationID: "SA-<0001>")], diagnosisAnswers: nil)
    }

    /// A declaration as the page lists it.
    struct Declaration {
        var declaredOn: String
        var stars: Int
        var declarationID: String
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let content = DiagnosisContent.bundled
        let orgID = model.organizationID
        let readiness = model.readiness
        let conflicts = SecurityActionReadiness.conflicts(checked: readiness.checkedMeasures, answers: model.diagnosisAnswers, content: content)
        let missingForTwoStars = SecurityActionService.missingForTwoStars(readiness)
        return Layout.page(title: t(L.Diagnosis.securityActionTitle), context: context) {
            heading(1, t(L.Diagnosis.securityActionTitle))
            paragraph(t(L.Diagnosis.securityActionLead), class: "lead")
            El("p", [("id", "official-site")]) {
                link(t(L.Diagnosis.securityActionOfficialSite), to: SecurityActionReadiness.officialSite, [("rel", "noopener noreferrer")])
                Text(" " + t(L.Diagnosis.securityActionOfficialSiteNote))
            }
            El("p", [("class", "stars")]) {
                Text(t(L.Diagnosis.currentStars) + t(L.Common.colon))
                El("strong") { Text(t(L.Diagnosis.stars(readiness.declaredStars ?? 0))) }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "readiness")]) {
                heading(2, t(L.Diagnosis.readinessTitle), id: "readiness")
                if let next = readiness.nextStar {
                    if readiness.missingForNextStar.isEmpty {
                        El("p", [("class", "ready")]) { Text(t(L.Diagnosis.readyFor(next))) }
                    }
                    El("ul", [("class", "checklist")]) {
                        for requirement in next == 1 ? [SecurityActionReadiness.Requirement.basicMeasures] : [.selfDiagnosis, .policyPublished] {
                            let met = readiness.met.contains(requirement)
                            El("li", [("class", met ? "met" : "unmet")]) {
                                El("span", [("class", "status-tag")]) { Text(t(met ? L.Diagnosis.requirementMet : L.Diagnosis.requirementNotYet)) }
                                Text(" " + t(L.Diagnosis.requirement(requirement)))
                                if requirement == .policyPublished && !met {
                                    El("p", [("class", "hint"), ("id", "policy-step")]) {
                                        Text(t(L.Policy.stageExplanation(readiness.policyStage)) + " ")
                                        link(t(L.Policy.title), to: SiteURL.policy(organization: orgID).path)
                                    }
                                }
                                if requirement == .selfDiagnosis && !met {
                                    El("p") { link(t(L.Diagnosis.homeStartDiagnosis), to: SiteURL.selfDiagnosis.path) }
                                }
                            }
                        }
                    }
                } else {
                    paragraph(t(L.Diagnosis.allStarsDeclared))
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "measures")]) {
                heading(2, t(L.Diagnosis.basicMeasuresTitle), id: "measures")
                paragraph(t(L.Diagnosis.basicMeasuresLead), class: "hint")
                El("form", [("method", "post"), ("action", SiteURL.securityActionMeasures(organization: orgID).path)]) {
                    csrfField(context)
                    El("ul", [("class", "measures")]) {
                        for measure in content.basicMeasures {
                            El("li") {
                                El("label", [("class", "measure")]) {
                                    El.void("input", [("type", "checkbox"), ("name", "measure\(measure.number)"), ("value", "on")]
                                            + (readiness.checkedMeasures.contains(measure.number) ? [("checked", nil)] : []))
                                    El("span") {
                                        El("strong") { Text("\(measure.number). " + t(measure.title)) }
                                        El("span", [("class", "hint")]) { Text(" " + t(measure.description)) }
                                    }
                                }
                                El("p", [("class", "hint")]) {
                                    Text(t(L.Diagnosis.diagnosisSays) + t(L.Common.colon))
                                    Text(model.diagnosisAnswers.map { t(content.answer($0[measure.diagnosisItem]).label) } ?? t(L.Diagnosis.notDiagnosedYet))
                                }
                                if let conflict = conflicts.first(where: { $0.measure == measure.number }) {
                                    El("p", [("class", "warning-text"), ("data-conflict", String(measure.number))]) {
                                        Text(t(L.Diagnosis.measureConflict(answer: content.answer(conflict.answer).label)) + " ")
                                        link(t(L.Diagnosis.homeStartDiagnosis), to: SiteURL.selfDiagnosis.path)
                                    }
                                }
                            }
                        }
                    }
                    FormField.submit(t(L.Diagnosis.basicMeasuresSave))
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "declarations")]) {
                heading(2, t(L.Diagnosis.declarationsTitle), id: "declarations")
                El("p", [("class", "hint")]) {
                    Text(t(L.Diagnosis.declarationsLead) + " ")
                    link(t(L.Diagnosis.securityActionOfficialSite), to: SecurityActionReadiness.officialSite, [("rel", "noopener noreferrer")])
                }
                FormField.errorSummary(model.declarationForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.securityActionDeclarations(organization: orgID).path)]) {
                    csrfField(context)
                    FormField.select("stars", label: t(L.Diagnosis.declarationStars), choices: [("1", t(L.Diagnosis.stars(1))), ("2", t(L.Diagnosis.stars(2)))],
                                     state: model.declarationForm, context: context)
                    if !missingForTwoStars.isEmpty {
                        // Two stars while a condition is unmet: say which, where to fix it, and
                        // accept it only with an explicit confirmation.
                        El("div", [("class", "notice notice-warning"), ("id", "two-star-conditions")]) {
                            paragraph(t(L.Diagnosis.twoStarsConditionsLead))
                            El("ul") {
                                for requirement in missingForTwoStars {
                                    El("li", [("data-missing", requirement.rawValue)]) { Text(t(L.Diagnosis.requirement(requirement))) }
                                }
                            }
                            // Buttons, so two links side by side do not read as one.
                            div("actions") {
                                if missingForTwoStars.contains(.selfDiagnosis) {
                                    link(t(L.Diagnosis.homeStartDiagnosis), to: SiteURL.selfDiagnosis.path, [("class", "button secondary small")])
                                }
                                if missingForTwoStars.contains(.policyPublished) {
                                    link(t(L.Policy.title), to: SiteURL.policy(organization: orgID).path, [("class", "button secondary small")])
                                }
                            }
                            FormField.checkbox("conditionsMetElsewhere", label: t(L.Diagnosis.twoStarsMetElsewhere), checked: false,
                                               state: model.declarationForm, context: context)
                        }
                    }
                    FormField.input("declarationID", label: t(L.Diagnosis.declarationID), state: model.declarationForm, context: context,
                                    options: .init(required: true, maxLength: TextLimit.code))
                    FormField.input("declaredOn", label: t(L.Diagnosis.declaredOn),
                                    state: model.declarationForm.values.isEmpty ? FormState(values: ["declaredOn": CalendarDate.today()]) : model.declarationForm,
                                    context: context,
                                    options: .init(kind: .date, required: true))
                    FormField.submit(t(L.Diagnosis.declarationRecord))
                }
                if model.declarations.isEmpty {
                    paragraph(t(L.Diagnosis.noDeclarations), class: "muted")
                } else {
                    div("table-scroll") {
                        El("table", [("class", "compact")]) {
                            tableHead([L.Diagnosis.declaredOn, L.Diagnosis.declarationStars, L.Diagnosis.declarationID].map(t))
                            El("tbody") {
                                for declaration in model.declarations {
                                    El("tr") {
                                        El("td") { Text(DateText.calendarDate(declaration.declaredOn, context.locale)) }
                                        El("td") { Text(t(L.Diagnosis.stars(declaration.stars))) }
                                        El("td") { Text(declaration.declarationID) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
