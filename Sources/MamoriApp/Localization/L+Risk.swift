import MamoriCore

/// Texts of the asset register and the risk analysis.
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
}
