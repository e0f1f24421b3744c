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

extension L.Program {
    static let navProgram = LocalizedText(ja: "専門家派遣", en: "Expert guidance")
    static let navApplications = LocalizedText(ja: "応募審査", en: "Applications")
    static let navStatistics = LocalizedText(ja: "事業統計", en: "Statistics")
    static let navExpertCompanies = LocalizedText(ja: "担当企業", en: "My companies")

    static func fiscalYear(_ year: Int) -> LocalizedText { LocalizedText(ja: "\(year)年度", en: "FY\(year)") }
    static let programSettingsTitle = LocalizedText(ja: "指導事業の設定", en: "Program settings")
    static let capacityLabel = LocalizedText(ja: "定員（社）", en: "Capacity (companies)")
    static func capacityHint(accepted: Int) -> LocalizedText {
        accepted == 0
            ? LocalizedText(ja: "1社以上にしてください。", en: "At least 1 company.")
            : LocalizedText(ja: "1社以上で、すでに採択した\(accepted)社より少なくはできません。", en: "At least 1, and no fewer than the \(accepted) companies already accepted.")
    }
    /// The refusal of a capacity below its floor (`FieldProblem.capacityTooSmall`).
    static func capacityTooSmall(accepted: Int64) -> LocalizedText {
        accepted == 0
            ? LocalizedText(ja: "定員は1社以上にしてください（0社では応募を採択できません）。", en: "The capacity must be at least 1 company (with no places, no application can be accepted).")
            : LocalizedText(ja: "定員は、すでに採択した\(accepted)社より少なくできません。\(accepted)社以上にしてください。",
                            en: "The capacity cannot be lower than the \(accepted) companies already accepted: enter \(accepted) or more.")
    }
    static let visitsPerCompanyLabel = LocalizedText(ja: "1社あたりの訪問回数", en: "Visits per company")
    static let hoursPerVisitLabel = LocalizedText(ja: "1回あたりの時間（時間）", en: "Hours per visit")
    static let opensOnLabel = LocalizedText(ja: "応募受付の開始日", en: "Applications open on")
    static let closesOnLabel = LocalizedText(ja: "応募受付の終了日", en: "Applications close on")
    static let closesOnHint = LocalizedText(ja: "開始日と同じ日か、それより後の日付にしてください。", en: "On or after the opening date.")
    static let prefecturesWithoutApplicationsHidden = LocalizedText(ja: "この画面幅では、応募のない都道府県を省略しています（CSV にはすべて入ります）。",
                                                                   en: "On this screen width, prefectures without applications are left out (the CSV has them all).")
    static let termsLabel = LocalizedText(ja: "参加規約", en: "Participation terms")
    static let termsHint = LocalizedText(ja: "内容を変えて保存すると新しい版になります。応募ごとに同意した版が記録されます。", en: "Saving changed text creates a new version; each application records the version it agreed to.")
    static func termsVersion(_ version: Int) -> LocalizedText { LocalizedText(ja: "第\(version)版", en: "version \(version)") }
    static let preferOutsideMetroLabel = LocalizedText(ja: "補欠は三大都市圏以外の企業を優先して並べる", en: "Order the waitlist with companies outside the three metropolitan areas first")
    static let settingsSaved = LocalizedText(ja: "設定を保存しました。", en: "The settings were saved.")
    static func acceptedOfCapacity(_ accepted: Int, _ capacity: Int) -> LocalizedText {
        LocalizedText(ja: "採択 \(accepted)社 / 定員 \(capacity)社", en: "\(accepted) accepted of \(capacity) places")
    }

    // Applying
    static let programTitle = LocalizedText(ja: "専門家による指導（派遣）", en: "Expert guidance")
    static let programLead = LocalizedText(ja: "登録セキスペ（情報処理安全確保支援士）が4回訪問し（1回約2時間、訪問またはオンライン）、基本方針、自社診断、1年の対策計画、SECURITY ACTION 二つ星までを一緒に進めます。費用はかかりません。", en: "A registered security specialist visits four times (about two hours each, on site or online) and works with you on the basic policy, the self-diagnosis, a one-year plan and the SECURITY ACTION two-star declaration. It is free of charge.")
    static let applyTitle = LocalizedText(ja: "応募する", en: "Apply")
    static let contactName = LocalizedText(ja: "ご担当者名", en: "Contact person")
    static let contactPhone = LocalizedText(ja: "電話番号", en: "Phone number")
    static let applyMessage = LocalizedText(ja: "相談したいこと", en: "What you would like help with")
    static let agreeTerms = LocalizedText(ja: "上の参加規約に同意します", en: "I agree to the participation terms above")
    static let applySubmit = LocalizedText(ja: "この内容で応募する", en: "Submit the application")
    static let applied = LocalizedText(ja: "応募を受け付けました。事務局の審査をお待ちください。", en: "Your application was received. The program office will review it.")
    static let applicationsClosed = LocalizedText(ja: "現在は応募を受け付けていません。", en: "Applications are not open at the moment.")
    static func applicationPeriod(_ opens: String, _ closes: String) -> LocalizedText {
        LocalizedText(ja: "応募受付期間：\(opens)〜\(closes)", en: "Applications: \(opens) to \(closes)")
    }
    static let alreadyApplied = LocalizedText(ja: "この年度にはすでに応募しています。", en: "You have already applied this fiscal year.")
    static let notEligibleToApply = LocalizedText(ja: "応募の条件を満たしていないため、応募できません。", en: "You do not meet the conditions to apply.")
    static let ownerOnlyApplies = LocalizedText(ja: "応募は経営者・責任者が行います。", en: "The owner submits the application.")
    static let applicationStatusTitle = LocalizedText(ja: "応募の状況", en: "Your application")
    static func applicationStatus(_ status: ApplicationStatus) -> LocalizedText {
        switch status {
        case .submitted: LocalizedText(ja: "審査中", en: "Under review")
        case .accepted: LocalizedText(ja: "採択", en: "Accepted")
        case .waitlisted: LocalizedText(ja: "補欠", en: "Waitlisted")
        case .rejected: LocalizedText(ja: "不採択", en: "Not accepted")
        }
    }
    static let assignedExpert = LocalizedText(ja: "担当の専門家", en: "Your expert")
    static let notAssignedYet = LocalizedText(ja: "まだ決まっていません", en: "Not assigned yet")
    static let visitsTitle = LocalizedText(ja: "訪問", en: "Visits")
    static func visitNumber(_ number: Int) -> LocalizedText { LocalizedText(ja: "第\(number)回", en: "Visit \(number)") }
    static let notScheduled = LocalizedText(ja: "未定", en: "Not scheduled")
    static let visitDone = LocalizedText(ja: "実施済み", en: "Done")
    static let visitScheduledLabel = LocalizedText(ja: "予定", en: "Scheduled")
    static func visitMode(_ mode: ProgramVisit.Mode) -> LocalizedText {
        switch mode {
        case .onSite: LocalizedText(ja: "訪問", en: "On site")
        case .online: LocalizedText(ja: "オンライン", en: "Online")
        }
    }
    static let deliverablesTitle = LocalizedText(ja: "成果物", en: "Deliverables")
    static func deliverable(_ deliverable: Deliverable) -> LocalizedText {
        switch deliverable {
        case .policyAndRulesCheck: LocalizedText(ja: "① 情報セキュリティ基本方針と関連規程のチェック結果", en: "① Basic policy and the check of related rules")
        case .selfDiagnosis: LocalizedText(ja: "② 自社診断の結果（現状のリスク）", en: "② Self-diagnosis result (current risks)")
        case .actionPlan: LocalizedText(ja: "③ 約1年で実施する対策計画（テレワーク対策を含む）", en: "③ Plan of measures for about a year (with telework measures)")
        case .twoStarDeclaration: LocalizedText(ja: "④ SECURITY ACTION 二つ星の宣言", en: "④ SECURITY ACTION two-star declaration")
        }
    }
    static func deliverableStatus(_ status: Deliverable.Status) -> LocalizedText {
        switch status {
        case .done: LocalizedText(ja: "できている", en: "Done")
        case .notYet: LocalizedText(ja: "まだ", en: "Not yet")
        case .notAvailableYet: LocalizedText(ja: "Mamori ではまだ記録できません", en: "Not available in Mamori yet")
        }
    }
    static let surveyTitle = LocalizedText(ja: "修了アンケート", en: "Completion survey")
    static let surveyLead = LocalizedText(ja: "すべての訪問が終わりました。今後の事業のため、短いアンケートにお答えください。", en: "All visits are done. Please answer a short survey to help improve the program.")
    static let producedResultsQuestion = LocalizedText(ja: "専門家の指導によって、情報セキュリティの管理や実践に成果がありましたか", en: "Did the guidance produce results in how you manage and practise information security?")
    static let satisfactionQuestion = LocalizedText(ja: "満足度（1：不満〜5：とても満足）", en: "Satisfaction (1 unhappy – 5 very happy)")
    static let comments = LocalizedText(ja: "ご意見・ご感想", en: "Comments")
    static let surveySubmit = LocalizedText(ja: "回答する", en: "Submit")
    static let surveyThanks = LocalizedText(ja: "アンケートへのご回答ありがとうございました。", en: "Thank you for answering the survey.")
    static let surveyNotYet = LocalizedText(ja: "アンケートはすべての訪問が終わってから回答できます。", en: "The survey opens after the last visit.")
    static let surveyAlreadyAnswered = LocalizedText(ja: "アンケートには回答済みです。", en: "The survey has already been answered.")

    // Office review
    static let applicationsTitle = LocalizedText(ja: "応募の審査", en: "Applications")
    static let statusFilter = LocalizedText(ja: "状態で絞り込み", en: "Filter by status")
    static let submittedAt = LocalizedText(ja: "応募日時", en: "Submitted")
    static let region = LocalizedText(ja: "地域", en: "Region")
    static let metropolitan = LocalizedText(ja: "三大都市圏", en: "Metropolitan area")
    static let outsideMetropolitan = LocalizedText(ja: "三大都市圏以外", en: "Outside the metropolitan areas")
    static let noApplications = LocalizedText(ja: "該当する応募はありません。", en: "No applications match.")
    static let waitlistOrderNote = LocalizedText(ja: "補欠は応募順に並んでいます（設定により三大都市圏以外を優先）。", en: "The waitlist is in order of submission (companies outside the metropolitan areas first, if set).")
    static let accept = LocalizedText(ja: "採択する", en: "Accept")
    static let waitlist = LocalizedText(ja: "補欠にする", en: "Waitlist")
    static let reject = LocalizedText(ja: "不採択にする", en: "Reject")
    static let rejectReason = LocalizedText(ja: "不採択の理由", en: "Reason for rejection")
    static let decisionSaved = LocalizedText(ja: "審査結果を保存しました。", en: "The decision was saved.")
    static let capacityFull = LocalizedText(ja: "定員に達しているため採択できません。定員を増やすか、採択済みの応募を見直してください。", en: "The program is full, so this application cannot be accepted. Raise the capacity or review the accepted applications.")
    static let rejectReasonRequired = LocalizedText(ja: "不採択にする場合は理由を入力してください。", en: "Enter a reason to reject.")
    static let eligibilityAtSubmission = LocalizedText(ja: "応募時の応募資格", en: "Eligibility when submitted")
    static let suggestionsTitle = LocalizedText(ja: "専門家の候補（同じ都道府県 → 同じ地域 → 担当数の少ない順）", en: "Suggested experts (same prefecture, then same region, then lightest load)")
    static func proximity(_ proximity: ExpertMatching.Proximity) -> LocalizedText {
        switch proximity {
        case .samePrefecture: LocalizedText(ja: "同じ都道府県", en: "Same prefecture")
        case .sameRegion: LocalizedText(ja: "同じ地域", en: "Same region")
        case .elsewhere: LocalizedText(ja: "他の地域", en: "Elsewhere")
        }
    }
    static func load(_ load: Int, _ maximum: Int) -> LocalizedText { LocalizedText(ja: "担当 \(load) / \(maximum)社", en: "\(load) of \(maximum) companies") }
    static let assign = LocalizedText(ja: "この専門家に割り当てる", en: "Assign this expert")
    static let reassign = LocalizedText(ja: "この専門家に変更する", en: "Reassign to this expert")
    static let assignedToThis = LocalizedText(ja: "この応募の担当として割り当て済み", en: "Assigned to this application")
    static let assigned = LocalizedText(ja: "専門家を割り当てました。", en: "The expert was assigned.")
    static let assignNeedsAcceptance = LocalizedText(ja: "採択した応募にだけ専門家を割り当てられます。", en: "Only accepted applications can be assigned an expert.")
    static let expertFull = LocalizedText(ja: "この専門家の担当数は上限に達しています。", en: "This expert already has the maximum number of companies.")
    static let noSuggestions = LocalizedText(ja: "割り当てられる専門家がいません。専門家を登録してください。", en: "No expert is available. Register experts first.")

    // Experts registration
    static let registerExpertTitle = LocalizedText(ja: "専門家を登録する", en: "Register an expert")
    static let expertName = LocalizedText(ja: "氏名", en: "Name")
    static let registrationNumber = LocalizedText(ja: "登録番号", en: "Registration number")
    static let expertPrefecture = LocalizedText(ja: "活動拠点（都道府県）", en: "Home prefecture")
    static let regionsCovered = LocalizedText(ja: "対応できる地域", en: "Regions covered")
    static let modesLabel = LocalizedText(ja: "指導の方法", en: "How they guide")
    static let maxCompaniesLabel = LocalizedText(ja: "担当できる社数の上限", en: "Maximum companies")
    static let registerExpertSubmit = LocalizedText(ja: "登録して招待リンクを作成", en: "Register and create the invitation link")
    static let expertRegisteredFlash = LocalizedText(ja: "専門家を登録しました。", en: "The expert was registered.")
    static let expertRegistered = LocalizedText(ja: "招待リンクは今だけ表示されます。ご本人に伝えてください。", en: "The invitation link is shown only now: give it to the expert.")
    static let expertAccount = LocalizedText(ja: "アカウント", en: "Account")
    static let accountPending = LocalizedText(ja: "招待中", en: "Invited")

    // Expert pages
    static let expertCompaniesTitle = LocalizedText(ja: "担当企業", en: "Companies assigned to you")
    static let noCompaniesAssigned = LocalizedText(ja: "まだ担当企業はありません。事務局が割り当てるとここに表示されます。", en: "No company has been assigned to you yet; the program office's assignments appear here.")
    static let noExpertProfile = LocalizedText(ja: "このアカウントは専門家として登録されていません。事務局にお問い合わせください。", en: "This account is not registered as an expert. Please contact the program office.")
    static let visitsDone = LocalizedText(ja: "実施済みの訪問", en: "Visits done")
    static let calendarTitle = LocalizedText(ja: "カレンダー連携（iCalendar）", en: "Calendar feed (iCalendar)")
    static let calendarLead = LocalizedText(ja: "訪問予定をお使いのカレンダーアプリに取り込めます。このアドレスは本人専用です。漏れた場合は作り直してください（古いアドレスは使えなくなります）。", en: "Subscribe to your visits in your calendar app. This address is yours alone; if it leaks, create a new one (the old one stops working).")
    static let calendarCreate = LocalizedText(ja: "カレンダーのアドレスを作成", en: "Create the calendar address")
    static let calendarCreated = LocalizedText(ja: "カレンダーのアドレスを作成しました。このアドレスは今だけ表示されます。", en: "The calendar address was created. It is shown only now.")
    static let scheduleVisit = LocalizedText(ja: "訪問を予定する・変更する", en: "Schedule or move a visit")
    static func visitNumberLabel(_ count: Int) -> LocalizedText {
        LocalizedText(ja: "何回目の訪問か（全\(count)回）", en: "Which visit (of \(count))")
    }
    static let visitWhen = LocalizedText(ja: "訪問の日付と開始時刻", en: "Date and start time of the visit")
    static func visitWhenHint(fiscalYear: Int, hours: Int) -> LocalizedText {
        LocalizedText(ja: "\(fiscalYear)年度（\(fiscalYear)年4月1日〜\(fiscalYear + 1)年3月31日）の日時です。1回あたり約\(hours)時間です。予定を変えるときは、同じ回を選んで保存し直してください。",
                      en: "Within FY\(fiscalYear) (1 April \(fiscalYear) – 31 March \(fiscalYear + 1)). Each visit takes about \(hours) hours. To move a visit, choose the same visit and save again.")
    }
    static let visitModeLabel = LocalizedText(ja: "訪問の方法（訪問またはオンライン）", en: "How the visit takes place (on site or online)")
    static let visitPlace = LocalizedText(ja: "訪問先の住所、またはオンライン会議のURL", en: "Address to visit, or the online meeting URL")
    static let visitPlaceHint = LocalizedText(ja: "訪問の場合は住所を、オンラインの場合は https:// で始まる会議のURLを入力してください。", en: "On site: the address. Online: the meeting URL, starting with https://.")
    /// The refusal of a visit outside its fiscal year (`FieldProblem.outsideFiscalYear`).
    static func visitOutsideFiscalYear(_ year: Int) -> LocalizedText {
        LocalizedText(ja: "訪問は\(year)年度（\(year)年4月1日〜\(year + 1)年3月31日）の中の日時にしてください。指導事業は年度ごとに行われます。",
                      en: "The visit must fall within FY\(year) (1 April \(year) – 31 March \(year + 1)): the program runs per fiscal year.")
    }
    static let nextVisitTitle = LocalizedText(ja: "次の訪問", en: "Next visit")
    static func nextVisitExpert(_ name: String) -> LocalizedText { LocalizedText(ja: "担当の専門家：\(name)", en: "Expert: \(name)") }
    static let nextVisitPlace = LocalizedText(ja: "場所", en: "Place")
    static let nextVisitMeeting = LocalizedText(ja: "会議のURL", en: "Meeting URL")
    static let scheduleSubmit = LocalizedText(ja: "予定を保存", en: "Save the schedule")
    static let visitScheduledNotice = LocalizedText(ja: "訪問の予定を保存しました。", en: "The visit was scheduled.")
    static let recordVisit = LocalizedText(ja: "訪問の記録", en: "Record the visit")
    static let durationMinutes = LocalizedText(ja: "実際にかかった時間（分）", en: "Time actually spent (minutes)")
    static let topics = LocalizedText(ja: "指導した内容", en: "Topics covered")
    static func goalProgress(_ goal: Int) -> LocalizedText {
        let ja = ["基本方針の策定", "関連規程の見直し（自社診断を活用）", "テレワーク等を含む対策計画", "情報資産の洗い出しとリスク分析（発展）"]
        let en = ["Write the basic policy", "Review related rules with the self-diagnosis", "Action plan incl. telework measures", "Asset inventory and risk analysis (advanced)"]
        return LocalizedText(ja: "達成目標\(goal)：\(ja[goal - 1])（%）", en: "Goal \(goal): \(en[goal - 1]) (%)")
    }
    /// A goal in a line of progress figures: its number and a word or two, so "目標1 50%" says what was half done.
    static func goalShort(_ goal: Int) -> LocalizedText {
        let ja = ["基本方針", "関連規程", "対策計画", "資産・リスク"]
        let en = ["policy", "rules", "plan", "assets and risks"]
        guard (1...ja.count).contains(goal) else { return LocalizedText(ja: "目標\(goal)", en: "Goal \(goal)") }
        return LocalizedText(ja: "目標\(goal)（\(ja[goal - 1])）", en: "Goal \(goal) (\(en[goal - 1]))")
    }
    static let attachFile = LocalizedText(ja: "資料を添付", en: "Attach a file")
    static let attachSubmit = LocalizedText(ja: "添付する", en: "Attach")
    static let attached = LocalizedText(ja: "資料を添付しました。", en: "The file was attached.")
    static let attachmentEmpty = LocalizedText(ja: "ファイルを選んでください。", en: "Choose a file.")
    static func attachmentTooLarge(_ megabytes: Int) -> LocalizedText {
        LocalizedText(ja: "ファイルが大きすぎます。\(megabytes)MBまでのファイルを添付できます。", en: "The file is too large; files up to \(megabytes) MB can be attached.")
    }
    static let nextSteps = LocalizedText(ja: "次回までの宿題・次の一歩", en: "Next steps")
    static let recordSubmit = LocalizedText(ja: "記録を保存", en: "Save the record")
    static let visitRecordedNotice = LocalizedText(ja: "訪問を記録しました。", en: "The visit was recorded.")
    static let visitAlreadyRecorded = LocalizedText(ja: "この回はすでに記録済みのため、予定は変更できません。", en: "This visit is already recorded; its schedule cannot change.")
    static let visitNotYetHappened = LocalizedText(ja: "まだ実施日前の訪問は記録できません。", en: "A visit cannot be recorded before it takes place.")

    // Statistics
    static let statisticsTitle = LocalizedText(ja: "事業統計", en: "Program statistics")
    static let statApplications = LocalizedText(ja: "応募", en: "Applications")
    static let statAccepted = LocalizedText(ja: "採択", en: "Accepted")
    static let statVisitsDone = LocalizedText(ja: "実施済みの訪問", en: "Visits done")
    static let statCompletionRate = LocalizedText(ja: "修了率", en: "Completion rate")
    static let statProducedResults = LocalizedText(ja: "「成果があった」の割合", en: "Share answering \"produced results\"")
    static let statOutsideMetro = LocalizedText(ja: "三大都市圏以外の参加の割合", en: "Share of participants outside the metropolitan areas")
    static let statReference = LocalizedText(ja: "参考：2019年度は382社が参加し、96.4%が「成果があった」と回答。", en: "For reference: 382 companies took part in FY2019 and 96.4% said it produced results.")
    static let byRegionTitle = LocalizedText(ja: "地域別", en: "By region")
    static let byPrefectureTitle = LocalizedText(ja: "都道府県別", en: "By prefecture")
    static let completedLabel = LocalizedText(ja: "修了", en: "Completed")
    static let expertsLoadTitle = LocalizedText(ja: "専門家の担当状況", en: "Experts' load")
    static let barLegend = LocalizedText(ja: "棒の右の数字は「応募 / 採択」です。", en: "The numbers beside each bar are applications / accepted.")
    static let notApplicable = LocalizedText(ja: "—", en: "—")
}

/// The participation terms in two languages, and the refusals of the program office's and
/// SECURITY ACTION's API operations.
extension L.Program {
    static let termsJaLabel = LocalizedText(ja: "参加規約（日本語）", en: "Participation terms (Japanese)")
    static let termsEnLabel = LocalizedText(ja: "参加規約（英語）", en: "Participation terms (English)")
    static let termsBothHint = LocalizedText(
        ja: "日本語と英語の両方を入力してください。応募する人には、ページの言語の規約が表示されます。どちらかを変えて保存すると新しい版になり、その版に両方の言語が残ります。応募ごとに同意した版が記録されます。",
        en: "Enter both languages: applicants read the terms in the language of their page. Changing either text and saving creates a new version that keeps both languages. Each application records the version it agreed to.")
    static let termsShownInJapanese = LocalizedText(
        ja: "この版の参加規約には英語の文がないため、日本語で表示しています。",
        en: "This version of the participation terms has no English text, so it is shown in Japanese.")
    static func agreedTermsTitle(_ version: Int) -> LocalizedText {
        LocalizedText(ja: "同意した参加規約（第\(version)版）", en: "The participation terms you agreed to (version \(version))")
    }

    static let officeTokenNeeded = LocalizedText(
        ja: "この操作には、事務局のアカウントの API トークンが必要です。",
        en: "This operation needs an API token of a program-office account.")
    static let conditionsMetElsewhereHint = LocalizedText(
        ja: "条件を Mamori の外で満たしている場合（紙の自社診断、自社サイトで公開した基本方針など）は、conditionsMetElsewhere を true にして送ってください。",
        en: "If the conditions were met outside Mamori (a self-diagnosis on paper, a basic policy published on your own site), send conditionsMetElsewhere as true.")
}
