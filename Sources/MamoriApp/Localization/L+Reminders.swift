import Foundation
import MamoriCore

/// The reminders page (`/orgs/:id/reminders`), the duty calendar feed and the texts that
/// webhook deliveries carry.
extension L {
    enum Reminders {
        static let nav = LocalizedText(ja: "期限のお知らせ", en: "Deadline reminders")
        static let title = LocalizedText(ja: "期限のお知らせ（カレンダー・Webhook）", en: "Deadline reminders (calendar and webhooks)")
        static let lead = LocalizedText(
            ja: "インシデントの報告・連絡には法令などで期限があります。Mamori を開かない日でも気づけるよう、お使いのカレンダーや社内のチャット・システムに期限を届けます。",
            en: "Reports and notices after an incident have deadlines, some set by law. So that nobody misses one on a day they do not open Mamori, the deadlines can reach your calendar app and your own chat or systems.")
        static let ownerOnly = LocalizedText(ja: "期限のお知らせの設定は、組織の管理者だけが行えます。", en: "Only the organization's owner can set up deadline reminders.")

        // Calendar
        static let calendarTitle = LocalizedText(ja: "カレンダーに期限を表示する", en: "Deadlines in your calendar")
        static let calendarLead = LocalizedText(
            ja: "対応中のインシデントの、まだ済んでいない報告・連絡の期限を終日の予定として配信します。期限の2日前と前日の午前9時に通知が出ます。Google カレンダーや Outlook などに「URL で追加」してください。",
            en: "Every open duty of an open incident appears as an all-day event on its due date, with alerts at 9:00 two days and one day before. Add the address to Google Calendar, Outlook or another app with \"add by URL\".")
        static let calendarActive = LocalizedText(ja: "配信用のアドレスは発行済みです（アドレスは発行したときに一度だけ表示されます）。発行し直すと、今のアドレスは使えなくなります。",
                                                  en: "A calendar address has been issued (it is shown only once, when issued). Issuing a new one ends the current address.")
        static let calendarNone = LocalizedText(ja: "まだ発行していません。", en: "No address issued yet.")
        static let calendarCreate = LocalizedText(ja: "カレンダー用アドレスを発行する", en: "Issue a calendar address")
        static let calendarRenew = LocalizedText(ja: "アドレスを発行し直す", en: "Issue a new address")
        static let calendarRevoke = LocalizedText(ja: "配信を止める", en: "Stop the feed")
        static let calendarCreatedFlash = LocalizedText(ja: "カレンダー用アドレスを発行しました。", en: "A calendar address was issued.")
        static let calendarCreated = LocalizedText(ja: "このアドレスは今だけ表示されます。知っている人は期限の一覧を見られるので、共有する相手に注意してください。",
                                                   en: "The address is shown only now. Anyone with it can read the list of deadlines, so share it with care.")
        static let calendarRevoked = LocalizedText(ja: "カレンダーへの配信を止めました。", en: "The calendar feed was stopped.")
        static let calendarLinkLabel = LocalizedText(ja: "カレンダー用アドレス（今だけ表示）", en: "Calendar address (shown only now)")
        static let calendarName = LocalizedText(ja: "インシデント対応の期限", en: "Incident deadlines")

        static func calendarSummary(recipient: LocalizedText, action: LocalizedText, incident: String) -> LocalizedText {
            LocalizedText(ja: "【期限】\(recipient.ja)・\(action.ja)（\(incident)）", en: "Due: \(recipient.en) — \(action.en) (\(incident))")
        }

        static func calendarDescription(required: Bool) -> LocalizedText {
            required
                ? LocalizedText(ja: "法令などで求められる報告・連絡です。済んだら Mamori のインシデント画面で記録してください。",
                                en: "Required by law or rule. Once done, record it on the incident page in Mamori.")
                : LocalizedText(ja: "推奨される連絡です。済んだら Mamori のインシデント画面で記録してください。",
                                en: "Recommended. Once done, record it on the incident page in Mamori.")
        }

        // Webhooks
        static let webhooksTitle = LocalizedText(ja: "Webhook（社内のシステムやチャットへ通知）", en: "Webhooks (to your own systems or chat)")
        static let webhooksLead = LocalizedText(
            ja: "次のときに、登録したアドレスへ JSON を POST で送ります：インシデントの登録、期限の2日前から当日まで、期限切れ、タイムラインの検証失敗。送信に失敗したときは、1分後・5分後・30分後・2時間後・12時間後に再送します。",
            en: "Mamori POSTs JSON to the address when an incident is opened, when a duty is due within two days, when it is overdue, and when a timeline fails verification. A failed delivery is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours.")
        static let signatureHelp = LocalizedText(
            ja: "受け取る側の確認方法：X-Mamori-Timestamp の値と「.」と本文をつなげた文字列に、秘密鍵で HMAC-SHA256 を計算し、X-Mamori-Signature の「sha256=」以降と一致することを確かめてください。古すぎる時刻のものは受け付けないようにすると、再送攻撃を防げます。",
            en: "To verify on the receiving side: compute HMAC-SHA256 with the secret over the X-Mamori-Timestamp value, a \".\", and the body, and compare it with X-Mamori-Signature after \"sha256=\". Refusing old timestamps protects against replays.")
        static let webhookURL = LocalizedText(ja: "送信先アドレス（https://…）", en: "Address (https://…)")
        static let webhookURLHint = LocalizedText(ja: "https で始まる、インターネットから届くアドレス。社内ネットワークのアドレスには送れません。",
                                                  en: "An https address reachable from the internet. Addresses inside a private network are refused.")
        static let webhookAdd = LocalizedText(ja: "Webhook を追加", en: "Add webhook")
        static let webhookAddedFlash = LocalizedText(ja: "Webhook を追加しました。", en: "Webhook added.")
        static let webhookAdded = LocalizedText(ja: "秘密鍵は今だけ表示されます。受け取る側に設定してください。",
                                                en: "The secret is shown only now: set it up on the receiving side.")
        static let webhookSecretLabel = LocalizedText(ja: "秘密鍵（今だけ表示）", en: "Secret (shown only now)")
        static let webhookRemove = LocalizedText(ja: "削除", en: "Remove")
        static let webhookRemoved = LocalizedText(ja: "Webhook を削除しました。", en: "Webhook removed.")
        static let webhookTest = LocalizedText(ja: "テスト送信", en: "Send a test")
        static let webhookTestQueued = LocalizedText(ja: "テストの送信を予約しました。1分ほどで下の送信記録に結果が出ます。",
                                                     en: "A test was queued. Its result appears in the delivery log below within about a minute.")
        static let webhooksNone = LocalizedText(ja: "まだ登録されていません。", en: "No webhooks yet.")
        static let addedBy = LocalizedText(ja: "登録者", en: "Added by")

        // Delivery log
        static let deliveriesTitle = LocalizedText(ja: "送信記録", en: "Delivery log")
        static let deliveriesNone = LocalizedText(ja: "まだ送信はありません。", en: "Nothing sent yet.")
        static let columnWhen = LocalizedText(ja: "発生", en: "Queued")
        static let columnEvent = LocalizedText(ja: "内容", en: "Event")
        static let columnStatus = LocalizedText(ja: "状態", en: "Status")
        static let columnAttempts = LocalizedText(ja: "試行", en: "Attempts")
        static let columnResult = LocalizedText(ja: "最後の結果", en: "Last result")

        static let columnWebhook = LocalizedText(ja: "送信先", en: "Sent to")
        static let technicalDetail = LocalizedText(ja: "技術的な詳細", en: "Technical detail")

        static func status(_ status: WebhookDelivery.Status, attempts: Int) -> LocalizedText {
            switch status {
            case .pending where attempts > 0: LocalizedText(ja: "再送待ち（\(attempts)回失敗）", en: "Will retry (\(attempts) failed)")
            case .pending: LocalizedText(ja: "送信待ち", en: "Pending")
            case .delivered: LocalizedText(ja: "送信済み", en: "Delivered")
            case .failed: LocalizedText(ja: "失敗（再送終了）", en: "Failed (no more retries)")
            }
        }

        static func eventName(_ event: String) -> LocalizedText {
            switch ReminderEvent(rawValue: event) {
            case .incidentOpened: LocalizedText(ja: "インシデントの登録", en: "Incident opened")
            case .dutyDueSoon: LocalizedText(ja: "期限が近い", en: "Duty due soon")
            case .dutyOverdue: LocalizedText(ja: "期限切れ", en: "Duty overdue")
            case .timelineVerificationFailed: LocalizedText(ja: "タイムラインの検証失敗", en: "Timeline verification failed")
            case .ping: LocalizedText(ja: "テスト", en: "Test")
            case nil: LocalizedText(ja: event, en: event)
            }
        }

        /// What a failed attempt means for the owner; the exact error stays under "technical detail".
        static func failure(_ raw: String) -> LocalizedText {
            let text = raw.lowercased()
            if text.hasPrefix("refused:") {
                return LocalizedText(ja: "宛先が社内ネットワークのアドレスを指しているため、送信しませんでした。", en: "Not sent: the address points into a private network.")
            }
            if text.contains("unknownhost") || text.contains("name or service not known") || text.contains("dns") {
                return LocalizedText(ja: "宛先のドメイン名が見つかりませんでした。アドレスを確かめてください。", en: "The address's host name was not found. Check the address.")
            }
            if text.contains("timeout") || text.contains("timed out") || text.contains("deadline") {
                return LocalizedText(ja: "時間内に応答がありませんでした。", en: "The receiver did not answer in time.")
            }
            if text.contains("connect") || text.contains("refused") || text.contains("reset") {
                return LocalizedText(ja: "宛先に接続できませんでした。", en: "Could not connect to the receiver.")
            }
            if text.contains("tls") || text.contains("ssl") || text.contains("certificate") {
                return LocalizedText(ja: "暗号化通信（TLS）の確認に失敗しました。証明書を確かめてください。", en: "The TLS connection failed. Check the receiver's certificate.")
            }
            return LocalizedText(ja: "送信できませんでした。", en: "The delivery failed.")
        }

        static func nextAttempt(_ when: String) -> LocalizedText {
            LocalizedText(ja: "次の再送：\(when)", en: "Next try: \(when)")
        }

        // Payload texts (both languages travel in every delivery)
        static let pingText = LocalizedText(ja: "Mamori からのテスト送信です。", en: "A test delivery from Mamori.")

        static func openedText(kind: IncidentKind, title: String) -> LocalizedText {
            LocalizedText(ja: "インシデントが登録されました：\(L.Incident.incidentKind(kind).ja)「\(title)」", en: "An incident was opened: \(L.Incident.incidentKind(kind).en), \"\(title)\"")
        }

        static func dutyText(_ event: ReminderEvent, duty: NotificationDuties.Duty, due: Day, incident: String) -> LocalizedText {
            let who = L.Incident.recipient(duty.recipient), what = L.Incident.dutyAction(duty.action)
            if event == .dutyOverdue {
                return LocalizedText(ja: "期限切れ：\(who.ja)への\(what.ja)（期限 \(due)、「\(incident)」）",
                                     en: "Overdue: \(what.en) to \(who.en) (due \(due), \"\(incident)\")")
            }
            return LocalizedText(ja: "期限が近づいています：\(who.ja)への\(what.ja)（期限 \(due)、「\(incident)」）",
                                 en: "Due soon: \(what.en) to \(who.en) (due \(due), \"\(incident)\")")
        }

        static func verificationFailedText(sequence: Int, incident: String) -> LocalizedText {
            LocalizedText(ja: "タイムラインの検証に失敗しました：「\(incident)」の記録 \(sequence) 番以降が改ざん・破損している可能性があります。",
                          en: "Timeline verification failed: entries of \"\(incident)\" from number \(sequence) on may have been altered or damaged.")
        }

        static func targetProblem(_ problem: WebhookTarget.Problem) -> LocalizedText {
            switch problem {
            case .empty: LocalizedText(ja: "アドレスを入力してください。", en: "Enter an address.")
            case .tooLong: LocalizedText(ja: "アドレスが長すぎます（\(WebhookTarget.maximumLength)文字まで）。", en: "The address is too long (at most \(WebhookTarget.maximumLength) characters).")
            case .notAURL: LocalizedText(ja: "https:// で始まるアドレスを入力してください。", en: "Enter an address starting with https://.")
            case .notHTTPS: LocalizedText(ja: "暗号化されない http:// には送れません。https:// のアドレスにしてください。", en: "Plain http:// is not encrypted. Use an https:// address.")
            case .credentialsInURL: LocalizedText(ja: "アドレスにユーザー名やパスワードを含めないでください。受け取る側では署名で確認します。",
                                                  en: "Leave user names and passwords out of the address; the receiver checks the signature instead.")
            case .privateAddress: LocalizedText(ja: "社内ネットワークやこのサーバー自身のアドレスには送れません。インターネットから届くアドレスにしてください。",
                                                en: "Addresses inside a private network or of this server are refused. Use an address reachable from the internet.")
            }
        }
    }
}
