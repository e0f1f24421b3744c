import Fluent
import Foundation
import MamoriCore
import Plot

enum OfficeOrganizationsPage {
    static func render(_ organizations: Page<Organization>, userCounts: [UUID: Int], context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.officeOrganizationsTitle), context: context) {
            heading(1, t(L.officeOrganizationsTitle))
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
        var experts: [User]
        var openInvitations: [Invitation]
        var newInvitationLink: String?
        var form: FormState = .empty
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.officeExpertsTitle), context: context) {
            heading(1, t(L.officeExpertsTitle))
            paragraph(t(L.officeExpertsLead), class: "lead")
            El("section", [("class", "card card-wide")]) {
                if let link = model.newInvitationLink {
                    CopyableSecret(label: t(L.invitationLink), value: link, notice: t(L.inviteCreated))
                }
                FormField.errorSummary(model.form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.officeExperts.path)]) {
                    csrfField(context)
                    FormField.input("note", label: t(L.officeExpertInviteNote), state: model.form, context: context, options: .init(maxLength: 200))
                    FormField.submit(t(L.officeExpertInvite))
                }
                if !model.openInvitations.isEmpty {
                    heading(3, t(L.openInvitations))
                    InvitationTable(invitations: model.openInvitations, context: context) { SiteURL.officeExpertInvitationRevoke(invitation: $0.id!).path }
                }
            }
            if model.experts.isEmpty {
                paragraph(t(L.noExperts), class: "muted")
            } else {
                div("table-scroll") {
                    El("table") {
                        El("thead") {
                            El("tr") {
                                for header in [L.displayName, L.email, L.registered] {
                                    El("th", [("scope", "col")]) { Text(t(header)) }
                                }
                            }
                        }
                        El("tbody") {
                            for expert in model.experts {
                                El("tr") {
                                    El("td") { Text(expert.displayName) }
                                    El("td") { Text(expert.email) }
                                    El("td") { timeElement(expert.createdAt, context, dateOnly: true) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
