import MamoriCore

extension L.Help {
    static let navFirstAid = LocalizedText(ja: "緊急時の初動", en: "Something happened")
    static let navContacts = LocalizedText(ja: "相談・届出先", en: "Where to get help")
    static let firstAidTitle = LocalizedText(ja: "何かが起きたとき（初動ガイド）", en: "Something happened: first steps")
    static let firstAidLead = LocalizedText(ja: "落ち着いて、いま見えていることに近いものを選んでください。最初の数分でやること、やってはいけないこと、すぐに連絡できる窓口を示します。", en: "Stay calm and choose what is closest to what you see. You get what to do in the first minutes, what not to do, and whom you can call right now.")
    static let whatYouSee = LocalizedText(ja: "こんなとき", en: "What you see")
    static let doNow = LocalizedText(ja: "いますぐやること", en: "Do this now")
    static let doNotDo = LocalizedText(ja: "やってはいけないこと", en: "Do not")
    static let callNow = LocalizedText(ja: "相談・連絡先", en: "Whom to call")
    static let openIncidentCTA = LocalizedText(ja: "このまま記録を始める", en: "Start recording this incident")
    static let openIncidentLead = LocalizedText(ja: "組織を登録（またはログイン）すると、この内容でインシデントの記録を始められます。経緯を残すことが、報告や再発防止の助けになります。", en: "Register your organization (or log in) to start an incident record with what you chose. Keeping the facts helps with reports and prevention.")
    static let sourceLine = LocalizedText(ja: "出典", en: "Source")
    static let contactsDateNotice = LocalizedText(ja: "掲載している情報は主に2020〜2023年の資料によるものです。連絡する前に、各窓口のウェブサイトで最新の情報を確認してください。", en: "These details come mostly from material of 2020–2023. Check each desk's web site for current details before you call.")
    static let allCategories = LocalizedText(ja: "すべて", en: "All")
    static let contactsTitle = LocalizedText(ja: "相談・届出先の一覧", en: "Where to get help")
    static let contactsLead = LocalizedText(ja: "公的な相談窓口、被害の届出先、参考になるサイトです。名前や電話番号の一部、カタカナ・ひらがな・半角でも探せます。", en: "Public help desks, places to report, and useful pages. Search by part of a name or number; katakana, hiragana and half-width characters all work.")
    static let searchLabel = LocalizedText(ja: "キーワード", en: "Search")
    static let categoryLabel = LocalizedText(ja: "分類", en: "Category")
    static let searchSubmit = LocalizedText(ja: "検索", en: "Search")
    static let noContacts = LocalizedText(ja: "該当する窓口は見つかりませんでした。", en: "No matching contact.")
    static let phone = LocalizedText(ja: "電話", en: "Phone")
    static let hours = LocalizedText(ja: "受付時間", en: "Hours")
    static let website = LocalizedText(ja: "ウェブサイト", en: "Web site")
    static func infoAsOf(_ date: String) -> LocalizedText { LocalizedText(ja: "情報の時点：\(date)", en: "As of \(date)") }
    static func contactsCount(_ count: Int) -> LocalizedText { LocalizedText(ja: "\(count)件", en: "\(count) found") }
}
