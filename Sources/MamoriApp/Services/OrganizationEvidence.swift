import Fluent
import Foundation
import MamoriCore
import SQLKit

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
        let allChapters = Set(PolicyContent.bundled.chapters.map(\.key))
        for chunk in stride(from: 0, to: organizationIDs.count, by: 500).map({ Array(organizationIDs[$0..<min($0 + 500, organizationIDs.count)]) }) {
            var statuses: [UUID: [PolicyStatus]] = [:]
            var chapters: [UUID: Set<String>] = [:]
            var diagnosed = Set<UUID>()
            var stars: [UUID: Int] = [:]
            var measures: [UUID: Set<Int>] = [:]
            var agreed = Set<UUID>()
            for row in try await factRows(of: chunk) {
                let id = try row.decode(column: "organization_id", as: UUID.self)
                let value = try row.decode(column: "value", as: String.self)
                switch try row.decode(column: "fact", as: String.self) {
                case "policy": if let status = PolicyStatus(rawValue: value) { statuses[id, default: []].append(status) }
                case "chapter": chapters[id, default: []].insert(value)
                case "diagnosis": diagnosed.insert(id)
                case "stars": if let count = Int(value) { stars[id] = max(stars[id] ?? 0, count) }
                case "measure": if let measure = Int(value) { measures[id, default: []].insert(measure) }
                default: agreed.insert(id)
                }
            }
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

    /// Every fact of the organizations as (organization, fact, value) rows, in one round trip:
    /// the dashboard reads these on every view, and six model queries cost six times the
    /// query building and row reflection (docs/PERFORMANCE.md).
    private func factRows(of ids: [UUID]) async throws -> [any SQLRow] {
        let binds: [any Encodable & Sendable] = ids
        let statuses: [any Encodable & Sendable] = [PolicyStatus.draft.rawValue, PolicyStatus.approved.rawValue, PolicyStatus.published.rawValue]
        let query: SQLQueryString = """
            SELECT organization_id, 'policy' AS fact, CAST(status AS TEXT) AS value FROM policy_versions
              WHERE organization_id IN (\(binds: binds)) AND document = \(bind: PolicyDocumentKind.basicPolicy.storageKey) AND status IN (\(binds: statuses))
            UNION ALL SELECT organization_id, 'chapter', CAST(chapter AS TEXT) FROM rule_checks WHERE organization_id IN (\(binds: binds))
            UNION ALL SELECT DISTINCT organization_id, 'diagnosis', CAST('' AS TEXT) FROM self_diagnoses WHERE organization_id IN (\(binds: binds))
            UNION ALL SELECT organization_id, 'stars', CAST(stars AS TEXT) FROM security_action_declarations WHERE organization_id IN (\(binds: binds))
            UNION ALL SELECT organization_id, 'measure', CAST(measure AS TEXT) FROM basic_measure_checks WHERE organization_id IN (\(binds: binds))
            UNION ALL SELECT organization_id, 'agreed', CAST('' AS TEXT) FROM action_plans WHERE organization_id IN (\(binds: binds)) AND agreed_at IS NOT NULL
            """
        return try await db.sql.raw(query).all()
    }
}
