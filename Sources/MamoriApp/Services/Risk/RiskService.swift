import Fluent
import Foundation
import MamoriCore

/// Risks per asset with the IPA arithmetic, the register sorted by value, treatments.
struct RiskService {
    let db: any Database

    struct Input: Sendable, Equatable {
        var threat: String
        var likelihood: Int
        var vulnerability: Int

        static func parse(threat: String?, likelihood: FieldInput<Int>, vulnerability: FieldInput<Int>) -> Result<Input, FieldProblems> {
            var problems = FieldProblems()
            let threat = (threat ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            TextLimit.check(threat, "threat", maximum: TextLimit.line, required: true, into: &problems)
            var values: [Int] = []
            for (field, raw) in [("likelihood", likelihood), ("vulnerability", vulnerability)] {
                switch RiskRules.rating(raw) {
                case .success(let value): values.append(value)
                case .failure(let problem): problems.add(field, problem)
                }
            }
            guard problems.isEmpty, values.count == 2 else { return .failure(problems) }
            return .success(Input(threat: threat, likelihood: values[0], vulnerability: values[1]))
        }
    }

    static func apply(_ assessment: RiskRules.Assessment, to risk: AssetRisk) {
        risk.likelihood = assessment.threat
        risk.vulnerability = assessment.vulnerability
        risk.damageLikelihood = assessment.damageLikelihood
        risk.riskValue = assessment.value
        risk.band = assessment.band.rawValue
    }

    func add(_ input: Input, to asset: InformationAsset, by actor: Principal, ip: String?) async throws -> AssetRisk {
        let risk = AssetRisk()
        risk.organizationID = asset.organizationID
        risk.$asset.id = try asset.requireID()
        risk.threat = input.threat
        risk.measure = ""
        Self.apply(RiskRules.Assessment(importance: asset.importance, threat: input.likelihood, vulnerability: input.vulnerability), to: risk)
        try await db.transaction { db in
            try await risk.create(on: db)
            try await AuditLog.record(.riskRated, by: .principal(actor, ip: ip), organizationID: asset.organizationID, target: ("risk", risk.id),
                                      summary: L.Audit.riskRated(asset: asset.name, threat: input.threat, importance: asset.importance, likelihood: risk.damageLikelihood,
                                                                 value: risk.riskValue, band: RiskRules.Band(rawValue: risk.band) ?? .small), on: db)
        }
        return risk
    }

    func risks(of asset: InformationAsset) async throws -> [AssetRisk] {
        try await AssetRisk.query(on: db).filter(\.$asset.$id == asset.requireID()).sort(\.$riskValue, .descending).sort(\.$createdAt).all()
    }

    /// The register: highest value first.
    func register(of organization: Organization, page: PageRequest) async throws -> Page<AssetRisk> {
        try await AssetRisk.query(on: db).filter(\.$organizationID == organization.requireID()).with(\.$asset)
            .sort(\.$riskValue, .descending).sort(\.$createdAt).sort(\.$id).paginate(page)
    }

    func find(_ id: UUID?, in organization: Organization) async throws -> AssetRisk {
        guard let id, let risk = try await AssetRisk.query(on: db).filter(\.$id == id)
            .filter(\.$organizationID == organization.requireID()).with(\.$asset).first() else { throw Refusal.notFound }
        return risk
    }

    /// Large risks with no treatment decided yet (flagged on the register and the dashboard).
    func untreatedLarge(in organization: Organization) async throws -> Int {
        try await AssetRisk.query(on: db).filter(\.$organizationID == organization.requireID())
            .filter(\.$band == RiskRules.Band.large.rawValue).filter(\.$treatment == nil).count()
    }

    /// Importance × damage likelihood counts for the heat map.
    func heatMap(of organization: Organization) async throws -> [String: Int] {
        let rows = try await AssetRisk.query(on: db).filter(\.$organizationID == organization.requireID()).with(\.$asset)
            .field(\.$id).field(\.$damageLikelihood).field(\.$asset.$id).limit(100_000).all()
        var counts: [String: Int] = [:]
        for row in rows { counts["\(row.asset.importance)x\(row.damageLikelihood)", default: 0] += 1 }
        return counts
    }

    func treat(_ risk: AssetRisk, treatment rawTreatment: String?, measure rawMeasure: String?, by actor: Principal, ip: String?) async throws {
        var problems = FieldProblems()
        let text = (rawTreatment ?? "").trimmingCharacters(in: .whitespaces)
        let treatment = text.isEmpty ? nil : RiskTreatment(rawValue: text)
        if !text.isEmpty && treatment == nil { problems.add("treatment", .unknownChoice) }
        let measure = (rawMeasure ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(measure, "measure", maximum: TextLimit.paragraph, into: &problems)
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        risk.treatment = treatment?.rawValue
        risk.measure = measure
        try await db.transaction { db in
            try await risk.save(on: db)
            try await AuditLog.record(.riskTreated, by: .principal(actor, ip: ip), organizationID: risk.organizationID, target: ("risk", risk.id),
                                      summary: L.Audit.riskTreated(threat: risk.threat, treatment: treatment), on: db)
        }
    }

    func remove(_ risk: AssetRisk, by actor: Principal, ip: String?) async throws {
        try await db.transaction { db in
            try await risk.delete(on: db)
            try await AuditLog.record(.riskRemoved, by: .principal(actor, ip: ip), organizationID: risk.organizationID, target: ("risk", risk.id),
                                      summary: risk.threat, on: db)
        }
    }
}

/// Large (high) and medium (medium) risks for the action plan; the key is the risk's id.
struct RiskGapSource: GapSource {
    var origin: GapOrigin { .risk }

    func gaps(of organization: Organization, on db: any Database) async throws -> [Gap] {
        let rows = try await AssetRisk.query(on: db).filter(\.$organizationID == organization.requireID())
            .filter(\.$band ~~ [RiskRules.Band.large.rawValue, RiskRules.Band.medium.rawValue]).with(\.$asset)
            .sort(\.$riskValue, .descending).sort(\.$createdAt).limit(1000).all()
        return rows.map { risk in
            Gap(origin: .risk, key: risk.id!.uuidString, title: L.Risk.gapTitle(asset: risk.asset.name, threat: risk.threat),
                urgency: risk.riskBand == .large ? .high : .medium)
        }
    }
}
