import MamoriCore

/// Texts of the help directory: needs, entry pages, reports and the office's editing.
extension L {
    enum Directory {
        static let needLabel = LocalizedText(ja: "困りごと", en: "What you need")
        static let allNeeds = LocalizedText(ja: "すべて", en: "Any")
        static func need(_ need: DirectoryNeed) -> LocalizedText {
            switch need {
            case .personalDataLeak: LocalizedText(ja: "個人データが漏えいした", en: "Personal data leaked")
            case .ransomware: LocalizedText(ja: "ランサムウェア", en: "Ransomware")
            case .fraudEmail: LocalizedText(ja: "詐欺・不審なメール", en: "Fraud e-mail")
            case .teleworkRules: LocalizedText(ja: "テレワークのルール", en: "Telework rules")
            case .subsidy: LocalizedText(ja: "補助金・助成金", en: "Subsidies")
            case .findVendor: LocalizedText(ja: "対応してくれる事業者を探す", en: "Find a vendor")
            }
        }
        static let currentTitle = LocalizedText(ja: "いまの相談・届出先", en: "Current contacts")
        static let historicalTitle = LocalizedText(ja: "過去の支援策・資料（2020年）", en: "Historical measures and material (2020)")
        static let historicalLead = LocalizedText(ja: "2020年のテレワーク・感染症対策の資料です。制度は終了・変更されている可能性が高いため、参考として掲載しています。", en: "Material from the 2020 telework and pandemic measures. The programs have most likely ended or changed; they are listed for reference.")
        static let historicalMark = LocalizedText(ja: "過去の情報（2020年）", en: "Historical (2020)")
        static let jumpTo = LocalizedText(ja: "分類へ移動", en: "Jump to a category")
        static let measure = LocalizedText(ja: "支援策", en: "Support measure")
        static let period = LocalizedText(ja: "期間", en: "Period")
        static let email = LocalizedText(ja: "メール", en: "E-mail")
        static let emailAsPrinted = LocalizedText(ja: "資料に印刷されたとおりの表記です。誤記の可能性があるため、使う前に公式サイトで確認してください。", en: "As printed in the source; it may be a misprint. Check the official site before use.")
        static let details = LocalizedText(ja: "詳しく見る", en: "Details")
        static let firstAidLinks = LocalizedText(ja: "緊急時の初動", en: "First aid")
        static let verifiedOn = LocalizedText(ja: "事務局が確認した日", en: "Verified by the program office")
        static let correctedTitle = LocalizedText(ja: "事務局による修正", en: "Corrections by the program office")
        static let correctedLead = LocalizedText(ja: "元の資料から次の項目を修正しています。", en: "These fields differ from the source material.")
        static let bundledValue = LocalizedText(ja: "元の資料", en: "Source material")
        static let correctedValue = LocalizedText(ja: "修正後", en: "Corrected")
        static let reportTitle = LocalizedText(ja: "情報が古い・誤っているときは", en: "Outdated or wrong?")
        static let reportLead = LocalizedText(ja: "電話番号やURLが変わっているなど、気づいたことを事務局に知らせてください。", en: "Tell the program office what has changed, such as a new phone number or address.")
        static let reportNote = LocalizedText(ja: "気づいたこと", en: "What you noticed")
        static let reportSubmit = LocalizedText(ja: "事務局に知らせる", en: "Tell the office")
        static let reportSent = LocalizedText(ja: "事務局に知らせました。ありがとうございます。", en: "Sent to the program office. Thank you.")
        static let reportSignIn = LocalizedText(ja: "ログインすると、古い情報を事務局に知らせられます。", en: "Log in to report outdated details to the program office.")
        static let backToList = LocalizedText(ja: "一覧へ戻る", en: "Back to the list")
        static let source = LocalizedText(ja: "出典", en: "Source")
        /// The source documents behind the bundled entries, by seed file.
        static func sourceTitle(_ seed: String) -> LocalizedText {
            switch seed {
            case let name where name.hasPrefix("000_"): LocalizedText(ja: "テレワークを行う上での経営者の心構え5箇条と相談窓口・支援策（2020年）", en: "Five principles for managers on telework, with help desks and support measures (2020)")
            case let name where name.hasPrefix("001_"): LocalizedText(ja: "テレワーク関連の相談窓口・注意喚起・支援策（2020年）", en: "Telework help desks, alerts and support measures (2020)")
            case let name where name.hasPrefix("002_"): LocalizedText(ja: "IPA「中小企業のためのセキュリティインシデント対応の手引き」", en: "IPA, \"Security incident response guide for SMEs\"")
            case "office": officeAdded
            default: LocalizedText(ja: seed, en: seed)
            }
        }
        static let officeAdded = LocalizedText(ja: "事務局が追加", en: "Added by the program office")

        static let officeTitle = LocalizedText(ja: "相談・届出先の管理", en: "Help directory")
        static let officeLead = LocalizedText(ja: "同梱の資料をもとにした一覧に、事務局の修正・追加・掲載終了を重ねて表示します。修正はデータベースに保存され、同梱資料が更新されても残ります。", en: "The list from the bundled material, with the office's corrections, additions and retirements on top. Corrections are stored in the database and survive updates of the bundled material.")
        static let openReportsTitle = LocalizedText(ja: "未対応の更新依頼", en: "Open reports")
        static let noOpenReports = LocalizedText(ja: "未対応の更新依頼はありません。", en: "No open reports.")
        static let resolve = LocalizedText(ja: "対応済みにする", en: "Mark resolved")
        static let resolved = LocalizedText(ja: "対応済みにしました。", en: "Marked resolved.")
        static let addEntry = LocalizedText(ja: "相談先を追加", en: "Add an entry")
        static let edit = LocalizedText(ja: "修正", en: "Edit")
        static let editTitle = LocalizedText(ja: "相談先の修正", en: "Edit an entry")
        static let saved = LocalizedText(ja: "保存しました。", en: "Saved.")
        static let retire = LocalizedText(ja: "掲載を終了", en: "Retire")
        static let restore = LocalizedText(ja: "掲載を再開", en: "Restore")
        static let retiredMark = LocalizedText(ja: "掲載終了", en: "Retired")
        static let retiredDone = LocalizedText(ja: "掲載を終了しました。", en: "The entry was retired.")
        static let restoredDone = LocalizedText(ja: "掲載を再開しました。", en: "The entry was restored.")
        static let verifyToday = LocalizedText(ja: "今日確認した", en: "Verified today")
        static let verifiedDone = LocalizedText(ja: "確認日を記録しました。", en: "The verification date was recorded.")
        static let officeOnly = LocalizedText(ja: "相談先の修正・追加は事務局だけが行えます。", en: "Only the program office can correct or add entries.")
        static let entry = LocalizedText(ja: "相談先", en: "Entry")
        static let status = LocalizedText(ja: "状態", en: "Status")
        static let reportedBy = LocalizedText(ja: "依頼者", en: "Reported by")
        static let fieldOrganizationJa = LocalizedText(ja: "運営機関（日本語）", en: "Organization (Japanese)")
        static let fieldOrganizationEn = LocalizedText(ja: "運営機関（英語）", en: "Organization (English)")
        static let fieldNameJa = LocalizedText(ja: "名称（日本語）", en: "Name (Japanese)")
        static let fieldNameEn = LocalizedText(ja: "名称（英語）", en: "Name (English)")
        static let fieldPurposeJa = LocalizedText(ja: "内容（日本語）", en: "What it is for (Japanese)")
        static let fieldPurposeEn = LocalizedText(ja: "内容（英語）", en: "What it is for (English)")
        static let fieldHoursJa = LocalizedText(ja: "受付時間（日本語）", en: "Hours (Japanese)")
        static let fieldHoursEn = LocalizedText(ja: "受付時間（英語）", en: "Hours (English)")
        static let englishHint = LocalizedText(ja: "空欄なら日本語と同じ文を表示します。", en: "Left empty, the Japanese text is shown.")
        static let historicalField = LocalizedText(ja: "過去の情報として掲載する", en: "List as historical material")
        static func fieldName(_ field: String) -> LocalizedText {
            switch field {
            case "organization": LocalizedText(ja: "運営機関", en: "Organization")
            case "name": LocalizedText(ja: "名称", en: "Name")
            case "purpose": LocalizedText(ja: "内容", en: "Purpose")
            case "category": LocalizedText(ja: "分類", en: "Category")
            case "phone": LocalizedText(ja: "電話", en: "Phone")
            case "email": LocalizedText(ja: "メール", en: "E-mail")
            case "url": LocalizedText(ja: "ウェブサイト", en: "Web site")
            case "hours": LocalizedText(ja: "受付時間", en: "Hours")
            case "needs": LocalizedText(ja: "困りごと", en: "Needs")
            case "historical": LocalizedText(ja: "過去の情報", en: "Historical")
            default: LocalizedText(ja: field, en: field)
            }
        }
    }
}
