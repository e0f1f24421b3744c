import Foundation
import MamoriCore

/// Audit summaries in both languages: what changed, named the way the pages name it, never
/// a stored key. Kept here so each service says what happened in one call.
extension L {
    enum Audit {
        /// "Information security basic policy, version 2" / a related rule's chapter title.
        static func document(_ storageKey: String, version: Int) -> LocalizedText {
            let title: LocalizedText
            switch PolicyDocumentKind(storageKey: storageKey) {
            case .basicPolicy: title = L.Policy.title
            case .rule(let chapter): title = PolicyContent.bundled.chapter(chapter)?.title ?? LocalizedText(ja: chapter, en: chapter)
            case nil: title = LocalizedText(ja: storageKey, en: storageKey)
            }
            return LocalizedText(ja: "\(title.ja) 第\(version)版", en: "\(title.en), version \(version)")
        }

        static func documentSections(_ storageKey: String, version: Int, before: Int, after: Int) -> LocalizedText {
            let document = document(storageKey, version: version)
            return LocalizedText(ja: "\(document.ja)：\(before)節 → \(after)節", en: "\(document.en): \(before) → \(after) sections")
        }

        static func published(version: Int, slug: String) -> LocalizedText {
            LocalizedText(ja: "第\(version)版を /p/\(slug) で公開", en: "Version \(version) published at /p/\(slug)")
        }

        static func rulesChecked(_ statuses: [(chapter: String, status: RuleCheckStatus)]) -> LocalizedText {
            let parts = statuses.map { item -> LocalizedText in
                let title = PolicyContent.bundled.chapter(item.chapter)?.title ?? LocalizedText(ja: item.chapter, en: item.chapter)
                let status = L.Rules.statusName(item.status)
                return LocalizedText(ja: "\(title.ja)：\(status.ja)", en: "\(title.en): \(status.en)")
            }
            return LocalizedText(ja: parts.map(\.ja).joined(separator: "、"), en: parts.map(\.en).joined(separator: "; "))
        }

        static func riskRated(asset: String, threat: String, importance: Int, likelihood: Int, value: Int, band: RiskRules.Band) -> LocalizedText {
            let name = RiskCatalog.name(threat), level = L.Risk.bandName(band)
            return LocalizedText(ja: "\(asset) / \(name.ja)：\(importance)×\(likelihood) = \(value)（\(level.ja)）",
                                 en: "\(asset) / \(name.en): \(importance)×\(likelihood) = \(value) (\(level.en))")
        }

        static func riskTreated(threat: String, treatment: RiskTreatment?) -> LocalizedText {
            let name = RiskCatalog.name(threat)
            let decided = treatment.map(L.Risk.treatmentName) ?? LocalizedText(ja: "未決定", en: "not decided")
            return LocalizedText(ja: "\(name.ja)：\(decided.ja)", en: "\(name.en): \(decided.en)")
        }

        static func assetsImported(_ count: Int) -> LocalizedText {
            LocalizedText(ja: "\(count)件の資産を取り込み", en: "\(count) assets imported")
        }

        static func languageChanged(from: String, to: AppLocale) -> LocalizedText {
            func ja(_ raw: String) -> String { raw == "en" ? "英語" : "日本語" }
            func en(_ raw: String) -> String { raw == "en" ? "English" : "Japanese" }
            return LocalizedText(ja: "表示言語：\(ja(from)) → \(ja(to.rawValue))", en: "Language: \(en(from)) → \(en(to.rawValue))")
        }

        static func nameChanged(from: String, to: String) -> LocalizedText {
            LocalizedText(ja: "表示名：\(from) → \(to)", en: "Display name: \(from) → \(to)")
        }

        static func teleworkSelfCheck(yes: Int, partly: Int, no: Int) -> LocalizedText {
            LocalizedText(ja: "はい \(yes)、一部 \(partly)、いいえ \(no)", en: "yes \(yes), partly \(partly), no \(no)")
        }

        static func teleworkChecklist(done: Int, of total: Int) -> LocalizedText {
            LocalizedText(ja: "\(total)項目中 \(done)項目を実施済み", en: "\(done) of \(total) in place")
        }

        static func planProposed(_ count: Int) -> LocalizedText {
            LocalizedText(ja: "課題から\(count)項目を追加", en: "\(count) items added from the gaps")
        }

        static func planItem(priority: Int, status: PlanRules.Status, progress: Int) -> LocalizedText {
            let name = L.Plan.statusName(status)
            return LocalizedText(ja: "優先度\(priority)：\(name.ja) \(progress)%", en: "Priority \(priority): \(name.en), \(progress)%")
        }

        static func planMoved(up: Bool, to priority: Int) -> LocalizedText {
            LocalizedText(ja: "優先度を\(up ? "上げて" : "下げて")\(priority)番目に", en: "moved \(up ? "up" : "down") to priority \(priority)")
        }

        static let planAgreed = LocalizedText(ja: "計画に合意", en: "Plan agreed")
        static let calendarRenewed = LocalizedText(ja: "カレンダーの購読アドレスを再発行（以前のアドレスは無効）",
                                                   en: "New calendar feed address; the previous one is revoked")

        static func programApplied(fiscalYear: Int, termsVersion: Int) -> LocalizedText {
            LocalizedText(ja: "\(fiscalYear)年度、参加規約 第\(termsVersion)版に同意", en: "FY\(fiscalYear), agreed to terms version \(termsVersion)")
        }

        static func visitScheduled(number: Int, when: Date, mode: LocalizedText) -> LocalizedText {
            LocalizedText(ja: "第\(number)回 \(DateText.dateTime(when, .ja)) \(mode.ja)", en: "Visit \(number), \(DateText.dateTime(when, .en)), \(mode.en)")
        }

        static func visitRecorded(number: Int, minutes: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)回 \(minutes)分", en: "Visit \(number), \(minutes) min")
        }

        static func expertRegistered(name: String, number: String, prefecture: Prefecture) -> LocalizedText {
            LocalizedText(ja: "\(name) \(number) \(prefecture.name.ja)", en: "\(name) \(number) \(prefecture.name.en)")
        }

        /// "Report to the Personal Information Protection Commission (nine items), version 2".
        static func reportVersion(_ kind: String, number: Int) -> LocalizedText {
            let title = IncidentReport(rawValue: kind)?.title ?? LocalizedText(ja: kind, en: kind)
            return LocalizedText(ja: "\(title.ja) 第\(number)版", en: "\(title.en), version \(number)")
        }

        static func reportSubmitted(_ kind: String, number: Int, sha256: String) -> LocalizedText {
            let version = reportVersion(kind, number: number)
            return LocalizedText(ja: "\(version.ja)を提出済みとして確定 SHA-256 \(sha256)", en: "\(version.en), marked as submitted; SHA-256 \(sha256)")
        }
    }
}

extension L.Audit {
    static func webhookAdded(host: String) -> LocalizedText { LocalizedText(ja: "Webhook を追加（\(host)）", en: "Webhook added (\(host))") }
    static func webhookRemoved(host: String) -> LocalizedText { LocalizedText(ja: "Webhook を削除（\(host)）", en: "Webhook removed (\(host))") }
    static let dutyCalendarRenewed = LocalizedText(ja: "期限カレンダーのアドレスを発行（以前のアドレスは無効）", en: "Deadline calendar address issued (any earlier one stops working)")
    static let dutyCalendarRevoked = LocalizedText(ja: "期限カレンダーの配信を停止", en: "Deadline calendar feed stopped")
}
