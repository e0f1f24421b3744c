import MamoriCore

/// Texts of date fields (issue #12): the format each field asks for, in the page's language,
/// and the message when what was typed cannot be read as a date.
extension L {
    enum DateEntry {
        /// Shown under every date field (the example in the form the field shows dates).
        static let dateExample = LocalizedText(ja: "例 2026/12/03", en: "e.g. 2026-12-03")
        static let monthExample = LocalizedText(ja: "例 2027/03", en: "e.g. 2027-03")
        static let dateTimeExample = LocalizedText(ja: "例 2026/12/03 14:30", en: "e.g. 2026-12-03 14:30")

        static let unreadableDate = LocalizedText(
            ja: "日付として読み取れませんでした。「2026/12/03」のように年・月・日の順で、実在する日付を入力してください（「令和8年12月3日」も使えます）。",
            en: "This could not be read as a date. Enter a real date as year, month, day, e.g. 2026-12-03.")
        static let unreadableDateTime = LocalizedText(
            ja: "日時として読み取れませんでした。「2026/12/03 14:30」のように日付と時刻（24時間制）を入力してください。",
            en: "This could not be read as a date and time. Enter the date as year, month, day and the time on the 24-hour clock, e.g. 2026-12-03 14:30.")
    }
}
