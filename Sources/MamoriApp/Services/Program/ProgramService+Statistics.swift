import Fluent
import Foundation
import MamoriCore

// MARK: Deliverables and statistics

extension ProgramService {
    /// ① policy and rules check, ② saved diagnosis, ③ action plan, ④ two-star declaration, from data.
    func deliverables(of organization: Organization) async throws -> [(Deliverable, Deliverable.Status)] {
        try await OrganizationEvidence(db: db).facts(of: organization).deliverables
    }

    /// What deliverable ① holds, for the office and the assigned expert.
    struct PolicyDeliverableFacts: Sendable {
        /// The address `/p/<slug>` of the published basic policy; nil while none is published.
        var publicSlug: String?
        var rules: RulesCheckService.Summary
    }

    /// The published policy's address (only when one is published) and the rules check in counts.
    func policyDeliverable(of organization: Organization) async throws -> PolicyDeliverableFacts {
        let policies = PolicyService(db: db)
        let slug = try await policies.published(of: organization) == nil ? nil : try await policies.slug(of: organization)
        return PolicyDeliverableFacts(publicSlug: slug, rules: try await RulesCheckService(db: db).summary(of: organization))
    }

    func statistics(fiscalYear: Int, visitsPerCompany: Int) async throws -> ProgramStatistics {
        let applications = try await ProgramApplication.query(on: db).filter(\.$fiscalYear == fiscalYear)
            .field(\.$id).field(\.$status).field(\.$prefectureCode).field(\.$organization.$id).limit(100_000).all()
        let ids = applications.compactMap(\.id)
        var done: [UUID: Int] = [:]
        var results: [UUID: Bool] = [:]
        if !ids.isEmpty {
            for visit in try await ProgramVisit.query(on: db).filter(\.$application.$id ~~ ids).filter(\.$recordedAt != nil)
                .field(\.$id).field(\.$application.$id).all() {
                done[visit.$application.id, default: 0] += 1
            }
            for survey in try await ProgramSurvey.query(on: db).filter(\.$application.$id ~~ ids)
                .field(\.$id).field(\.$application.$id).field(\.$producedResults).all() {
                results[survey.$application.id] = survey.producedResults
            }
        }
        let facts = try await OrganizationEvidence(db: db).facts(of: applications.filter { $0.status == .accepted }.map(\.$organization.id))
        return ProgramStatistics(applications.map {
            let delivered = Set((facts[$0.$organization.id]?.deliverables ?? []).filter { $0.1 == .done }.map(\.0))
            return ProgramStatistics.Participant(prefecture: $0.prefecture, status: $0.status, visitsDone: done[$0.id!] ?? 0,
                                                 producedResults: results[$0.id!], deliverablesDone: delivered)
        }, visitsPerCompany: visitsPerCompany)
    }
}
