import Fluent
import Foundation
import MamoriCore

/// The organization's own details: the profile given at sign-up (which decides program
/// eligibility) and what reports print for the business (address, representative, the
/// emergency contact). Only the owner changes them; every change is audited.
struct OrganizationDetailsService {
    let db: any Database

    static let maximumAddress = 200
    static let maximumRepresentative = 100

    /// Raw values as typed (page) or sent (API); nil leaves a field as it is.
    struct Input: Sendable {
        var name: String?
        var prefecture: String?
        var category: String?
        var employees: String?
        var capitalYen: String?
        var address: String?
        var representative: String?
        var incidentContact: String?
    }

    func update(_ organization: Organization, with input: Input, by actor: Principal, ip: String?) async throws {
        guard actor.isOwner, actor.organizationID == organization.id else { throw Refusal.notAllowed(L.Organization.organizationDetailsOwnerOnly) }
        var problems = FieldProblems()
        let capital = input.capitalYen ?? organization.capitalYen.map(String.init)
        let profile = OrganizationProfile.validate(name: input.name ?? organization.name, prefecture: input.prefecture ?? organization.prefectureCode,
                                                   category: input.category ?? organization.category,
                                                   employees: input.employees ?? String(organization.employees), capitalYen: capital)
        if case .failure(let found) = profile { for entry in found.entries { problems.add(entry.field, entry.problem) } }
        let address = Self.optionalText(input.address, maximum: Self.maximumAddress, field: "address", into: &problems)
        let representative = Self.optionalText(input.representative, maximum: Self.maximumRepresentative, field: "representative", into: &problems)
        let contact = Self.optionalText(input.incidentContact, maximum: TeleworkService.maximumContact, field: "incidentContact", into: &problems)
        guard problems.isEmpty, case .success(let valid) = profile else { throw Refusal.invalid(problems) }

        var changed: [String] = []
        let before = (organization.name, organization.prefectureCode, organization.category, organization.employees, organization.capitalYen)
        organization.apply(valid)
        if before != (organization.name, organization.prefectureCode, organization.category, organization.employees, organization.capitalYen) { changed.append("profile") }
        if let address, address != organization.address { organization.address = address; changed.append("address") }
        if let representative, representative != organization.representative { organization.representative = representative; changed.append("representative") }
        if let contact, contact != organization.incidentContact { organization.incidentContact = contact; changed.append("incidentContact") }
        guard !changed.isEmpty else { return }
        let summary = changed.joined(separator: ", ")
        try await db.transaction { db in
            try await organization.save(on: db)
            try await AuditLog.record(.organizationUpdated, by: .principal(actor, ip: ip), organizationID: organization.id,
                                      target: ("organization", organization.id), summary: summary, on: db)
        }
    }

    /// nil: not given; `.some(nil)`: given empty (cleared); `.some(text)`: the trimmed text.
    private static func optionalText(_ raw: String?, maximum: Int, field: String, into problems: inout FieldProblems) -> String?? {
        guard let raw else { return nil }
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > maximum { problems.add(field, .tooLong(maximum: maximum)) }
        return .some(text.isEmpty ? nil : text)
    }
}
