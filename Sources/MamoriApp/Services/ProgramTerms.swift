import Foundation
import MamoriCore

/// The participation terms a new fiscal year starts with, in Japanese and English; the office
/// edits both per year and every edit becomes a new version that keeps both.
enum ProgramTerms {
    /// Each text at most this many characters (the office's form and the API refuse more).
    static let maximumLength = 20_000

    static let defaultJa = """
    1. 本事業の指導は無償です。登録セキスペ（情報処理安全確保支援士）が1社あたり4回、1回2時間程度、訪問またはオンラインで指導します。
    2. 応募できるのは、中小企業（業種ごとの資本金または従業員数の基準による）で、SECURITY ACTION の一つ星以上を宣言し、情報セキュリティ基本方針と関連規程をまだ持たず、前年度の本事業に参加していない企業です。法人格のない任意団体と、公序良俗に反する事業は対象になりません。
    3. 指導を通じて、情報セキュリティ基本方針と関連規程の点検結果、5分でできる自社診断の結果、約1年で取り組む対策の計画（テレワークの対策を含む）、SECURITY ACTION 二つ星の宣言を成果物として作成します。
    4. 参加企業は、指導日程の調整と指導への出席に協力し、最後の指導の後にアンケートに回答します。
    5. 指導で知り得た参加企業の情報は、専門家と事務局が本事業の実施と統計のためだけに使います。統計は個社が特定できない形で公表します。
    6. 応募が定員を超えた場合、受付を締め切ることや、定員を超えた応募を取り消すことがあります。三大都市圏以外の企業の参加を特に歓迎します。
    """

    static let defaultEn = """
    1. The guidance is free of charge. A registered security specialist (Registered Information Security Specialist) visits each company four times, about two hours each, on site or online.
    2. You may apply if your business is a small or medium enterprise (by the capital or employee limits of its industry), has made the SECURITY ACTION declaration of one star or more, does not yet have an information security basic policy and related rules, and did not take part in the program in the previous fiscal year. Groups without legal personality and businesses contrary to public order cannot take part.
    3. Together you produce the basic policy with the check results of the related rules, the result of the five-minute self-diagnosis, a plan of measures to carry out in about a year (telework measures included), and the SECURITY ACTION two-star declaration.
    4. The company helps schedule the visits, attends them, and answers a survey after the last one.
    5. The expert and the program office use what they learn about the company only to run the program and for statistics. Published figures never identify a company.
    6. When applications exceed the places, applications may close early and those beyond the places may be cancelled. Companies outside the three metropolitan areas are especially welcome.
    """

    /// The text for a reader: English on English pages when there is English, Japanese otherwise.
    static func text(ja: String, en: String, locale: AppLocale) -> String {
        locale == .en && !en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? en : ja
    }

    /// Whether an English reader gets the Japanese text (an old version without English).
    static func fallsBackToJapanese(en: String, locale: AppLocale) -> Bool {
        locale == .en && en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
