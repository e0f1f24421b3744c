import Foundation
import MamoriCore

/// Texts of the saved report versions (issue #12): the editor, the history, marking a version as
/// submitted, and the incident page's line per report.
extension L {
    enum Reports {
        static let lead = LocalizedText(
            ja: "記録から作った下書きを確認・修正し、「新しい版として保存」で Mamori に残してください。保存した版は変更されず、いつでも開き直せます。印刷や Word のダウンロードは、画面の内容からも、保存した版からもできます。",
            en: "Check and edit the draft made from the record, then keep it in Mamori with “Save as new version”. A saved version never changes and can be opened again at any time. You can print or download Word from what is on screen or from a saved version.")
        static func versionName(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版", en: "Version \(number)")
        }

        // What the editor shows
        static let showingDraft = LocalizedText(ja: "記録から作った下書きを表示しています（まだ保存していません）。",
                                                en: "Showing a draft made from the record (not saved yet).")
        static func showingVersion(_ number: Int, savedAt: String, by name: String) -> LocalizedText {
            LocalizedText(ja: "第\(number)版（\(savedAt)、\(name)さんが保存）を表示しています。",
                          en: "Showing version \(number), saved on \(savedAt) by \(name).")
        }
        static func newerExists(_ latest: Int) -> LocalizedText {
            LocalizedText(ja: "最新は第\(latest)版です。この版を編集して保存すると、この内容をもとに新しい版ができます。",
                          en: "The latest is version \(latest). Editing and saving this one makes a new version from its text.")
        }
        static let openLatest = LocalizedText(ja: "最新の版を開く", en: "Open the latest version")
        static let frozenNotice = LocalizedText(
            ja: "この版は提出済みとして確定しているため、変更できません。編集して保存すると、新しい版として残ります。",
            en: "This version is frozen as submitted and cannot change. If you edit and save, your text is kept as a new version.")
        static func writtenIn(_ locale: AppLocale) -> LocalizedText {
            locale == .en ? LocalizedText(ja: "英語で作成", en: "Written in English") : LocalizedText(ja: "日本語で作成", en: "Written in Japanese")
        }

        // Saving
        static let saveButton = LocalizedText(ja: "新しい版として保存", en: "Save as new version")
        static let saveHint = LocalizedText(ja: "保存するたびに新しい版ができます。前の版は消えません。",
                                            en: "Each save makes a new version; earlier versions stay.")
        static func saved(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版として保存しました。", en: "Saved as version \(number).")
        }
        static func unchanged(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版から変更がないため、新しい版は作りませんでした。",
                          en: "Nothing changed since version \(number), so no new version was made.")
        }
        static let tryAgain = LocalizedText(ja: "ほかの方が同時に保存しました。もう一度保存してください。",
                                            en: "Someone else saved at the same moment. Please save again.")
        static let printOnScreen = LocalizedText(ja: "画面の内容を印刷用に表示", en: "Printable view of what is on screen")
        static let wordOnScreen = LocalizedText(ja: "画面の内容を Word（.docx）でダウンロード", en: "Download what is on screen as Word (.docx)")

        // History
        static let historyTitle = LocalizedText(ja: "保存した版", en: "Saved versions")
        static let historyEmpty = LocalizedText(ja: "まだ保存した版はありません。", en: "No version has been saved yet.")
        static func historyBounded(_ shown: Int) -> LocalizedText {
            LocalizedText(ja: "新しい順に\(shown)件まで表示しています（それより前の版も保存されています）。",
                          en: "The \(shown) newest versions are shown; older ones are kept too.")
        }
        static let columnVersion = LocalizedText(ja: "版", en: "Version")
        static let columnSaved = LocalizedText(ja: "保存", en: "Saved")
        static let columnSubmitted = LocalizedText(ja: "提出", en: "Submitted")
        static let columnHash = LocalizedText(ja: "SHA-256", en: "SHA-256")
        static let columnActions = LocalizedText(ja: "操作", en: "Actions")
        static func savedBy(_ when: String, _ name: String) -> LocalizedText {
            LocalizedText(ja: "\(when)（\(name)）", en: "\(when) by \(name)")
        }
        static func submittedOn(_ when: String, _ name: String) -> LocalizedText {
            LocalizedText(ja: "提出済み：\(when)（\(name)）", en: "Submitted on \(when) by \(name)")
        }
        static let notSubmitted = LocalizedText(ja: "未提出", en: "Not submitted")
        static let openVersion = LocalizedText(ja: "開く", en: "Open")
        static let showing = LocalizedText(ja: "表示中", en: "Showing")
        static let printVersion = LocalizedText(ja: "印刷", en: "Print")
        static let wordVersion = LocalizedText(ja: "Word", en: "Word")
        static func openVersionLabel(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版を開く", en: "Open version \(number)")
        }
        static func printVersionLabel(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版を印刷用に表示", en: "Printable view of version \(number)")
        }
        static func wordVersionLabel(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版を Word でダウンロード", en: "Download version \(number) as Word")
        }

        // Submitting
        static let submitTitle = LocalizedText(ja: "この版を提出済みにする", en: "Mark this version as submitted")
        static let submitExplanation = LocalizedText(
            ja: "この版を実際に提出した（送った）ときに押してください。この版の内容から計算した SHA-256（文章の指紋のような値）を、インシデントの経緯に書き込みます。経緯は後からの書き換えを検知できるため、「何を送ったか」を後で証明できます。提出済みにした版は変更できません。",
            en: "Press this once you have actually submitted (sent) this version. Mamori writes the SHA-256 of this version's content — a fingerprint of the text — into the incident's timeline. The timeline detects any later change, so what was sent can be proven later. A version marked as submitted can no longer change.")
        static let submitUnsavedNote = LocalizedText(ja: "画面でまだ保存していない修正は含まれません。先に「新しい版として保存」してください。",
                                                     en: "Edits on screen that are not saved yet are not included; save them as a new version first.")
        static func submitButton(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版を提出済みにする", en: "Mark version \(number) as submitted")
        }
        static func submitted(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版を提出済みとして確定し、SHA-256 をインシデントの経緯に記録しました。",
                          en: "Version \(number) is frozen as submitted; its SHA-256 is recorded in the incident's timeline.")
        }
        static func alreadySubmitted(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "第\(number)版はすでに提出済みです。経緯への記録は1回だけです。",
                          en: "Version \(number) was already marked as submitted; the timeline records it once.")
        }
        static func submittedNotice(_ number: Int, when: String, by name: String) -> LocalizedText {
            LocalizedText(ja: "第\(number)版は\(when)に\(name)さんが提出済みとして確定しました。",
                          en: "Version \(number) was marked as submitted on \(when) by \(name).")
        }
        static let hashLabel = LocalizedText(ja: "この版の SHA-256", en: "SHA-256 of this version")
        static let contentMatches = LocalizedText(ja: "内容は保存したときの SHA-256 と一致しています。",
                                                  en: "The content matches the SHA-256 taken when it was saved.")
        static let contentAltered = LocalizedText(
            ja: "この版の内容が、保存したときの SHA-256 と一致しません。データベースで直接変更された可能性があります。提出済みにはできません。",
            en: "This version's content does not match the SHA-256 taken when it was saved; it may have been changed directly in the database. It cannot be marked as submitted.")

        // The incident page, one line per report
        static let notSavedYet = LocalizedText(ja: "まだ保存していません", en: "Not saved yet")
        static func latestSaved(_ number: Int, _ when: String) -> LocalizedText {
            LocalizedText(ja: "第\(number)版を保存（\(when)）", en: "Version \(number) saved (\(when))")
        }
        static func latestSubmitted(_ number: Int, _ when: String) -> LocalizedText {
            LocalizedText(ja: "第\(number)版を\(when)に提出済み", en: "Version \(number) submitted on \(when)")
        }

        // The audit log's action names
        static let auditSavedAction = LocalizedText(ja: "報告書の版の保存", en: "Report version saved")
        static let auditSubmittedAction = LocalizedText(ja: "報告書の提出済み確定", en: "Report marked as submitted")
    }
}
