import Fluent
import Foundation
import MamoriCore
import Vapor

/// The asset register and the risk analysis pages.
struct RiskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.assets(organization: id).route, use: assets)
        routes.post(SiteURL.assets(organization: id).route, use: addAsset)
        routes.get(SiteURL.assetsCSV(organization: id).route, use: assetsCSV)
        routes.get(SiteURL.assetsXLSX(organization: id).route, use: assetsXLSX)
        routes.get(SiteURL.assetsImport(organization: id).route, use: importForm)
        routes.on(.POST, SiteURL.assetsImport(organization: id).route, body: .collect(maxSize: "1gb"), use: importFile)
        routes.post(SiteURL.assetsImportConfirm(organization: id, upload: id).route, use: confirmImport)
        routes.get(SiteURL.assetsTemplate(organization: id, format: "f").route, use: template)
        routes.get(SiteURL.asset(organization: id, asset: id).route, use: asset)
        routes.post(SiteURL.asset(organization: id, asset: id).route, use: saveAsset)
        routes.post(SiteURL.assetRemove(organization: id, asset: id).route, use: removeAsset)
        routes.post(SiteURL.assetRisks(organization: id, asset: id).route, use: addRisk)
        routes.get(SiteURL.risks(organization: id).route, use: register)
        routes.post(SiteURL.risk(organization: id, risk: id).route, use: treat)
        routes.post(SiteURL.riskRemove(organization: id, risk: id).route, use: removeRisk)
    }

    static func filter(_ req: Request) -> AssetService.Filter {
        AssetService.Filter(query: req.query[String.self, at: "q"].map { String($0.prefix(100)) },
                            importance: req.query[String.self, at: "importance"].flatMap(Int.init).flatMap { RiskRules.ratings.contains($0) ? $0 : nil },
                            personalData: req.query[String.self, at: "personalData"].flatMap(PersonalDataKind.init(rawValue:)),
                            sort: req.query[String.self, at: "sort"].flatMap(AssetService.Filter.Sort.init(rawValue:)) ?? .name)
    }

    private func listResponse(_ req: Request, _ organization: Organization, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let filter = Self.filter(req)
        let page = try await AssetService(db: req.db).page(of: organization, filter: filter,
                                                           page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: 50))
        return Layout.response(RiskPages.assets(.init(organizationID: try organization.requireID(), page: page.map(RiskPages.Asset.init), filter: filter,
                                                      form: form), context: req.pageContext()), status: status)
    }

    @Sendable func assets(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        return try await listResponse(req, organization, form: .empty)
    }

    /// The asset form's fields; the registration date is read as typed (2026/12/03, 令和8年…) first.
    static func raw(_ fields: [String: String], dates: inout TypedDates) -> AssetService.Input.Raw {
        let registeredOn = dates.date("registeredOn", fields["registeredOn"])
        return .init(business: fields["business"], name: fields["name"], notes: fields["notes"], usersAllowed: fields["usersAllowed"],
                     ownerDepartment: fields["ownerDepartment"], medium: fields["medium"], personalData: fields["personalData"],
                     confidentiality: .integer(fields["confidentiality"]), integrity: .integer(fields["integrity"]),
                     availability: .integer(fields["availability"]),
                     retention: fields["retention"], registeredOn: registeredOn)
    }

    @Sendable func addAsset(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var dates = TypedDates()
        switch AssetService.Input.parse(Self.raw(fields, dates: &dates)) {
        case .success(let input):
            let asset = try await AssetService(db: req.db).add(input, to: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Risk.assetAdded)
            return req.redirect(to: .asset(organization: try organization.requireID(), asset: try asset.requireID()))
        case .failure(let problems):
            return try await listResponse(req, organization, form: FormState(values: fields, error: dates.explained(problems)), status: .unprocessableEntity)
        }
    }

    @Sendable func assetsCSV(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let assets = try await AssetService(db: req.db).all(of: organization)
        return CSV.response(AssetTable.csv(assets, locale: req.locale), filename: "assets.csv")
    }

    @Sendable func assetsXLSX(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let assets = try await AssetService(db: req.db).all(of: organization)
        let data = try XLSXWorkbook(sheetName: L.Risk.assetsTitle(req.locale), rows: [AssetTable.header(req.locale)] + assets.map { AssetTable.row($0, req.locale) }).data()
        return PolicyController.download(data, filename: "assets.xlsx", contentType: XLSXWorkbook.contentType)
    }

    @Sendable func template(req: Request) async throws -> Response {
        _ = try req.tenant()
        let locale = req.locale
        let example = locale == .ja
            ? ["営業", "顧客名簿", "取引先と個人のお客様", "営業部員", "営業部", "ファイルサーバ", L.Risk.personalDataKind(.personal).ja, "3", "2", "2", "", "5年", CalendarDate.today()]
            : ["Sales", "Customer list", "Partners and private customers", "Sales staff", "Sales", "File server", L.Risk.personalDataKind(.personal).en, "3", "2", "2", "", "5 years", CalendarDate.today()]
        let rows = [AssetTable.header(locale), example]
        if req.parameters.get("format") == "xlsx" {
            return PolicyController.download(try XLSXWorkbook(sheetName: L.Risk.assetsTitle(locale), rows: rows).data(), filename: "asset-template.xlsx",
                                             contentType: XLSXWorkbook.contentType)
        }
        return CSV.response(CSV.document(header: rows[0], rows: [rows[1]]), filename: "asset-template.csv")
    }

    @Sendable func importForm(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        return Layout.response(RiskPages.importPage(.init(organizationID: try organization.requireID(), preview: nil, error: nil), context: req.pageContext()))
    }

    struct UploadForm: Content { var file: File? }

    @Sendable func importFile(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let orgID = try organization.requireID()
        guard let file = (try? req.content.decode(UploadForm.self))?.file, file.data.readableBytes > 0 else {
            return Layout.response(RiskPages.importPage(.init(organizationID: orgID, preview: nil, error: L.Common.describe(.fileEmpty)), context: req.pageContext()),
                                   status: .unprocessableEntity)
        }
        guard file.data.readableBytes <= req.application.settings.maxUploadBytes else {
            throw MamoriError(status: .payloadTooLarge, code: "payload_too_large", message: L.Program.attachmentTooLarge(req.application.settings.maxUploadMegabytes))
        }
        do {
            let (record, result) = try await AssetService(db: req.db).stageImport(filename: file.filename, data: Data(buffer: file.data),
                                                                                 in: organization, by: principal)
            return Layout.response(RiskPages.importPage(.init(organizationID: orgID, preview: (try record.requireID(), result), error: nil), context: req.pageContext()),
                                   status: result.problems.isEmpty ? .ok : .unprocessableEntity)
        } catch Refusal.invalid(let problems) {
            return Layout.response(RiskPages.importPage(.init(organizationID: orgID, preview: nil, error: L.Common.describe(problems.entries[0].problem)),
                                                        context: req.pageContext()), status: .unprocessableEntity)
        }
    }

    @Sendable func confirmImport(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        do {
            let count = try await AssetService(db: req.db).confirmImport(req.uuidParameter("uploadID"), in: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Risk.imported(count))
        } catch Refusal.conflict(let message) {
            req.flash(.error, message)
        }
        return req.redirect(to: .assets(organization: try organization.requireID()))
    }

    private func assetPage(_ req: Request, _ organization: Organization, _ asset: InformationAsset, assetForm: FormState, riskForm: FormState,
                           status: HTTPResponseStatus = .ok) async throws -> Response {
        let risks = try await RiskService(db: req.db).risks(of: asset)
        return Layout.response(RiskPages.asset(.init(organizationID: try organization.requireID(), asset: RiskPages.Asset(asset),
                                                     risks: risks.map(RiskPages.Risk.init), assetForm: assetForm, riskForm: riskForm),
                                               context: req.pageContext()), status: status)
    }

    @Sendable func asset(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let asset = try await AssetService(db: req.db).find(req.uuidParameter("assetID"), in: organization)
        return try await assetPage(req, organization, asset, assetForm: FormState(values: RiskPages.values(of: RiskPages.Asset(asset))), riskForm: .empty)
    }

    @Sendable func saveAsset(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let service = AssetService(db: req.db)
        let asset = try await service.find(req.uuidParameter("assetID"), in: organization)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var dates = TypedDates()
        switch AssetService.Input.parse(Self.raw(fields, dates: &dates)) {
        case .success(let input):
            try await service.update(asset, with: input, by: principal, ip: req.clientIP)
            req.flash(.success, L.Risk.assetSaved)
            return req.redirect(to: .asset(organization: try organization.requireID(), asset: try asset.requireID()))
        case .failure(let problems):
            return try await assetPage(req, organization, asset, assetForm: FormState(values: fields, error: dates.explained(problems)), riskForm: .empty,
                                       status: .unprocessableEntity)
        }
    }

    @Sendable func removeAsset(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let service = AssetService(db: req.db)
        try await service.remove(try await service.find(req.uuidParameter("assetID"), in: organization), by: principal, ip: req.clientIP)
        req.flash(.success, L.Risk.assetRemoved)
        return req.redirect(to: .assets(organization: try organization.requireID()))
    }

    @Sendable func addRisk(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let asset = try await AssetService(db: req.db).find(req.uuidParameter("assetID"), in: organization)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        // A catalog threat, or one typed in words when "other" is chosen.
        let threat = fields["threat"] == "other" ? fields["threatText"] : fields["threat"]
        switch RiskService.Input.parse(threat: threat, likelihood: .integer(fields["likelihood"]), vulnerability: .integer(fields["vulnerability"])) {
        case .success(let input):
            _ = try await RiskService(db: req.db).add(input, to: asset, by: principal, ip: req.clientIP)
            req.flash(.success, L.Risk.riskAdded)
            return req.redirect(to: SiteURL.asset(organization: try organization.requireID(), asset: try asset.requireID()).path + "#risks",
                                redirectType: .normal)
        case .failure(let problems):
            return try await assetPage(req, organization, asset, assetForm: FormState(values: RiskPages.values(of: RiskPages.Asset(asset))),
                                       riskForm: FormState(values: fields, error: .invalid(problems)), status: .unprocessableEntity)
        }
    }

    @Sendable func register(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let service = RiskService(db: req.db)
        let page = try await service.register(of: organization, page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: 50))
        return Layout.response(RiskPages.register(.init(organizationID: try organization.requireID(), page: page.map(RiskPages.Risk.init),
                                                        heatMap: try await service.heatMap(of: organization),
                                                        untreatedLarge: try await service.untreatedLarge(in: organization)), context: req.pageContext()))
    }

    @Sendable func treat(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let service = RiskService(db: req.db)
        let risk = try await service.find(req.uuidParameter("riskID"), in: organization)
        struct Form: Content { var treatment: String?; var measure: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await service.treat(risk, treatment: form.treatment, measure: form.measure, by: principal, ip: req.clientIP)
            req.flash(.success, L.Risk.treatmentSaved)
        } catch Refusal.invalid(let problems) {
            req.flash(.error, L.Common.describe(problems.entries.first!.problem))
        }
        return req.redirect(to: SiteURL.risks(organization: try organization.requireID()).path + "#risk-\(risk.id!.uuidString)", redirectType: .normal)
    }

    @Sendable func removeRisk(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let service = RiskService(db: req.db)
        let risk = try await service.find(req.uuidParameter("riskID"), in: organization)
        try await service.remove(risk, by: principal, ip: req.clientIP)
        req.flash(.success, L.Risk.riskRemoved)
        return req.redirect(to: .asset(organization: try organization.requireID(), asset: risk.$asset.id))
    }
}

/// The register as a table for CSV (and later XLSX): the IPA columns, in the page's language.
enum AssetTable {
    static func header(_ locale: AppLocale) -> [String] {
        [L.Risk.business, L.Risk.name, L.Risk.notes, L.Risk.usersAllowed, L.Risk.ownerDepartment, L.Risk.medium, L.Risk.personalData,
         L.Risk.confidentiality, L.Risk.integrity, L.Risk.availability, L.Risk.importance, L.Risk.retention, L.Risk.registeredOn].map { $0(locale) }
    }

    static func row(_ asset: InformationAsset, _ locale: AppLocale) -> [String] {
        [asset.business, asset.name, asset.notes, asset.usersAllowed, asset.ownerDepartment, asset.medium,
         L.Risk.personalDataKind(asset.personalDataKind)(locale), String(asset.confidentiality), String(asset.integrity), String(asset.availability),
         String(asset.importance), asset.retention, asset.registeredOn]
    }

    static func csv(_ assets: [InformationAsset], locale: AppLocale) -> String {
        CSV.document(header: header(locale), rows: assets.map { row($0, locale) })
    }
}
