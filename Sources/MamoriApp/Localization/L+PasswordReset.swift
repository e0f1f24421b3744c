import MamoriCore

/// Texts of the password reset for a forgotten password: issuing a link (owner, program
/// office), the public form behind the link, and the note on the login page.
extension L {
    enum PasswordReset {
        // Issuing (members page, office accounts)
        static let issueButton = LocalizedText(ja: "パスワード再設定リンクを発行", en: "Issue password reset link")
        static let issueAgain = LocalizedText(ja: "新しいリンクを発行し直す", en: "Issue a new link instead")
        static func issueTitle(_ name: String) -> LocalizedText {
            LocalizedText(ja: "\(name) さんのパスワード再設定", en: "Password reset for \(name)")
        }
        static let issueLead = LocalizedText(
            ja: "パスワードを忘れた方が新しいパスワードを設定するためのリンクを発行します。Mamori はまだメールを送信しないため、表示されたリンクをご本人に直接お伝えください（対面や社内チャットなど、ご本人だけに届く方法でお願いします）。リンクは1回だけ、24時間以内に使えます。新しく発行すると、それまでのリンクは使えなくなります。",
            en: "Issue a link with which a person who forgot their password sets a new one. Mamori does not send e-mail yet, so give the link to the person yourself, in a way only they receive (in person or through your internal chat). It works once, within 24 hours. Issuing a new link makes earlier ones stop working.")
        static let issued = LocalizedText(ja: "パスワード再設定リンクを発行しました。このリンクは今だけ表示されます。コピーしてご本人に伝えてください。", en: "The password reset link was issued. It is shown only now: copy it and give it to the person.")
        static let linkLabel = LocalizedText(ja: "パスワード再設定リンク", en: "Password reset link")
        static func validUntil(_ when: String) -> LocalizedText {
            LocalizedText(ja: "有効期限：\(when)", en: "Valid until \(when).")
        }
        static func openLinkExists(_ when: String) -> LocalizedText {
            LocalizedText(ja: "発行済みで、まだ使われていないリンクがあります（有効期限：\(when)）。リンクがわからなくなった場合は、新しく発行し直してください。", en: "A link issued earlier has not been used yet (valid until \(when)). If it was lost, issue a new one.")
        }
        static let notForYourself = LocalizedText(ja: "ご自身のパスワードは「設定」から変更してください。", en: "Change your own password in Settings.")
        static let personName = LocalizedText(ja: "氏名", en: "Name")
        static let organization = LocalizedText(ja: "所属組織", en: "Organization")
        static let backToMembers = LocalizedText(ja: "メンバー一覧へ戻る", en: "Back to members")
        static let backToAccounts = LocalizedText(ja: "アカウント一覧へ戻る", en: "Back to accounts")

        // The program office
        static let officeAccountsTitle = LocalizedText(ja: "アカウント一覧", en: "Accounts")
        static let officeAccountsLead = LocalizedText(
            ja: "Mamori のすべてのアカウントです。パスワードを忘れた方から連絡があったら、ご本人であることを確かめたうえで、パスワード再設定リンクを発行してください。組織のメンバーには、その組織の経営者・責任者も発行できます。",
            en: "Every account in Mamori. When someone who forgot their password contacts you, make sure it is really them, then issue a password reset link. An organization's owner can also issue one for the organization's members.")
        static let officeAccountsLink = LocalizedText(ja: "パスワードを忘れた方への対応はアカウント一覧から", en: "Help someone who forgot their password: accounts")
        static let searchLabel = LocalizedText(ja: "名前・メールアドレス・組織名で検索", en: "Search by name, e-mail address or organization")
        static let searchSubmit = LocalizedText(ja: "検索する", en: "Search")
        static let noAccounts = LocalizedText(ja: "条件に合うアカウントはありません。", en: "No accounts match.")

        // The link's page
        static let formTitle = LocalizedText(ja: "パスワードの再設定", en: "Reset your password")
        static func formLead(_ email: String) -> LocalizedText {
            LocalizedText(ja: "\(email) のアカウントに新しいパスワードを設定します。設定すると、ほかの端末でのログインはすべて終了します。", en: "Choose a new password for the account \(email). Once it is set, every session on other devices ends.")
        }
        static let formSubmit = LocalizedText(ja: "新しいパスワードを設定する", en: "Set the new password")
        static let done = LocalizedText(ja: "新しいパスワードを設定しました。新しいパスワードでログインしてください。", en: "Your new password is set. Please log in with it.")
        static let unusableTitle = LocalizedText(ja: "このリンクは使えません", en: "This link cannot be used")
        static let unusable = LocalizedText(
            ja: "このパスワード再設定リンクは、すでに使われたか、新しいリンクの発行で無効になったか、有効期限（24時間）が切れています。お手数ですが、組織の経営者・責任者、または事務局に新しいリンクの発行を依頼してください。",
            en: "This password reset link was already used, was replaced by a newer one, or has expired (links last 24 hours). Please ask your organization's owner or the program office for a new one.")
        static let signedIn = LocalizedText(
            ja: "ログインしたままではパスワードを再設定できません。ご自身のパスワードは「設定」から変更できます。別の方のリンクを開く場合は、ログアウトしてから開き直してください。",
            en: "You cannot reset a password while logged in. Change your own password in Settings; to open someone else's link, log out first and open it again.")

        // Login page
        static let forgotTitle = LocalizedText(ja: "パスワードを忘れた場合", en: "Forgot your password?")
        static let forgotHelp = LocalizedText(
            ja: "Mamori はまだメールを送信できないため、この画面から再設定の手続きはできません。組織の経営者・責任者に、メンバー画面から「パスワード再設定リンク」を発行してもらってください。経営者・責任者ご本人や専門家の方は、事務局に依頼してください。リンクは1回だけ、24時間以内に使えます。",
            en: "Mamori does not send e-mail yet, so a reset cannot be started from this page. Ask your organization's owner to issue a password reset link from the members page. Owners and experts ask the program office. The link works once, within 24 hours.")

        // Audit log
        static let auditIssued = LocalizedText(ja: "パスワード再設定リンクの発行", en: "Password reset link issued")
        static let auditUsed = LocalizedText(ja: "パスワードの再設定", en: "Password reset")
    }
}
