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

    static let mock = PolicyDeliverable(publicPath: SiteURL.publicPolicy(slug: "test-company").path,
                                         rulesSummary: L.Rules.summary(ok: 10, revise: 2, missing: 1, unchecked: 3), reviewPath: nil)

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

extension PolicyDeliverable {
    /// What `ProgramService.policyDeliverable(of:)` read, as the page shows it.
    init(_ facts: ProgramService.PolicyDeliverableFacts, reviewPath: String? = nil, planPath: String? = nil) {
        let rules = facts.rules
        self.init(publicPath: facts.publicSlug.map { SiteURL.publicPolicy(slug: $0).path },
                  rulesSummary: L.Rules.summary(ok: rules.ok, revise: rules.needsRevision, missing: rules.missing, unchecked: rules.unchecked),
                  reviewPath: reviewPath, planPath: planPath)
    }
}
