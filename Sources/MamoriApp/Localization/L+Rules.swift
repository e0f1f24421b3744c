import MamoriCore

/// Texts of the check of the related internal rules (deliverable ①).
extension L {
    enum Rules {
        static let title = LocalizedText(ja: "関連規程の点検", en: "Related rules check")
        static let lead = LocalizedText(ja: "基本方針を支える社内規程を章ごとに点検します。「問題なし」「見直しが必要」「ない」のどれかを選び、メモ・担当者・次の見直し日を記録します。見直しが必要な章とない章は、1年間の対策計画の候補になります。", en: "Check the internal rules that support the basic policy, chapter by chapter: fine, needs revision or missing, with a note, an owner and the next review date. Chapters that need revision or are missing become candidates for the one-year action plan.")
        static let chapter = LocalizedText(ja: "章", en: "Chapter")
        static let owner = LocalizedText(ja: "担当者", en: "Owner")
        static let note = LocalizedText(ja: "メモ", en: "Note")
        static let reviewOn = LocalizedText(ja: "次の見直し日", en: "Next review")
        static let lastChecked = LocalizedText(ja: "最終点検", en: "Last checked")
        static let neverChecked = LocalizedText(ja: "未点検", en: "Not checked")
        static func statusName(_ status: RuleCheckStatus) -> LocalizedText {
            switch status {
            case .ok: LocalizedText(ja: "あり・問題なし", en: "Exists and fine")
            case .needsRevision: LocalizedText(ja: "見直しが必要", en: "Needs revision")
            case .missing: LocalizedText(ja: "ない", en: "Missing")
            }
        }
        static let save = LocalizedText(ja: "点検結果を保存", en: "Save the check")
        static func saved(_ count: Int) -> LocalizedText {
            count == 0 ? LocalizedText(ja: "変更はありませんでした。", en: "Nothing changed.")
                : LocalizedText(ja: "\(count)章の点検結果を記録しました。", en: "Recorded the check of \(count) chapter\(count == 1 ? "" : "s").")
        }
        static let checkPoints = LocalizedText(ja: "点検のポイント", en: "What to check")
        static let draftRule = LocalizedText(ja: "ひな形から規程の下書きを作る", en: "Draft this rule from the template")
        static let adoptedText = LocalizedText(ja: "採用した規程", en: "Adopted rule text")
        static let openRule = LocalizedText(ja: "規程の文書を開く", en: "Open the rule document")
        static let historyTitle = LocalizedText(ja: "点検の履歴", en: "Check history")
        static let historyEmpty = LocalizedText(ja: "まだ点検の記録はありません。", en: "No check has been recorded yet.")
        static let checkedBy = LocalizedText(ja: "点検者", en: "Checked by")
        static let downloadCSV = LocalizedText(ja: "CSV でダウンロード", en: "Download CSV")
        static let downloadWord = LocalizedText(ja: "Word 形式でダウンロード", en: "Download as Word")
        static let summaryTitle = LocalizedText(ja: "点検の状況", en: "Where the check stands")
        static func summary(ok: Int, revise: Int, missing: Int, unchecked: Int) -> LocalizedText {
            LocalizedText(ja: "問題なし \(ok)章・見直しが必要 \(revise)章・ない \(missing)章・未点検 \(unchecked)章",
                          en: "\(ok) fine, \(revise) need revision, \(missing) missing, \(unchecked) not checked")
        }
        static func adoptedNote(_ number: Int, _ locale: AppLocale) -> String {
            locale == .ja ? "Mamori で作成した規程（第\(number)版）を承認して採用" : "Adopted version \(number), written and approved in Mamori"
        }
        static let documentTitle = LocalizedText(ja: "関連規程の点検結果", en: "Related rules check result")
        static func gapMissing(_ chapter: LocalizedText) -> LocalizedText {
            LocalizedText(ja: "規程を整備する：\(chapter.ja)", en: "Write the rule: \(chapter.en)")
        }
        static func gapRevise(_ chapter: LocalizedText) -> LocalizedText {
            LocalizedText(ja: "規程を見直す：\(chapter.ja)", en: "Revise the rule: \(chapter.en)")
        }
        static let ruleDocumentLead = LocalizedText(ja: "この章の規程を自社の文書として作成します。基本方針と同じく、下書きを経営者・責任者が承認すると採用されます。", en: "Write this chapter's rule as your own document. As with the basic policy, it is adopted when the owner approves the draft.")
    }
}
