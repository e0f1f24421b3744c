import MamoriCore

/// The UI catalog. Every entry carries both languages, so a missing translation does not
/// compile. Content (diagnosis items, contacts…) lives in MamoriCore's JSON files instead.
enum L {
    /// Words every feature uses (buttons, errors, field problems); everything else is under its feature.
    enum Common {}
    enum Accounts {}
    enum Diagnosis {}
    enum Help {}
    enum Incident {}
    enum Organization {}
    enum Program {}
}

extension L.Common {
    static let appName = LocalizedText(ja: "守り Mamori", en: "Mamori")
    static let tagline = LocalizedText(ja: "中小企業の情報セキュリティを、平時も緊急時も。", en: "Information security for small businesses, on ordinary days and on the worst ones.")
    static let skipToContent = LocalizedText(ja: "本文へ移動", en: "Skip to content")
    static let mainNavigation = LocalizedText(ja: "メインメニュー", en: "Main menu")
    static let footerNote = LocalizedText(ja: "Mamori は IPA などの公開資料をもとに、中小企業の情報セキュリティ対策とインシデント対応を支援します。", en: "Mamori helps small businesses run their information security and respond to incidents, based on public guidance from IPA and others.")
    static let logIn = LocalizedText(ja: "ログイン", en: "Log in")
    static let logOut = LocalizedText(ja: "ログアウト", en: "Log out")
    static let signUp = LocalizedText(ja: "新規登録", en: "Sign up")
    static let navHome = LocalizedText(ja: "ホーム", en: "Home")
    static let navDashboard = LocalizedText(ja: "ダッシュボード", en: "Dashboard")
    static let navMembers = LocalizedText(ja: "メンバー", en: "Members")
    static let navTokens = LocalizedText(ja: "APIトークン", en: "API tokens")
    static let navAudit = LocalizedText(ja: "操作履歴", en: "Audit log")
    static let navOrganizations = LocalizedText(ja: "組織一覧", en: "Organizations")
    static let navExperts = LocalizedText(ja: "専門家", en: "Experts")
    static let navSettings = LocalizedText(ja: "設定", en: "Settings")
    static let chooseOne = LocalizedText(ja: "選択してください", en: "Choose one")
    static let optional = LocalizedText(ja: "（任意）", en: " (optional)")
    /// Between a field's name and its problem in a form's error summary.
    static let fieldSeparator = LocalizedText(ja: "：", en: ": ")
    static let save = LocalizedText(ja: "保存する", en: "Save")
    static let back = LocalizedText(ja: "戻る", en: "Back")
    static let previousPage = LocalizedText(ja: "前のページ", en: "Previous page")
    static let nextPage = LocalizedText(ja: "次のページ", en: "Next page")
    static func pageOf(_ page: Int, _ total: Int) -> LocalizedText {
        LocalizedText(ja: "\(total)ページ中 \(page)ページ目", en: "Page \(page) of \(total)")
    }
    static let none = LocalizedText(ja: "なし", en: "None")
    /// "Label: value" punctuation in each language.
    static let colon = LocalizedText(ja: "：", en: ": ")
    static func range(_ from: Int, _ to: Int) -> LocalizedText {
        LocalizedText(ja: "（\(from)〜\(to)）", en: " (\(from)–\(to))")
    }
    static func minutes(_ count: Int) -> LocalizedText { LocalizedText(ja: "\(count)分", en: "\(count) min") }

    /// Between the items of a list written out in a sentence.
    static let printHelp = LocalizedText(ja: "印刷用の画面です。ブラウザの印刷（Ctrl+P、Mac は ⌘P）で印刷または PDF に保存できます。戻るときはブラウザの「戻る」を使ってください。",
                                         en: "This is the print view. Use the browser's print (Ctrl+P, or ⌘P on a Mac) to print or save as PDF, and the browser's Back button to return.")
    static let listSeparator = LocalizedText(ja: "、", en: ", ")
    /// Before each line of a list written out in a text field (reports).
    static let bullet = LocalizedText(ja: "・", en: "- ")

    static func parenthesized(_ text: String) -> LocalizedText {
        LocalizedText(ja: "（\(text)）", en: " (\(text))")
    }

    // Errors
    static let errorValidation = LocalizedText(ja: "入力内容を確認してください。赤く示した項目に問題があります。", en: "Please check your input. The fields marked in red need attention.")
    static let errorNotFound = LocalizedText(ja: "お探しのページは見つかりませんでした。", en: "The page you are looking for was not found.")
    static let errorNotFoundTitle = LocalizedText(ja: "ページが見つかりません", en: "Page not found")
    static let errorUnauthorized = LocalizedText(ja: "認証が必要です。有効なAPIトークンを指定してください。", en: "Authentication required. Send a valid API token.")
    static let errorForbiddenTitle = LocalizedText(ja: "この操作はできません", en: "This action is not allowed")
    static let errorServerTitle = LocalizedText(ja: "問題が発生しました", en: "Something went wrong")
    static let errorServer = LocalizedText(ja: "処理中に問題が発生しました。入力済みの内容は保存されていない可能性があります。時間をおいてもう一度お試しください。", en: "Something went wrong while processing your request. What you entered may not have been saved. Please try again in a moment.")
    static let errorBadRequestTitle = LocalizedText(ja: "リクエストを処理できません", en: "The request could not be processed")
    static let errorTooLarge = LocalizedText(ja: "送信されたデータが大きすぎます。", en: "The data sent is too large.")
    static let backToStart = LocalizedText(ja: "トップページへ戻る", en: "Back to the start page")
    static let csrfCrossOrigin = LocalizedText(ja: "別のサイトから送信されたため、処理を中止しました。Mamori の画面から操作してください。", en: "This request came from another site and was stopped. Please use Mamori's own pages.")
    static let csrfSessionExpired = LocalizedText(ja: "画面を開いてから時間がたったため、送信を受け付けられませんでした。ページを再読み込みしてからもう一度送信してください。", en: "The page was open for too long, so the form could not be accepted. Reload the page and submit again.")
    static let signInToContinue = LocalizedText(ja: "続けるにはログインしてください。", en: "Please log in to continue.")

    /// The sentence for one refused diagnosis answer.
    static func describe(_ problem: DiagnosisAnswers.Problem) -> LocalizedText {
        switch problem {
        case .missing: LocalizedText(ja: "この項目の回答がありません。", en: "This item has no answer.")
        case .unknownItem: LocalizedText(ja: "項目番号は1から25です。", en: "Item numbers run from 1 to 25.")
        case .unknownAnswer: LocalizedText(ja: "回答は implemented、partly、not_implemented、dont_know のいずれかです。", en: "The answer must be implemented, partly, not_implemented or dont_know.")
        }
    }

    /// The sentence for one refused field.
    static func describe(_ problem: FieldProblem) -> LocalizedText {
        switch problem {
        case .required: LocalizedText(ja: "入力してください。", en: "This field is required.")
        case .reasonRequired: L.Incident.reasonRequiredForNA
        case .mainIndustryRequired: L.Program.eligibilityMainIndustryRequired
        case .mainIndustryNotAllowed: L.Program.eligibilityMainIndustryNotAllowed
        case .twoStarsNotReady(let missing): L.Diagnosis.twoStarsNotReady(missing: missing)
        case .tooLong(let maximum): LocalizedText(ja: "\(maximum)文字以内で入力してください。", en: "Use at most \(maximum) characters.")
        case .tooShort(let minimum): LocalizedText(ja: "\(minimum)文字以上で入力してください。", en: "Use at least \(minimum) characters.")
        case .tooManyBytes(let maximum): LocalizedText(ja: "\(maximum)バイト以内で入力してください（半角英数字なら\(maximum)文字、全角文字なら\(maximum / 3)文字程度まで）。", en: "Use at most \(maximum) bytes (\(maximum) plain ASCII characters, fewer with accented or Japanese characters).")
        case .outOfRange(let minimum, let maximum): LocalizedText(ja: "\(minimum)から\(maximum)までの数で入力してください。", en: "Enter a number from \(minimum) to \(maximum).")
        case .notANumber: LocalizedText(ja: "数字で入力してください。", en: "Enter a whole number.")
        case .unknownChoice: LocalizedText(ja: "一覧から選んでください。", en: "Choose one of the listed options.")
        case .invalidEmail: LocalizedText(ja: "メールアドレスの形式（例：taro@example.jp）で入力してください。", en: "Enter an e-mail address such as taro@example.jp.")
        case .alreadyTaken: LocalizedText(ja: "このメールアドレスはすでに登録されています。", en: "This e-mail address is already registered.")
        case .mismatch: LocalizedText(ja: "確認用の入力が一致しません。", en: "The confirmation does not match.")
        case .incorrect: LocalizedText(ja: "正しくありません。", en: "This is not correct.")
        case .invalidDate: LocalizedText(ja: "日付を「2026-04-01」の形で入力してください。", en: "Enter a date such as 2026-04-01.")
        case .inFuture: LocalizedText(ja: "未来の日付は入力できません。", en: "The date cannot be in the future.")
        case .awarenessInFuture: LocalizedText(ja: "未来の日時は入力できません。報告の法定期限はこの日時から数えるため、実際に把握した日時を入力してください。",
                                               en: "This cannot be in the future: the legal reporting deadlines count from it, so enter when you actually became aware.")
        case .alreadyRegistered: LocalizedText(ja: "この番号はすでに登録されています。", en: "This number is already registered.")
        case .termsChanged: LocalizedText(ja: "参加規約が更新されました。新しい規約を読んで、もう一度同意してください。", en: "The participation terms were updated. Read the new terms and agree again.")
        case .invalidDateTime: LocalizedText(ja: "日時を「2026-04-01T10:00:00+09:00」の形で入力してください。", en: "Enter a date and time such as 2026-04-01T10:00:00+09:00.")
        case .ownerOnly: LocalizedText(ja: "経営者・責任者だけが決められます。", en: "Only the owner can decide this.")
        case .fileEmpty: LocalizedText(ja: "ファイルが空です。", en: "The file is empty.")
        case .fileTooLarge(let maximum): LocalizedText(ja: "ファイルが大きすぎます（\(maximum)MBまで）。", en: "The file is too large (at most \(maximum) MB).")
        case .fileUnreadable: LocalizedText(ja: "CSV（UTF-8 または Shift_JIS）か Excel（.xlsx）のファイルとして読めませんでした。", en: "The file could not be read as CSV (UTF-8 or Shift_JIS) or Excel (.xlsx).")
        case .missingColumn(let name): LocalizedText(ja: "1行目に「\(name)」の列がありません。テンプレートの見出しを使ってください。", en: "The first row has no \"\(name)\" column. Use the template's headings.")
        case .tooManyRows(let maximum): LocalizedText(ja: "行が多すぎます（\(maximum)行まで）。", en: "Too many rows (at most \(maximum)).")
        case .invalidMonth: LocalizedText(ja: "年と月を「2027/03」のように入力してください（「令和9年3月」も使えます）。", en: "Enter the year and month, e.g. 2027-03.")
        case .beforeStart: LocalizedText(ja: "開始より前にはできません。", en: "This cannot be before the start.")
        case .endBeforeStartDate: LocalizedText(ja: "終了日は、開始日と同じ日かそれより後の日付にしてください。", en: "The end date must be on or after the start date.")
        case .capacityTooSmall(let accepted): L.Program.capacityTooSmall(accepted: accepted)
        case .outsideFiscalYear(let year): L.Program.visitOutsideFiscalYear(year)
        case .invalidSlug: LocalizedText(ja: "半角の英小文字・数字・ハイフンで入力してください（例：yamada-shoji）。先頭と末尾にハイフンは使えません。", en: "Use lowercase letters, digits and hyphens, e.g. yamada-shoji; no hyphen at the start or end.")
        case .notAURL: LocalizedText(ja: "https:// で始まる会議のURLを入力してください。", en: "Enter the meeting URL, starting with https://.")
        case .webhookTarget(let problem): L.Reminders.targetProblem(problem)
        case .tooMany(let maximum): LocalizedText(ja: "登録できるのは\(maximum)件までです。使わないものを削除してから追加してください。",
                                                  en: "At most \(maximum) can be registered. Remove one you no longer use first.")
        }
    }
}
