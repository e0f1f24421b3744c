import MamoriCore

extension L {
    /// The organization dashboard's own texts (issue #14: what "due soon" means).
    enum Dashboard {
        static func dueSoonRule(days: Int) -> LocalizedText {
            LocalizedText(ja: "期限を過ぎたもの、期限まで\(days)日以内のもの、「速やかに」とされているものを表示しています。",
                          en: "Shows what is overdue, due within \(days) days, or due \"promptly\".")
        }
        static func dueWithin(days: Int) -> LocalizedText {
            LocalizedText(ja: "期限まで\(days)日以内", en: "Due within \(days) days")
        }
        static func laterDuties(_ count: Int, days: Int) -> LocalizedText {
            LocalizedText(ja: "ほかに、期限まで\(days)日より先の報告・連絡が\(count)件あります。",
                          en: count == 1 ? "One more notification is due later than \(days) days from now."
                                         : "\(count) more notifications are due later than \(days) days from now.")
        }
    }
}
