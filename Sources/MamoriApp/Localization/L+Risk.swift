import MamoriCore

/// Texts of the asset register, the risk analysis and the one-year action plan.
extension L {
    enum Risk {
        static let importTitle = LocalizedText(ja: "表計算ファイルから取り込む", en: "Import from a spreadsheet")
        static let importLead = LocalizedText(ja: "Excel の台帳をそのまま使えます。CSV（UTF-8 でも、Excel が保存する Shift_JIS でも）か .xlsx を選んでください。1行目は見出しです（テンプレートと同じ見出し、または英語の見出し）。取り込む前に全行を確認し、問題のある行が1つでもあれば何も保存しません。", en: "Use the register you keep in Excel: choose a CSV (UTF-8, or Shift_JIS as Excel saves it) or an .xlsx file. The first row holds the headings (as in the template, in Japanese or English). Every row is checked before anything is saved; if any row has a problem, nothing is saved.")
        static let importFile = LocalizedText(ja: "ファイル", en: "File")
        static let importCheck = LocalizedText(ja: "内容を確認する", en: "Check the file")
        static let templateCSV = LocalizedText(ja: "テンプレート（CSV）", en: "Template (CSV)")
        static let templateXLSX = LocalizedText(ja: "テンプレート（Excel）", en: "Template (Excel)")
        static let exportXLSX = LocalizedText(ja: "Excel 形式でダウンロード", en: "Download as Excel")
        static func importSummary(_ rows: Int, _ problems: Int) -> LocalizedText {
            problems == 0 ? LocalizedText(ja: "\(rows)行すべて取り込めます。内容を確認して「取り込む」を押してください。", en: "All \(rows) rows can be imported. Check them and press \"Import\".")
                : LocalizedText(ja: "\(rows)行のうち、問題が\(problems)件あります。ファイルを直してもう一度選んでください。何も保存していません。", en: "\(problems) problem\(problems == 1 ? "" : "s") in \(rows) rows. Fix the file and choose it again; nothing was saved.")
        }
        static let importConfirm = LocalizedText(ja: "取り込む", en: "Import")
        static func imported(_ count: Int) -> LocalizedText { LocalizedText(ja: "\(count)件の資産を取り込みました。", en: "Imported \(count) asset\(count == 1 ? "" : "s").") }
        static let importAlreadyDone = LocalizedText(ja: "このファイルはすでに取り込み済みです。", en: "This file has already been imported.")
        static func importHasProblems(_ count: Int) -> LocalizedText {
            LocalizedText(ja: "問題のある行が\(count)件あるため取り込めません。", en: "The file has \(count) problem\(count == 1 ? "" : "s"); nothing can be imported.")
        }
        static let row = LocalizedText(ja: "行", en: "Row")
        static let column = LocalizedText(ja: "列", en: "Column")
        static let problem = LocalizedText(ja: "問題", en: "Problem")
        static let previewTitle = LocalizedText(ja: "先頭の行", en: "First rows")
        static let navAssets = LocalizedText(ja: "資産・リスク", en: "Assets & risks")
        static let assetsTitle = LocalizedText(ja: "情報資産台帳", en: "Information asset register")
        static let assetsLead = LocalizedText(ja: "守るべき情報を一覧にします。機密性・完全性・可用性を1〜3で評価すると、重要度（3つのうち最も高い値）が決まります。資産ごとに脅威を評価するとリスク値がわかります。", en: "List the information you must protect. Rate confidentiality, integrity and availability 1–3; the importance is the highest of the three. Rate the threats to each asset to get its risk values.")
        static let addAsset = LocalizedText(ja: "資産を登録", en: "Add an asset")
        static let noAssets = LocalizedText(ja: "まだ資産が登録されていません。顧客名簿、見積書、会計データ、社員情報など、困る順に登録しましょう。", en: "No assets yet. Start with what would hurt most to lose: customer lists, quotes, accounts, staff records.")
        static let business = LocalizedText(ja: "業務分類", en: "Business")
        static let name = LocalizedText(ja: "情報資産の名称", en: "Asset name")
        static let notes = LocalizedText(ja: "備考", en: "Notes")
        static let usersAllowed = LocalizedText(ja: "利用者の範囲", en: "Who may use it")
        static let ownerDepartment = LocalizedText(ja: "管理部署", en: "Owner department")
        static let medium = LocalizedText(ja: "媒体・保存先", en: "Medium / where stored")
        static let personalData = LocalizedText(ja: "個人情報の種類", en: "Personal data")
        static func personalDataKind(_ kind: PersonalDataKind) -> LocalizedText {
            switch kind {
            case .none: LocalizedText(ja: "なし", en: "None")
            case .personal: LocalizedText(ja: "個人情報", en: "Personal data")
            case .specialCare: LocalizedText(ja: "要配慮個人情報", en: "Special-care personal data")
            case .myNumber: LocalizedText(ja: "特定個人情報（マイナンバー）", en: "My Number data")
            }
        }
        static let confidentiality = LocalizedText(ja: "機密性", en: "Confidentiality")
        static let integrity = LocalizedText(ja: "完全性", en: "Integrity")
        static let availability = LocalizedText(ja: "可用性", en: "Availability")
        static let importance = LocalizedText(ja: "重要度", en: "Importance")
        static let retention = LocalizedText(ja: "保存期限", en: "Retention")
        static let registeredOn = LocalizedText(ja: "登録日", en: "Registered")
        static let ratingHint = LocalizedText(ja: "3：漏えい・改ざん・停止で法的責任や取引先・顧客への大きな影響、事業の継続に関わる　2：影響は限られる　1：ほとんど影響がない", en: "3: legal liability, large impact on partners or customers, or a threat to the business; 2: limited impact; 1: hardly any impact")
        static let search = LocalizedText(ja: "キーワード", en: "Search")
        static let sort = LocalizedText(ja: "並べ替え", en: "Sort")
        static func sortName(_ sort: AssetService.Filter.Sort) -> LocalizedText {
            switch sort {
            case .name: LocalizedText(ja: "名称順", en: "Name")
            case .importance: LocalizedText(ja: "重要度の高い順", en: "Importance, highest first")
            case .business: LocalizedText(ja: "業務分類順", en: "Business")
            case .registered: LocalizedText(ja: "登録日の新しい順", en: "Newest first")
            }
        }
        static let any = LocalizedText(ja: "すべて", en: "Any")
        static let filter = LocalizedText(ja: "絞り込む", en: "Filter")
        static let assetAdded = LocalizedText(ja: "資産を登録しました。", en: "The asset was added.")
        static let assetSaved = LocalizedText(ja: "資産を更新しました。", en: "The asset was saved.")
        static let assetRemoved = LocalizedText(ja: "資産を削除しました（操作履歴に残ります）。", en: "The asset was removed (the audit log keeps a record).")
        static let removeAsset = LocalizedText(ja: "この資産を削除", en: "Remove this asset")
        static let editAsset = LocalizedText(ja: "資産の内容", en: "Asset details")
        static let risksOfAsset = LocalizedText(ja: "この資産のリスク", en: "Risks to this asset")
        static let noRisks = LocalizedText(ja: "まだ脅威を評価していません。下のフォームで脅威ごとに評価してください。", en: "No threat rated yet. Rate each threat with the form below.")
        static let addRisk = LocalizedText(ja: "脅威を評価する", en: "Rate a threat")
        static let threat = LocalizedText(ja: "脅威", en: "Threat")
        static let otherThreat = LocalizedText(ja: "その他（下に入力）", en: "Other (type it below)")
        static let otherThreatText = LocalizedText(ja: "その他の脅威", en: "Other threat")
        static let likelihood = LocalizedText(ja: "脅威の発生頻度", en: "Threat likelihood")
        static let vulnerability = LocalizedText(ja: "脆弱性", en: "Vulnerability")
        static let damageLikelihood = LocalizedText(ja: "被害発生可能性", en: "Damage likelihood")
        static let riskValue = LocalizedText(ja: "リスク値", en: "Risk value")
        static let band = LocalizedText(ja: "リスクの大きさ", en: "Band")
        static func bandName(_ band: RiskRules.Band) -> LocalizedText {
            switch band {
            case .small: LocalizedText(ja: "小", en: "Small")
            case .medium: LocalizedText(ja: "中", en: "Medium")
            case .large: LocalizedText(ja: "大", en: "Large")
            }
        }
        static let treatment = LocalizedText(ja: "対応", en: "Treatment")
        static func treatmentName(_ treatment: RiskTreatment) -> LocalizedText {
            switch treatment {
            case .reduce: LocalizedText(ja: "低減", en: "Reduce")
            case .accept: LocalizedText(ja: "受容", en: "Accept")
            case .avoid: LocalizedText(ja: "回避", en: "Avoid")
            case .transfer: LocalizedText(ja: "移転", en: "Transfer")
            }
        }
        static let undecided = LocalizedText(ja: "未定", en: "Not decided")
        static let measure = LocalizedText(ja: "予定している対策", en: "Planned measure")
        static let saveTreatment = LocalizedText(ja: "対応を保存", en: "Save")
        static let riskAdded = LocalizedText(ja: "リスクを評価しました。", en: "The risk was rated.")
        static let treatmentSaved = LocalizedText(ja: "対応を保存しました。", en: "The treatment was saved.")
        static let riskRemoved = LocalizedText(ja: "リスクを削除しました。", en: "The risk was removed.")
        static let removeRisk = LocalizedText(ja: "削除", en: "Remove")
        static let registerTitle = LocalizedText(ja: "リスク一覧（リスク値の高い順）", en: "Risk register (highest value first)")
        static let registerLead = LocalizedText(ja: "リスク値 = 重要度 × 被害発生可能性。6〜9は大、4は中、1〜3は小です。大きいリスクから対応（低減・受容・回避・移転）を決めます。", en: "Risk value = importance × damage likelihood: 6–9 large, 4 medium, 1–3 small. Decide the treatment (reduce, accept, avoid, transfer) starting with the large ones.")
        static let noRegister = LocalizedText(ja: "まだリスクがありません。資産台帳の各資産で脅威を評価してください。", en: "No risks yet. Rate threats on each asset of the register.")
        static func untreatedLarge(_ count: Int) -> LocalizedText {
            LocalizedText(ja: "対応が決まっていない大きいリスクが\(count)件あります。", en: "\(count) large risk\(count == 1 ? " has" : "s have") no treatment yet.")
        }
        static let untreatedFlag = LocalizedText(ja: "対応未定", en: "No treatment")
        static let heatMapTitle = LocalizedText(ja: "リスクの分布（重要度 × 被害発生可能性）", en: "Where the risks are (importance × damage likelihood)")
        static let heatMapDescription = LocalizedText(ja: "縦軸が重要度、横軸が被害発生可能性。各マスの数字はリスクの件数で、右上ほどリスクが大きくなります。", en: "Rows are importance, columns damage likelihood; each cell counts the risks. The top right holds the largest.")
        static let asset = LocalizedText(ja: "資産", en: "Asset")
        static let backToAssets = LocalizedText(ja: "資産台帳へ戻る", en: "Back to the register")
        static let openRegister = LocalizedText(ja: "リスク一覧", en: "Risk register")
        static let arithmetic = LocalizedText(ja: "被害発生可能性は、脅威3×脆弱性3で3、脅威3×脆弱性2または脅威2×脆弱性3で2、それ以外は1です。", en: "Damage likelihood is 3 for threat 3 × vulnerability 3, 2 for 3×2 or 2×3, and 1 otherwise.")
        static func gapTitle(asset: String, threat: String) -> LocalizedText {
            let name = MamoriCore.RiskCatalog.name(threat)
            return LocalizedText(ja: "リスク対策：\(asset)（\(name.ja)）", en: "Risk: \(asset) (\(name.en))")
        }
        static func source(_ text: String, asOf: String) -> LocalizedText {
            LocalizedText(ja: "出典：\(text)（\(asOf)時点）", en: "Source: \(text) (as of \(asOf))")
        }
    }

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
