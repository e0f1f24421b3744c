import Fluent
import Foundation
import MamoriCore

/// The office's view of every account: search by name, address or organization name, and one
/// active account with its organization (password-reset links for anyone).
struct AccountDirectory {
    let db: any Database

    /// Active accounts whose address or name contains `text`, or whose organization's name does
    /// ("the owner of 札幌商事" is found by the company), optionally of one role; by name.
    func search(_ text: String, role: Role?, page: PageRequest) async throws -> Page<User> {
        let query = User.query(on: db).filter(\.$deactivatedAt == nil).with(\.$organization)
        if let role { query.filter(\.$role == role) }
        if !text.isEmpty {
            let lowered = text.lowercased()
            let organizationIDs = try await Organization.query(on: db).filter(\.$name ~~ text).limit(200).all().compactMap(\.id)
            query.group(.or) { group in
                group.filter(\.$email ~~ lowered).filter(\.$displayName ~~ text)
                if !organizationIDs.isEmpty { group.filter(\.$organization.$id ~~ organizationIDs) }
            }
        }
        return try await query.sort(\.$displayName).sort(\.$id).paginate(page)
    }

    /// An active account with its organization (404 for an unknown or removed one).
    func activeAccount(_ id: UUID?) async throws -> User {
        guard let id,
              let user = try await User.query(on: db).filter(\.$id == id).filter(\.$deactivatedAt == nil).with(\.$organization).first()
        else { throw Refusal.notFound }
        return user
    }
}
