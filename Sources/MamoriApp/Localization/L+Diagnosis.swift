import MamoriCore

extension L.Diagnosis {
    static let navDiagnosis = LocalizedText(ja: "自社診断", en: "Self-diagnosis")
    static let navSecurityAction = LocalizedText(ja: "SECURITY ACTION", en: "SECURITY ACTION")

    // The public form
    static let diagnosisTitle = LocalizedText(ja: "5分でできる情報セキュリティ自社診断", en: "Five-minute information security self-diagnosis")
    static let diagnosisLead = LocalizedText(ja: "25の質問に、いまの状態をそのまま答えてください。わからない項目は「わからない」を選んでかまいません。ログインは不要です。", en: "Answer the 25 questions as things are today. If you are not sure, choose \"Don't know\". No account is needed.")
    static let diagnosisWhoAnswers = LocalizedText(ja: "実際の状況をよく知っている方が回答してください。拠点や部署が複数ある場合は、それぞれで回答すると全社の状況がわかります。", en: "Whoever knows the real situation best should answer. With several sites or departments, let each answer for itself to see the whole picture.")
    static let diagnosisProgress = LocalizedText(ja: "回答済み", en: "Answered")
    static let diagnosisSubmit = LocalizedText(ja: "結果を見る", en: "See the result")
    static let diagnosisMoreInfo = LocalizedText(ja: "なぜ大切？", en: "Why it matters")
    static func diagnosisUnanswered(_ count: Int) -> LocalizedText {
        LocalizedText(ja: "未回答の質問が\(count)問あります。赤く示した質問に答えてください。回答済みの内容は残っています。", en: "\(count) question\(count == 1 ? " is" : "s are") not answered yet. Please answer the ones marked in red; your other answers are kept.")
    }
    static let diagnosisItemUnanswered = LocalizedText(ja: "この質問に答えてください。", en: "Please answer this question.")
    static func diagnosisSource(_ source: String, asOf: String) -> LocalizedText {
        LocalizedText(ja: "出典：\(source)の項目をもとに Mamori が作成（\(asOf)時点）", en: "Based on the items of \(source); texts written for Mamori (as of \(asOf)).")
    }

    // The result
    static let resultTitle = LocalizedText(ja: "自社診断の結果", en: "Self-diagnosis result")
    static let resultTotal = LocalizedText(ja: "合計点", en: "Total")
    static let resultParts = LocalizedText(ja: "分野ごとの点数", en: "Score by part")
    static let resultChartTitle = LocalizedText(ja: "分野ごとの達成率（満点に対する割合）", en: "Share of the maximum reached in each part")
    static let resultAdviceTitle = LocalizedText(ja: "次にやること（優先度の高い順）", en: "What to do next (most urgent first)")
    static let resultAdviceLead = LocalizedText(ja: "「実施していない」「わからない」の項目を先に、続いて「一部実施している」の項目を、それぞれ基本的対策、従業員、組織の順に並べています。", en: "Items answered \"not implemented\" or \"don't know\" come first, then those \"partly implemented\"; within each, basic measures before employee and organization measures.")
    static let resultNoGaps = LocalizedText(ja: "すべての項目を実施しています。基本方針づくりなど次の段階に進みましょう。", en: "Every item is in place. Move on to the next stage, such as writing a basic policy.")
    static let yourAnswer = LocalizedText(ja: "回答", en: "Your answer")
    static let item = LocalizedText(ja: "項目", en: "Item")
    static let part = LocalizedText(ja: "分野", en: "Part")
    static let score = LocalizedText(ja: "点数", en: "Score")
    static let maximum = LocalizedText(ja: "満点", en: "Maximum")
    static let printView = LocalizedText(ja: "印刷用の表示", en: "Printable view")
    static let resultSignUpTitle = LocalizedText(ja: "この結果を保存しませんか", en: "Keep this result")
    static let resultSignUpLead = LocalizedText(ja: "組織を登録すると、この回答がそのまま保存され、次回の診断と比べられます。入力した回答は失われません。", en: "Register your organization and these answers are saved as they are, ready to compare with your next diagnosis. Nothing you entered is lost.")
    static let resultSignUpButton = LocalizedText(ja: "登録して結果を保存", en: "Sign up and save the result")
    static let resultLogIn = LocalizedText(ja: "アカウントをお持ちの方はログインして保存", en: "Have an account? Log in to save it")
    static let resultSaveTitle = LocalizedText(ja: "組織の診断として保存", en: "Save to your organization")
    static let resultAnswerAgain = LocalizedText(ja: "回答を直す", en: "Change the answers")
    static let resultExpired = LocalizedText(ja: "表示できる診断結果がありません。もう一度回答してください。", en: "There is no result to show. Please answer the questions again.")
    static let respondentName = LocalizedText(ja: "回答者", en: "Answered by")
    static let siteLabel = LocalizedText(ja: "拠点・部署", en: "Site or department")
    static let siteLabelHint = LocalizedText(ja: "例：本社、工場、営業部。拠点ごとに保存すると全社の状況をまとめて見られます。", en: "E.g. head office, factory, sales. Saving per site lets you see the organization as a whole.")
    static let defaultSite = LocalizedText(ja: "本社", en: "Head office")
    static let diagnosedOn = LocalizedText(ja: "診断日", en: "Date of the diagnosis")
    static let saveDiagnosis = LocalizedText(ja: "保存する", en: "Save")
    static let diagnosisSaved = LocalizedText(ja: "自社診断を保存しました。", en: "The self-diagnosis was saved.")
    static let diagnosisKeptFromSignup = LocalizedText(ja: "登録前に回答した自社診断を保存しました。", en: "The self-diagnosis you answered before signing up was saved.")

    // History, detail, comparison, combined view
    static let historyTitle = LocalizedText(ja: "自社診断の履歴", en: "Self-diagnosis history")
    static let historyEmpty = LocalizedText(ja: "まだ保存された診断はありません。", en: "No diagnosis has been saved yet.")
    static let newDiagnosis = LocalizedText(ja: "新しく診断する", en: "Start a new diagnosis")
    static let trendTitle = LocalizedText(ja: "合計点の推移", en: "Total score over time")
    static let compareTitle = LocalizedText(ja: "2回の診断を比べる", en: "Compare two diagnoses")
    static let compareBefore = LocalizedText(ja: "前", en: "Before")
    static let compareAfter = LocalizedText(ja: "後", en: "After")
    static let compareSubmit = LocalizedText(ja: "比べる", en: "Compare")
    static let compareImproved = LocalizedText(ja: "良くなった項目", en: "Improved")
    static let compareWorse = LocalizedText(ja: "悪くなった項目", en: "Got worse")
    static func compareUnchanged(_ count: Int) -> LocalizedText {
        LocalizedText(ja: "変わらなかった項目：\(count)項目", en: "Unchanged: \(count) item\(count == 1 ? "" : "s")")
    }
    static func compareTotalChange(_ change: Int) -> LocalizedText {
        let signed = change > 0 ? "+\(change)" : "\(change)"
        return LocalizedText(ja: "合計点の変化：\(signed)点", en: "Change in total: \(signed) points")
    }
    static let compareNone = LocalizedText(ja: "該当なし", en: "None")
    static let compareNeedsTwo = LocalizedText(ja: "比べるには診断が2回以上必要です。", en: "Two saved diagnoses are needed to compare.")
    static let combinedTitle = LocalizedText(ja: "全社のまとめ（各拠点の最新の診断）", en: "Whole organization (latest diagnosis of each site)")
    static let combinedRule = LocalizedText(ja: "各拠点の最新の診断を合わせています。項目ごとに、最も弱い回答（点数が最も低い回答）を全社の回答としています。", en: "This combines the latest diagnosis of each site. For every item, the weakest answer (the one with the fewest points) counts for the whole organization.")
    static let combinedSites = LocalizedText(ja: "合わせた診断", en: "Diagnoses combined")
    static let combinedLink = LocalizedText(ja: "全社のまとめを見る", en: "See the whole organization")
    static let downloadCSV = LocalizedText(ja: "CSVでダウンロード", en: "Download as CSV")
    static let historyCSV = LocalizedText(ja: "履歴をCSVでダウンロード", en: "Download the history as CSV")
    static let answersTitle = LocalizedText(ja: "すべての回答", en: "All answers")
    static let view = LocalizedText(ja: "表示", en: "View")
    static let band = LocalizedText(ja: "判定", en: "Band")
    static let date = LocalizedText(ja: "日付", en: "Date")
    static let dashboardDiagnosisCard = LocalizedText(ja: "自社診断と SECURITY ACTION", en: "Self-diagnosis and SECURITY ACTION")
    static func dashboardLatestScore(_ total: Int, _ date: String) -> LocalizedText {
        LocalizedText(ja: "最新の診断：\(total)点（\(date)）", en: "Latest diagnosis: \(total) points (\(date))")
    }
    static let dashboardNoDiagnosis = LocalizedText(ja: "まだ自社診断をしていません。5分ほどで終わります。", en: "No self-diagnosis yet. It takes about five minutes.")

    // SECURITY ACTION
    static let securityActionTitle = LocalizedText(ja: "SECURITY ACTION（自己宣言）", en: "SECURITY ACTION (self-declaration)")
    static let securityActionLead = LocalizedText(ja: "SECURITY ACTION は、中小企業が情報セキュリティ対策に取り組むことを自ら宣言する制度です（認証ではありません）。一つ星は「情報セキュリティ5か条」への取組み、二つ星は自社診断と基本方針の策定・公開が目安です。", en: "SECURITY ACTION is a self-declaration by which a small business commits to information security (it is not a certification). One star: the five basic measures. Two stars: a self-diagnosis and a basic policy that is written and published.")
    static let currentStars = LocalizedText(ja: "現在の宣言", en: "Current declaration")
    static func stars(_ count: Int) -> LocalizedText {
        count == 0 ? LocalizedText(ja: "未宣言", en: "Not declared") :
            LocalizedText(ja: count == 1 ? "一つ星 ★" : "二つ星 ★★", en: count == 1 ? "One star ★" : "Two stars ★★")
    }
    static let basicMeasuresTitle = LocalizedText(ja: "情報セキュリティ5か条（一つ星）", en: "The five basic measures (one star)")
    static let basicMeasuresLead = LocalizedText(ja: "取り組んでいるものにチェックを入れて保存してください。最新の自社診断の回答も参考に表示しています。", en: "Tick the measures you have in place and save. The latest self-diagnosis answer is shown for reference.")
    static let basicMeasuresSave = LocalizedText(ja: "チェックを保存", en: "Save the checklist")
    static let basicMeasuresSaved = LocalizedText(ja: "5か条のチェックを保存しました。", en: "The checklist was saved.")
    static let diagnosisSays = LocalizedText(ja: "自社診断の回答", en: "Self-diagnosis answer")
    static let notDiagnosedYet = LocalizedText(ja: "未診断", en: "Not diagnosed yet")
    static let readinessTitle = LocalizedText(ja: "次の星に必要なこと", en: "What the next star needs")
    static func readyFor(_ star: Int) -> LocalizedText {
        LocalizedText(ja: star == 1 ? "一つ星を宣言する準備ができています。" : "二つ星を宣言する準備ができています。", en: star == 1 ? "You are ready to declare one star." : "You are ready to declare two stars.")
    }
    static let allStarsDeclared = LocalizedText(ja: "二つ星を宣言済みです。取組みを続け、年に一度は自社診断で見直しましょう。", en: "Two stars are declared. Keep going, and review with a self-diagnosis once a year.")
    static func requirement(_ requirement: SecurityActionReadiness.Requirement) -> LocalizedText {
        switch requirement {
        case .basicMeasures: LocalizedText(ja: "情報セキュリティ5か条すべてに取り組む", en: "Put all five basic measures in place")
        case .selfDiagnosis: LocalizedText(ja: "自社診断を行い、保存する", en: "Carry out and save a self-diagnosis")
        case .policyPublished: LocalizedText(ja: "情報セキュリティ基本方針を策定・承認し、ウェブサイトなどで公開する", en: "Write and approve an information security basic policy and publish it (web site, brochure…)")
        }
    }
    static let requirementMet = LocalizedText(ja: "済み", en: "Done")
    static let requirementNotYet = LocalizedText(ja: "まだ", en: "Not yet")
    static let declarationsTitle = LocalizedText(ja: "宣言の記録", en: "Declarations")
    static let declarationsLead = LocalizedText(ja: "IPA の SECURITY ACTION サイトで宣言したら、その内容をここに記録してください。", en: "After declaring on IPA's SECURITY ACTION site, record the declaration here.")
    static let declarationStars = LocalizedText(ja: "星の数", en: "Stars")
    static let declarationID = LocalizedText(ja: "宣言ID", en: "Declaration ID")
    static let declaredOn = LocalizedText(ja: "宣言日", en: "Date declared")
    static let declarationRecord = LocalizedText(ja: "宣言を記録", en: "Record the declaration")
    static let declarationRecorded = LocalizedText(ja: "宣言を記録しました。", en: "The declaration was recorded.")
    static let noDeclarations = LocalizedText(ja: "まだ宣言の記録はありません。", en: "No declaration recorded yet.")
    static let seeSecurityAction = LocalizedText(ja: "SECURITY ACTION を見る", en: "See SECURITY ACTION")
    static let securityActionOfficialSite = LocalizedText(ja: "SECURITY ACTION 公式サイト（IPA）", en: "The official SECURITY ACTION site (IPA)")
    static let securityActionOfficialSiteNote = LocalizedText(ja: "宣言そのものは公式サイトで行います。Mamori には、その準備と宣言の記録を残します。", en: "The declaration itself is made on the official site; Mamori helps you prepare and keeps the record.")
    /// Beside a ticked measure the latest self-diagnosis answered otherwise.
    static func measureConflict(answer: LocalizedText) -> LocalizedText {
        LocalizedText(ja: "最新の自社診断ではこの対策は『\(answer.ja)』と回答されています。実際に取り組んでいるか確かめ、取り組んでいる場合は自社診断をやり直して回答を更新してください。",
                      en: "The latest self-diagnosis answers this measure \"\(answer.en)\". Check that it is really in place; if it is, do the self-diagnosis again to update the answer.")
    }
    /// After saving the checklist with such a measure ticked.
    static func measureConflictSaved(measure: LocalizedText, answer: LocalizedText) -> LocalizedText {
        LocalizedText(ja: "「\(measure.ja)」にチェックを付けて保存しましたが、最新の自社診断ではこの対策は『\(answer.ja)』と回答されています。実際に取り組んでいるか確かめてください。",
                      en: "\"\(measure.en)\" is saved as in place, but the latest self-diagnosis answers this measure \"\(answer.en)\". Check that it is really in place.")
    }
    static let twoStarsConditionsLead = LocalizedText(ja: "二つ星の条件のうち、Mamori ではまだ確認できないもの：", en: "Two-star conditions Mamori cannot yet see as met:")
    static let twoStarsMetElsewhere = LocalizedText(ja: "これらの条件は Mamori の外で満たしています（紙で行った自社診断、自社のウェブサイトで公開している基本方針など）", en: "These conditions are met outside Mamori (a self-diagnosis done on paper, a basic policy published on our own web site…)")
    /// The refusal of a two-star record while a condition is unmet.
    static func twoStarsNotReady(missing: [SecurityActionReadiness.Requirement]) -> LocalizedText {
        let ja = missing.map { L.Diagnosis.requirement($0).ja }.joined(separator: "、")
        let en = missing.map { L.Diagnosis.requirement($0).en }.joined(separator: "; ")
        return LocalizedText(ja: "二つ星は、自社診断を行い、情報セキュリティ基本方針を策定して公開していることが条件です。まだ済んでいないもの：\(ja)。済ませてから記録するか、Mamori の外で済ませている場合は下の確認にチェックを入れてください。",
                             en: "Two stars require a self-diagnosis and a basic policy that is written and published. Still missing: \(en). Complete it first, or, if it was done outside Mamori, tick the confirmation below.")
    }
    static let homeAvailableDiagnosis = LocalizedText(ja: "25問・5分の自社診断で、自社の情報セキュリティの状態と、次にやるべきことがわかります（登録不要）。", en: "A 25-question, five-minute self-diagnosis shows where you stand and what to do next (no account needed).")
    static let homeStartDiagnosis = LocalizedText(ja: "自社診断を始める", en: "Start the self-diagnosis")
}
