import MamoriCore

/// Texts of the telework self-check, checklist and staff sheet.
extension L {
    enum Telework {
        static let nav = LocalizedText(ja: "テレワーク", en: "Telework")
        static let title = LocalizedText(ja: "テレワークのセキュリティ", en: "Telework security")
        static let lead = LocalizedText(ja: "経営者・管理者の心構え5箇条（15の点検ポイント）で自己点検し、役割ごとのチェックリストで対策を確かめ、在宅勤務の約束を社員に配ります。「できていない」「一部できている」ポイントは1年間の対策計画の候補になります。", en: "Check yourself against the five principles for managers (15 points), confirm the measures with the checklist for each role, and hand staff the rules for working from home. Points answered \"no\" or \"partly\" become candidates for the one-year action plan.")
        static let selfCheckTitle = LocalizedText(ja: "心構え5箇条の自己点検", en: "Self-check: five principles for managers")
        static let selfCheckLead = LocalizedText(ja: "15のポイントそれぞれについて、いまの状態を選んでください。経営者・管理者が答えるのに向いています。", en: "For each of the 15 points, choose how things stand today. Best answered by the owner or a manager.")
        static let startSelfCheck = LocalizedText(ja: "自己点検を始める", en: "Start the self-check")
        static let submitSelfCheck = LocalizedText(ja: "結果を保存する", en: "Save the result")
        static let answered = LocalizedText(ja: "回答済み", en: "Answered")
        static let guidanceLabel = LocalizedText(ja: "進め方", en: "How to go about it")
        static func unanswered(_ count: Int) -> LocalizedText {
            LocalizedText(ja: "未回答のポイントが\(count)個あります。赤く示したポイントに答えてください。回答済みの内容は残っています。", en: "\(count) point\(count == 1 ? " is" : "s are") not answered yet. Please answer the ones marked in red; your other answers are kept.")
        }
        static let pointUnanswered = LocalizedText(ja: "このポイントに答えてください。", en: "Please answer this point.")
        static let respondent = LocalizedText(ja: "回答者", en: "Answered by")
        static let saved = LocalizedText(ja: "自己点検の結果を保存しました。", en: "The self-check was saved.")
        static let resultTitle = LocalizedText(ja: "自己点検の結果", en: "Self-check result")
        static let latestTitle = LocalizedText(ja: "最新の自己点検", en: "Latest self-check")
        static let noHistory = LocalizedText(ja: "自己点検を保存すると、ここに日付ごとの結果が並びます。", en: "Saved self-checks are listed here by date.")
        static let noSelfCheck = LocalizedText(ja: "まだ自己点検をしていません。15のポイントに答えると、原則ごとの状況と次にやることがわかります。", en: "No self-check yet. Answer the 15 points to see where each principle stands and what to do next.")
        static let principle = LocalizedText(ja: "原則", en: "Principle")
        static let yes = LocalizedText(ja: "できている", en: "Yes")
        static let partly = LocalizedText(ja: "一部", en: "Partly")
        static let no = LocalizedText(ja: "できていない", en: "No")
        static func level(_ level: TeleworkResult.Level) -> LocalizedText {
            switch level {
            case .ready: LocalizedText(ja: "15のポイントすべてができています。半年に一度は見直し、チェックリストで技術的な対策も確かめましょう。", en: "All 15 points are in place. Review them every six months and confirm the technical measures with the checklist.")
            case .almost: LocalizedText(ja: "ほぼできています。「一部できている」ポイントを仕上げましょう。", en: "Nearly there. Finish the points that are only partly in place.")
            case .gaps: LocalizedText(ja: "できていないポイントがあります。下の「次にやること」を上から順に進めましょう。", en: "Some points are not in place. Work through \"What to do next\" below from the top.")
            }
        }
        static func overall(yes: Int, partly: Int, no: Int) -> LocalizedText {
            LocalizedText(ja: "できている \(yes)・一部できている \(partly)・できていない \(no)（15ポイント中）", en: "\(yes) yes, \(partly) partly, \(no) no (of 15 points)")
        }
        static let nextTitle = LocalizedText(ja: "次にやること（「できていない」を先に）", en: "What to do next (\"no\" first)")
        static let noGaps = LocalizedText(ja: "次にやることはありません。", en: "Nothing left to do.")
        static func pointLabel(_ number: Int) -> LocalizedText { LocalizedText(ja: "ポイント\(number)", en: "Point \(number)") }
        static func principleLabel(_ number: Int) -> LocalizedText { LocalizedText(ja: "原則\(number)", en: "Principle \(number)") }
        static let historyTitle = LocalizedText(ja: "自己点検の履歴", en: "Self-check history")
        static let date = LocalizedText(ja: "日時", en: "Date")
        static let open = LocalizedText(ja: "表示", en: "Open")
        static let compareTitle = LocalizedText(ja: "2回の自己点検を比べる", en: "Compare two self-checks")
        static let compareBefore = LocalizedText(ja: "前", en: "Before")
        static let compareAfter = LocalizedText(ja: "後", en: "After")
        static let compareSubmit = LocalizedText(ja: "比べる", en: "Compare")
        static let improved = LocalizedText(ja: "良くなったポイント", en: "Improved")
        static let worse = LocalizedText(ja: "悪くなったポイント", en: "Worse")
        static let unchanged = LocalizedText(ja: "変わらないポイント", en: "Unchanged")
        static let compareNeedsTwo = LocalizedText(ja: "比べるには自己点検が2回以上必要です。", en: "Two self-checks are needed to compare.")
        static let backToTelework = LocalizedText(ja: "テレワークのページへ戻る", en: "Back to telework")
        static func source(_ source: String, asOf: String) -> LocalizedText {
            LocalizedText(ja: "出典：\(source)（\(asOf)時点）", en: "Source: \(source) (as of \(asOf))")
        }

        static let checklistTitle = LocalizedText(ja: "役割別のテレワーク・セキュリティチェックリスト", en: "Telework security checklist by role")
        static let checklistLead = LocalizedText(ja: "経営者・管理者、システム管理者、テレワーク勤務者のそれぞれが確かめる対策です。脅威で絞り込めます。できている項目にチェックを入れて保存してください。", en: "Measures for managers, system administrators and teleworkers to confirm. Filter by threat. Tick what is in place and save.")
        static let role = LocalizedText(ja: "役割", en: "Role")
        static let threat = LocalizedText(ja: "脅威", en: "Threat")
        static let allRoles = LocalizedText(ja: "すべての役割", en: "All roles")
        static let allThreats = LocalizedText(ja: "すべての脅威", en: "All threats")
        static let filter = LocalizedText(ja: "絞り込む", en: "Filter")
        static let saveChecklist = LocalizedText(ja: "チェックリストを保存", en: "Save the checklist")
        static let checklistSaved = LocalizedText(ja: "チェックリストを保存しました。", en: "The checklist was saved.")
        static let checklistUnchanged = LocalizedText(ja: "変更はありませんでした。", en: "Nothing changed.")
        static func checklistProgress(_ done: Int, _ total: Int) -> LocalizedText {
            LocalizedText(ja: "\(total)項目中 \(done)項目ができています", en: "\(done) of \(total) items in place")
        }
        static let checklistHistory = LocalizedText(ja: "チェックリストの保存履歴", en: "Checklist history")
        static let savedBy = LocalizedText(ja: "保存した人", en: "Saved by")
        static let inPlace = LocalizedText(ja: "できている項目", en: "In place")
        static let filteredNote = LocalizedText(ja: "絞り込み中です。表示されていない項目のチェックは保存しても変わりません。", en: "Filtered: items not shown keep their ticks when you save.")

        static let sheetTitle = LocalizedText(ja: "在宅勤務の約束（社員配布用）", en: "Working-from-home sheet for staff")
        static let sheetLead = LocalizedText(ja: "1枚に収まる「やること・やらないこと」です。印刷して配るか、PDFに保存して共有してください。緊急連絡先には組織の設定が入ります。", en: "A one-page do and don't list. Print it or save it as PDF to share. The emergency contact comes from your organization's settings.")
        static let sheetLanguage = LocalizedText(ja: "配布する言語", en: "Language of the sheet")
        static let showSheet = LocalizedText(ja: "表示", en: "Show")
        static let doTitle = LocalizedText(ja: "やること", en: "Do")
        static let dontTitle = LocalizedText(ja: "やらないこと", en: "Don't")
        static let whenTitle = LocalizedText(ja: "何かあったら", en: "If something happens")
        static let contactLabel = LocalizedText(ja: "連絡先", en: "Contact")
        static let contactMissing = LocalizedText(ja: "（緊急連絡先が未設定です。経営者・責任者がこのページで設定してください）", en: "(No emergency contact set yet. The owner can set it on this page.)")
        static let incidentContact = LocalizedText(ja: "緊急連絡先（何かあったときに社員が連絡する相手）", en: "Emergency contact (whom staff call when something happens)")
        static let incidentContactHint = LocalizedText(ja: "例：情報システム担当 山田 090-1234-5678（平日夜間・休日も可）", en: "E.g. IT lead Yamada, 090-1234-5678 (evenings and weekends too)")
        static let contactFormTitle = LocalizedText(ja: "シートの連絡先を変更する", en: "Change the sheet's contact")
        static let contactFormLead = LocalizedText(ja: "ここで保存した連絡先は組織情報に記録され、このシートとインシデントの報告書の連絡先にも使われます。", en: "The contact saved here is kept with the organization's details and is also used as the contact in incident reports.")
        static let saveContact = LocalizedText(ja: "緊急連絡先を保存", en: "Save the contact")
        static let contactSaved = LocalizedText(ja: "緊急連絡先を保存しました。", en: "The emergency contact was saved.")
        static let ownerSetsContact = LocalizedText(ja: "緊急連絡先は経営者・責任者が設定します。", en: "The owner sets the emergency contact.")
        static let printSheet = LocalizedText(ja: "印刷用の表示", en: "Printable view")
        static func gapTitle(_ point: LocalizedText) -> LocalizedText {
            LocalizedText(ja: "テレワーク：\(point.ja)", en: "Telework: \(point.en)")
        }
        static func describe(_ problem: QuestionnaireProblem) -> LocalizedText {
            switch problem {
            case .missing: LocalizedText(ja: "このポイントの回答がありません。", en: "This point has no answer.")
            case .unknownItem: LocalizedText(ja: "ポイント番号は1から15です。", en: "Point numbers run from 1 to 15.")
            case .unknownAnswer: LocalizedText(ja: "回答は yes、partly、no のいずれかです。", en: "The answer must be yes, partly or no.")
            }
        }
    }
}
