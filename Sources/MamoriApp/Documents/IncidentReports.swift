import Foundation
import MamoriCore

/// Report drafts filled from an incident record. People edit them before printing or
/// downloading as Word; nothing is sent anywhere by Mamori.
enum IncidentReport: String, CaseIterable, Sendable {
    case management
    case ppc
    case ipa
    case notice

    var title: LocalizedText {
        switch self {
        case .management: LocalizedText(ja: "経営者向け報告書", en: "Report for management")
        case .ppc: LocalizedText(ja: "個人情報保護委員会への報告（9項目）", en: "Report to the Personal Information Protection Commission (nine items)")
        case .ipa: LocalizedText(ja: "IPA への届出（ウイルス・不正アクセス）", en: "Report to IPA (virus or unauthorized access)")
        case .notice: LocalizedText(ja: "本人への通知・公表文", en: "Notice to the persons and public announcement")
        }
    }

    /// Which reports make sense for an incident.
    static func available(for incident: Incident) -> [IncidentReport] {
        var reports: [IncidentReport] = [.management]
        if NotificationDuties.compute(incident.facts).reportableToPPC { reports.append(.ppc) }
        if NotificationDuties.reportableToIPA(incident.facts) { reports.append(.ipa) }
        if incident.personalDataInvolved || incident.publicImpact { reports.append(.notice) }
        return reports
    }

    struct Section: Sendable {
        let heading: String
        let text: String
        /// What to write here, shown in the empty field but never printed.
        var placeholder: String? = nil
    }

    struct Input {
        let incident: Incident
        let organization: Organization
        let timeline: [TimelineEntry]
        let duties: [IncidentService.DutyStatus]
        let measures: [IncidentMeasure]
        let evidenceCount: Int
        let locale: AppLocale
    }

    func draft(_ input: Input) -> [Section] {
        let incident = input.incident
        let locale = input.locale
        let t: (LocalizedText) -> String = { $0(locale) }
        let when = DateText.officialDateTime(incident.detectedAt, locale)
        let occurred = incident.occurredAt.map { DateText.officialDateTime($0, locale) } ?? t(LocalizedText(ja: "不明（調査中）", en: "Unknown (under investigation)"))
        let kind = t(L.Incident.incidentKind(incident.kind))
        let measures = input.measures.map { t(L.Common.bullet) + $0.text }.joined(separator: "\n")
        let timeline = input.timeline.map { "\(DateText.officialDateTime($0.occurredAt, locale)) \(t(L.Incident.timelineText($0)))" }.joined(separator: "\n")
        // A title that only repeats the kind (the new-incident form suggests it) is not said twice.
        let titleIsKind = [L.Incident.incidentKind(incident.kind).ja, L.Incident.incidentKind(incident.kind).en].contains(incident.title)
        let overview = titleIsKind
            ? t(LocalizedText(ja: "\(when)、\(kind)が発覚しました。", en: "On \(when), an incident was discovered: \(kind)."))
            : t(LocalizedText(ja: "\(when)、\(kind)（\(incident.title)）が発覚しました。", en: "On \(when), an incident was discovered: \(kind), \(incident.title)."))
            + (incident.observedImpact.isEmpty ? "" : "\n" + incident.observedImpact)
        // Nothing recorded yet: the section is left empty for the person to write in (a dash
        // would have to be deleted first, and would be printed), with a hint in the field.
        let notRecorded = t(LocalizedText(ja: "まだ記録されていません。ここに書くか、インシデントの記録に入力すると次の下書きから入ります。",
                                          en: "Not recorded yet. Write it here, or enter it in the incident record to have it in the next draft."))
        func section(_ ja: String, _ en: String, _ text: String) -> Section {
            Section(heading: locale == .ja ? ja : en, text: text, placeholder: text.isEmpty ? notRecorded : nil)
        }

        switch self {
        case .management:
            let duties = input.duties.map { status in
                let due = status.duty.due.map { " " + t(L.Incident.dueBy) + t(L.Common.colon) + DateText.officialCalendarDate($0.day.description, locale) } ?? ""
                let done = status.done.map { " → " + t(L.Incident.doneRecord(DateText.officialCalendarDate($0.doneOn, locale), $0.doneBy)) } ?? (status.overdue ? " → " + t(L.Incident.overdue) : "")
                return t(L.Common.bullet) + t(L.Incident.recipient(status.duty.recipient)) + " " + t(L.Incident.dutyAction(status.duty.action)) + due + done
            }.joined(separator: "\n")
            return [
                section("1. 状況", "1. Status", "\(input.organization.name)\n\(kind) / \(t(L.Incident.severity(incident.severity))) / "
                        + t(incident.status == .open ? L.Incident.statusOpen : L.Incident.statusClosed) + " / " + t(L.Incident.currentStep) + " \(incident.currentStep)"),
                section("2. 概要", "2. Overview", overview),
                section("3. 発覚・発生の日時", "3. When it was noticed and happened", "\(when)\n\(occurred)"),
                section("4. 対応体制", "4. Response team", [incident.responsibleName, incident.responsibleDepartment, incident.teamMembers].filter { !$0.isEmpty }.joined(separator: "\n")),
                section("5. 経緯", "5. Timeline", timeline),
                section("6. 判断事項（対応方針）", "6. Decisions (response policy)", incident.responsePolicy),
                section("7. 報告・連絡の状況", "7. Notifications", duties),
                section("8. 推定される原因と影響を受けた機器・サービス", "8. Suspected cause and affected systems", [incident.suspectedCause, incident.affectedAssets].filter { !$0.isEmpty }.joined(separator: "\n")),
                section("9. 再発防止策", "9. Recurrence prevention", measures),
                Section(heading: locale == .ja ? "10. 費用（見込み・実績）" : "10. Costs (expected and actual)", text: "",
                        placeholder: t(LocalizedText(ja: "調査・復旧・外部委託・見舞金などの費用", en: "Costs of investigation, recovery, outside help, compensation…"))),
            ]
        case .ppc:
            let reasons = NotificationDuties.reportableReasons(incident.facts).map { reason -> String in
                switch reason {
                case .specialCare: t(LocalizedText(ja: "要配慮個人情報を含む", en: "includes special-care personal information"))
                case .financialDamage: t(LocalizedText(ja: "財産的被害が生じるおそれ", en: "risk of financial damage"))
                case .wrongfulIntent: t(LocalizedText(ja: "不正の目的によるおそれ", en: "possibly wrongful intent"))
                case .over1000Persons: t(LocalizedText(ja: "1,000人を超える", en: "more than 1,000 persons"))
                }
            }.joined(separator: t(L.Common.listSeparator))
            let persons = input.duties.first { $0.duty.recipient == .affectedPersons }?.done
            let organization = input.organization
            let reporter = [
                t(LocalizedText(ja: "名称：", en: "Name: ")) + organization.name,
                t(LocalizedText(ja: "住所：", en: "Address: ")) + (organization.address ?? ""),
                t(LocalizedText(ja: "代表者：", en: "Representative: ")) + (organization.representative ?? ""),
                t(LocalizedText(ja: "連絡先：", en: "Contact: ")) + (organization.incidentContact ?? ""),
            ].joined(separator: "\n")
            let missing = organization.address == nil || organization.representative == nil || organization.incidentContact == nil
            return [
                Section(heading: t(LocalizedText(ja: "報告者（個人情報取扱事業者）", en: "Reporter (the business handling the personal data)")), text: reporter,
                        placeholder: missing ? t(LocalizedText(ja: "住所・代表者・連絡先は「組織の情報」で登録すると自動で入ります", en: "Enter the address, representative and contact under “Organization details” to fill these in")) : nil),
                section("① 概要", "① Overview", overview + "\n" + t(LocalizedText(ja: "報告対象となる事由：", en: "Why it is reportable: ")) + reasons),
                section("② 漏えい等が発生し、又は発生したおそれがある個人データの項目", "② Items of personal data concerned", incident.leakedItems),
                section("③ 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数", "③ Number of persons concerned",
                        t(LocalizedText(ja: "\(incident.persons.formatted())人", en: "\(incident.persons.formatted()) persons"))),
                section("④ 原因", "④ Cause", incident.suspectedCause),
                section("⑤ 二次被害又はそのおそれの有無及びその内容", "⑤ Secondary damage or its risk", incident.secondaryDamage),
                section("⑥ 本人への対応の実施状況", "⑥ Response to the persons", persons.map { t(L.Incident.doneRecord(DateText.officialCalendarDate($0.doneOn, locale), $0.doneBy)) } ?? t(LocalizedText(ja: "未実施（通知の方法と時期を検討中）", en: "Not yet done (deciding how and when to notify)"))),
                section("⑦ 公表の実施状況", "⑦ Publication", incident.publicImpact ? t(LocalizedText(ja: "公表を予定", en: "Planned")) : t(LocalizedText(ja: "未定", en: "Not decided"))),
                section("⑧ 再発防止のための措置", "⑧ Recurrence prevention", measures),
                section("⑨ その他参考となる事項", "⑨ Other", t(LocalizedText(ja: "発覚日時：\(when)、発生日時：\(occurred)、保全した証拠：\(input.evidenceCount)件", en: "Discovered: \(when); happened: \(occurred); evidence kept: \(input.evidenceCount) files"))),
            ]
        case .ipa:
            if incident.kind == .unauthorizedAccess {
                return [
                    section("発見日", "Date discovered", when),
                    section("被害を受けたシステムとその設置場所", "Affected system and where it runs", incident.affectedAssets),
                    section("発見の経緯", "How it was discovered", incident.categoryNote),
                    section("侵入経路（推定）", "Route (suspected)", incident.suspectedCause),
                    section("被害の内容", "Damage", incident.observedImpact),
                ]
            }
            return [
                section("ウイルス名または症状", "Virus name or symptoms", incident.categoryNote.isEmpty ? incident.observedImpact : incident.categoryNote),
                section("発見日と台数", "Date discovered and number of devices", when),
                section("感染した機器（OS、インターネット接続の有無）", "Devices (OS, Internet connection)", incident.affectedAssets),
                section("発見の経緯", "How it was found", incident.securityTools),
                section("感染経路（推定）", "Infection route (suspected)", incident.suspectedCause),
                section("被害の内容", "Damage", incident.observedImpact),
            ]
        case .notice:
            return [
                section("件名", "Subject", t(LocalizedText(ja: "個人情報の漏えい等に関するお知らせとお詫び", en: "Notice and apology concerning personal data"))),
                section("概要", "What happened", overview),
                section("対象となる情報の項目", "The information concerned", incident.leakedItems),
                section("原因", "Cause", incident.suspectedCause),
                section("二次被害のおそれと、お願い", "Possible secondary damage and what we ask of you",
                        t(LocalizedText(ja: "不審な連絡やメールにご注意ください。当社から暗証番号やパスワードをお尋ねすることはありません。", en: "Please beware of suspicious calls and e-mails. We will never ask for your PIN or password."))),
                section("当社の対応と再発防止策", "What we are doing", measures.isEmpty ? incident.responsePolicy : measures),
                Section(heading: locale == .ja ? "お問い合わせ窓口" : "Inquiries",
                        text: [input.organization.name, input.organization.address ?? "", input.organization.incidentContact ?? ""].filter { !$0.isEmpty }.joined(separator: "\n"),
                        placeholder: t(LocalizedText(ja: "電話番号・受付時間・メールアドレス", en: "Phone number, hours and e-mail address"))),
            ]
        }
    }
}
