import Fluent
import Foundation
import MamoriCore
import Plot

enum OfficeOrganizationsPage {
    static func render(_ organizations: Page<Organization>, userCounts: [UUID: Int], context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.officeOrganizationsTitle), context: context) {
            heading(1, t(L.officeOrganizationsTitle))
            El("p") { link(t(L.PasswordReset.officeAccountsLink), to: SiteURL.officeAccounts(role: Role.owner.rawValue).path) }
            if organizations.items.isEmpty {
                paragraph(t(L.noOrganizationsYet), class: "muted")
            } else {
                OrganizationTable(organizations: organizations.items, userCounts: userCounts, context: context)
                pagination(organizations, context: context) { SiteURL.officeOrganizations(page: $0).path }
            }
        }
    }
}

enum OfficeExpertsPage {
    struct Model {
        var experts: [ExpertProfile]
        var loads: [UUID: Int]
        var openInvitations: [Invitation]
        var newInvitationLink: String?
        var form: FormState = .empty
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let state = model.form.values.isEmpty && model.form.errors.isEmpty ? FormState(values: ["maxCompanies": "10", "onSite": "on", "online": "on"]) : model.form
        return Layout.page(title: t(L.officeExpertsTitle), context: context) {
            heading(1, t(L.officeExpertsTitle))
            paragraph(t(L.officeExpertsLead), class: "lead")
            El("p") { link(t(L.PasswordReset.officeAccountsLink), to: SiteURL.officeAccounts(role: Role.expert.rawValue).path) }
            if let link = model.newInvitationLink {
                CopyableSecret(label: t(L.invitationLink), value: link, notice: t(L.expertRegistered))
            }
            if model.experts.isEmpty {
                paragraph(t(L.noExperts), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead([L.expertName, L.registrationNumber, L.expertPrefecture, L.regionsCovered, L.modesLabel, L.navExpertCompanies, L.expertAccount].map(t))
                        El("tbody") {
                            for expert in model.experts {
                                El("tr") {
                                    El("td", [("data-label", t(L.expertName))]) { Text(expert.name) }
                                    El("td", [("data-label", t(L.registrationNumber))]) { Text(expert.registrationNumber) }
                                    El("td", [("data-label", t(L.expertPrefecture))]) { Text(expert.prefecture.map { $0.name(context.locale) } ?? expert.prefectureCode) }
                                    El("td", [("data-label", t(L.regionsCovered))]) { Text(expert.regionSet.sorted { $0.rawValue < $1.rawValue }.map { t($0.name) }.joined(separator: t(L.listSeparator))) }
                                    El("td", [("data-label", t(L.modesLabel))]) { Text([expert.onSite ? t(L.visitMode(.onSite)) : nil, expert.online ? t(L.visitMode(.online)) : nil].compactMap { $0 }.joined(separator: " / ")) }
                                    El("td", [("class", "number"), ("data-label", t(L.navExpertCompanies))]) { Text(t(L.load(model.loads[expert.id!] ?? 0, expert.maxCompanies))) }
                                    El("td", [("data-label", t(L.expertAccount))]) { Text(expert.userID == nil ? t(L.accountPending) : t(L.active)) }
                                }
                            }
                        }
                    }
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "register")]) {
                heading(2, t(L.registerExpertTitle), id: "register")
                FormField.errorSummary(model.form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.officeExperts.path)]) {
                    csrfField(context)
                    FormField.input("name", label: t(L.expertName), state: state, context: context, options: .init(required: true, maxLength: TextLimit.name))
                    FormField.input("registrationNumber", label: t(L.registrationNumber), state: state, context: context, options: .init(required: true, maxLength: TextLimit.number))
                    FormField.select("prefecture", label: t(L.expertPrefecture), choices: Prefecture.all.map { ($0.code, $0.name(context.locale)) }, state: state, context: context)
                    El("fieldset") {
                        El("legend") { Text(t(L.regionsCovered)) }
                        for region in Prefecture.Region.allCases {
                            FormField.checkbox("region_\(region.rawValue)", label: t(region.name), checked: false, state: state, context: context)
                        }
                    }
                    El("fieldset") {
                        El("legend") { Text(t(L.modesLabel)) }
                        FormField.checkbox("onSite", label: t(L.visitMode(.onSite)), checked: false, state: state, context: context)
                        FormField.checkbox("online", label: t(L.visitMode(.online)), checked: false, state: state, context: context)
                        if let error = state.errors["modes"] { El("p", [("class", "error")]) { Text(t(error)) } }
                    }
                    FormField.input("maxCompanies", label: t(L.maxCompaniesLabel), state: state, context: context, options: .init(required: true, inputMode: "numeric"))
                    FormField.submit(t(L.registerExpertSubmit))
                }
                if !model.openInvitations.isEmpty {
                    heading(3, t(L.openInvitations))
                    InvitationTable(invitations: model.openInvitations.map(InvitationRow.init), context: context) { SiteURL.officeExpertInvitationRevoke(invitation: $0).path }
                }
            }
        }
    }
}
