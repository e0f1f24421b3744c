import MamoriCore

extension L.Organization {
    // Dashboard
    static func dashboardWelcome(_ name: String) -> LocalizedText {
        LocalizedText(ja: "\(name) さん、こんにちは", en: "Hello, \(name)")
    }
    static let dashboardOrganizationCard = LocalizedText(ja: "組織の情報", en: "Your organization")
    static let dashboardTeamCard = LocalizedText(ja: "チーム", en: "Team")
    static func dashboardTeamCount(members: Int, invitations: Int) -> LocalizedText {
        LocalizedText(ja: "メンバー \(members)名・未使用の招待 \(invitations)件", en: "\(members) member\(members == 1 ? "" : "s"), \(invitations) open invitation\(invitations == 1 ? "" : "s")")
    }
    static let dashboardActivityCard = LocalizedText(ja: "最近の操作", en: "Recent activity")
    static let dashboardAPICard = LocalizedText(ja: "API連携", en: "API access")
    static func dashboardActiveTokens(_ count: Int) -> LocalizedText {
        LocalizedText(ja: "有効なAPIトークン \(count)件", en: "\(count) active API token\(count == 1 ? "" : "s")")
    }
    static let dashboardNoActivity = LocalizedText(ja: "まだ操作履歴はありません。", en: "No activity yet.")
    static let manageMembers = LocalizedText(ja: "メンバーを管理", en: "Manage members")
    static let seeMembers = LocalizedText(ja: "メンバーを見る", en: "See members")
    static let seeAuditLog = LocalizedText(ja: "操作履歴をすべて見る", en: "See the full audit log")
    static let manageTokens = LocalizedText(ja: "APIトークンを管理", en: "Manage API tokens")
    static let officeDashboardTitle = LocalizedText(ja: "事務局ダッシュボード", en: "Program office dashboard")
    static let officeCountOrganizations = LocalizedText(ja: "登録組織", en: "Organizations")
    static let officeCountOutsideMetro = LocalizedText(ja: "うち三大都市圏以外", en: "of which outside the three metropolitan areas")
    static let officeCountOrganizationUsers = LocalizedText(ja: "組織の利用者", en: "Organization users")
    static let officeCountExperts = LocalizedText(ja: "専門家", en: "Experts")
    static let officeCountAdmins = LocalizedText(ja: "事務局管理者", en: "Office admins")
    static let officeCountAuditWeek = LocalizedText(ja: "直近7日間の操作", en: "Changes in the last 7 days")
    static let officeRecentOrganizations = LocalizedText(ja: "最近登録された組織", en: "Recently registered organizations")
    static let expertDashboardTitle = LocalizedText(ja: "専門家ダッシュボード", en: "Expert dashboard")
    static let expertAccountCard = LocalizedText(ja: "あなたのアカウント", en: "Your account")
    static let noOrganizationsYet = LocalizedText(ja: "登録された組織はまだありません。", en: "No organizations have registered yet.")

    // Members
    static let membersTitle = LocalizedText(ja: "メンバー", en: "Members")
    static let membersLead = LocalizedText(ja: "組織のメンバーと役割です。経営者・責任者は、招待リンクでメンバーを追加し、削除や管理者の交代ができます。", en: "The people in your organization and their roles. The owner adds members with invitation links, removes members and can hand over ownership.")
    static let memberSince = LocalizedText(ja: "登録日", en: "Joined")
    static let actions = LocalizedText(ja: "操作", en: "Actions")
    static let you = LocalizedText(ja: "（あなた）", en: " (you)")
    static let removeMember = LocalizedText(ja: "削除", en: "Remove")
    static let makeOwner = LocalizedText(ja: "管理者を交代", en: "Make owner")
    static let inviteTitle = LocalizedText(ja: "メンバーを招待する", en: "Invite a member")
    static let inviteLead = LocalizedText(ja: "招待リンクを作成します。メールは送信されません。表示されたリンクを招待したい方に伝えてください。リンクは1回だけ、7日以内に使えます。", en: "Create an invitation link. No e-mail is sent: give the link shown to the person you invite. It works once, within 7 days.")
    static let inviteNote = LocalizedText(ja: "メモ（招待する方のお名前など）", en: "Note (e.g. the invitee's name)")
    static let inviteSubmit = LocalizedText(ja: "招待リンクを作成", en: "Create invitation link")
    static let inviteCreated = LocalizedText(ja: "招待リンクを作成しました。このリンクは今だけ表示されます。コピーして招待する方に伝えてください。", en: "The invitation link was created. It is shown only now: copy it and give it to the person you invite.")
    static let openInvitations = LocalizedText(ja: "未使用の招待", en: "Open invitations")
    static let expires = LocalizedText(ja: "有効期限", en: "Expires")
    static let note = LocalizedText(ja: "メモ", en: "Note")
    static let revoke = LocalizedText(ja: "取り消す", en: "Revoke")
    static let invitationRevoked = LocalizedText(ja: "招待を取り消しました。", en: "The invitation was revoked.")
    static let memberRemoved = LocalizedText(ja: "メンバーを削除しました。このメンバーのログインとAPIトークンは無効になりました。", en: "The member was removed. Their sessions and API tokens no longer work.")
    static let ownershipTransferred = LocalizedText(ja: "管理者を交代しました。あなたは担当者になりました。", en: "Ownership was handed over. You are now a member.")
    static let membersCannotRemoveSelf = LocalizedText(ja: "自分自身は削除できません。先に別のメンバーに管理者を交代してください。", en: "You cannot remove yourself. Hand ownership to another member first.")
    static let membersCannotRemoveOwner = LocalizedText(ja: "経営者・責任者は削除できません。", en: "The owner cannot be removed.")
    static let invitationLink = LocalizedText(ja: "招待リンク", en: "Invitation link")

    // Accepting an invitation
    static func acceptTitle(_ organization: String) -> LocalizedText {
        LocalizedText(ja: "\(organization) への招待", en: "Invitation to \(organization)")
    }
    static let acceptExpertTitle = LocalizedText(ja: "専門家アカウントの作成", en: "Create your expert account")
    static let acceptLead = LocalizedText(ja: "アカウントを作成すると、この組織のメンバーとして Mamori を使えます。", en: "Create your account to use Mamori as a member of this organization.")
    static let acceptExpertLead = LocalizedText(ja: "事務局から専門家として招待されました。アカウントを作成してください。", en: "The program office invited you as an expert. Create your account.")
    static let acceptSubmit = LocalizedText(ja: "アカウントを作成", en: "Create account")
    static let acceptDone = LocalizedText(ja: "アカウントを作成しました。ようこそ。", en: "Your account was created. Welcome.")
    static let invitationUnusableTitle = LocalizedText(ja: "この招待リンクは使えません", en: "This invitation link cannot be used")
    static let invitationUnusable = LocalizedText(ja: "リンクがすでに使われたか、取り消されたか、有効期限（7日）が切れています。招待した方に新しいリンクを依頼してください。", en: "The link was already used, revoked, or has expired (links last 7 days). Ask the person who invited you for a new one.")
    static let signedInCannotAccept = LocalizedText(ja: "ログイン中は招待を受けられません。ログアウトしてからリンクを開き直してください。", en: "You cannot accept an invitation while logged in. Log out and open the link again.")

    // API tokens
    static let tokensTitle = LocalizedText(ja: "APIトークン", en: "API tokens")
    static let tokensLead = LocalizedText(ja: "セキュリティ製品やスクリプトから Mamori の API を使うためのトークンです。トークンは作成時に一度だけ表示され、Mamori には復元できない形で保存されます。不要になったらすぐに取り消してください。", en: "Tokens let security products and scripts use Mamori's API. A token is shown once when created and stored in a form that cannot be turned back into it. Revoke tokens you no longer need.")
    static let tokenName = LocalizedText(ja: "用途（例：UTM連携）", en: "Purpose (e.g. firewall integration)")
    static let tokenCreate = LocalizedText(ja: "トークンを作成", en: "Create token")
    static let tokenCreated = LocalizedText(ja: "トークンを作成しました。この値は今だけ表示されます。安全な場所に保管してください。", en: "The token was created. This value is shown only now: keep it somewhere safe.")
    static let tokenRevoked = LocalizedText(ja: "トークンを取り消しました。", en: "The token was revoked.")
    static let tokenHint = LocalizedText(ja: "先頭", en: "Starts with")
    static let createdBy = LocalizedText(ja: "作成者", en: "Created by")
    static let created = LocalizedText(ja: "作成日時", en: "Created")
    static let lastUsed = LocalizedText(ja: "最終利用", en: "Last used")
    static let status = LocalizedText(ja: "状態", en: "Status")
    static let active = LocalizedText(ja: "有効", en: "Active")
    static let revoked = LocalizedText(ja: "取り消し済み", en: "Revoked")
    static let noTokens = LocalizedText(ja: "トークンはまだありません。", en: "No tokens yet.")
    static let tokenUsage = LocalizedText(ja: "使い方：HTTP ヘッダー `Authorization: Bearer <トークン>` を付けて https://…/api/v1/ に送信します。API仕様は次のリンクから取得できます。", en: "Usage: send the header `Authorization: Bearer <token>` to https://…/api/v1/. The API description is at the link below.")
    static let apiSpecLink = LocalizedText(ja: "API仕様（OpenAPI）", en: "API description (OpenAPI)")

    // Audit
    static let auditTitle = LocalizedText(ja: "操作履歴", en: "Audit log")
    static let auditLead = LocalizedText(ja: "この組織で行われた変更の記録です。記録は追記のみで、変更・削除はできません。", en: "A record of the changes made in this organization. Entries are only ever added, never changed or deleted.")
    static let auditOfficeLead = LocalizedText(ja: "Mamori 全体で行われた変更の記録です。記録は追記のみで、変更・削除はできません。", en: "A record of every change made in Mamori. Entries are only ever added, never changed or deleted.")
    static let auditWhen = LocalizedText(ja: "日時", en: "When")
    static let auditWho = LocalizedText(ja: "実行者", en: "Who")
    static let auditWhat = LocalizedText(ja: "操作", en: "Action")
    static let auditDetails = LocalizedText(ja: "内容", en: "Details")
    static let auditPrivateToOrganization = LocalizedText(ja: "（インシデントの内容は組織だけが見られます）", en: "(Only the organization can see incident details.)")
    static let auditFilterUser = LocalizedText(ja: "実行者で絞り込み", en: "Filter by person")
    static let auditFilterAction = LocalizedText(ja: "操作で絞り込み", en: "Filter by action")
    static let auditAll = LocalizedText(ja: "すべて", en: "All")
    static let auditFilterSubmit = LocalizedText(ja: "絞り込む", en: "Filter")
    static let auditEmpty = LocalizedText(ja: "条件に合う記録はありません。", en: "No entries match.")

    static func auditActionName(_ raw: String) -> LocalizedText {
        guard let action = AuditAction(rawValue: raw) else { return LocalizedText(ja: raw, en: raw) }
        return switch action {
        case .organizationCreated: LocalizedText(ja: "組織の登録", en: "Organization registered")
        case .accountCreated: LocalizedText(ja: "アカウントの作成", en: "Account created")
        case .loginSucceeded: LocalizedText(ja: "ログイン", en: "Logged in")
        case .loginFailed: LocalizedText(ja: "ログイン失敗", en: "Failed login")
        case .loginRefused: LocalizedText(ja: "ログイン拒否（一時停止中）", en: "Login refused (paused)")
        case .loggedOut: LocalizedText(ja: "ログアウト", en: "Logged out")
        case .passwordChanged: LocalizedText(ja: "パスワード変更", en: "Password changed")
        case .profileChanged: LocalizedText(ja: "設定の変更", en: "Settings changed")
        case .invitationCreated: LocalizedText(ja: "招待の作成", en: "Invitation created")
        case .invitationRevoked: LocalizedText(ja: "招待の取り消し", en: "Invitation revoked")
        case .invitationAccepted: LocalizedText(ja: "招待の受諾", en: "Invitation accepted")
        case .memberRemoved: LocalizedText(ja: "メンバーの削除", en: "Member removed")
        case .ownershipTransferred: LocalizedText(ja: "管理者の交代", en: "Ownership handed over")
        case .apiTokenCreated: LocalizedText(ja: "APIトークンの作成", en: "API token created")
        case .apiTokenRevoked: LocalizedText(ja: "APIトークンの取り消し", en: "API token revoked")
        case .officeAdminCreated: LocalizedText(ja: "事務局管理者の作成", en: "Office admin created")
        case .diagnosisSaved: LocalizedText(ja: "自社診断の保存", en: "Self-diagnosis saved")
        case .basicMeasuresChanged: LocalizedText(ja: "5か条チェックの変更", en: "Basic measures checklist changed")
        case .declarationRecorded: LocalizedText(ja: "SECURITY ACTION 宣言の記録", en: "SECURITY ACTION declaration recorded")
        case .programSettingsChanged: LocalizedText(ja: "指導事業の設定変更", en: "Program settings changed")
        case .programApplied: LocalizedText(ja: "指導事業への応募", en: "Applied to the program")
        case .programDecided: LocalizedText(ja: "応募の審査", en: "Application decided")
        case .expertRegistered: LocalizedText(ja: "専門家の登録", en: "Expert registered")
        case .expertAssigned: LocalizedText(ja: "専門家の割り当て", en: "Expert assigned")
        case .visitScheduled: LocalizedText(ja: "訪問の予定", en: "Visit scheduled")
        case .visitRecorded: LocalizedText(ja: "訪問の記録", en: "Visit recorded")
        case .surveyAnswered: LocalizedText(ja: "アンケートの回答", en: "Survey answered")
        case .incidentOpened: LocalizedText(ja: "インシデントの記録開始", en: "Incident opened")
        case .incidentUpdated: LocalizedText(ja: "インシデントの更新", en: "Incident updated")
        case .incidentClosed: LocalizedText(ja: "インシデントの終了", en: "Incident closed")
        case .policyDraftCreated: LocalizedText(ja: "方針・規程の下書き作成", en: "Policy or rule draft created")
        case .policyDraftEdited: LocalizedText(ja: "方針・規程の下書き編集", en: "Policy or rule draft edited")
        case .policyApproved: LocalizedText(ja: "方針・規程の承認", en: "Policy or rule approved")
        case .policyPublished: LocalizedText(ja: "基本方針の公開", en: "Basic policy published")
        case .policyDiscarded: LocalizedText(ja: "方針・規程の下書き破棄", en: "Policy or rule draft discarded")
        case .policyCommented: LocalizedText(ja: "方針・規程へのコメント", en: "Comment on a policy or rule")
        case .policyCommentResolved: LocalizedText(ja: "コメントの解決", en: "Comment resolved")
        case .rulesChecked: LocalizedText(ja: "関連規程の点検", en: "Related rules checked")
        case .teleworkSelfChecked: LocalizedText(ja: "テレワーク自己点検の保存", en: "Telework self-check saved")
        case .teleworkChecklistSaved: LocalizedText(ja: "テレワークチェックリストの保存", en: "Telework checklist saved")
        case .incidentContactChanged: LocalizedText(ja: "緊急連絡先の変更", en: "Incident contact changed")
        case .organizationUpdated: LocalizedText(ja: "組織の情報の変更", en: "Organization details changed")
        case .directoryCorrected: LocalizedText(ja: "相談先の修正", en: "Directory entry corrected")
        case .directoryAdded: LocalizedText(ja: "相談先の追加", en: "Directory entry added")
        case .directoryRetired: LocalizedText(ja: "相談先の掲載終了", en: "Directory entry retired")
        case .directoryRestored: LocalizedText(ja: "相談先の掲載再開", en: "Directory entry restored")
        case .directoryVerified: LocalizedText(ja: "相談先の確認", en: "Directory entry verified")
        case .directoryReported: LocalizedText(ja: "相談先の更新依頼", en: "Directory entry reported as outdated")
        case .directoryReportResolved: LocalizedText(ja: "更新依頼の対応", en: "Outdated report resolved")
        case .visitAttachmentAdded: LocalizedText(ja: "訪問記録への添付", en: "Visit attachment added")
        case .calendarFeedRenewed: LocalizedText(ja: "カレンダー配信アドレスの再発行", en: "Calendar feed address renewed")
        case .assetAdded: LocalizedText(ja: "情報資産の登録", en: "Asset added")
        case .assetUpdated: LocalizedText(ja: "情報資産の更新", en: "Asset updated")
        case .assetRemoved: LocalizedText(ja: "情報資産の削除", en: "Asset removed")
        case .riskRated: LocalizedText(ja: "リスクの評価", en: "Risk rated")
        case .riskTreated: LocalizedText(ja: "リスク対応の決定", en: "Risk treatment decided")
        case .riskRemoved: LocalizedText(ja: "リスクの削除", en: "Risk removed")
        case .planProposed: LocalizedText(ja: "対策計画の提案", en: "Plan proposed")
        case .planItemAdded: LocalizedText(ja: "計画項目の追加", en: "Plan item added")
        case .planItemUpdated: LocalizedText(ja: "計画項目の更新", en: "Plan item updated")
        case .planItemRemoved: LocalizedText(ja: "計画項目の削除", en: "Plan item removed")
        case .planAgreed: LocalizedText(ja: "対策計画の合意", en: "Plan agreed")
        case .planCalendarRenewed: LocalizedText(ja: "計画カレンダーの再発行", en: "Plan calendar renewed")
        case .planCommented: LocalizedText(ja: "対策計画へのコメント", en: "Comment on the plan")
        case .passwordResetIssued: L.PasswordReset.auditIssued
        case .passwordResetUsed: L.PasswordReset.auditUsed
        case .webhookAdded: LocalizedText(ja: "Webhook の追加", en: "Webhook added")
        case .webhookRemoved: LocalizedText(ja: "Webhook の削除", en: "Webhook removed")
        case .dutyCalendarRenewed: LocalizedText(ja: "期限カレンダーの発行", en: "Deadline calendar issued")
        case .dutyCalendarRevoked: LocalizedText(ja: "期限カレンダーの停止", en: "Deadline calendar stopped")
        case .incidentReportSaved: L.Reports.auditSavedAction
        case .incidentReportSubmitted: L.Reports.auditSubmittedAction
        }
    }

    // Office
    static let officeOrganizationsTitle = LocalizedText(ja: "登録組織", en: "Registered organizations")
    static let officeExpertsTitle = LocalizedText(ja: "専門家アカウント", en: "Expert accounts")
    static let officeExpertsLead = LocalizedText(ja: "専門家（情報処理安全確保支援士）のアカウントは事務局が作成します。招待リンクを作成し、専門家ご本人に伝えてください。リンクは1回だけ、7日以内に使えます。", en: "The program office creates expert (Registered Information Security Specialist) accounts. Create an invitation link and give it to the expert. It works once, within 7 days.")
    static let officeExpertInviteNote = LocalizedText(ja: "専門家のお名前・登録番号など", en: "Expert's name, registration number…")
    static let officeExpertInvite = LocalizedText(ja: "専門家の招待リンクを作成", en: "Create expert invitation link")
    static let noExperts = LocalizedText(ja: "専門家のアカウントはまだありません。", en: "No expert accounts yet.")
    static let registered = LocalizedText(ja: "登録日", en: "Registered")
    static let name = LocalizedText(ja: "名称", en: "Name")
    static let people = LocalizedText(ja: "利用者数", en: "Users")
}

/// The organization's details page.
extension L.Organization {
    static let organizationDetailsTitle = LocalizedText(ja: "組織の情報", en: "Organization details")
    static let organizationDetailsLead = LocalizedText(
        ja: "登録時の情報と、報告書に載せる事業者の情報です。個人情報保護委員会への報告や本人への通知では、担当者個人ではなく事業者の名称・住所・代表者・連絡先を書きます。",
        en: "What you gave at sign-up, and the business details that reports print. Reports to the Personal Information Protection Commission and notices to the persons name the business — its name, address, representative and contact — not the person filling them in.")
    static let organizationReportingSection = LocalizedText(ja: "報告書に載せる情報", en: "Printed on reports")
    static let organizationReportingLead = LocalizedText(ja: "空欄のままでも保存できます。報告書の下書きでは空欄が「—」になります。",
                                                         en: "You may leave these empty; report drafts then show “—”.")
    static let organizationAddress = LocalizedText(ja: "所在地（住所）", en: "Address")
    static let organizationRepresentative = LocalizedText(ja: "代表者", en: "Representative")
    static let organizationRepresentativeHint = LocalizedText(ja: "例：代表取締役 山田 太郎", en: "E.g. Taro Yamada, CEO")
    static let organizationDetailsSave = LocalizedText(ja: "組織の情報を保存", en: "Save the details")
    static let organizationDetailsSaved = LocalizedText(ja: "組織の情報を保存しました。", en: "The organization details were saved.")
    static let officeOnlyAction = LocalizedText(ja: "この操作は事務局だけが行えます。", en: "Only the program office can do this.")
    static let organizationDetailsOwnerOnly = LocalizedText(ja: "組織の情報は経営者・責任者（オーナー）が変更します。", en: "The owner changes the organization details.")
    static let navOrganizationDetails = LocalizedText(ja: "組織の情報", en: "Organization")
}

/// Groups of the organization's menu.
extension L.Organization {
    static let navGroupStanding = LocalizedText(ja: "現状の把握", en: "Where you stand")
    static let navGroupRules = LocalizedText(ja: "ルールと計画", en: "Rules & plan")
    static let navGroupOrganization = LocalizedText(ja: "組織", en: "Organization")
}

/// Refusals of the API operations that mirror the members page and the expert's pages
/// (issue #12: every page action that changes data has an API operation).
extension L.Organization {
    static let membershipOwnerOnly = LocalizedText(
        ja: "メンバーの招待・削除とオーナーの交代は、経営者・責任者（オーナー）だけが行えます。",
        en: "Only the owner invites and removes members and hands over ownership.")
    static let expertTokenNeeded = LocalizedText(
        ja: "この操作には、専門家のアカウントの API トークンが必要です。",
        en: "This operation needs an API token of an expert's account.")
}
