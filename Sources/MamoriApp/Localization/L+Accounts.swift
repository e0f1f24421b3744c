import MamoriCore

extension L.Accounts {
    // Home
    static let homeTitle = LocalizedText(ja: "中小企業のための情報セキュリティ", en: "Information security for small businesses")
    static let homeLead = LocalizedText(ja: "Mamori は、専任の担当者がいない中小企業でも、自社の情報セキュリティを整え、いざという時に落ち着いて対応できるよう支援するサービスです。", en: "Mamori helps small and medium businesses without a security department put their information security in order, and respond calmly when something goes wrong.")
    static let homeAvailableTitle = LocalizedText(ja: "いまできること", en: "What you can do today")
    static let homeAvailableIncident = LocalizedText(
        ja: "ウイルス感染・ランサムウェア・システム障害・情報漏えいが起きたら、3段階の手順と、誰にいつまでに報告するか（個人情報保護委員会の期限を含む）を案内し、改ざんを検知できる記録と報告書の下書きを残せます。",
        en: "When a virus, ransomware, an outage or a data leak hits: the three-step response, whom to notify by when (including the Personal Information Protection Commission's deadlines), a tamper-evident record and report drafts.")
    static let homeAvailableRules = LocalizedText(
        ja: "情報セキュリティ基本方針と関連規程の作成・承認・公開、情報資産とリスクの台帳、1年間の対策計画をつくれます。",
        en: "Write, approve and publish the basic security policy and related rules, keep the asset and risk register, and plan a year of measures.")
    static let homeAvailableHelp = LocalizedText(
        ja: "困ったときの相談・届出先と、緊急時の初動をいつでも確認できます（登録不要）。",
        en: "Find whom to call or report to, and what to do first in an emergency, at any time (no account needed).")
    static let homeAvailableWorkspace = LocalizedText(ja: "自社の組織を登録し、経営者・担当者が同じ画面で取り組めます。", en: "Register your organization so owners and staff work from the same place.")
    static let homeAvailableTeam = LocalizedText(ja: "メンバーを招待リンクで追加し、役割（経営者・担当者）を分けて管理できます。", en: "Add members with an invitation link and keep owner and staff roles apart.")
    static let homeAvailableAudit = LocalizedText(ja: "すべての変更が操作履歴に残り、誰がいつ何をしたかを確認できます。", en: "Every change is kept in an audit log: who did what, and when.")
    static let homeAvailableAPI = LocalizedText(ja: "APIトークンで、社内のツールやセキュリティ製品と連携できます。", en: "Connect your own tools and security products with API tokens.")
    static let homeMissionTitle = LocalizedText(ja: "Mamori が目指すこと", en: "Where Mamori is heading")
    static let homeMission = LocalizedText(ja: "自社診断で現状を知り、ルールを文書にし、1年の計画を立て、専門家の助言を受け、インシデントの際には手順に沿って対応し、期限までに必要な報告を行う――その一連を、一つの場所で支えることを目指しています。", en: "Know where you stand, write your rules down, plan a year of improvements, get advice from an expert, and when an incident happens, follow the steps and report on time: Mamori aims to support all of this in one place.")
    static let homeStart = LocalizedText(ja: "無料で始める", en: "Get started")
    static let homeHaveAccount = LocalizedText(ja: "アカウントをお持ちの方", en: "Already have an account?")

    // Sign-up
    static let signupTitle = LocalizedText(ja: "組織を登録する", en: "Register your organization")
    static let signupLead = LocalizedText(ja: "組織の情報と、管理者（経営者・責任者）のアカウントを登録します。あとからメンバーを招待できます。", en: "Enter your organization and the account of its owner (the manager responsible). You can invite members afterwards.")
    static let signupOrganizationSection = LocalizedText(ja: "組織の情報", en: "Your organization")
    static let signupOwnerSection = LocalizedText(ja: "管理者のアカウント", en: "Owner account")
    static let organizationName = LocalizedText(ja: "組織名", en: "Organization name")
    static let prefecture = LocalizedText(ja: "所在地（都道府県）", en: "Prefecture")
    static let industryCategory = LocalizedText(ja: "業種", en: "Industry")
    static let industryCategoryHint = LocalizedText(ja: "中小企業の定義（資本金・従業員数の基準）はこの業種区分で判断されます。", en: "The small-business definition (capital and employee limits) depends on this category.")
    static let employees = LocalizedText(ja: "常時使用する従業員数", en: "Regular employees")
    static let employeesHint = LocalizedText(ja: "役員・個人事業主本人は数えません。", en: "Do not count officers or the sole proprietor.")
    static let capital = LocalizedText(ja: "資本金（円）", en: "Capital (yen)")
    static let capitalHint = LocalizedText(ja: "資本金の額または出資の総額。数字のみ（例：10000000）。", en: "Paid-in capital or total contributions, digits only (e.g. 10000000).")
    static let displayName = LocalizedText(ja: "お名前", en: "Your name")
    static let email = LocalizedText(ja: "メールアドレス", en: "E-mail address")
    static let password = LocalizedText(ja: "パスワード", en: "Password")
    static let passwordHint = LocalizedText(ja: "10文字以上。長い文（パスフレーズ）がおすすめです。他のサービスと同じものは避けてください。", en: "At least 10 characters. A long phrase works well. Do not reuse a password from another service.")
    static let passwordConfirmation = LocalizedText(ja: "パスワード（確認）", en: "Password (again)")
    static let signupSubmit = LocalizedText(ja: "登録する", en: "Create account")
    /// Said on the sign-up page when the visitor came from a page that continues after sign-up.
    static func signupContinues(_ intent: SignupIntent) -> LocalizedText {
        switch intent {
        case .saveDiagnosis:
            LocalizedText(ja: "登録すると、回答した自社診断の結果がこの組織の最初の診断として保存されます。",
                          en: "When you register, the self-diagnosis you answered is saved as your organization's first diagnosis.")
        case .openIncident(let kind):
            LocalizedText(ja: "登録後、「\(L.Incident.incidentKind(kind).ja)」のインシデント記録を始める画面に進みます。回答済みの自社診断があれば、それも保存されます。",
                          en: "After registering you continue to a new \(L.Incident.incidentKind(kind).en.lowercased()) incident record. A self-diagnosis you already answered is saved as well.")
        }
    }
    static let signupDone = LocalizedText(ja: "登録が完了しました。ようこそ Mamori へ。", en: "Your organization is registered. Welcome to Mamori.")

    // Login
    static let loginTitle = LocalizedText(ja: "ログイン", en: "Log in")
    static let loginSubmit = LocalizedText(ja: "ログインする", en: "Log in")
    static let loginFailed = LocalizedText(ja: "メールアドレスまたはパスワードが正しくありません。", en: "The e-mail address or password is not correct.")
    static func loginRefused(minutes: Int) -> LocalizedText {
        LocalizedText(ja: "ログインに続けて失敗したため、このアカウントへのログインを一時的に止めています。約\(minutes)分後にもう一度お試しください。", en: "After several failed attempts, logging in to this account is paused. Please try again in about \(minutes) minutes.")
    }
    static let loginNoAccount = LocalizedText(ja: "まだアカウントがない場合", en: "No account yet?")
    static let loggedOut = LocalizedText(ja: "ログアウトしました。", en: "You have logged out.")
    static let sessionExpiredNotice = LocalizedText(ja: "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。", en: "You were logged out after a period of inactivity. Please log in again.")

    // Settings
    static let settingsTitle = LocalizedText(ja: "アカウント設定", en: "Account settings")
    static let settingsProfileSection = LocalizedText(ja: "表示名と言語", en: "Name and language")
    static let language = LocalizedText(ja: "表示言語", en: "Language")
    static let settingsPasswordSection = LocalizedText(ja: "パスワードの変更", en: "Change password")
    static let currentPassword = LocalizedText(ja: "現在のパスワード", en: "Current password")
    static let newPassword = LocalizedText(ja: "新しいパスワード", en: "New password")
    static let passwordChanged = LocalizedText(ja: "パスワードを変更しました。他の端末のログインは終了しました。", en: "Your password was changed. Sessions on other devices were ended.")
    static let profileSaved = LocalizedText(ja: "設定を保存しました。", en: "Your settings were saved.")
    static let accountRole = LocalizedText(ja: "役割", en: "Role")

    /// An audit summary naming a role.
    static func roleSummary(_ role: Role) -> LocalizedText {
        LocalizedText(ja: "役割：" + roleName(role).ja, en: "Role: " + roleName(role).en)
    }

    static func roleName(_ role: Role) -> LocalizedText {
        switch role {
        case .officeAdmin: LocalizedText(ja: "事務局", en: "Program office")
        case .expert: LocalizedText(ja: "専門家", en: "Expert")
        case .owner: LocalizedText(ja: "経営者・責任者", en: "Owner")
        case .member: LocalizedText(ja: "担当者", en: "Member")
        }
    }

    // Setup
    static let setupTitle = LocalizedText(ja: "事務局管理者の初期設定", en: "Set up the first program-office admin")
    static let setupLead = LocalizedText(ja: "このページは初回のみ使える設定用リンクです。事務局の管理者アカウントを作成してください。", en: "This one-time link creates the program office's first admin account.")
    static let setupSubmit = LocalizedText(ja: "管理者を作成する", en: "Create admin")
    static let setupLinkUnusable = LocalizedText(ja: "この設定用リンクは使用済みか有効期限（1時間）が切れています。サーバーを再起動すると新しいリンクがログに表示されます。または `swift run mamori create-admin` を使ってください。", en: "This setup link was already used or has expired (it is valid for one hour). Restart the server to print a new one in the log, or use `swift run mamori create-admin`.")
    static let setupDone = LocalizedText(ja: "事務局の管理者アカウントを作成しました。", en: "The program-office admin account was created.")
}
