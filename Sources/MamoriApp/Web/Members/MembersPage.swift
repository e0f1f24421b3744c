import Foundation
import MamoriCore
import Plot

enum MembersPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        /// Who looks: their own row says so, and only an owner sees the actions.
        var viewerID: UUID
        var viewerIsOwner: Bool
        var members: [Member]
        var openInvitations: [InvitationRow]
        /// The link just created, shown once.
        var newInvitationLink: String?
        var inviteForm: FormState = .empty

        static let mock = Model(organizationID: SiteURL.anyID, viewerID: SiteURL.anyID, viewerIsOwner: true,
                                members: [Member(id: SiteURL.anyID, displayName: "山田 <太郎>", email: "owner@example.jp", role: .owner, since: Date()),
                                          Member(id: UUID(), displayName: "佐藤 花子", email: "hanako@example.jp", role: .member, since: Date())],
                                openInvitations: [InvitationRow(id: UUID(), note: "経理の<新人>", createdAt: Date(), expiresAt: Date().addingTimeInterval(86_400))])
    }

    struct Member {
        var id: UUID
        var displayName: String
        var email: String
        var role: Role
        var since: Date?

        init(id: UUID, displayName: String, email: String, role: Role, since: Date?) {
            (self.id, self.displayName, self.email, self.role, self.since) = (id, displayName, email, role, since)
        }

        init(_ user: User) {
            self.init(id: user.id!, displayName: user.displayName, email: user.email, role: user.role, since: user.createdAt)
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let viewer = (id: model.viewerID, isOwner: model.viewerIsOwner)
        let orgID = model.organizationID
        return Layout.page(title: t(L.Organization.membersTitle), context: context) {
            heading(1, t(L.Organization.membersTitle))
            paragraph(t(L.Organization.membersLead), class: "lead")
            div("table-scroll") {
                El("table", [("class", "cards-on-phone")]) {
                    El("thead") {
                        El("tr") {
                            El("th", [("scope", "col")]) { Text(t(L.Accounts.displayName)) }
                            El("th", [("scope", "col")]) { Text(t(L.Accounts.email)) }
                            El("th", [("scope", "col")]) { Text(t(L.Accounts.accountRole)) }
                            El("th", [("scope", "col")]) { Text(t(L.Organization.memberSince)) }
                            if viewer.isOwner { El("th", [("scope", "col")]) { Text(t(L.Organization.actions)) } }
                        }
                    }
                    El("tbody") {
                        for member in model.members {
                            El("tr") {
                                El("td", [("data-label", t(L.Accounts.displayName))]) { Text(member.displayName + (member.id == viewer.id ? t(L.Organization.you) : "")) }
                                El("td", [("data-label", t(L.Accounts.email))]) { Text(member.email) }
                                El("td", [("data-label", t(L.Accounts.accountRole))]) { Text(t(L.Accounts.roleName(member.role))) }
                                El("td", [("data-label", t(L.Organization.memberSince))]) { timeElement(member.since, context, dateOnly: true) }
                                if viewer.isOwner {
                                    El("td", [("class", "row-actions")]) {
                                        if member.role == .member {
                                            FormField.actionButton(t(L.Organization.makeOwner), action: SiteURL.memberMakeOwner(organization: orgID, member: member.id).path, context: context)
                                            FormField.actionButton(t(L.Organization.removeMember), action: SiteURL.memberRemove(organization: orgID, member: member.id).path, context: context, danger: true)
                                        }
                                        if member.id != viewer.id {
                                            FormField.actionButton(t(L.PasswordReset.issueButton), action: SiteURL.memberPasswordReset(organization: orgID, member: member.id).path, context: context)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if viewer.isOwner {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "invite-title")]) {
                    heading(2, t(L.Organization.inviteTitle), id: "invite-title")
                    paragraph(t(L.Organization.inviteLead))
                    if let link = model.newInvitationLink {
                        CopyableSecret(label: t(L.Organization.invitationLink), value: link, notice: t(L.Organization.inviteCreated))
                    }
                    FormField.errorSummary(model.inviteForm, context: context)
                    El("form", [("method", "post"), ("action", SiteURL.invitations(organization: orgID).path)]) {
                        csrfField(context)
                        FormField.input("note", label: t(L.Organization.inviteNote), state: model.inviteForm, context: context, options: .init(maxLength: TextLimit.line))
                        FormField.submit(t(L.Organization.inviteSubmit))
                    }
                    if !model.openInvitations.isEmpty {
                        heading(3, t(L.Organization.openInvitations))
                        InvitationTable(invitations: model.openInvitations, context: context) { id in
                            SiteURL.invitationRevoke(organization: orgID, invitation: id).path
                        }
                    }
                }
            }
        }
    }
}

/// A secret shown once (an invitation link, an API token) in a read-only field that is easy
/// to select and copy on a phone.
struct CopyableSecret: Component {
    let label: String
    let value: String
    let notice: String

    var body: Component {
        El("div", [("class", "secret"), ("role", "status")]) {
            paragraph(notice)
            El("label", [("for", "secret-value")]) { Text(label) }
            El.void("input", [("id", "secret-value"), ("type", "text"), ("readonly", nil), ("value", value), ("class", "secret-value")])
            // The whole value as text as well: on a phone the field shows only its beginning.
            El("p", [("class", "secret-text")]) { El("code") { Text(value) } }
        }
    }
}

/// An invitation as the open-invitations tables show it.
struct InvitationRow {
    var id: UUID
    var note: String
    var createdAt: Date?
    var expiresAt: Date

    init(id: UUID, note: String, createdAt: Date?, expiresAt: Date) {
        (self.id, self.note, self.createdAt, self.expiresAt) = (id, note, createdAt, expiresAt)
    }

    init(_ invitation: Invitation) {
        self.init(id: invitation.id!, note: invitation.note, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt)
    }
}

struct InvitationTable: Component {
    let invitations: [InvitationRow]
    let context: PageContext
    let revokeURL: (UUID) -> String

    var body: Component {
        let t = context.t
        return div("table-scroll") {
            El("table", [("class", "cards-on-phone")]) {
                El("thead") {
                    El("tr") {
                        El("th", [("scope", "col")]) { Text(t(L.Organization.note)) }
                        El("th", [("scope", "col")]) { Text(t(L.Organization.created)) }
                        El("th", [("scope", "col")]) { Text(t(L.Organization.expires)) }
                        El("th", [("scope", "col")]) { Text(t(L.Organization.actions)) }
                    }
                }
                El("tbody") {
                    for invitation in invitations {
                        El("tr") {
                            El("td", [("data-label", t(L.Organization.note))]) { Text(invitation.note.isEmpty ? "—" : invitation.note) }
                            El("td", [("data-label", t(L.Organization.created))]) { timeElement(invitation.createdAt, context) }
                            El("td", [("data-label", t(L.Organization.expires))]) { timeElement(invitation.expiresAt, context) }
                            El("td", [("data-label", t(L.Organization.actions))]) { FormField.actionButton(t(L.Organization.revoke), action: revokeURL(invitation.id), context: context, danger: true) }
                        }
                    }
                }
            }
        }
    }
}

enum AcceptInvitationPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        /// The role the invitation gives: an expert's comes from the office, not an organization.
        var role: Role
        /// The inviting organization (none for an expert).
        var organizationName: String?
        /// The invitation's secret, from the link.
        var token: String
        var state: FormState = .empty

        static let mock = Model(role: .member, organizationName: "株式会社<テスト>", token: "mock-token", state: FormState(values: ["displayName": "佐藤 <花子>"]))
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let state = model.state, token = model.token
        let isExpert = model.role == .expert
        let title = isExpert ? t(L.Organization.acceptExpertTitle) : t(L.Organization.acceptTitle(model.organizationName ?? ""))
        return Layout.page(title: title, context: context) {
            div("narrow") {
                heading(1, title)
                paragraph(t(isExpert ? L.Organization.acceptExpertLead : L.Organization.acceptLead), class: "lead")
                FormField.errorSummary(state, context: context)
                El("form", [("method", "post"), ("action", SiteURL.invite(token: token).path), ("novalidate", nil)]) {
                    csrfField(context)
                    AccountFields(state: state, context: context)
                    FormField.submit(t(L.Organization.acceptSubmit))
                }
            }
        }
    }
}

extension AcceptInvitationPage.Model {
    /// The organization is read only for an organization's invitation (it is loaded with it).
    init(_ invitation: Invitation, token: String, state: FormState) {
        self.init(role: invitation.role, organizationName: invitation.role == .expert ? nil : invitation.organization?.name, token: token, state: state)
    }
}

/// A calm page for a link that cannot be used or a refused action.
enum MessagePage {
    static func render(title: LocalizedText, message: LocalizedText, context: PageContext) -> String {
        Layout.page(title: context.t(title), context: context) {
            div("narrow") {
                heading(1, context.t(title))
                paragraph(context.t(message))
                link(context.t(L.Common.backToStart), to: context.principal == nil ? SiteURL.home.path : SiteURL.dashboard.path)
            }
        }
    }
}
