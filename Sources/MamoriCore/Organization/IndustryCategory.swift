/// The fifteen rows of the SME definition table the guidance program uses (REFERENCE §2).
/// Rows 1–8 qualify by capital **or** employees; rows 9–11 by employees only;
/// rows 12–15 by the employee limit of their main industry (one of rows 1–8).
public enum IndustryCategory: String, Sendable, CaseIterable, Codable, Hashable {
    case manufacturingConstructionTransport = "manufacturing_construction_transport"
    case wholesale
    case services
    case retail
    case rubberProducts = "rubber_products"
    case softwareITServices = "software_it_services"
    case inns
    case otherIndustries = "other_industries"
    case medicalSocialWelfare = "medical_social_welfare"
    case school
    case commerceAssociations = "commerce_associations"
    case smeOrganizations = "sme_organizations"
    case specialLawUnions = "special_law_unions"
    case foundationsAssociations = "foundations_associations"
    case npo

    /// Row number in the official table, 1–15.
    public var row: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// Capital limit in yen; nil where the row is judged on employees only.
    public var capitalLimitYen: Int64? {
        switch self {
        case .manufacturingConstructionTransport, .rubberProducts, .softwareITServices, .otherIndustries: 300_000_000
        case .wholesale: 100_000_000
        case .services, .retail, .inns: 50_000_000
        default: nil
        }
    }

    /// Employee limit; nil for rows 12–15, which take their main industry's limit.
    public var employeeLimit: Int? {
        switch self {
        case .manufacturingConstructionTransport, .softwareITServices, .otherIndustries: 300
        case .wholesale, .services: 100
        case .retail: 50
        case .rubberProducts: 900
        case .inns: 200
        case .medicalSocialWelfare, .school: 300
        case .commerceAssociations: 100
        case .smeOrganizations, .specialLawUnions, .foundationsAssociations, .npo: nil
        }
    }

    /// Rows 12–15 need a main industry from rows 1–8 to know their employee limit.
    public var needsMainIndustry: Bool { row >= 12 }

    /// Rows 1–8 can serve as a main industry.
    public var canBeMainIndustry: Bool { row <= 8 }

    public var name: LocalizedText {
        switch self {
        case .manufacturingConstructionTransport: LocalizedText(ja: "製造業・建設業・運輸業", en: "Manufacturing, construction, transport")
        case .wholesale: LocalizedText(ja: "卸売業", en: "Wholesale")
        case .services: LocalizedText(ja: "サービス業（ソフトウェア業・情報処理サービス業・旅館業を除く）", en: "Services (except software/IT services and inns)")
        case .retail: LocalizedText(ja: "小売業", en: "Retail")
        case .rubberProducts: LocalizedText(ja: "ゴム製品製造業（自動車・航空機用タイヤ・チューブ製造業、工業用ベルト製造業を除く）", en: "Rubber products (except automobile/aircraft tyres and tubes, industrial belts)")
        case .softwareITServices: LocalizedText(ja: "ソフトウェア業・情報処理サービス業", en: "Software and information processing services")
        case .inns: LocalizedText(ja: "旅館業", en: "Inns")
        case .otherIndustries: LocalizedText(ja: "その他の業種（上記以外）", en: "Other industries")
        case .medicalSocialWelfare: LocalizedText(ja: "医療法人・社会福祉法人", en: "Medical or social welfare corporation")
        case .school: LocalizedText(ja: "学校法人", en: "School corporation")
        case .commerceAssociations: LocalizedText(ja: "商工会・都道府県商工会連合会・商工会議所", en: "Commerce and industry association or chamber of commerce")
        case .smeOrganizations: LocalizedText(ja: "中小企業支援法第2条第1項第4号に規定される中小企業団体", en: "SME organization (SME Support Act Art. 2(1)(iv))")
        case .specialLawUnions: LocalizedText(ja: "特別の法律によって設立された組合又はその連合会", en: "Union or federation founded by a special law")
        case .foundationsAssociations: LocalizedText(ja: "財団法人（一般・公益）・社団法人（一般・公益）", en: "General or public-interest foundation or association")
        case .npo: LocalizedText(ja: "特定非営利活動法人", en: "Specified non-profit corporation (NPO)")
        }
    }
}
