import Fluent
import Foundation
import MamoriCore
import Vapor

/// The public eligibility check. A GET form: it changes nothing, and a result can be shared.
struct EligibilityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.eligibility.route, use: check)
    }

    static let fields = ["category", "mainIndustry", "capitalYen", "employees", "legalForm", "securityActionStars", "hasSecurityPolicy", "participatedPreviousYear"]

    @Sendable func check(req: Request) async throws -> Response {
        var values: [String: String] = [:]
        for field in Self.fields { if let value = req.query[String.self, at: field] { values[field] = value } }
        let known = try await knownPolicy(req)
        guard values["category"] != nil else {
            return Layout.response(EligibilityPage.render(.init(form: FormState(values: try await prefill(req)), decision: nil, knownPolicy: known),
                                                          context: req.pageContext()))
        }
        // What Mamori knows beats what was typed: a published policy means "has a policy".
        if known == true { values["hasSecurityPolicy"] = "yes" }
        var problems = FieldProblems()
        let capital = OrganizationProfile.parseCount("capitalYen", values["capitalYen"], maximum: OrganizationProfile.maximumCapitalYen, required: false, into: &problems)
        let employees = OrganizationProfile.parseCount("employees", values["employees"], maximum: OrganizationProfile.maximumEmployees, required: true, into: &problems)
        let stars = values["securityActionStars"].flatMap { Int($0) }
        if values["securityActionStars"].map({ $0.isEmpty }) ?? true { problems.add("securityActionStars", .required) }
        let legalForm = values["legalForm"] ?? ""
        if !["corporation", "sole_proprietor", "group"].contains(legalForm) { problems.add("legalForm", legalForm.isEmpty ? .required : .unknownChoice) }
        let input = EligibilityInput(
            category: values["category"], mainIndustry: values["mainIndustry"], capitalYen: capital, employees: employees.map { Int($0) },
            soleProprietor: legalForm == "sole_proprietor", legalPersonality: legalForm == "corporation",
            securityActionStars: stars, hasSecurityPolicy: values["hasSecurityPolicy"] == "yes",
            participatedPreviousYear: values["participatedPreviousYear"] == "yes")
        var error: MamoriError?
        var decision: ProgramEligibility.Decision?
        switch input.decide() {
        case .success(let result) where problems.isEmpty: decision = result
        case .success: error = .invalid(problems)
        case .failure(let failure):
            var merged = problems
            for entry in failure.entries where merged[entry.field] == nil { merged.add(entry.field, entry.problem) }
            error = .invalid(merged)
        }
        let form = error.map { FormState(values: values, error: $0) } ?? FormState(values: values)
        return Layout.response(EligibilityPage.render(.init(form: form, decision: decision, knownPolicy: known), context: req.pageContext()),
                               status: error == nil ? .ok : .unprocessableEntity)
    }

    /// For a signed-in organization, whether Mamori holds its published basic policy; nil for
    /// visitors (the public check keeps asking).
    private func knownPolicy(_ req: Request) async throws -> Bool? {
        guard let principal = req.principal, principal.role.belongsToOrganization, let organization = principal.organization else { return nil }
        return try await OrganizationEvidence(db: req.db).facts(of: organization).policyPublished
    }

    /// A signed-in organization starts from what Mamori already knows about it.
    private func prefill(_ req: Request) async throws -> [String: String] {
        var values = ["legalForm": "corporation", "hasSecurityPolicy": "no", "participatedPreviousYear": "no"]
        guard let principal = req.principal, principal.role.belongsToOrganization, let organization = principal.organization else { return values }
        values["category"] = organization.category
        values["employees"] = String(organization.employees)
        if let capital = organization.capitalYen { values["capitalYen"] = String(capital) }
        let stars = try await SecurityActionService(db: req.db).declarations(of: organization).map(\.stars).max() ?? 0
        values["securityActionStars"] = String(stars)
        return values
    }
}
