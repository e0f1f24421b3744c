import Fluent
import Foundation
import MamoriCore
import Plot

/// What deliverable ① holds, for the office and the assigned expert: where the published
/// policy is, and the rules check result in one line.
struct PolicyDeliverable: Sendable {
    var publicPath: String?
    var rulesSummary: LocalizedText
    /// Set for the assigned expert: the page to read drafts and comment.
    var reviewPath: String?
    /// Set for the assigned expert: the company's plan.
    var planPath: String? = nil

    static func of(_ organization: Organization, reviewPath: String? = nil, planPath: String? = nil, on db: any Database) async throws -> PolicyDeliverable {
        let service = PolicyService(db: db)
        let slug = try await service.published(of: organization) == nil ? nil : try await service.slug(of: organization)
        let rules = try await RulesCheckService(db: db).summary(of: organization)
        return PolicyDeliverable(publicPath: slug.map { SiteURL.publicPolicy(slug: $0).path },
                                 rulesSummary: L.Rules.summary(ok: rules.ok, revise: rules.needsRevision, missing: rules.missing, unchecked: rules.unchecked),
                                 reviewPath: reviewPath, planPath: planPath)
    }

    func render(_ context: PageContext) -> Component {
        let t = context.t
        return El("ul", [("class", "deliverable-details")]) {
            El("li") {
                Text(t(L.Policy.publishedNow) + t(L.Common.colon))
                if let publicPath { link(publicPath, to: publicPath) } else { Text(t(L.Policy.notPublishedYet)) }
            }
            El("li") { Text(t(L.Rules.title) + t(L.Common.colon) + t(rulesSummary)) }
            if let reviewPath { El("li") { link(t(L.Policy.expertReviewTitle), to: reviewPath) } }
            if let planPath { El("li") { link(t(L.Plan.expertTitle), to: planPath) } }
        }
    }
}
