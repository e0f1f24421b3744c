/// The four kinds of account. Stored as text.
enum Role: String, Codable, Sendable, CaseIterable {
    case officeAdmin = "office_admin"
    case expert
    case owner
    case member

    var belongsToOrganization: Bool { self == .owner || self == .member }
}
