import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The plan page's remaining actions: moving and removing items, the calendar feed's address
/// and comments. Any member, as on the page; items are looked up within the token's
/// organization (another organization's item is 404).
extension MamoriAPI {
    func movePlanItem(_ input: Operations.MovePlanItem.Input) async throws -> Operations.MovePlanItem.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = PlanService(db: db)
        let item = try await service.find(UUID(uuidString: input.path.itemId), in: organization)
        try await service.move(item, up: body.direction == .up, in: organization, by: principal, ip: nil)
        return .ok(.init(body: .json(try await plan(of: organization))))
    }

    func deletePlanItem(_ input: Operations.DeletePlanItem.Input) async throws -> Operations.DeletePlanItem.Output {
        let (principal, organization) = try await organizationOfToken()
        let service = PlanService(db: db)
        try await service.remove(try await service.find(UUID(uuidString: input.path.itemId), in: organization), by: principal, ip: nil)
        return .noContent(.init())
    }

    func createPlanCalendar(_ input: Operations.CreatePlanCalendar.Input) async throws -> Operations.CreatePlanCalendar.Output {
        let (principal, organization) = try await organizationOfToken()
        let token = try await PlanService(db: db).renewCalendar(of: organization, by: principal, ip: nil)
        return .created(.init(body: .json(.init(url: Self.absoluteLink(publicURL, SiteURL.planFeed(token: token + ".ics").path)))))
    }

    func listPlanComments(_ input: Operations.ListPlanComments.Input) async throws -> Operations.ListPlanComments.Output {
        let (_, organization) = try await organizationOfToken()
        let comments = try await PlanService(db: db).comments(of: organization)
        return .ok(.init(body: .json(.init(items: comments.map(Self.planCommentDTO)))))
    }

    func addPlanComment(_ input: Operations.AddPlanComment.Input) async throws -> Operations.AddPlanComment.Output {
        let (principal, organization) = try await organizationOfToken()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let comment = try await PlanService(db: db).comment(body.body, on: organization, by: principal, ip: nil)
        return .created(.init(body: .json(Self.planCommentDTO(comment))))
    }

    static func planCommentDTO(_ comment: PlanComment) -> Components.Schemas.PlanComment {
        .init(id: comment.id?.uuidString ?? "", author: comment.authorName, authorRole: comment.authorRole, body: comment.body,
              createdAt: comment.createdAt ?? Date(timeIntervalSince1970: 0))
    }
}
