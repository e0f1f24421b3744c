import Fluent
import Foundation
import MamoriCore
import Plot

enum OfficeOrganizationsPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizations: Page<OrganizationRow>
        /// Active accounts per organization.
        var userCounts: [UUID: Int]

        static let mock = Model(organizations: Page(items: [.mock], metadata: PageMetadata(page: 1, per: 50, total: 1)), userCounts: [SiteURL.anyID: 3])
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let (organizations, userCounts) = (model.organizations, model.userCounts)
        return Layout.page(title: t(L.Organization.officeOrganizationsTitle), context: context) {
            heading(1, t(L.Organization.officeOrganizationsTitle))
            El("p") { link(t(L.PasswordReset.officeAccountsLink), to: SiteURL.officeAccounts(role: Role.owner.rawValue).path) }
            if organizations.items.isEmpty {
                paragraph(t(L.Organization.noOrganizationsYet), class: "muted")
            } else {
                OrganizationTable(organizations: organizations.items, userCounts: userCounts, context: context)
                pagination(organizations, context: context) { SiteURL.officeOrganizations(page: $0).path }
            }
        }
    }
}

enum OfficeExpertsPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var experts: [Expert]
        /// Companies assigned this fiscal year, per expert.
        var loads: [UUID: Int]
        var openInvitations: [InvitationRow]
        var newInvitationLink: String?
        var form: FormState = .empty

        static let mock = Model(experts: [Expert(id: SiteURL.anyID, userID: nil, name: "鈴木 <一郎>", registrationNumber: "012345", prefectureCode: "13",
                                                 regions: "kanto,kinki", onSite: true, online: true, maxCompanies: 10)],
                                loads: [SiteURL.anyID: 2],
                                openInvitations: [InvitationRow(id: UUID(), note: "支援士 <鈴木>", createdAt: Date(), expiresAt: Date().addingTimeInterval(86_400))])
    }

    /// A registered expert as the table shows them.
    struct Expert: Sendable {
        var id: UUID
        /// The account that signs in for them, once the invitation is accepted.
        var userID: UUID?
        var name: String
        var registrationNumber: String
        var prefectureCode: String
        /// Region keys, comma-separated.
        var regions: String
        var onSite: Bool
        var online: Bool
        var maxCompanies: Int

        var prefecture: Prefecture? { Prefecture.withCode(prefectureCode) }
        var regionSet: Set<Prefecture.Region> { Set(regions.split(separator: ",").compactMap { Prefecture.Region(rawValue: String($0)) }) }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let state = model.form.values.isEmpty && model.form.errors.isEmpty ? FormState(values: ["maxCompanies": "10", "onSite": "on", "online": "on"]) : model.form
        return Layout.page(title: t(L.Organization.officeExpertsTitle), context: context) {
            heading(1, t(L.Organization.officeExpertsTitle))
            paragraph(t(L.Organization.officeExpertsLead), class: "lead")
            El("p") { link(t(L.PasswordReset.officeAccountsLink), to: SiteURL.officeAccounts(role: Role.expert.rawValue).path) }
            if let link = model.newInvitationLink {
                CopyableSecret(label: t(L.Organization.invitationLink), value: link, notice: t(L.Program.expertRegistered))
            }
            if model.experts.isEmpty {
                paragraph(t(L.Organization.noExperts), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead([L.Program.expertName, L.Program.registrationNumber, L.Program.expertPrefecture, L.Program.regionsCovered, L.Program.modesLabel, L.Program.navExpertCompanies, L.Program.expertAccount].map(t))
                        El("tbody") {
                            for expert in model.experts {
                                El("tr") {
                                    El("td", [("data-label", t(L.Program.expertName))]) { Text(expert.name) }
                                    El("td", [("data-label", t(L.Program.registrationNumber))]) { Text(expert.registrationNumber) }
                                    El("td", [("data-label", t(L.Program.expertPrefecture))]) { Text(expert.prefecture.map { $0.name(context.locale) } ?? expert.prefectureCode) }
                                    El("td", [("data-label", t(L.Program.regionsCovered))]) { Text(Prefecture.Region.allCases.filter(expert.regionSet.contains).map { t($0.name) }.joined(separator: t(L.Common.listSeparator))) }
                                    El("td", [("data-label", t(L.Program.modesLabel))]) { Text([expert.onSite ? t(L.Program.visitMode(.onSite)) : nil, expert.online ? t(L.Program.visitMode(.online)) : nil].compactMap { $0 }.joined(separator: " / ")) }
                                    El("td", [("class", "number"), ("data-label", t(L.Program.navExpertCompanies))]) { Text(t(L.Program.load(model.loads[expert.id] ?? 0, expert.maxCompanies))) }
                                    El("td", [("data-label", t(L.Program.expertAccount))]) { Text(expert.userID == nil ? t(L.Program.accountPending) : t(L.Organization.active)) }
                                }
                            }
                        }
                    }
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "register")]) {
                heading(2, t(L.Program.registerExpertTitle), id: "register")
                FormField.errorSummary(model.form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.officeExperts.path)]) {
                    csrfField(context)
                    FormField.input("name", label: t(L.Program.expertName), state: state, context: context, options: .init(required: true, maxLength: TextLimit.name))
                    FormField.input("registrationNumber", label: t(L.Program.registrationNumber), state: state, context: context, options: .init(required: true, maxLength: TextLimit.number))
                    FormField.select("prefecture", label: t(L.Program.expertPrefecture), choices: Prefecture.all.map { ($0.code, $0.name(context.locale)) }, state: state, context: context)
                    El("fieldset") {
                        El("legend") { Text(t(L.Program.regionsCovered)) }
                        for region in Prefecture.Region.allCases {
                            FormField.checkbox("region_\(region.rawValue)", label: t(region.name), checked: false, state: state, context: context)
                        }
                    }
                    El("fieldset") {
                        El("legend") { Text(t(L.Program.modesLabel)) }
                        FormField.checkbox("onSite", label: t(L.Program.visitMode(.onSite)), checked: false, state: state, context: context)
                        FormField.checkbox("online", label: t(L.Program.visitMode(.online)), checked: false, state: state, context: context)
                        if let error = state.errors["modes"] { El("p", [("class", "error")]) { Text(t(error)) } }
                    }
                    FormField.input("maxCompanies", label: t(L.Program.maxCompaniesLabel), state: state, context: context, options: .init(required: true, inputMode: "numeric"))
                    FormField.submit(t(L.Program.registerExpertSubmit))
                }
                if !model.openInvitations.isEmpty {
                    heading(3, t(L.Organization.openInvitations))
                    InvitationTable(invitations: model.openInvitations, context: context) { SiteURL.officeExpertInvitationRevoke(invitation: $0).path }
                }
            }
        }
    }
}

extension OfficeExpertsPage.Expert {
    init(_ expert: ExpertProfile) {
        self.init(id: expert.id!, userID: expert.userID, name: expert.name, registrationNumber: expert.registrationNumber,
                  prefectureCode: expert.prefectureCode, regions: expert.regions, onSite: expert.onSite, online: expert.online,
                  maxCompanies: expert.maxCompanies)
    }
}
