import MamoriCore
import Plot

enum OrganizationDetailsPage {
    static func values(of organization: Organization) -> FormState {
        FormState(values: ["name": organization.name, "prefecture": organization.prefectureCode, "category": organization.category,
                           "employees": String(organization.employees), "capitalYen": organization.capitalYen.map(String.init) ?? "",
                           "address": organization.address ?? "", "representative": organization.representative ?? "",
                           "incidentContact": organization.incidentContact ?? ""])
    }

    static func render(_ organization: Organization, canEdit: Bool, form: FormState, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.organizationDetailsTitle), context: context) {
            div("narrow") {
                heading(1, t(L.organizationDetailsTitle))
                paragraph(t(L.organizationDetailsLead), class: "lead")
                if canEdit {
                    FormField.errorSummary(form, context: context)
                    El("form", [("method", "post"), ("action", SiteURL.organizationDetails(organization: organization.id!).path), ("novalidate", nil)]) {
                        csrfField(context)
                        El("fieldset") {
                            El("legend") { Text(t(L.signupOrganizationSection)) }
                            FormField.input("name", label: t(L.organizationName), state: form, context: context,
                                            options: .init(autocomplete: "organization", required: true, maxLength: OrganizationProfile.maximumNameLength))
                            FormField.select("prefecture", label: t(L.prefecture), choices: Prefecture.all.map { ($0.code, $0.name(context.locale)) }, state: form, context: context)
                            FormField.select("category", label: t(L.industryCategory), choices: IndustryCategory.allCases.map { ($0.rawValue, $0.name(context.locale)) },
                                             state: form, context: context, hint: t(L.industryCategoryHint))
                            FormField.input("employees", label: t(L.employees), state: form, context: context,
                                            options: .init(required: true, hint: t(L.employeesHint), inputMode: "numeric"))
                            FormField.input("capitalYen", label: t(L.capital), state: form, context: context, options: .init(hint: t(L.capitalHint), inputMode: "numeric"))
                        }
                        El("fieldset") {
                            El("legend") { Text(t(L.organizationReportingSection)) }
                            paragraph(t(L.organizationReportingLead), class: "hint")
                            FormField.input("address", label: t(L.organizationAddress), state: form, context: context,
                                            options: .init(autocomplete: "street-address", maxLength: OrganizationDetailsService.maximumAddress))
                            FormField.input("representative", label: t(L.organizationRepresentative), state: form, context: context,
                                            options: .init(hint: t(L.organizationRepresentativeHint), maxLength: OrganizationDetailsService.maximumRepresentative))
                            FormField.input("incidentContact", label: t(L.Telework.incidentContact), state: form, context: context,
                                            options: .init(hint: t(L.Telework.incidentContactHint), maxLength: TeleworkService.maximumContact))
                        }
                        FormField.submit(t(L.organizationDetailsSave))
                    }
                } else {
                    El("dl", [("class", "summary-facts")]) {
                        for (label, value) in [(L.organizationName, organization.name),
                                               (L.prefecture, organization.prefecture?.name(context.locale) ?? organization.prefectureCode),
                                               (L.industryCategory, organization.industryCategory?.name(context.locale) ?? organization.category),
                                               (L.employees, organization.employees.formatted()),
                                               (L.organizationAddress, organization.address ?? "—"),
                                               (L.organizationRepresentative, organization.representative ?? "—"),
                                               (L.Telework.incidentContact, organization.incidentContact ?? "—")] {
                            El("dt") { Text(t(label)) }
                            El("dd", [("class", "preserve-lines")]) { Text(value) }
                        }
                    }
                    paragraph(t(L.organizationDetailsOwnerOnly), class: "hint")
                }
            }
        }
    }
}
