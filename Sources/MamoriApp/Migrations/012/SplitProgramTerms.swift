import Fluent
import SQLKit

/// The participation terms get a Japanese and an English text. The existing columns
/// (`program_settings.terms_text`, `program_terms.text`) keep the Japanese; `terms_text_en` and
/// `text_en` are added. Existing rows: the combined default that Mamori shipped before (Japanese,
/// then "(English) …") is split into its two parts; any other text is copied into both columns,
/// so nothing is lost and the office can write the English afterwards.
/// Plain UPDATE statements through SQLKit, which SQLite and PostgreSQL both accept.
struct SplitProgramTerms: AsyncMigration {
    var name: String { "012_SplitProgramTerms" }

    func prepare(on database: any Database) async throws {
        // One column per statement, as SQLite alters one column at a time.
        try await database.schema(ProgramSettings.schema)
            .field(.definition(name: .key(.string("terms_text_en")), dataType: .string, constraints: [.required, .sql(.default(""))]))
            .update()
        try await database.schema(ProgramTermsVersion.schema)
            .field(.definition(name: .key(.string("text_en")), dataType: .string, constraints: [.required, .sql(.default(""))]))
            .update()
        try await Self.splitExistingTexts(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProgramTermsVersion.schema).deleteField("text_en").update()
        try await database.schema(ProgramSettings.schema).deleteField("terms_text_en").update()
    }

    /// Fills the English column of every row that has none yet (see the type's comment).
    static func splitExistingTexts(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (table, japanese, english) in [(ProgramSettings.schema, "terms_text", "terms_text_en"), (ProgramTermsVersion.schema, "text", "text_en")] {
            try await sql.update(table)
                .set(japanese, to: legacyDefaultJa)
                .set(english, to: legacyDefaultEn)
                .where(japanese, .equal, legacyDefault)
                .where(english, .equal, "")
                .run()
            try await sql.update(table)
                .set(english, to: SQLColumn(japanese))
                .where(english, .equal, "")
                .run()
        }
    }

    /// The Japanese part of the combined default (its five points, as they were).
    static let legacyDefaultJa = """
    1. 本事業の指導は無償です。専門家（登録セキスペ）が1社あたり4回、1回2時間程度、訪問またはオンラインで指導します。
    2. 指導では、情報セキュリティ基本方針と関連規程、自社診断の結果、約1年で実施する対策計画、SECURITY ACTION 二つ星の宣言を成果物として作成します。
    3. 参加企業は、指導日程の調整と指導への出席に協力し、最後の指導の後にアンケートに回答します。
    4. 指導で知り得た参加企業の情報は、専門家と事務局が本事業の実施と統計のためだけに使い、統計は個社が特定できない形で公表します。
    5. 応募が定員を超えた場合、受付を締め切ることがあります。三大都市圏以外の企業の参加を歓迎します。
    """

    /// The English part of the combined default, the same words, one point per line.
    static let legacyDefaultEn = """
    1. The guidance is free: a registered security specialist visits four times, about two hours each, on site or online.
    2. Together you produce the basic policy and related rules, the self-diagnosis result, a plan of measures for about a year, and the SECURITY ACTION two-star declaration.
    3. The company helps schedule and attends the visits, and answers a survey after the last one.
    4. The expert and the program office use what they learn only to run the program and for statistics; published figures never identify a company.
    5. Applications may close early when the places are filled; companies outside the three metropolitan areas are especially welcome.
    """

    /// The combined text Mamori stored as the default before this migration, character for character.
    static let legacyDefault = legacyDefaultJa + "\n\n(English) " + [
        "1. The guidance is free: a registered security specialist visits four times, about two hours each, on site or online.",
        "2. Together you produce the basic policy and related rules, the self-diagnosis result, a plan of measures for about a year, and the SECURITY ACTION two-star declaration.",
        "3. The company helps schedule and attends the visits, and answers a survey after the last one.",
        "4. The expert and the program office use what they learn only to run the program and for statistics; published figures never identify a company.",
        "5. Applications may close early when the places are filled; companies outside the three metropolitan areas are especially welcome.",
    ].joined(separator: " ")
}
