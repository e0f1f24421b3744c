import MamoriCore

/// The participation terms in two languages, and the refusals of the program office's and
/// SECURITY ACTION's API operations.
extension L.Program {
    static let termsJaLabel = LocalizedText(ja: "参加規約（日本語）", en: "Participation terms (Japanese)")
    static let termsEnLabel = LocalizedText(ja: "参加規約（英語）", en: "Participation terms (English)")
    static let termsBothHint = LocalizedText(
        ja: "日本語と英語の両方を入力してください。応募する人には、ページの言語の規約が表示されます。どちらかを変えて保存すると新しい版になり、その版に両方の言語が残ります。応募ごとに同意した版が記録されます。",
        en: "Enter both languages: applicants read the terms in the language of their page. Changing either text and saving creates a new version that keeps both languages. Each application records the version it agreed to.")
    static let termsShownInJapanese = LocalizedText(
        ja: "この版の参加規約には英語の文がないため、日本語で表示しています。",
        en: "This version of the participation terms has no English text, so it is shown in Japanese.")
    static func agreedTermsTitle(_ version: Int) -> LocalizedText {
        LocalizedText(ja: "同意した参加規約（第\(version)版）", en: "The participation terms you agreed to (version \(version))")
    }

    static let officeTokenNeeded = LocalizedText(
        ja: "この操作には、事務局のアカウントの API トークンが必要です。",
        en: "This operation needs an API token of a program-office account.")
    static let conditionsMetElsewhereHint = LocalizedText(
        ja: "条件を Mamori の外で満たしている場合（紙の自社診断、自社サイトで公開した基本方針など）は、conditionsMetElsewhere を true にして送ってください。",
        en: "If the conditions were met outside Mamori (a self-diagnosis on paper, a basic policy published on your own site), send conditionsMetElsewhere as true.")
}
