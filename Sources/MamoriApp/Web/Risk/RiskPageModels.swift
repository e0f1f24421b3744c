import Fluent
import Foundation
import MamoriCore

/// What the risk pages show, as plain values with a `.mock` each.
extension RiskPages {
    /// An information asset as the pages show it.
    struct Asset: Sendable {
        var id: UUID
        var business: String
        var name: String
        var notes: String
        var usersAllowed: String
        var ownerDepartment: String
        var medium: String
        var personalData: String
        var confidentiality: Int
        var integrity: Int
        var availability: Int
        var importance: Int
        var retention: String
        var registeredOn: String

        var personalDataKind: PersonalDataKind { PersonalDataKind(rawValue: personalData) ?? .none }

        static let mock = Asset(id: SiteURL.anyID, business: "営業", name: "顧客名簿 <重要>", notes: "", usersAllowed: "営業部員", ownerDepartment: "営業部",
                                medium: "ファイルサーバ", personalData: PersonalDataKind.personal.rawValue, confidentiality: 3, integrity: 2, availability: 2,
                                importance: 3, retention: "5年", registeredOn: "2026-04-01")
    }

    /// One threat to one asset as the tables show it.
    struct Risk: Sendable {
        var id: UUID
        var assetID: UUID
        /// The asset's name where the register lists it (loaded with the risk; nil otherwise).
        var assetName: String?
        var threat: String
        var likelihood: Int
        var vulnerability: Int
        var damageLikelihood: Int
        var riskValue: Int
        var band: String
        var treatment: String?
        var measure: String

        var riskBand: RiskRules.Band { RiskRules.Band(rawValue: band) ?? .small }

        static let mock = Risk(id: UUID(), assetID: SiteURL.anyID, assetName: "顧客名簿 <重要>", threat: "他の脅威 <手入力>", likelihood: 3, vulnerability: 3,
                               damageLikelihood: 3, riskValue: 9, band: RiskRules.Band.large.rawValue, treatment: nil, measure: "鍵を<掛ける>")
    }

    struct AssetsModel {
        var organizationID: UUID
        var page: Page<Asset>
        var filter: AssetService.Filter
        var form: FormState = .empty

        static let mock = AssetsModel(organizationID: SiteURL.anyID, page: Page(items: [.mock], metadata: PageMetadata(page: 1, per: 50, total: 1)),
                                      filter: AssetService.Filter(query: "名簿 <検索>"))
    }

    struct AssetModel {
        var organizationID: UUID
        var asset: Asset
        var risks: [Risk]
        var assetForm: FormState
        var riskForm: FormState = .empty

        static let mock = AssetModel(organizationID: SiteURL.anyID, asset: .mock, risks: [.mock], assetForm: FormState(values: values(of: .mock)))
    }

    struct RegisterModel {
        var organizationID: UUID
        var page: Page<Risk>
        var heatMap: [String: Int]
        var untreatedLarge: Int

        static let mock = RegisterModel(organizationID: SiteURL.anyID, page: Page(items: [.mock], metadata: PageMetadata(page: 1, per: 50, total: 1)),
                                        heatMap: ["3x3": 1], untreatedLarge: 1)
    }

    struct ImportModel {
        var organizationID: UUID
        /// The staged upload and what reading it found.
        var preview: (UUID, AssetImport.Result)?
        var error: LocalizedText?

        static let mock = ImportModel(organizationID: SiteURL.anyID, preview: (UUID(), AssetImport.Result(
            inputs: [], problems: [AssetImport.RowProblem(row: 3, field: "name", problem: .required)], rowCount: 2,
            sample: [["営業", "顧客名簿 <重要>"], ["総務", ""]], header: ["業務分類", "名称"])), error: nil)
    }
}
