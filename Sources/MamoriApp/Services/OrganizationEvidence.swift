import Fluent
import Foundation
import MamoriCore

/// What Mamori knows an organization has done, asked in one place: SECURITY ACTION readiness,
/// the program's deliverables, the eligibility prefill and the dashboard all read these facts
/// instead of querying each other's tables.
struct OrganizationEvidence {
    let db: any Database

    struct Facts: Sendable, Equatable {
        var policyStage: PolicyStage
        /// Every chapter of the related rules has been checked at least once.
        var rulesChecked: Bool
        var diagnosisSaved: Bool
        var declaredStars: Int?
        var checkedMeasures: Set<Int>
        /// The one-year action plan, agreed by the owner (agreement needs an item for every
        /// source that has gaps).
        var planAgreed: Bool?

        var policyPublished: Bool { policyStage == .published }

        var readiness: SecurityActionReadiness {
            SecurityActionReadiness(checkedMeasures: checkedMeasures, hasSelfDiagnosis: diagnosisSaved, policyStage: policyStage,
                                    declaredStars: declaredStars)
        }

        /// ① published policy and checked rules, ② a saved diagnosis, ③ the agreed plan,
        /// ④ a two-star declaration.
        var deliverables: [(Deliverable, Deliverable.Status)] {
            [(.policyAndRulesCheck, Deliverable.status(evidence: policyPublished && rulesChecked)),
             (.selfDiagnosis, Deliverable.status(evidence: diagnosisSaved)),
             (.actionPlan, Deliverable.status(evidence: planAgreed)),
             (.twoStarDeclaration, Deliverable.status(evidence: (declaredStars ?? 0) >= 2))]
        }

        static func == (lhs: Facts, rhs: Facts) -> Bool {
            lhs.policyStage == rhs.policyStage && lhs.rulesChecked == rhs.rulesChecked && lhs.diagnosisSaved == rhs.diagnosisSaved
                && lhs.declaredStars == rhs.declaredStars && lhs.checkedMeasures == rhs.checkedMeasures && lhs.planAgreed == rhs.planAgreed
        }
    }

    func facts(of organization: Organization) async throws -> Facts {
        try await facts(of: [organization.requireID()])[try organization.requireID()]!
    }

    /// The facts of many organizations with one query per kind of fact (statistics, lists).
    func facts(of organizationIDs: [UUID]) async throws -> [UUID: Facts] {
        var result = Dictionary(uniqueKeysWithValues: organizationIDs.map {
            ($0, Facts(policyStage: .none, rulesChecked: false, diagnosisSaved: false, declaredStars: nil, checkedMeasures: [], planAgreed: false))
        })
        guard !organizationIDs.isEmpty else { return result }
        for chunk in stride(from: 0, to: organizationIDs.count, by: 500).map({ Array(organizationIDs[$0..<min($0 + 500, organizationIDs.count)]) }) {
            var statuses: [UUID: [PolicyStatus]] = [:]
            for row in try await PolicyVersion.query(on: db).filter(\.$organization.$id ~~ chunk)
                .filter(\.$document == PolicyDocumentKind.basicPolicy.storageKey)
                .filter(\.$status ~~ [PolicyStatus.draft.rawValue, PolicyStatus.approved.rawValue, PolicyStatus.published.rawValue])
                .field(\.$id).field(\.$organization.$id).field(\.$status).all() {
                statuses[row.$organization.id, default: []].append(row.policyStatus)
            }
            var chapters: [UUID: Set<String>] = [:]
            for row in try await RuleCheck.query(on: db).filter(\.$organizationID ~~ chunk)
                .field(\.$id).field(\.$organizationID).field(\.$chapter).all() {
                chapters[row.organizationID, default: []].insert(row.chapter)
            }
            var diagnosed = Set<UUID>()
            for row in try await SelfDiagnosis.query(on: db).filter(\.$organization.$id ~~ chunk)
                .field(\.$id).field(\.$organization.$id).all() {
                diagnosed.insert(row.$organization.id)
            }
            var stars: [UUID: Int] = [:]
            for row in try await SecurityActionDeclaration.query(on: db).filter(\.$organization.$id ~~ chunk)
                .field(\.$id).field(\.$organization.$id).field(\.$stars).all() {
                stars[row.$organization.id] = max(stars[row.$organization.id] ?? 0, row.stars)
            }
            var measures: [UUID: Set<Int>] = [:]
            for row in try await BasicMeasureCheck.query(on: db).filter(\.$organization.$id ~~ chunk)
                .field(\.$id).field(\.$organization.$id).field(\.$measure).all() {
                measures[row.$organization.id, default: []].insert(row.measure)
            }
            var agreed = Set<UUID>()
            for row in try await ActionPlanRecord.query(on: db).filter(\.$organizationID ~~ chunk).filter(\.$agreedAt != nil)
                .field(\.$id).field(\.$organizationID).all() {
                agreed.insert(row.organizationID)
            }
            let allChapters = Set(PolicyContent.bundled.chapters.map(\.key))
            for id in chunk {
                result[id] = Facts(policyStage: PolicyStage.of(statuses[id] ?? []),
                                   rulesChecked: (chapters[id] ?? []).isSuperset(of: allChapters),
                                   diagnosisSaved: diagnosed.contains(id),
                                   declaredStars: stars[id],
                                   checkedMeasures: measures[id] ?? [],
                                   planAgreed: agreed.contains(id))
            }
        }
        return result
    }
}
