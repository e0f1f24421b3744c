import MamoriCore

extension L.Program {
    static let homeAvailableEligibility = LocalizedText(ja: "専門家（登録セキスペ）による指導事業に応募できるか、条件を一つずつ確かめられます（登録不要）。", en: "Check, condition by condition, whether you can apply for guidance by a registered security specialist (no account needed).")
    static let navEligibility = LocalizedText(ja: "専門家派遣の応募資格", en: "Guidance eligibility")
    static let eligibilityTitle = LocalizedText(ja: "専門家による指導（派遣）に応募できるか確かめる", en: "Check whether you can apply for expert guidance")
    static let eligibilityLead = LocalizedText(ja: "登録セキスペ（情報処理安全確保支援士）が中小企業を4回（1回約2時間、訪問またはオンライン）訪ね、基本方針づくりや対策計画を一緒に進める事業の応募条件を確かめます。答えは保存されません。", en: "Registered security specialists visit a small business four times (about two hours each, on site or online) to help write its basic policy and plan its measures. Check the conditions to apply; nothing you enter is saved.")
    static let eligibilitySource = LocalizedText(ja: "条件の出典：IPA「中小企業の情報セキュリティマネジメント指導業務」募集要項（2020年度）。年度ごとに条件が変わることがあるため、応募の前に最新の募集要項を確認してください。", en: "Source of the conditions: IPA's call for the SME information security management guidance program (FY2020). Conditions can change each year: check the current call before applying.")
    static let mainIndustry = LocalizedText(ja: "主たる業種（団体・組合・財団法人・社団法人・NPO の場合）", en: "Main industry (for associations, unions, foundations and NPOs)")
    static let mainIndustryHint = LocalizedText(ja: "業種が「中小企業団体」「特別の法律による組合」「財団法人・社団法人」「特定非営利活動法人」の場合は、従業員数の基準になる主な業種を選んでください。それ以外の業種では空欄のままで構いません。", en: "If the category is an SME organization, a special-law union, a foundation or association, or an NPO, choose the main industry whose employee limit applies. Otherwise leave it empty.")
    static let legalForm = LocalizedText(ja: "事業の形態", en: "Legal form")
    static let legalFormCorporation = LocalizedText(ja: "法人（株式会社、医療法人、NPO法人など）", en: "A legal person (company, medical corporation, NPO corporation…)")
    static let legalFormSole = LocalizedText(ja: "個人事業主", en: "Sole proprietor")
    static let legalFormGroup = LocalizedText(ja: "法人格のない任意団体", en: "A group without legal personality")
    static let securityActionStarsQuestion = LocalizedText(ja: "SECURITY ACTION の宣言", en: "SECURITY ACTION declaration")
    static let hasPolicyQuestion = LocalizedText(ja: "情報セキュリティ基本方針や関連規程がすでにありますか", en: "Do you already have an information security basic policy or related rules?")
    static let previousYearQuestion = LocalizedText(ja: "前年度のこの事業に参加しましたか", en: "Did you take part in last year's program?")
    static let yes = LocalizedText(ja: "はい", en: "Yes")
    static let no = LocalizedText(ja: "いいえ", en: "No")
    static let eligibilityCheck = LocalizedText(ja: "確かめる", en: "Check")
    static let eligibleTitle = LocalizedText(ja: "応募できます", en: "You can apply")
    static let notEligibleTitle = LocalizedText(ja: "いまの条件では応募できません", en: "You cannot apply as things are")
    static func smeBasis(_ basis: ProgramEligibility.SMEBasis) -> LocalizedText {
        switch basis {
        case .capital: LocalizedText(ja: "資本金の基準で中小企業にあたります。", en: "You are an SME by the capital limit.")
        case .employees: LocalizedText(ja: "従業員数の基準で中小企業にあたります。", en: "You are an SME by the employee limit.")
        }
    }
    static func reason(_ reason: ProgramEligibility.Reason) -> LocalizedText {
        switch reason {
        case .notSME: LocalizedText(ja: "中小企業の定義（業種ごとの資本金または従業員数の上限）にあたりません。業種ごとの上限を下の表で確認してください。", en: "You are not an SME by the definition (the capital or employee limit of your industry). See the limits in the table below.")
        case .noSecurityAction: LocalizedText(ja: "SECURITY ACTION の一つ星以上を宣言している必要があります。「情報セキュリティ5か条」に取り組み、IPA のサイトで宣言してから応募してください。", en: "You need a SECURITY ACTION declaration of one star or more. Put the five basic measures in place and declare on IPA's site, then apply.")
        case .hasSecurityPolicy: LocalizedText(ja: "この事業は、まだ基本方針や関連規程がない企業が対象です。すでにある場合は対象外です。", en: "The program is for businesses that have no basic policy or related rules yet.")
        case .previousParticipant: LocalizedText(ja: "前年度にこの事業に参加した企業は応募できません。", en: "Businesses that took part in the previous year's program cannot apply.")
        case .noLegalPersonality: LocalizedText(ja: "法人格のない任意団体は応募できません（個人事業主は応募できます）。", en: "Groups without legal personality cannot apply (sole proprietors can).")
        }
    }
    static let conditionMet = LocalizedText(ja: "満たしています", en: "Met")
    static let conditionNotMet = LocalizedText(ja: "満たしていません", en: "Not met")
    /// Each application condition, as the call for applications states it.
    static func condition(_ reason: ProgramEligibility.Reason) -> LocalizedText {
        switch reason {
        case .notSME: LocalizedText(ja: "中小企業であること", en: "Being an SME")
        case .noSecurityAction: LocalizedText(ja: "SECURITY ACTION を宣言していること（一つ星以上）", en: "A SECURITY ACTION declaration (one star or more)")
        case .hasSecurityPolicy: LocalizedText(ja: "情報セキュリティ基本方針や関連規程がまだないこと", en: "No information security basic policy or related rules yet")
        case .previousParticipant: LocalizedText(ja: "前年度のこの事業に参加していないこと", en: "Not having taken part in last year's program")
        case .noLegalPersonality: LocalizedText(ja: "法人または個人事業主であること（法人格のない任意団体は対象外）", en: "Being a legal person or a sole proprietor (groups without legal personality are excluded)")
        }
    }
    /// Why a condition is met, from the answers given.
    static func conditionMetBecause(_ reason: ProgramEligibility.Reason, basis: ProgramEligibility.SMEBasis?) -> LocalizedText {
        switch reason {
        case .notSME:
            basis.map { L.Program.smeBasis($0) } ?? LocalizedText(ja: "中小企業の定義にあたります。", en: "You are an SME by the definition.")
        case .noSecurityAction: LocalizedText(ja: "SECURITY ACTION の一つ星以上を宣言しています。", en: "You have declared SECURITY ACTION with one star or more.")
        case .hasSecurityPolicy: LocalizedText(ja: "基本方針や関連規程はまだないと回答しています。この事業で一緒に作ります。", en: "You answered that you have no basic policy or related rules yet; the program helps you write them.")
        case .previousParticipant: LocalizedText(ja: "前年度のこの事業には参加していないと回答しています。", en: "You answered that you did not take part in last year's program.")
        case .noLegalPersonality: LocalizedText(ja: "法人または個人事業主として応募できます。", en: "You can apply as a legal person or a sole proprietor.")
        }
    }
    static let eligibleNextVisitor = LocalizedText(ja: "応募は Mamori に登録した組織から行います。組織を登録すると、「専門家派遣」のページで参加規約を読んで応募できます。", en: "Applications are made from an organization registered in Mamori. Once you have signed up, read the participation terms and apply on the Expert guidance page.")
    static let eligibleSignUp = LocalizedText(ja: "組織を登録して応募に進む", en: "Sign up to apply")
    static let eligibleLogIn = LocalizedText(ja: "登録済みの方はログイン", en: "Already registered? Log in")
    static let eligibleNextOwner = LocalizedText(ja: "「専門家派遣」のページで参加規約を読み、応募できます。", en: "Read the participation terms and apply on the Expert guidance page.")
    static let eligibleApply = LocalizedText(ja: "応募に進む", en: "Go to the application")
    static let eligibleSeeProgram = LocalizedText(ja: "専門家派遣のページを見る", en: "See the Expert guidance page")
    static let limitsTitle = LocalizedText(ja: "中小企業の定義（業種ごとの上限）", en: "The SME definition (limits by industry)")
    static let capitalLimit = LocalizedText(ja: "資本金の上限", en: "Capital limit")
    static let employeeLimit = LocalizedText(ja: "従業員数の上限", en: "Employee limit")
    static let limitsRule = LocalizedText(ja: "1〜8の業種は資本金か従業員数のどちらかが上限以下なら中小企業です（個人事業主は従業員数で判断）。9〜15は従業員数だけで判断し、12〜15は主たる業種の上限を使います。", en: "Rows 1–8 are SMEs when capital or employees are within the limit (sole proprietors: employees). Rows 9–15 are judged on employees only; rows 12–15 use the limit of their main industry.")
    static let mainIndustryLimit = LocalizedText(ja: "主たる業種の上限", en: "Limit of the main industry")
    static let eligibilityMainIndustryRequired = LocalizedText(ja: "この業種では主たる業種を選んでください。", en: "Choose the main industry for this category.")
    static let eligibilityMainIndustryNotAllowed = LocalizedText(ja: "主たる業種は1〜8の業種から選んでください。", en: "The main industry must be one of rows 1–8.")
}

extension L.Program {
    // What the eligibility check knows of the policy from Mamori itself.
    static let knownPolicyPublished = LocalizedText(ja: "情報セキュリティ基本方針：Mamori で公開済みの基本方針があるため「ある」として判定します（応募条件の「基本方針や関連規程が未整備」には当たりません）。", en: "Information security basic policy: your organization has published one in Mamori, so it counts as \"has a policy\" (the condition \"no policy or related rules yet\" is not met).")
    static let knownNoPolicy = LocalizedText(ja: "Mamori にはまだ公開済みの基本方針がありません。Mamori の外で作った方針があれば「はい」を選んでください。", en: "Mamori holds no published basic policy of yours yet. Choose yes if you have one written outside Mamori.")
}
