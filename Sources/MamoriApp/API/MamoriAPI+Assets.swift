import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The asset and risk pages' remaining actions: changing and removing an asset, removing a
/// risk. Any member, as on the pages; ids are looked up within the token's organization
/// (another organization's asset or risk is 404).
extension MamoriAPI {
    func updateAsset(_ input: Operations.UpdateAsset.Input) async throws -> Operations.UpdateAsset.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = AssetService(db: db)
        let asset = try await service.find(UUID(uuidString: input.path.assetId), in: organization)
        let raw = AssetService.Input.Raw(business: body.business, name: body.name, notes: body.notes, usersAllowed: body.usersAllowed,
                                         ownerDepartment: body.ownerDepartment, medium: body.medium, personalData: body.personalData?.rawValue,
                                         confidentiality: .given(body.confidentiality), integrity: .given(body.integrity),
                                         availability: .given(body.availability), retention: body.retention, registeredOn: body.registeredOn)
        switch AssetService.Input.parse(raw) {
        case .success(let parsed): try await service.update(asset, with: parsed, by: principal, ip: nil)
        case .failure(let problems): throw Refusal.invalid(problems)
        }
        return .ok(.init(body: .json(Self.dto(asset))))
    }

    func deleteAsset(_ input: Operations.DeleteAsset.Input) async throws -> Operations.DeleteAsset.Output {
        let (principal, organization) = try await organizationOfToken()
        let service = AssetService(db: db)
        try await service.remove(try await service.find(UUID(uuidString: input.path.assetId), in: organization), by: principal, ip: nil)
        return .noContent(.init())
    }

    func deleteRisk(_ input: Operations.DeleteRisk.Input) async throws -> Operations.DeleteRisk.Output {
        let (principal, organization) = try await organizationOfToken()
        let service = RiskService(db: db)
        try await service.remove(try await service.find(UUID(uuidString: input.path.riskId), in: organization), by: principal, ip: nil)
        return .noContent(.init())
    }
}
