import MamoriCore

extension L {
    /// The basis of a notification duty, in plain words with the legal reference.
    static func basis(_ basis: NotificationDuties.Basis) -> LocalizedText {
        switch basis {
        case .appiPreliminary: LocalizedText(ja: "個人情報保護法第26条：漏えい等の発覚後、速やかに速報（実務上おおむね3〜5日以内）", en: "APPI Art. 26: a preliminary report promptly after becoming aware (in practice about 3–5 days)")
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

    static func dueComputation(_ due: NotificationDuties.DueDate, aware: Day) -> LocalizedText {
        let moved = due.moved
        return LocalizedText(
            ja: "発覚日（\(aware)）の翌日から数えて\(due.countedDays)日目は\(due.nominal)" + (moved ? "。行政機関の休日（土日・祝日・12月29日〜1月3日）のため翌開庁日の\(due.day)" : ""),
            en: "Day \(due.countedDays) counted from the day after awareness (\(aware)) is \(due.nominal)" + (moved ? "; it is an administrative holiday (weekend, national holiday or 29 Dec–3 Jan), so the next working day, \(due.day)" : ""))
    }
}
