import MamoriCore

/// Texts of the one-year action plan.
extension L {
    enum Plan {
        static let nav = LocalizedText(ja: "対策計画", en: "Action plan")
        static let title = LocalizedText(ja: "1年間の対策実行計画", en: "One-year action plan")
        static let lead = LocalizedText(ja: "自社診断・関連規程の点検・リスク分析・テレワーク点検で見つかった課題から、1年以内に実行する計画をつくります。担当者と月を決め、進み具合を記録します。", en: "A plan to carry out within a year, built from the gaps found by the self-diagnosis, the rules check, the risk analysis and the telework check. Set owners and months, and record progress.")
        static let propose = LocalizedText(ja: "課題から計画を提案する", en: "Propose a plan from the gaps")
        static let proposeAgain = LocalizedText(ja: "新しい課題を計画に加える", en: "Add new gaps to the plan")
        static let proposeHint = LocalizedText(ja: "すでに計画にある項目は変更しません。まだ計画にない課題だけを加えます。", en: "Items already in the plan are never changed; only gaps not yet in it are added.")
        static func proposed(_ count: Int) -> LocalizedText {
            count == 0 ? LocalizedText(ja: "新しく加える課題はありませんでした。", en: "There were no new gaps to add.")
                : LocalizedText(ja: "\(count)件の課題を計画に加えました。", en: "Added \(count) gap\(count == 1 ? "" : "s") to the plan.")
        }
        static let rule = LocalizedText(ja: "優先順位の決め方：①緊急度（基本的対策の未実施・大きいリスク → 未実施・規程がない・中程度のリスク・テレワーク「できていない」 → 一部実施・規程の見直し・テレワーク「一部」）②同じ緊急度では 自社診断 → 関連規程 → リスク → テレワーク の順。緊急度が高い項目は今月から3か月以内、中は翌月から6か月以内、低は6か月目から12か月以内を目安にしています。", en: "How priorities are set: (1) urgency — basic-measure gaps and large risks first; then other gaps not in place, missing rules, medium risks and telework \"no\"; then \"partly\" answers, rules to revise and telework \"partly\"; (2) within an urgency: diagnosis, rules, risks, telework. High items start this month and are due within 3 months, medium start next month and are due by month 6, low start in month 6 and are due by month 12.")
        /// On the dashboard, where the proposing button is one page away.
        static let dashboardEmpty = LocalizedText(ja: "まだ計画がありません。計画のページで「課題から計画を提案する」を押すと、見つかった課題から下書きができます。", en: "No plan yet. On the plan page, press \"Propose a plan from the gaps\" to draft one from the gaps found.")
        static let empty = LocalizedText(ja: "まだ計画がありません。「課題から計画を提案する」を押すと、見つかった課題から下書きができます。", en: "No plan yet. Press \"Propose a plan from the gaps\" to draft one from the gaps found.")
        static let priority = LocalizedText(ja: "優先", en: "Priority")
        static let item = LocalizedText(ja: "項目", en: "Item")
        static let source = LocalizedText(ja: "課題の出どころ", en: "Source")
        static func sourceName(_ kind: String) -> LocalizedText {
            switch kind {
            case "diagnosis": LocalizedText(ja: "自社診断", en: "Self-diagnosis")
            case "rules": LocalizedText(ja: "関連規程", en: "Related rules")
            case "risk": LocalizedText(ja: "リスク分析", en: "Risk analysis")
            case "telework": LocalizedText(ja: "テレワーク", en: "Telework")
            default: LocalizedText(ja: "手動で追加", en: "Added by hand")
            }
        }
        static let owner = LocalizedText(ja: "担当者", en: "Owner")
        static let startMonth = LocalizedText(ja: "開始月", en: "Start")
        static let dueMonth = LocalizedText(ja: "期限月", en: "Due")
        static let status = LocalizedText(ja: "状態", en: "Status")
        static let progress = LocalizedText(ja: "進み具合（%）", en: "Progress (%)")
        static let notes = LocalizedText(ja: "メモ", en: "Notes")
        static let dropReason = LocalizedText(ja: "やめる理由", en: "Reason for dropping")
        static func statusName(_ status: PlanRules.Status) -> LocalizedText {
            switch status {
            case .notStarted: LocalizedText(ja: "未着手", en: "Not started")
            case .inProgress: LocalizedText(ja: "実施中", en: "In progress")
            case .done: LocalizedText(ja: "完了", en: "Done")
            case .dropped: LocalizedText(ja: "中止", en: "Dropped")
            }
        }
        static let overdue = LocalizedText(ja: "期限切れ", en: "Overdue")
        static let edit = LocalizedText(ja: "編集", en: "Edit")
        static let save = LocalizedText(ja: "保存", en: "Save")
        static let saved = LocalizedText(ja: "計画項目を保存しました。", en: "The item was saved.")
        static let moveUp = LocalizedText(ja: "上へ", en: "Up")
        static let moveDown = LocalizedText(ja: "下へ", en: "Down")
        static let remove = LocalizedText(ja: "削除", en: "Remove")
        static let removed = LocalizedText(ja: "計画項目を削除しました。", en: "The item was removed.")
        static let addItem = LocalizedText(ja: "項目を追加", en: "Add an item")
        static let added = LocalizedText(ja: "計画項目を追加しました。", en: "The item was added.")
        static let timelineTitle = LocalizedText(ja: "月ごとの予定", en: "Month by month")
        static let timelineDescription = LocalizedText(ja: "各項目の開始月から期限月までを横棒で示します。赤は期限切れ、緑は完了です。", en: "Each bar runs from an item's start month to its due month; red is overdue, green done.")
        static let agree = LocalizedText(ja: "この計画に合意する", en: "Agree to this plan")
        static let agreeHint = LocalizedText(ja: "経営者・責任者が合意すると、専門家派遣の成果物③（対策実行計画）ができたことになります。課題が見つかっている出どころには、それぞれ1つ以上の項目が必要です。", en: "When the owner agrees, the program's deliverable ③ (the action plan) is done. Every source that has gaps needs at least one item.")
        static func agreed(_ name: String) -> LocalizedText { LocalizedText(ja: "\(name) さんが合意しました", en: "Agreed by \(name)") }
        static let agreedFlash = LocalizedText(ja: "計画に合意しました。", en: "The plan is agreed.")
        static let ownerAgrees = LocalizedText(ja: "計画に合意できるのは経営者・責任者だけです。", en: "Only the owner can agree to the plan.")
        static let emptyPlan = LocalizedText(ja: "計画に項目がありません。先に課題から計画を提案してください。", en: "The plan has no items. Propose a plan from the gaps first.")
        static func uncovered(_ origins: [GapOrigin]) -> LocalizedText {
            LocalizedText(ja: "次の出どころの課題が計画に1つもありません：" + origins.map { sourceName($0.rawValue).ja }.joined(separator: "、") + "。「新しい課題を計画に加える」を押してください。",
                          en: "The plan has no item for these sources with gaps: " + origins.map { sourceName($0.rawValue).en }.joined(separator: ", ") + ". Press \"Add new gaps to the plan\".")
        }
        static func progressSummary(done: Int, total: Int, percent: Int) -> LocalizedText {
            LocalizedText(ja: "\(total)項目中 \(done)項目が完了（平均進捗 \(percent)%）", en: "\(done) of \(total) items done (average progress \(percent)%)")
        }
        static let calendarTitle = LocalizedText(ja: "カレンダーに期限を表示", en: "Due dates in your calendar")
        static let calendarLead = LocalizedText(ja: "この秘密のアドレスをカレンダーアプリに登録すると、未完了の項目の期限月が表示されます。新しく作ると古いアドレスは使えなくなります。", en: "Subscribe to this secret address in your calendar app to see the due month of every open item. Making a new one stops the old one.")
        static let calendarCreate = LocalizedText(ja: "カレンダーのアドレスを作る", en: "Create the calendar address")
        static let calendarCreated = LocalizedText(ja: "カレンダーのアドレスを作りました。今だけ表示されます。", en: "The calendar address was created. It is shown only now.")
        static let print = LocalizedText(ja: "印刷用の表示", en: "Printable view")
        static let downloadWord = LocalizedText(ja: "Word 形式でダウンロード", en: "Download as Word")
        static let dashboardTitle = LocalizedText(ja: "対策実行計画", en: "Action plan")
        static let commentsTitle = LocalizedText(ja: "コメント", en: "Comments")
        static let commentsLead = LocalizedText(ja: "担当の専門家やメンバーが計画についてコメントできます。", en: "The assigned expert and members can comment on the plan.")
        static let commentLabel = LocalizedText(ja: "コメント", en: "Comment")
        static let addComment = LocalizedText(ja: "コメントする", en: "Add comment")
        static let commentAdded = LocalizedText(ja: "コメントを追加しました。", en: "The comment was added.")
        static let noComments = LocalizedText(ja: "コメントはありません。", en: "No comments.")
        static let expertTitle = LocalizedText(ja: "企業の対策実行計画", en: "The company's action plan")
        static func overdueCount(_ count: Int) -> LocalizedText {
            LocalizedText(ja: "期限を過ぎた項目が\(count)件あります。", en: "\(count) item\(count == 1 ? " is" : "s are") overdue.")
        }
    }
}
