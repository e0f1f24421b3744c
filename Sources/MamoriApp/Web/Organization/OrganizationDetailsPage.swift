import Foundation
import MamoriCore
import Plot

enum OrganizationDetailsPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organization: OrganizationRow
        /// The owner edits; every other member reads.
        var canEdit: Bool
        var form: FormState

        static let mock = Model(organization: .mock, canEdit: true, form: values(of: .mock))
    }

    static func values(of organization: OrganizationRow) -> FormState {
        FormState(values: ["name": organization.name, "prefecture": organization.prefectureCode, "category": organization.category,
                           "employees": String(organization.employees), "capitalYen": organization.capitalYen.map(String.init) ?? "",
                           "address": organization.address ?? "", "representative": organization.representative ?? "",
                           "incidentContact": organization.incidentContact ?? ""])
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let (organization, canEdit, form) = (model.organization, model.canEdit, model.form)
        return Layout.page(title: t(L.Organization.organizationDetailsTitle), context: context) {
            div("narrow") {
                heading(1, t(L.Organization.organizationDetailsTitle))
                paragraph(t(L.Organization.organizationDetailsLead), class: "lead")
                if canEdit {
                    FormField.errorSummary(form, context: context)
                    El("form", [("method", "post"), ("action", SiteURL.organizationDetails(organization: organization.id).path), ("novalidate", nil)]) {
                        csrfField(context)
                        El("fieldset") {
                            El("legend") { Text(t(L.Accounts.signupOrganizationSection)) }
                            FormField.input("name", label: t(L.Accounts.organizationName), state: form, context: context,
                                            options: .init(autocomplete: "organization", required: true, maxLength: OrganizationProfile.maximumNameLength))
                            FormField.select("prefecture", label: t(L.Accounts.prefecture), choices: Prefecture.all.map { ($0.code, $0.name(context.locale)) }, state: form, context: context)
                            FormField.select("category", label: t(L.Accounts.industryCategory), choices: IndustryCategory.allCases.map { ($0.rawValue, $0.name(context.locale)) },
                                             state: form, context: context, hint: t(L.Accounts.industryCategoryHint))
                            FormField.input("employees", label: t(L.Accounts.employees), state: form, context: context,
                                            options: .init(required: true, hint: t(L.Accounts.employeesHint), inputMode: "numeric"))
                            FormField.input("capitalYen", label: t(L.Accounts.capital), state: form, context: context, options: .init(hint: t(L.Accounts.capitalHint), inputMode: "numeric"))
                        }
                        El("fieldset") {
                            El("legend") { Text(t(L.Organization.organizationReportingSection)) }
                            paragraph(t(L.Organization.organizationReportingLead), class: "hint")
                            FormField.input("address", label: t(L.Organization.organizationAddress), state: form, context: context,
                                            options: .init(autocomplete: "street-address", maxLength: OrganizationDetailsService.maximumAddress))
                            FormField.input("representative", label: t(L.Organization.organizationRepresentative), state: form, context: context,
                                            options: .init(hint: t(L.Organization.organizationRepresentativeHint), maxLength: OrganizationDetailsService.maximumRepresentative))
                            FormField.input("incidentContact", label: t(L.Telework.incidentContact), state: form, context: context,
                                            options: .init(hint: t(L.Telework.incidentContactHint), maxLength: TeleworkService.maximumContact))
                        }
                        FormField.submit(t(L.Organization.organizationDetailsSave))
                    }
                } else {
                    El("dl", [("class", "summary-facts")]) {
                        for (label, value) in [(L.Accounts.organizationName, organization.name),
                                               (L.Accounts.prefecture, organization.prefecture?.name(context.locale) ?? organization.prefectureCode),
                                               (L.Accounts.industryCategory, organization.industryCategory?.name(context.locale) ?? organization.category),
                                               (L.Accounts.employees, organization.employees.formatted()),
                                               (L.Organization.organizationAddress, organization.address ?? "—"),
                                               (L.Organization.organizationRepresentative, organization.representative ?? "—"),
                                               (L.Telework.incidentContact, organization.incidentContact ?? "—")] {
                            El("dt") { Text(t(label)) }
                            El("dd", [("class", "preserve-lines")]) { Text(value) }
                        }
                    }
                    paragraph(t(L.Organization.organizationDetailsOwnerOnly), class: "hint")
                }
            }
        }
    }
}
