import Fluent
import Foundation
import MamoriCore
import SQLKit

/// The information-asset register: typed input (the same parsing for page and API), listing
/// with filters and sorting behind indexes, changes in the audit log.
struct AssetService {
    let db: any Database

    struct Input: Sendable, Equatable {
        var business = ""
        var name: String
        var notes = ""
        var usersAllowed = ""
        var ownerDepartment = ""
        var medium = ""
        var personalData: PersonalDataKind = .none
        var confidentiality: Int
        var integrity: Int
        var availability: Int
        var retention = ""
        var registeredOn: String?

        var importance: Int { RiskRules.importance(confidentiality: confidentiality, integrity: integrity, availability: availability) }

        /// An asset as a face read it: texts as typed, the three ratings as numbers (a form's
        /// or a spreadsheet's text read with `FieldInput.integer`, the API's numbers given).
        struct Raw: Sendable {
            var business, name, notes, usersAllowed, ownerDepartment, medium, personalData: String?
            var confidentiality, integrity, availability: FieldInput<Int>
            var retention, registeredOn: String?
        }

        static let textLimits: [(String, KeyPath<Raw, String?>, Int)] = [
            ("business", \.business, 100), ("name", \.name, 200), ("notes", \.notes, 1000), ("usersAllowed", \.usersAllowed, 200),
            ("ownerDepartment", \.ownerDepartment, 100), ("medium", \.medium, 200), ("retention", \.retention, 100),
        ]

        /// `prefix` names fields in a spreadsheet row (`row 12: name`) or stays empty for forms.
        static func parse(_ raw: Raw, prefix: String = "", today: String = CalendarDate.today()) -> Result<Input, FieldProblems> {
            var problems = FieldProblems()
            var texts: [String: String] = [:]
            for (field, path, limit) in textLimits {
                let text = (raw[keyPath: path] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if text.count > limit { problems.add(prefix + field, .tooLong(maximum: limit)) }
                texts[field] = text
            }
            if texts["name"]!.isEmpty { problems.add(prefix + "name", .required) }
            let kindText = (raw.personalData ?? "").trimmingCharacters(in: .whitespaces)
            let kind = kindText.isEmpty ? PersonalDataKind.none : PersonalDataKind(rawValue: kindText)
            if kind == nil { problems.add(prefix + "personalData", .unknownChoice) }
            var ratings: [Int] = []
            for (field, value) in [("confidentiality", raw.confidentiality), ("integrity", raw.integrity), ("availability", raw.availability)] {
                switch RiskRules.rating(value) {
                case .success(let rating): ratings.append(rating)
                case .failure(let problem): problems.add(prefix + field, problem)
                }
            }
            let date = (raw.registeredOn ?? "").trimmingCharacters(in: .whitespaces)
            if !date.isEmpty && !CalendarDate.isValid(date) { problems.add(prefix + "registeredOn", .invalidDate) }
            else if date > today { problems.add(prefix + "registeredOn", .inFuture) }
            guard problems.isEmpty, let kind, ratings.count == 3 else { return .failure(problems) }
            return .success(Input(business: texts["business"]!, name: texts["name"]!, notes: texts["notes"]!, usersAllowed: texts["usersAllowed"]!,
                                  ownerDepartment: texts["ownerDepartment"]!, medium: texts["medium"]!, personalData: kind,
                                  confidentiality: ratings[0], integrity: ratings[1], availability: ratings[2], retention: texts["retention"]!,
                                  registeredOn: date.isEmpty ? nil : date))
        }
    }

    struct Filter: Sendable, Equatable {
        var query: String?
        var importance: Int?
        var personalData: PersonalDataKind?
        var sort: Sort = .name

        enum Sort: String, Sendable, CaseIterable { case name, importance, business, registered }
    }

    func page(of organization: Organization, filter: Filter, page: PageRequest) async throws -> Page<InformationAsset> {
        var query = InformationAsset.query(on: db).filter(\.$organizationID == (try organization.requireID()))
        if let importance = filter.importance { query = query.filter(\.$importance == importance) }
        if let kind = filter.personalData { query = query.filter(\.$personalData == kind.rawValue) }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            query = query.group(.or) { $0.filter(\.$name ~~ text).filter(\.$business ~~ text).filter(\.$ownerDepartment ~~ text) }
        }
        switch filter.sort {
        case .name: query = query.sort(\.$name)
        case .importance: query = query.sort(\.$importance, .descending).sort(\.$name)
        case .business: query = query.sort(\.$business).sort(\.$name)
        case .registered: query = query.sort(\.$registeredOn, .descending).sort(\.$name)
        }
        return try await query.sort(\.$id).paginate(page)
    }

    /// The whole register by name, for the CSV and Excel exports (at most 100,000 rows).
    func all(of organization: Organization) async throws -> [InformationAsset] {
        try await InformationAsset.query(on: db).filter(\.$organizationID == organization.requireID()).sort(\.$name).limit(100_000).all()
    }

    func find(_ id: UUID?, in organization: Organization) async throws -> InformationAsset {
        guard let id, let asset = try await InformationAsset.query(on: db).filter(\.$id == id)
            .filter(\.$organizationID == organization.requireID()).first() else { throw Refusal.notFound }
        return asset
    }

    static func apply(_ input: Input, to asset: InformationAsset) {
        asset.business = input.business
        asset.name = input.name
        asset.notes = input.notes
        asset.usersAllowed = input.usersAllowed
        asset.ownerDepartment = input.ownerDepartment
        asset.medium = input.medium
        asset.personalData = input.personalData.rawValue
        asset.confidentiality = input.confidentiality
        asset.integrity = input.integrity
        asset.availability = input.availability
        asset.importance = input.importance
        asset.retention = input.retention
        asset.registeredOn = input.registeredOn ?? CalendarDate.today()
    }

    func add(_ input: Input, to organization: Organization, by actor: Principal, ip: String?) async throws -> InformationAsset {
        let asset = InformationAsset()
        asset.organizationID = try organization.requireID()
        Self.apply(input, to: asset)
        try await db.transaction { db in
            try await asset.create(on: db)
            try await AuditLog.record(.assetAdded, by: .principal(actor, ip: ip), organizationID: asset.organizationID, target: ("asset", asset.id),
                                      summary: "\(input.name) C\(input.confidentiality)/I\(input.integrity)/A\(input.availability) → \(input.importance)", on: db)
        }
        return asset
    }

    /// Adds many assets in one transaction: all or nothing (the spreadsheet import).
    func addAll(_ inputs: [Input], to organization: Organization, by actor: Principal, ip: String?) async throws {
        let orgID = try organization.requireID()
        try await db.transaction { db in
            for chunk in stride(from: 0, to: inputs.count, by: 500).map({ Array(inputs[$0..<min($0 + 500, inputs.count)]) }) {
                let assets = chunk.map { input -> InformationAsset in
                    let asset = InformationAsset()
                    asset.organizationID = orgID
                    Self.apply(input, to: asset)
                    return asset
                }
                try await assets.create(on: db)
            }
            try await AuditLog.record(.assetAdded, by: .principal(actor, ip: ip), organizationID: orgID, target: ("organization", orgID),
                                      summary: L.Audit.assetsImported(inputs.count), on: db)
        }
    }

    func update(_ asset: InformationAsset, with input: Input, by actor: Principal, ip: String?) async throws {
        let before = "C\(asset.confidentiality)/I\(asset.integrity)/A\(asset.availability)"
        let importanceChanged = asset.importance != input.importance
        Self.apply(input, to: asset)
        try await db.transaction { db in
            try await asset.save(on: db)
            if importanceChanged {
                // Every risk of the asset is recomputed with the new importance.
                for risk in try await AssetRisk.query(on: db).filter(\.$asset.$id == asset.requireID()).all() {
                    RiskService.apply(RiskRules.Assessment(importance: input.importance, threat: risk.likelihood, vulnerability: risk.vulnerability), to: risk)
                    try await risk.save(on: db)
                }
            }
            try await AuditLog.record(.assetUpdated, by: .principal(actor, ip: ip), organizationID: asset.organizationID, target: ("asset", asset.id),
                                      summary: "\(input.name) \(before) → C\(input.confidentiality)/I\(input.integrity)/A\(input.availability)", on: db)
        }
    }

    func remove(_ asset: InformationAsset, by actor: Principal, ip: String?) async throws {
        try await db.transaction { db in
            try await AssetRisk.query(on: db).filter(\.$asset.$id == asset.requireID()).delete()
            try await asset.delete(on: db)
            try await AuditLog.record(.assetRemoved, by: .principal(actor, ip: ip), organizationID: asset.organizationID, target: ("asset", asset.id),
                                      summary: asset.name, on: db)
        }
    }

    // MARK: Spreadsheet import

    /// Reads an uploaded file and keeps it for confirmation; nothing is added yet.
    func stageImport(filename: String, data: Data, in organization: Organization, by actor: Principal) async throws -> (AssetImportRecord, AssetImport.Result) {
        let format = AssetImport.format(filename: filename, data: data)
        let result = try Self.read(data, format: format)
        let record = AssetImportRecord()
        record.organizationID = try organization.requireID()
        record.filename = String(filename.prefix(200))
        record.format = format.rawValue
        record.data = data
        record.createdByID = actor.userID
        try await record.create(on: db)
        // Uploads older than a day that were never confirmed are not needed any more.
        try await AssetImportRecord.query(on: db).filter(\.$organizationID == record.organizationID).filter(\.$confirmedAt == nil)
            .filter(\.$createdAt < Date().addingTimeInterval(-86_400)).delete()
        return (record, result)
    }

    /// Adds every row of a staged file in one transaction, or none when any row has a problem.
    func confirmImport(_ id: UUID?, in organization: Organization, by actor: Principal, ip: String?) async throws -> Int {
        guard let id, let record = try await AssetImportRecord.query(on: db).filter(\.$id == id)
            .filter(\.$organizationID == organization.requireID()).first() else { throw Refusal.notFound }
        guard record.confirmedAt == nil else { throw Refusal.conflict(L.Risk.importAlreadyDone) }
        let result = try Self.read(record.data, format: AssetImport.Format(rawValue: record.format) ?? .csv)
        guard result.problems.isEmpty else { throw Refusal.conflict(L.Risk.importHasProblems(result.problems.count)) }
        // Only one confirmation wins, even with a double click.
        let claimed = try await db.sql.update(AssetImportRecord.schema)
            .set("confirmed_at", to: Date()).where("id", .equal, id).where("confirmed_at", .is, SQLLiteral.null)
            .returning("id").all()
        guard !claimed.isEmpty else { throw Refusal.conflict(L.Risk.importAlreadyDone) }
        try await addAll(result.inputs, to: organization, by: actor, ip: ip)
        return result.inputs.count
    }

    static func read(_ data: Data, format: AssetImport.Format) throws -> AssetImport.Result {
        do {
            return try AssetImport.read(data, format: format)
        } catch {
            let problem: FieldProblem = switch error {
            case .empty: .fileEmpty
            case .tooLarge: .fileTooLarge(maximumMegabytes: AssetImport.maximumBytes / 1024 / 1024)
            case .unreadable, .noHeader: .fileUnreadable
            case .missingColumn(let field): .missingColumn(field)
            case .tooManyRows: .tooManyRows(maximum: AssetImport.maximumRows)
            }
            throw Refusal.invalid("file", problem)
        }
    }
}
