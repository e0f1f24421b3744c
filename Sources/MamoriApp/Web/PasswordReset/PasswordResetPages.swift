import Fluent
import Foundation
import MamoriCore
import Plot

/// The page where the owner or the office issues a password-reset link for one person, and
/// sees it once right after issuing (the form redirects here, so a reload issues nothing).
enum PasswordResetIssuePage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var person: Person
        var organizationName: String?
        /// The link just issued, shown once.
        var link: String?
        /// The expiry of a link issued earlier and still unused.
        var openUntil: Date?
        var issueURL: String
        var backURL: String
        var backLabel: LocalizedText

        static let mock = Model(person: Person(displayName: "佐藤 <花子>", email: "hanako@example.jp", role: .member), organizationName: "株式会社<テスト>",
                                link: nil, openUntil: nil, issueURL: "/", backURL: "/", backLabel: L.PasswordReset.backToMembers)
    }

    /// The person a link is issued for.
    struct Person {
        var displayName: String
        var email: String
        var role: Role

        init(displayName: String, email: String, role: Role) {
            (self.displayName, self.email, self.role) = (displayName, email, role)
        }

        init(_ user: User) {
            self.init(displayName: user.displayName, email: user.email, role: user.role)
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let title = t(L.PasswordReset.issueTitle(model.person.displayName))
        return Layout.page(title: title, context: context) {
            div("narrow") {
                heading(1, title)
                El("dl", [("class", "facts")]) {
                    El("dt") { Text(t(L.PasswordReset.personName)) }
                    El("dd") { Text(model.person.displayName) }
                    El("dt") { Text(t(L.Accounts.email)) }
                    El("dd") { Text(model.person.email) }
                    El("dt") { Text(t(L.Accounts.accountRole)) }
                    El("dd") { Text(t(L.Accounts.roleName(model.person.role))) }
                    if let organizationName = model.organizationName {
                        El("dt") { Text(t(L.PasswordReset.organization)) }
                        El("dd") { Text(organizationName) }
                    }
                }
                paragraph(t(L.PasswordReset.issueLead), class: "lead")
                if let link = model.link {
                    CopyableSecret(label: t(L.PasswordReset.linkLabel), value: link, notice: t(L.PasswordReset.issued))
                    if let openUntil = model.openUntil {
                        paragraph(t(L.PasswordReset.validUntil(DateText.dateTime(openUntil, context.locale))))
                    }
                }
                if model.link == nil, let openUntil = model.openUntil {
                    paragraph(t(L.PasswordReset.openLinkExists(DateText.dateTime(openUntil, context.locale))), class: "notice")
                }
                El("form", [("method", "post"), ("action", model.issueURL)]) {
                    csrfField(context)
                    FormField.submit(t(model.openUntil == nil ? L.PasswordReset.issueButton : L.PasswordReset.issueAgain), secondary: model.link != nil)
                }
                El("p") { link(t(model.backLabel), to: model.backURL) }
            }
        }
    }
}

/// The office's list of accounts, to find the person who asks for a new password.
enum OfficeAccountsPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var users: Page<Account>
        var query: String
        var role: Role?

        static var mock: Model {
            let users = [Account(id: SiteURL.anyID, displayName: "山田 <太郎>", email: "owner@example.jp", role: .owner, organizationName: "株式会社<テスト>"),
                         Account(id: UUID(), displayName: "事務局 花子", email: "office@example.jp", role: .officeAdmin, organizationName: nil)]
            return Model(users: Page(items: users, metadata: PageMetadata(page: 1, per: 50, total: users.count)), query: "<山田>", role: nil)
        }
    }

    /// An account as the list shows it.
    struct Account {
        var id: UUID?
        var displayName: String
        var email: String
        var role: Role
        var organizationName: String?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.PasswordReset.officeAccountsTitle), context: context) {
            heading(1, t(L.PasswordReset.officeAccountsTitle))
            paragraph(t(L.PasswordReset.officeAccountsLead), class: "lead")
            El("form", [("method", "get"), ("action", SiteURL.officeAccounts().path), ("class", "filters")]) {
                FormField.input("q", label: t(L.PasswordReset.searchLabel), state: FormState(values: ["q": model.query]), context: context,
                                options: .init(type: "search", maxLength: TextLimit.line))
                FormField.select("role", label: t(L.Accounts.accountRole), choices: Role.allCases.map { ($0.rawValue, t(L.Accounts.roleName($0))) },
                                 state: FormState(values: ["role": model.role?.rawValue ?? ""]), context: context, required: false,
                                 emptyLabel: t(L.Organization.auditAll))
                FormField.submit(t(L.PasswordReset.searchSubmit), secondary: true)
            }
            if model.users.items.isEmpty {
                paragraph(t(L.PasswordReset.noAccounts), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "cards-on-phone")]) {
                        tableHead([L.PasswordReset.personName, L.Accounts.email, L.Accounts.accountRole, L.PasswordReset.organization, L.Organization.actions].map(t))
                        El("tbody") {
                            for user in model.users.items {
                                El("tr") {
                                    El("td", [("data-label", t(L.PasswordReset.personName))]) { Text(user.displayName + (user.id == context.principal?.userID ? t(L.Organization.you) : "")) }
                                    El("td", [("data-label", t(L.Accounts.email))]) { Text(user.email) }
                                    El("td", [("data-label", t(L.Accounts.accountRole))]) { Text(t(L.Accounts.roleName(user.role))) }
                                    El("td", [("data-label", t(L.PasswordReset.organization))]) { Text(user.organizationName ?? "—") }
                                    El("td", [("class", "row-actions"), ("data-label", t(L.Organization.actions))]) {
                                        if let id = user.id, id != context.principal?.userID {
                                            FormField.actionButton(t(L.PasswordReset.issueButton), action: SiteURL.officeAccountPasswordReset(user: id).path, context: context)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                pagination(model.users, context: context) {
                    SiteURL.officeAccounts(query: model.query.isEmpty ? nil : model.query, role: model.role?.rawValue, page: $0).path
                }
            }
        }
    }
}

extension OfficeAccountsPage.Account {
    /// The user's organization is loaded with it.
    init(_ user: User) {
        self.init(id: user.id, displayName: user.displayName, email: user.email, role: user.role, organizationName: user.organization?.name)
    }
}

/// The public form behind a password-reset link.
enum PasswordResetFormPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        /// The account the link resets.
        var email: String
        /// The link's secret.
        var token: String
        var state: FormState = .empty

        static let mock = Model(email: "<hanako>@example.jp", token: "mock-token")
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let email = model.email, state = model.state, token = model.token
        return Layout.page(title: t(L.PasswordReset.formTitle), context: context) {
            div("narrow") {
                heading(1, t(L.PasswordReset.formTitle))
                paragraph(t(L.PasswordReset.formLead(email)), class: "lead")
                FormField.errorSummary(state, context: context)
                El("form", [("method", "post"), ("action", SiteURL.passwordReset(token: token).path), ("novalidate", nil)]) {
                    csrfField(context)
                    FormField.input("password", label: t(L.Accounts.newPassword), state: state, context: context,
                                    options: .init(type: "password", autocomplete: "new-password", required: true, hint: t(L.Accounts.passwordHint)), keepValue: false)
                    FormField.input("passwordConfirmation", label: t(L.Accounts.passwordConfirmation), state: state, context: context,
                                    options: .init(type: "password", autocomplete: "new-password", required: true), keepValue: false)
                    FormField.submit(t(L.PasswordReset.formSubmit))
                }
            }
        }
    }
}

/// The login page's note for a forgotten password: Mamori sends no mail yet, so the owner or
/// the program office issues a link.
struct ForgotPasswordNote: Component {
    let context: PageContext

    var body: Component {
        El("section", [("aria-labelledby", "forgot-password-title")]) {
            heading(2, context.t(L.PasswordReset.forgotTitle), id: "forgot-password-title")
            paragraph(context.t(L.PasswordReset.forgotHelp), class: "muted")
        }
    }
}
