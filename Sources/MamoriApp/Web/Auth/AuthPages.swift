import MamoriCore
import Plot

enum SignupPage {
    static func render(state: FormState, then: SignupIntent?, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.signupTitle), context: context) {
            div("narrow") {
                heading(1, t(L.signupTitle))
                paragraph(t(L.signupLead), class: "lead")
                if let then { paragraph(t(L.signupContinues(then)), class: "notice") }
                FormField.errorSummary(state, context: context)
                El("form", [("method", "post"), ("action", SiteURL.signup(then: then).path), ("novalidate", nil)]) {
                    csrfField(context)
                    El("fieldset") {
                        El("legend") { Text(t(L.signupOrganizationSection)) }
                        FormField.input("name", label: t(L.organizationName), state: state, context: context,
                                    options: .init(autocomplete: "organization", required: true, maxLength: OrganizationProfile.maximumNameLength))
                        FormField.select("prefecture", label: t(L.prefecture),
                                     choices: Prefecture.all.map { ($0.code, $0.name(context.locale)) }, state: state, context: context)
                        FormField.select("category", label: t(L.industryCategory),
                                     choices: IndustryCategory.allCases.map { ($0.rawValue, $0.name(context.locale)) }, state: state, context: context,
                                     hint: t(L.industryCategoryHint))
                        FormField.input("employees", label: t(L.employees), state: state, context: context,
                                    options: .init(type: "text", required: true, hint: t(L.employeesHint), inputMode: "numeric"))
                        FormField.input("capitalYen", label: t(L.capital), state: state, context: context,
                                    options: .init(type: "text", hint: t(L.capitalHint), inputMode: "numeric"))
                    }
                    El("fieldset") {
                        El("legend") { Text(t(L.signupOwnerSection)) }
                        AccountFields(state: state, context: context)
                    }
                    FormField.submit(t(L.signupSubmit))
                }
                paragraph(t(L.homeHaveAccount), class: "muted")
                link(t(L.logIn), to: SiteURL.login(next: nil).path)
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
            FormField.input("displayName", label: t(L.displayName), state: state, context: context,
                        options: .init(autocomplete: "name", required: true, maxLength: TextLimit.name))
            FormField.input("email", label: t(L.email), state: state, context: context,
                        options: .init(type: "email", autocomplete: "email", required: true, maxLength: EmailAddress.maximumLength))
            FormField.input("password", label: t(L.password), state: state, context: context,
                        options: .init(type: "password", autocomplete: "new-password", required: true, hint: t(L.passwordHint)), keepValue: false)
            FormField.input("passwordConfirmation", label: t(L.passwordConfirmation), state: state, context: context,
                        options: .init(type: "password", autocomplete: "new-password", required: true), keepValue: false)
        }
    }
}

enum LoginPage {
    static func render(state: FormState, next: String?, message: LocalizedText?, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.loginTitle), context: context) {
            div("narrow") {
                heading(1, t(L.loginTitle))
                if let message {
                    El("div", [("class", "flash flash-error"), ("role", "alert")]) { Text(t(message)) }
                }
                El("form", [("method", "post"), ("action", SiteURL.login(next: next).path), ("novalidate", nil)]) {
                    csrfField(context)
                    FormField.input("email", label: t(L.email), state: state, context: context,
                                options: .init(type: "email", autocomplete: "username", required: true))
                    FormField.input("password", label: t(L.password), state: state, context: context,
                                options: .init(type: "password", autocomplete: "current-password", required: true), keepValue: false)
                    FormField.submit(t(L.loginSubmit))
                }
                paragraph(t(L.loginNoAccount), class: "muted")
                link(t(L.signUp), to: SiteURL.signup().path)
                ForgotPasswordNote(context: context)
            }
        }
    }
}
