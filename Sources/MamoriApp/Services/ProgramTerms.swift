/// The participation terms a new fiscal year starts with; the office edits them per year and
/// every edit becomes a new version.
enum ProgramTerms {
    static let defaultText = """
    1. 本事業の指導は無償です。専門家（登録セキスペ）が1社あたり4回、1回2時間程度、訪問またはオンラインで指導します。
    2. 指導では、情報セキュリティ基本方針と関連規程、自社診断の結果、約1年で実施する対策計画、SECURITY ACTION 二つ星の宣言を成果物として作成します。
    3. 参加企業は、指導日程の調整と指導への出席に協力し、最後の指導の後にアンケートに回答します。
    4. 指導で知り得た参加企業の情報は、専門家と事務局が本事業の実施と統計のためだけに使い、統計は個社が特定できない形で公表します。
    5. 応募が定員を超えた場合、受付を締め切ることがあります。三大都市圏以外の企業の参加を歓迎します。

    (English) 1. The guidance is free: a registered security specialist visits four times, about two hours each, on site or online. 2. Together you produce the basic policy and related rules, the self-diagnosis result, a plan of measures for about a year, and the SECURITY ACTION two-star declaration. 3. The company helps schedule and attends the visits, and answers a survey after the last one. 4. The expert and the program office use what they learn only to run the program and for statistics; published figures never identify a company. 5. Applications may close early when the places are filled; companies outside the three metropolitan areas are especially welcome.
    """
}
