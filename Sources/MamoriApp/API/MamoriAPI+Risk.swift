import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The asset register, risks and the one-year plan through the API: the same services and
/// refusals as the pages.
extension MamoriAPI {
    func listAssets(_ input: Operations.ListAssets.Input) async throws -> Operations.ListAssets.Output {
        let (_, organization) = try await organizationOfToken()
        var problems = FieldProblems()
        if let importance = input.query.importance, !RiskRules.ratings.contains(importance) { problems.add("importance", .outOfRange(minimum: 1, maximum: 3)) }
        let kind = input.query.personalData.flatMap { $0.isEmpty ? nil : $0 }
        if let kind, PersonalDataKind(rawValue: kind) == nil { problems.add("personalData", .unknownChoice) }
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        let filter = AssetService.Filter(query: input.query.q.map { String($0.prefix(100)) }, importance: input.query.importance,
                                         personalData: kind.flatMap(PersonalDataKind.init(rawValue:)),
                                         sort: input.query.sort.flatMap { AssetService.Filter.Sort(rawValue: $0.rawValue) } ?? .name)
        let page = try await AssetService(db: db).page(of: organization, filter: filter, page: try Self.pageRequest(input.query.page, input.query.per))
        return .ok(.init(body: .json(.init(items: page.items.map(Self.dto), metadata: .init(page.metadata)))))
    }

    func createAsset(_ input: Operations.CreateAsset.Input) async throws -> Operations.CreateAsset.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let raw = AssetService.Input.Raw(business: body.business, name: body.name, notes: body.notes, usersAllowed: body.usersAllowed,
                                         ownerDepartment: body.ownerDepartment, medium: body.medium, personalData: body.personalData?.rawValue,
                                         confidentiality: .given(body.confidentiality), integrity: .given(body.integrity),
                                         availability: .given(body.availability), retention: body.retention, registeredOn: body.registeredOn)
        switch AssetService.Input.parse(raw) {
        case .success(let parsed):
            let asset = try await AssetService(db: db).add(parsed, to: organization, by: principal, ip: nil)
            return .created(.init(body: .json(Self.dto(asset))))
        case .failure(let problems): throw Refusal.invalid(problems)
        }
    }

    func getAsset(_ input: Operations.GetAsset.Input) async throws -> Operations.GetAsset.Output {
        let (_, organization) = try await organizationOfToken()
        let asset = try await AssetService(db: db).find(UUID(uuidString: input.path.assetId), in: organization)
        let risks = try await RiskService(db: db).risks(of: asset)
        return .ok(.init(body: .json(.init(asset: Self.dto(asset), risks: risks.map { Self.dto($0, asset: asset) }))))
    }

    func createRisk(_ input: Operations.CreateRisk.Input) async throws -> Operations.CreateRisk.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let asset = try await AssetService(db: db).find(UUID(uuidString: input.path.assetId), in: organization)
        switch RiskService.Input.parse(threat: body.threat, likelihood: .given(body.likelihood), vulnerability: .given(body.vulnerability)) {
        case .success(let parsed):
            let risk = try await RiskService(db: db).add(parsed, to: asset, by: principal, ip: nil)
            return .created(.init(body: .json(Self.dto(risk, asset: asset))))
        case .failure(let problems): throw Refusal.invalid(problems)
        }
    }

    func listRisks(_ input: Operations.ListRisks.Input) async throws -> Operations.ListRisks.Output {
        let (_, organization) = try await organizationOfToken()
        let page = try await RiskService(db: db).register(of: organization, page: try Self.pageRequest(input.query.page, input.query.per))
        return .ok(.init(body: .json(.init(items: page.items.map { Self.dto($0, asset: $0.asset) }, metadata: .init(page.metadata)))))
    }

    func treatRisk(_ input: Operations.TreatRisk.Input) async throws -> Operations.TreatRisk.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = RiskService(db: db)
        let risk = try await service.find(UUID(uuidString: input.path.riskId), in: organization)
        try await service.treat(risk, treatment: body.treatment, measure: body.measure ?? risk.measure, by: principal, ip: nil)
        return .ok(.init(body: .json(Self.dto(risk, asset: risk.asset))))
    }

    func getPlan(_ input: Operations.GetPlan.Input) async throws -> Operations.GetPlan.Output {
        let (_, organization) = try await organizationOfToken()
        return .ok(.init(body: .json(try await plan(of: organization))))
    }

    func proposePlan(_ input: Operations.ProposePlan.Input) async throws -> Operations.ProposePlan.Output {
        let (principal, organization) = try await organizationOfToken()
        try await PlanService(db: db).propose(for: organization, by: principal, ip: nil)
        return .ok(.init(body: .json(try await plan(of: organization))))
    }

    func agreePlan(_ input: Operations.AgreePlan.Input) async throws -> Operations.AgreePlan.Output {
        let (principal, organization) = try await organizationOfToken()
        try await PlanService(db: db).agree(organization, by: principal, ip: nil)
        return .ok(.init(body: .json(try await plan(of: organization))))
    }

    func addPlanItem(_ input: Operations.AddPlanItem.Input) async throws -> Operations.AddPlanItem.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let item = try await PlanService(db: db).add(title: body.title, ownerName: body.ownerName, startMonth: body.startMonth, dueMonth: body.dueMonth,
                                                     to: organization, by: principal, ip: nil)
        return .created(.init(body: .json(Self.dto(item))))
    }

    func updatePlanItem(_ input: Operations.UpdatePlanItem.Input) async throws -> Operations.UpdatePlanItem.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = PlanService(db: db)
        let item = try await service.find(UUID(uuidString: input.path.itemId), in: organization)
        let raw = PlanService.Patch.Raw(title: body.title, status: body.status, progress: body.progress.map { .given($0) } ?? .absent, ownerName: body.ownerName,
                                        startMonth: body.startMonth, dueMonth: body.dueMonth, notes: body.notes, dropReason: body.dropReason)
        switch PlanService.Patch.parse(raw) {
        case .success(let patch): try await service.update(item, with: patch, by: principal, ip: nil)
        case .failure(let problems): throw Refusal.invalid(problems)
        }
        return .ok(.init(body: .json(Self.dto(item))))
    }

    func plan(of organization: Organization) async throws -> Components.Schemas.Plan {
        let record = try await ActionPlanRecord.query(on: db).filter(\.$organizationID == organization.requireID()).first()
        return .init(agreedAt: record?.agreedAt, agreedBy: record?.agreedByName, items: try await PlanService(db: db).items(of: organization).map(Self.dto))
    }

    static func dto(_ asset: InformationAsset) -> Components.Schemas.Asset {
        .init(id: asset.id!.uuidString, name: asset.name, business: asset.business, notes: asset.notes, usersAllowed: asset.usersAllowed,
              ownerDepartment: asset.ownerDepartment, medium: asset.medium, personalData: asset.personalData, confidentiality: asset.confidentiality,
              integrity: asset.integrity, availability: asset.availability, importance: asset.importance, retention: asset.retention,
              registeredOn: asset.registeredOn)
    }

    static func dto(_ risk: AssetRisk, asset: InformationAsset) -> Components.Schemas.Risk {
        .init(id: risk.id!.uuidString, assetId: asset.id!.uuidString, assetName: asset.name, threat: risk.threat, likelihood: risk.likelihood,
              vulnerability: risk.vulnerability, importance: asset.importance, damageLikelihood: risk.damageLikelihood, riskValue: risk.riskValue,
              band: .init(rawValue: risk.band) ?? .small, treatment: risk.treatment.flatMap { .init(rawValue: $0) }, measure: risk.measure)
    }

    static func dto(_ item: PlanItem) -> Components.Schemas.PlanItem {
        let today = PlanMonth(Day(Date()))
        return .init(id: item.id!.uuidString, source: .init(kind: .init(rawValue: item.sourceKind) ?? .manual, key: item.sourceKey), title: item.title,
                     priority: item.priority, ownerName: item.ownerName, startMonth: item.startMonth, dueMonth: item.dueMonth,
                     status: .init(rawValue: item.status) ?? .notStarted, progress: item.progress, notes: item.notes, dropReason: item.dropReason,
                     overdue: PlanMonth(item.dueMonth).map { PlanRules.isOverdue(status: item.planStatus, due: $0, today: today) })
    }
}
