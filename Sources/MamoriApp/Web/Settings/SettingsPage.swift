import MamoriCore
import Plot

enum SettingsPage {
    static func render(profileForm: FormState, passwordForm: FormState, context: PageContext) -> String {
        let t = context.t
        let user = context.principal!.user
        let profile = FormState(values: profileForm.values.isEmpty ? ["displayName": user.displayName, "locale": user.locale] : profileForm.values,
                                errors: profileForm.errors)
        return Layout.page(title: t(L.Accounts.settingsTitle), context: context) {
            heading(1, t(L.Accounts.settingsTitle))
            El("dl", [("class", "facts")]) {
                El("dt") { Text(t(L.Accounts.email)) }
                El("dd") { Text(user.email) }
                El("dt") { Text(t(L.Accounts.accountRole)) }
                El("dd") { Text(t(L.Accounts.roleName(user.role))) }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "profile-title")]) {
                heading(2, t(L.Accounts.settingsProfileSection), id: "profile-title")
                FormField.errorSummary(profileForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.settingsProfile.path)]) {
                    csrfField(context)
                    FormField.input("displayName", label: t(L.Accounts.displayName), state: profile, context: context, options: .init(autocomplete: "name", required: true, maxLength: TextLimit.name))
                    FormField.select("locale", label: t(L.Accounts.language), choices: [("ja", "日本語"), ("en", "English")], state: profile, context: context)
                    FormField.submit(t(L.Common.save))
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "password-title")]) {
                heading(2, t(L.Accounts.settingsPasswordSection), id: "password-title")
                FormField.errorSummary(passwordForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.settingsPassword.path)]) {
                    csrfField(context)
                    FormField.input("currentPassword", label: t(L.Accounts.currentPassword), state: passwordForm, context: context,
                                options: .init(type: "password", autocomplete: "current-password", required: true), keepValue: false)
                    FormField.input("password", label: t(L.Accounts.newPassword), state: passwordForm, context: context,
                                options: .init(type: "password", autocomplete: "new-password", required: true, hint: t(L.Accounts.passwordHint)), keepValue: false)
                    FormField.input("passwordConfirmation", label: t(L.Accounts.passwordConfirmation), state: passwordForm, context: context,
                                options: .init(type: "password", autocomplete: "new-password", required: true), keepValue: false)
                    FormField.submit(t(L.Accounts.settingsPasswordSection))
                }
            }
        }
    }
}
