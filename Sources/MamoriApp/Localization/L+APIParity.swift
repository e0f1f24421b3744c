import MamoriCore

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
