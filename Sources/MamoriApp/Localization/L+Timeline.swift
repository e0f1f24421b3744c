import Foundation
import MamoriCore

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
