import Foundation
import MamoriCore

extension L.Incident {
    /// The basis of a notification duty, in plain words with the legal reference.
    static func basis(_ basis: NotificationDuties.Basis) -> LocalizedText {
        switch basis {
        case .appiPreliminary: LocalizedText(ja: "個人情報保護法第26条：漏えい等の発覚後、速やかに速報（実務上おおむね3〜5日以内。土日祝日も後ろにずらしません。個人情報保護委員会のオンライン窓口は毎日受け付けています）", en: "APPI Art. 26: a preliminary report promptly after becoming aware (in practice within 3–5 days; never moved past weekends or holidays: the PPC's online form is open every day)")
        case .appiFinal30: LocalizedText(ja: "個人情報保護法第26条：発覚した日から30日以内に確報", en: "APPI Art. 26: the final report within 30 days of becoming aware")
        case .appiFinal60: LocalizedText(ja: "個人情報保護法第26条：不正の目的によるおそれがある場合は発覚した日から60日以内に確報", en: "APPI Art. 26: the final report within 60 days when wrongful intent is possible")
        case .appiPersons: LocalizedText(ja: "個人情報保護法第26条第2項：本人への通知（速やかに）。通知が困難な場合は公表と問合せ窓口の設置", en: "APPI Art. 26(2): notify the persons promptly; if that is impossible, publish and open an inquiry desk")
        case .appiPersonsRecommended: LocalizedText(ja: "報告義務の対象外でも、二次被害の防止のため本人への連絡を検討してください", en: "Not reportable, but consider telling the persons to prevent secondary damage")
        case .ipaReporting: LocalizedText(ja: "IPA への届出（任意）：ウイルス感染・不正アクセスの被害の届出と相談", en: "Report to IPA (voluntary): virus and unauthorized-access reporting and advice")
        case .policeRansomware: LocalizedText(ja: "ランサムウェアは犯罪です。都道府県警察のサイバー犯罪相談窓口へ相談・通報してください", en: "Ransomware is a crime: contact your prefectural police cyber-crime desk")
        case .policeCrime: LocalizedText(ja: "犯罪の疑いがある場合は警察へ相談してください", en: "When a crime is suspected, contact the police")
        case .policeLossTheft: LocalizedText(ja: "社外での紛失・盗難は警察へ届け出てください", en: "Report loss or theft outside the office to the police")
        case .jpcertCoordination: LocalizedText(ja: "JPCERT/CC へのインシデント報告（調整の依頼）", en: "Incident report to JPCERT/CC (coordination)")
        case .sectorLaw: LocalizedText(ja: "業法（業界の法律）で所管省庁への報告が定められています", en: "A sector law requires a report to the supervising ministry")
        case .contractPartners: LocalizedText(ja: "取引先・委託元との契約に基づく連絡（委託を受けた業務の場合は委託元へ直ちに）", en: "Notify partners under your contracts (the client at once, for contracted work)")
        case .publicAnnouncement: LocalizedText(ja: "影響が広い場合や個別に連絡できない場合は公表を検討してください", en: "Consider a public announcement when the impact is wide or individual notice is impossible")
        case .managementDecision: LocalizedText(ja: "経営者へ報告し、対応方針を決めてもらう（手引きの第1段階）", en: "Report to management, who decides the response policy (step 1 of the guide)")
        }
    }

    /// How a due date was found; dates written as the page writes them (ISO in the API).
    static func dueComputation(_ due: NotificationDuties.DueDate, aware: Day, locale: AppLocale? = nil) -> LocalizedText {
        let moved = due.moved
        func ja(_ day: Day) -> String { locale == nil ? day.description : DateText.calendarDate(day.description, .ja) }
        func en(_ day: Day) -> String { locale == nil ? day.description : DateText.calendarDate(day.description, .en) }
        return LocalizedText(
            ja: "認識した日（\(ja(aware))）の翌日から数えて\(due.countedDays)日目は\(ja(due.nominal))" + (moved ? "。行政機関の休日（土日・祝日・12月29日〜1月3日）のため翌開庁日の\(ja(due.day))" : ""),
            en: "Day \(due.countedDays) counted from the day after awareness (\(en(aware))) is \(en(due.nominal))" + (moved ? "; it is an administrative holiday (weekend, national holiday or 29 Dec–3 Jan), so the next working day, \(en(due.day))" : ""))
    }

    static let department = LocalizedText(ja: "部署", en: "Department")
    static let teamMembersLabel = LocalizedText(ja: "対応チームのメンバーと役割", en: "Response team members and roles")
    static let seeTimeline = LocalizedText(ja: "下の「経緯（タイムライン）」に記録します", en: "recorded in the timeline below")
    static let checkNoteShort = LocalizedText(ja: "メモ・理由", en: "Note or reason")
    static let undoDuty = LocalizedText(ja: "記録を取り消す", en: "Undo")
    static let ppcReported = LocalizedText(ja: "個人情報保護委員会への報告は記録済みです", en: "The reports to the Personal Information Protection Commission are recorded")
    static func timelineType(_ type: String) -> LocalizedText {
        switch type {
        case "opened": LocalizedText(ja: "記録開始", en: "Opened")
        case "record": LocalizedText(ja: "記録の更新", en: "Record updated")
        case "step": LocalizedText(ja: "段階", en: "Step")
        case "check": LocalizedText(ja: "手順", en: "Playbook")
        case "note": LocalizedText(ja: "メモ", en: "Note")
        case "correction": LocalizedText(ja: "訂正", en: "Correction")
        case "evidence_upload": LocalizedText(ja: "証拠の保存", en: "Evidence stored")
        case "evidence_download": LocalizedText(ja: "証拠の取り出し", en: "Evidence downloaded")
        case "notification": LocalizedText(ja: "連絡", en: "Notification")
        case "closed": LocalizedText(ja: "終了", en: "Closed")
        case "report_submitted": LocalizedText(ja: "報告の提出", en: "Report submitted")
        default: LocalizedText(ja: type, en: type)
        }
    }
    static func fieldName(_ key: String) -> LocalizedText {
        switch key {
        case "title": L.Incident.incidentTitle
        case "categoryNote": LocalizedText(ja: "分類の補足", en: "Category note")
        case "clientName": LocalizedText(ja: "事業者名", en: "Organization/client")
        case "responsibleName": LocalizedText(ja: "責任者", en: "Person responsible")
        case "responsibleDepartment": L.Incident.department
        case "teamMembers": L.Incident.teamMembersLabel
        case "observedImpact": LocalizedText(ja: "発生事象", en: "What is seen")
        case "suspectedCause": LocalizedText(ja: "想定される原因", en: "Suspected cause")
        case "affectedAssets": LocalizedText(ja: "対象機器・サービス", en: "Affected devices and services")
        case "securityTools": LocalizedText(ja: "セキュリティ対策ツール", en: "Security tools")
        case "responsePolicy": L.Incident.responsePolicyLabel
        case "leakedItems": L.Incident.leakedItemsLabel
        case "secondaryDamage": L.Incident.secondaryDamageLabel
        case "persons": LocalizedText(ja: "本人の数", en: "Number of persons")
        case "occurredAt": LocalizedText(ja: "発生日時", en: "When it happened")
        case "awareAt": LocalizedText(ja: "認識した日時", en: "When the organization became aware")
        case "severity": LocalizedText(ja: "重大度", en: "Severity")
        case "ppcDelegatedTo": LocalizedText(ja: "委任先の省庁", en: "Ministry the PPC delegated to")
        default: IncidentService.flagFields.contains { $0.key == key } ? flag(key) : LocalizedText(ja: key, en: key)
        }
    }
}

extension L.Incident {
    static let navIncidents = LocalizedText(ja: "インシデント", en: "Incidents")
    static let incidentsTitle = LocalizedText(ja: "インシデント対応", en: "Incident response")
    static let incidentsLead = LocalizedText(ja: "起きたこと、やったこと、連絡したことを記録します。記録（経緯）は改ざんを検知できる形で残ります。", en: "Record what happened, what you did and whom you told. The timeline is kept in a form where tampering can be detected.")
    static let newIncident = LocalizedText(ja: "インシデントを記録する", en: "Record an incident")
    static let noIncidents = LocalizedText(ja: "記録されたインシデントはありません。", en: "No incident has been recorded.")
    static func incidentKind(_ kind: IncidentKind) -> LocalizedText {
        switch kind {
        case .virusInfection: LocalizedText(ja: "ウイルス感染", en: "Virus infection")
        case .ransomware: LocalizedText(ja: "ランサムウェア", en: "Ransomware")
        case .systemOutage: LocalizedText(ja: "システム停止", en: "System outage")
        case .informationLeak: LocalizedText(ja: "情報漏えい", en: "Information leak")
        case .unauthorizedAccess: LocalizedText(ja: "不正アクセス", en: "Unauthorized access")
        case .phishingBEC: LocalizedText(ja: "フィッシング・ビジネスメール詐欺", en: "Phishing or business e-mail compromise")
        case .lossTheft: LocalizedText(ja: "紛失・盗難", en: "Loss or theft")
        case .other: LocalizedText(ja: "その他", en: "Other")
        }
    }
    static func severity(_ severity: Incident.Severity) -> LocalizedText {
        switch severity {
        case .low: LocalizedText(ja: "低", en: "Low")
        case .medium: LocalizedText(ja: "中", en: "Medium")
        case .high: LocalizedText(ja: "高", en: "High")
        case .critical: LocalizedText(ja: "重大", en: "Critical")
        }
    }
    static let incidentKindLabel = LocalizedText(ja: "種類", en: "Kind")
    static let incidentTitle = LocalizedText(ja: "件名", en: "Title")
    static let detectedAt = LocalizedText(ja: "気づいた日時", en: "Noticed at")
    static let severityLabel = LocalizedText(ja: "重大度", en: "Severity")
    static let openIncident = LocalizedText(ja: "記録を始める", en: "Start the record")
    static let incidentOpened = LocalizedText(ja: "インシデントの記録を始めました。まず第1段階の項目を確認しましょう。", en: "The incident record was opened. Start with the points of step 1.")
    static let statusOpen = LocalizedText(ja: "対応中", en: "Open")
    static let statusClosed = LocalizedText(ja: "終了", en: "Closed")
    static let currentStep = LocalizedText(ja: "現在の段階", en: "Current step")
    static let moveToStep = LocalizedText(ja: "この段階に進む", en: "Move to this step")
    static func stepProgress(_ done: Int, _ total: Int) -> LocalizedText { LocalizedText(ja: "\(done) / \(total) 完了", en: "\(done) of \(total) done") }
    static let markDone = LocalizedText(ja: "実施した", en: "Done")
    static let markNotApplicable = LocalizedText(ja: "該当しない", en: "Not applicable")
    static let clearMark = LocalizedText(ja: "取り消す", en: "Undo")
    static let checkNote = LocalizedText(ja: "メモ（該当しない場合は理由）", en: "Note (the reason, if not applicable)")
    static let reasonRequiredForNA = LocalizedText(ja: "「該当しない」にする場合は理由を書いてください。", en: "Give a reason to mark a point not applicable.")
    static let recordTitle = LocalizedText(ja: "記録する10項目", en: "The ten items to record")
    static let saveRecord = LocalizedText(ja: "記録を保存", en: "Save the record")
    static let recordSaved = LocalizedText(ja: "記録を保存しました。", en: "The record was saved.")
    static let teamMembersHint = LocalizedText(ja: "1行に1人（例：山田 太郎 — 社内連絡）", en: "One person a line (e.g. Taro Yamada — internal contact)")
    static let responsePolicyLabel = LocalizedText(ja: "対応方針（経営者が決める）", en: "Response policy (decided by the owner)")
    static let factsTitle = LocalizedText(ja: "報告・連絡の判断に使う事実", en: "Facts that decide whom to notify")
    static let awareAtLabel = LocalizedText(ja: "組織として認識した日時（報告期限の起点）", en: "When the organization became aware (the deadlines count from here)")
    static let occurredAtLabel = LocalizedText(ja: "発生した日時（わかれば）", en: "When it happened (if known)")
    static let personsLabel = LocalizedText(ja: "関係する本人の数（人）", en: "Number of persons concerned")
    static let personsHint = LocalizedText(ja: "わかっている範囲で入力します。まだわからなければ空欄のままにしてください（空欄は0人として扱います）。1,000人を超えると個人情報保護委員会への報告が必要です。",
                                           en: "Enter what is known so far; leave it blank until you know (blank counts as 0). Over 1,000 persons must be reported to the Personal Information Protection Commission.")
    static let ppcDelegatedLabel = LocalizedText(ja: "個人情報保護委員会の権限が委任されている省庁（該当する業種のみ）", en: "Ministry to which the PPC delegated its powers (certain sectors only)")
    static func flag(_ key: String) -> LocalizedText {
        switch key {
        case "personalDataInvolved": LocalizedText(ja: "個人データが関係する（漏えい・滅失・毀損のおそれを含む）", en: "Personal data is involved (including a possible leak, loss or damage)")
        case "specialCare": LocalizedText(ja: "要配慮個人情報が含まれる", en: "Special-care personal information is included")
        case "financialDamageRisk": LocalizedText(ja: "不正利用で財産的被害のおそれ（カード番号・口座情報など）", en: "Misuse may cause financial damage (card numbers, banking credentials)")
        case "wrongfulIntent": LocalizedText(ja: "不正の目的によるおそれ（不正アクセス・盗難・持ち出しなど）", en: "Possibly wrongful intent (unauthorized access, theft, removal by an insider)")
        case "dataProtected": LocalizedText(ja: "高度な暗号化などで保護されている（報告対象外）", en: "Protected by strong encryption or equivalent (not reportable)")
        case "crimeSuspected": LocalizedText(ja: "犯罪の疑いがある", en: "A crime is suspected")
        case "lostOrStolenOutside": LocalizedText(ja: "社外で紛失・盗難にあった", en: "Lost or stolen outside the office")
        case "sectorLawRequiresReport": LocalizedText(ja: "業法で所管省庁への報告が必要", en: "A sector law requires a report to the ministry")
        case "partnersAffected": LocalizedText(ja: "取引先・顧客に影響がある", en: "Partners or customers are affected")
        default: LocalizedText(ja: "社会的な影響が大きい", en: "Wide public impact")
        }
    }
    static let dutiesTitle = LocalizedText(ja: "報告・連絡先と期限", en: "Whom to notify, and by when")
    static let reportableToPPC = LocalizedText(ja: "個人情報保護委員会への報告が必要です", en: "A report to the Personal Information Protection Commission is required")
    static let notReportableToPPC = LocalizedText(ja: "現在の事実では個人情報保護委員会への報告義務はありません", en: "With the facts as recorded, no report to the PPC is required")
    static func recipient(_ recipient: NotificationDuties.Recipient) -> LocalizedText {
        switch recipient {
        case .ppc: LocalizedText(ja: "個人情報保護委員会", en: "Personal Information Protection Commission")
        case .affectedPersons: LocalizedText(ja: "本人（情報が漏れた人）", en: "The persons concerned")
        case .ipa: LocalizedText(ja: "IPA（情報処理推進機構）", en: "IPA")
        case .police: LocalizedText(ja: "警察", en: "Police")
        case .jpcert: LocalizedText(ja: "JPCERT/CC", en: "JPCERT/CC")
        case .ministry: LocalizedText(ja: "所管省庁", en: "Supervising ministry")
        case .partners: LocalizedText(ja: "取引先・委託元", en: "Partners and clients")
        case .public: LocalizedText(ja: "公表", en: "Public announcement")
        case .management: LocalizedText(ja: "経営者", en: "Management")
        }
    }
    static func dutyAction(_ action: NotificationDuties.Action) -> LocalizedText {
        switch action {
        case .preliminaryReport: LocalizedText(ja: "速報", en: "Preliminary report")
        case .finalReport: LocalizedText(ja: "確報", en: "Final report")
        case .notify: LocalizedText(ja: "通知・連絡", en: "Notify")
        case .report: LocalizedText(ja: "報告・相談", en: "Report")
        case .publish: LocalizedText(ja: "公表", en: "Publish")
        }
    }
    static let required = LocalizedText(ja: "義務", en: "Required")
    static let recommended = LocalizedText(ja: "推奨", en: "Recommended")
    static let dueBy = LocalizedText(ja: "期限", en: "Due by")
    static let promptly = LocalizedText(ja: "速やかに", en: "Promptly")
    static let overdue = LocalizedText(ja: "期限超過", en: "Overdue")
    static let dueSoon = LocalizedText(ja: "期限まで\(IncidentService.dueSoonDays)日以内", en: "Due within \(IncidentService.dueSoonDays) days")
    static let doneOn = LocalizedText(ja: "実施日", en: "Done on")
    static let referenceNumber = LocalizedText(ja: "受付番号など", en: "Reference number")
    static let recordDone = LocalizedText(ja: "実施を記録", en: "Record as done")
    static let notificationRecorded = LocalizedText(ja: "連絡の実施を記録しました。", en: "The notification was recorded.")
    static func doneRecord(_ date: String, _ by: String) -> LocalizedText { LocalizedText(ja: "実施済み（\(date)、\(by)）", en: "Done (\(date), \(by))") }
    static let timelineTitle = LocalizedText(ja: "経緯（タイムライン）", en: "Timeline")
    static let timelineLead = LocalizedText(ja: "記録は追記のみです。各記録は直前の記録のハッシュ値を含み、書き換えられると検証で分かります。訂正は新しい記録として追加します。", en: "Entries are only ever added. Each one includes the hash of the one before, so a change shows up on verification. Corrections are new entries.")
    static let addEntry = LocalizedText(ja: "経緯を追加", en: "Add to the timeline")
    static let entryText = LocalizedText(ja: "内容", en: "What happened")
    static let entryOccurredAt = LocalizedText(ja: "出来事の日時（空欄なら今）", en: "When it happened (empty: now)")
    static let correctsLabel = LocalizedText(ja: "訂正する記録の番号（訂正の場合）", en: "Number of the entry it corrects (for a correction)")
    static let entryAdded = LocalizedText(ja: "経緯を追加しました。", en: "The entry was added.")
    static let verifyChain = LocalizedText(ja: "改ざんがないか検証する", en: "Verify the timeline")
    static let chainIntact = LocalizedText(ja: "検証しました：すべての記録が改ざんされていません。", en: "Verified: every entry is intact.")
    static func chainBroken(_ sequence: Int) -> LocalizedText { LocalizedText(ja: "警告：記録 #\(sequence) 以降が改ざんされています。", en: "Warning: the timeline was altered from entry #\(sequence) on.") }
    static let evidenceTitle = LocalizedText(ja: "証拠の保全", en: "Evidence")
    static let evidenceLead = LocalizedText(ja: "ログやスクリーンショット、脅迫文などを保存します。SHA-256 のハッシュ値を記録し、上書きはできません。アップロードとダウンロードは経緯に残ります。", en: "Keep logs, screenshots, ransom notes… Each file's SHA-256 is recorded and it is never overwritten. Uploads and downloads are written to the timeline.")
    static let uploadEvidence = LocalizedText(ja: "証拠を保存", en: "Upload evidence")
    static let evidenceFileLabel = LocalizedText(ja: "保存するファイル（画面の写真、ログ、脅迫文など）", en: "File to keep (screen photos, logs, ransom notes…)")
    static let evidenceSaved = LocalizedText(ja: "証拠を保存しました。", en: "The evidence was saved.")
    static let closeTitle = LocalizedText(ja: "対応を終える", en: "Close the incident")
    static let causeSummaryLabel = LocalizedText(ja: "原因のまとめ", en: "Summary of the cause")
    static let measuresLabel = LocalizedText(ja: "再発防止策（1行に1つ）", en: "Recurrence-prevention measures (one a line)")
    static let closeSubmit = LocalizedText(ja: "終了する", en: "Close")
    static let incidentClosedNotice = LocalizedText(ja: "インシデントの対応を終了しました。記録はそのまま残ります。", en: "The incident was closed. Its record stays.")
    static let incidentIsClosed = LocalizedText(ja: "このインシデントは終了しています。記録は閲覧のみです。", en: "This incident is closed; its record can only be read.")
    static let unknownPoint = LocalizedText(ja: "この項目はこのインシデントの手順にありません。", en: "This point is not in this incident's playbook.")
    static let reportsTitle = LocalizedText(ja: "報告書の下書き", en: "Report drafts")
    static let downloadWord = LocalizedText(ja: "Word（.docx）でダウンロード", en: "Download as Word (.docx)")
    static let backToIncident = LocalizedText(ja: "インシデントの記録へ戻る", en: "Back to the incident")
    static let dashboardDutiesCard = LocalizedText(ja: "期限が近い報告・連絡", en: "Notifications due soon")
    static let noDutiesDue = LocalizedText(ja: "期限が近い報告・連絡はありません。", en: "Nothing is due soon.")
}

/// Timeline entries and audit summaries of incidents in words, in the reader's language.
extension L.Incident {
    static let leakedItemsLabel = LocalizedText(ja: "漏えい等のおそれがある個人データの項目（例：氏名、住所、電話番号、購入履歴）",
                                                en: "Items of personal data concerned (e.g. name, address, phone number, purchase history)")
    static let secondaryDamageLabel = LocalizedText(ja: "二次被害またはそのおそれの有無と内容（例：不審な電話・メールの報告、不正利用の有無）",
                                                    en: "Secondary damage or its risk, and what it is (e.g. reports of suspicious calls or e-mails, any misuse)")

    /// An entry as a reader sees it: Mamori's own entries in the reader's language; notes,
    /// corrections and entries written before events existed as stored.
    static func timelineText(_ entry: TimelineEntry) -> LocalizedText {
        guard let event = TimelineEvent(storedText: entry.text) else { return LocalizedText(ja: entry.text, en: entry.text) }
        return timelineEvent(event)
    }

    static func timelineEvent(_ event: TimelineEvent) -> LocalizedText {
        switch event {
        case .opened(let kind, let title):
            return join(incidentKind(kind), title, ja: "：", en: ": ")
        case .recordChanged(let changes):
            let parts = changes.map(recordChange)
            return LocalizedText(ja: parts.map(\.ja).joined(separator: "、"), en: parts.map(\.en).joined(separator: "; "))
        case .stepChanged(let from, let to):
            return LocalizedText(ja: "段階 \(from) → \(to)", en: "Step \(from) → \(to)")
        case .pointMarked(let pointID, let state, let note):
            let point = PlaybookContent.bundled.playbooks.flatMap(\.points).first { $0.id == pointID }?.title ?? LocalizedText(ja: pointID, en: pointID)
            let label = switch state {
            case .done: markDone
            case .notApplicable: markNotApplicable
            case nil: LocalizedText(ja: "取り消し", en: "Mark cleared")
            }
            let line = LocalizedText(ja: label.ja + "：" + point.ja, en: label.en + ": " + point.en)
            return note.isEmpty ? line : LocalizedText(ja: line.ja + " — " + note, en: line.en + " — " + note)
        case .evidenceUploaded(let filename, let size, let sha256):
            return LocalizedText(ja: "\(filename)（\(byteCount(size, .ja))）SHA-256 \(sha256)", en: "\(filename) (\(byteCount(size, .en))) SHA-256 \(sha256)")
        case .evidenceDownloaded(let filename, let sha256):
            return LocalizedText(ja: "\(filename) SHA-256 \(sha256)", en: "\(filename) SHA-256 \(sha256)")
        case .notificationRecorded(let recipient, let action, let doneOn, let reference):
            let duty = dutyName(recipient, action)
            let ref = reference.isEmpty ? LocalizedText(ja: "", en: "") : LocalizedText(ja: "（受付番号 \(reference)）", en: " (reference \(reference))")
            return LocalizedText(ja: "\(duty.ja)：\(DateText.calendarDate(doneOn, .ja))に実施\(ref.ja)",
                                 en: "\(duty.en): carried out on \(DateText.calendarDate(doneOn, .en))\(ref.en)")
        case .notificationUndone(let recipient, let action, let doneOn):
            let duty = dutyName(recipient, action)
            return LocalizedText(ja: "\(duty.ja)：\(DateText.calendarDate(doneOn, .ja))の実施記録を取り消し",
                                 en: "\(duty.en): the record of \(DateText.calendarDate(doneOn, .en)) was taken back")
        case .closed(let cause, let measures):
            return LocalizedText(ja: "原因：\(cause)（再発防止策 \(measures)件）", en: "Cause: \(cause) (\(measures) recurrence-prevention measures)")
        case .reportSubmitted(let report, let version, let sha256):
            let title = IncidentReport(rawValue: report)?.title ?? LocalizedText(ja: report, en: report)
            return LocalizedText(ja: "\(title.ja) 第\(version)版を提出済みとして確定 SHA-256 \(sha256)",
                                 en: "\(title.en), version \(version), frozen as submitted; SHA-256 \(sha256)")
        }
    }

    /// A file size in words: "73 バイト" / "73 bytes", larger sizes in KB or MB.
    static func byteCount(_ bytes: Int, _ locale: AppLocale) -> String {
        if bytes < 1024 { return bytes.formatted() + (locale == .ja ? " バイト" : " bytes") }
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1024 { return String(format: "%.1f KB", kilobytes) }
        return String(format: "%.1f MB", kilobytes / 1024)
    }

    private static func recordChange(_ change: TimelineEvent.RecordChange) -> LocalizedText {
        let name = fieldName(change.field)
        guard let value = change.value else { return name }
        switch change.field {
        case "severity":
            let level = Incident.Severity(rawValue: value).map(severity) ?? LocalizedText(ja: value, en: value)
            return join(name, level.ja, en: level.en)
        case "persons":
            return LocalizedText(ja: "\(name.ja)：\(value)人", en: "\(name.en): \(value)")
        default:
            let yes = value == "true"
            return LocalizedText(ja: name.ja + "：" + (yes ? "はい" : "いいえ"), en: name.en + ": " + (yes ? "yes" : "no"))
        }
    }

    private static func dutyName(_ recipient: String, _ action: String) -> LocalizedText {
        let who = NotificationDuties.Recipient(rawValue: recipient).map(L.Incident.recipient) ?? LocalizedText(ja: recipient, en: recipient)
        let what = NotificationDuties.Action(rawValue: action).map(L.Incident.dutyAction) ?? LocalizedText(ja: action, en: action)
        return LocalizedText(ja: who.ja + "・" + what.ja, en: who.en + " — " + what.en)
    }

    private static func join(_ label: LocalizedText, _ text: String, ja: String, en: String) -> LocalizedText {
        LocalizedText(ja: label.ja + ja + text, en: label.en + en + text)
    }

    private static func join(_ label: LocalizedText, _ ja: String, en: String) -> LocalizedText {
        LocalizedText(ja: label.ja + "：" + ja, en: label.en + ": " + en)
    }
}

/// The incident page's summary and jump links.
extension L.Incident {
    static let incidentSummaryTitle = LocalizedText(ja: "いまの状況", en: "Where this stands")
    static let incidentOpenDuties = LocalizedText(ja: "未完了の報告・連絡", en: "Notifications still to do")
    static let incidentNoOpenDuties = LocalizedText(ja: "期限のある未完了の報告・連絡はありません。", en: "No notification with a deadline is outstanding.")
    static func incidentChainVerified(_ count: Int) -> LocalizedText {
        LocalizedText(ja: "\(count)件の記録を検証しました。改ざんはありません。", en: "\(count) entries verified; none was altered.")
    }
    static let incidentJumpLinks = LocalizedText(ja: "このページの項目", en: "On this page")
    static let incidentStepsJump = LocalizedText(ja: "対応の3段階", en: "The three steps")
}
