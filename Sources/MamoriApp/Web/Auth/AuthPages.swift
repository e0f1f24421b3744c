import MamoriCore
import Plot

enum SignupPage {
    static func render(state: FormState, then: SignupIntent?, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.Accounts.signupTitle), context: context) {
            div("narrow") {
                heading(1, t(L.Accounts.signupTitle))
                paragraph(t(L.Accounts.signupLead), class: "lead")
                if let then { paragraph(t(L.Accounts.signupContinues(then)), class: "notice") }
                FormField.errorSummary(state, context: context)
                El("form", [("method", "post"), ("action", SiteURL.signup(then: then).path), ("novalidate", nil)]) {
                    csrfField(context)
                    El("fieldset") {
                        El("legend") { Text(t(L.Accounts.signupOrganizationSection)) }
                        FormField.input("name", label: t(L.Accounts.organizationName), state: state, context: context,
                                    options: .init(autocomplete: "organization", required: true, maxLength: OrganizationProfile.maximumNameLength))
                        FormField.select("prefecture", label: t(L.Accounts.prefecture),
                                     choices: Prefecture.all.map { ($0.code, $0.name(context.locale)) }, state: state, context: context)
                        FormField.select("category", label: t(L.Accounts.industryCategory),
                                     choices: IndustryCategory.allCases.map { ($0.rawValue, $0.name(context.locale)) }, state: state, context: context,
                                     hint: t(L.Accounts.industryCategoryHint))
                        FormField.input("employees", label: t(L.Accounts.employees), state: state, context: context,
                                    options: .init(type: "text", required: true, hint: t(L.Accounts.employeesHint), inputMode: "numeric"))
                        FormField.input("capitalYen", label: t(L.Accounts.capital), state: state, context: context,
                                    options: .init(type: "text", hint: t(L.Accounts.capitalHint), inputMode: "numeric"))
                    }
                    El("fieldset") {
                        El("legend") { Text(t(L.Accounts.signupOwnerSection)) }
                        AccountFields(state: state, context: context)
                    }
                    FormField.submit(t(L.Accounts.signupSubmit))
                }
                paragraph(t(L.Accounts.homeHaveAccount), class: "muted")
                link(t(L.Common.logIn), to: SiteURL.login(next: nil).path)
            }
        }
    }
}

/// Name, e-mail and a new password twice: sign-up, invitations and the setup page.
struct AccountFields: Component {
    let state: FormState
    let context: PageContext

    var body: Component {
        let t = context.t
        return ComponentGroup {
            FormField.input("displayName", label: t(L.Accounts.displayName), state: state, context: context,
                        options: .init(autocomplete: "name", required: true, maxLength: TextLimit.name))
            FormField.input("email", label: t(L.Accounts.email), state: state, context: context,
                        options: .init(type: "email", autocomplete: "email", required: true, maxLength: EmailAddress.maximumLength))
            FormField.input("password", label: t(L.Accounts.password), state: state, context: context,
                        options: .init(type: "password", autocomplete: "new-password", required: true, hint: t(L.Accounts.passwordHint)), keepValue: false)
            FormField.input("passwordConfirmation", label: t(L.Accounts.passwordConfirmation), state: state, context: context,
                        options: .init(type: "password", autocomplete: "new-password", required: true), keepValue: false)
        }
    }
}

enum LoginPage {
    static func render(state: FormState, next: String?, message: LocalizedText?, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.Accounts.loginTitle), context: context) {
            div("narrow") {
                heading(1, t(L.Accounts.loginTitle))
                if let message {
                    El("div", [("class", "flash flash-error"), ("role", "alert")]) { Text(t(message)) }
                }
                El("form", [("method", "post"), ("action", SiteURL.login(next: next).path), ("novalidate", nil)]) {
                    csrfField(context)
                    FormField.input("email", label: t(L.Accounts.email), state: state, context: context,
                                options: .init(type: "email", autocomplete: "username", required: true))
                    FormField.input("password", label: t(L.Accounts.password), state: state, context: context,
                                options: .init(type: "password", autocomplete: "current-password", required: true), keepValue: false)
                    FormField.submit(t(L.Accounts.loginSubmit))
                }
                paragraph(t(L.Accounts.loginNoAccount), class: "muted")
                link(t(L.Common.signUp), to: SiteURL.signup().path)
                ForgotPasswordNote(context: context)
            }
        }
    }
}
