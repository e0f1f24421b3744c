import Fluent
import Foundation
import MamoriCore
import Vapor

/// The basic-measure checklist, recorded declarations and readiness for the next star.
struct SecurityActionService {
    let db: any Database

    func checkedMeasures(of organization: Organization) async throws -> Set<Int> {
        Set(try await BasicMeasureCheck.query(on: db).filter(\.$organization.$id == organization.requireID()).all().map(\.measure))
    }

    /// Replaces the ticked measures with `measures` (each 1–5).
    func setCheckedMeasures(_ measures: Set<Int>, of organization: Organization, by actor: Principal, ip: String?) async throws {
        let orgID = try organization.requireID()
        let valid = measures.filter { (1...5).contains($0) }
        let before = try await checkedMeasures(of: organization)
        guard before != valid else { return }
        try await db.transaction { db in
            try await BasicMeasureCheck.query(on: db).filter(\.$organization.$id == orgID).filter(\.$measure !~ Array(valid)).delete()
            for measure in valid.subtracting(before).sorted() {
                try await BasicMeasureCheck(organizationID: orgID, measure: measure, checkedByID: actor.userID).create(on: db)
            }
            try await AuditLog.record(.basicMeasuresChanged, by: .principal(actor, ip: ip), organizationID: orgID, target: ("organization", orgID),
                                      summary: "\(before.sorted()) → \(valid.sorted())", on: db)
        }
    }

    func declarations(of organization: Organization) async throws -> [SecurityActionDeclaration] {
        try await SecurityActionDeclaration.query(on: db)
            .filter(\.$organization.$id == organization.requireID())
            .sort(\.$declaredOn, .descending).sort(\.$createdAt, .descending)
            .limit(100)
            .all()
    }

    /// A declaration as the organization records it, typed; each face reads its own format into it.
    struct DeclarationInput {
        /// One or two stars.
        var stars: FieldInput<Int>
        var declarationID: String?
        /// `yyyy-MM-dd` (`FieldInput.calendarDate`).
        var declaredOn: FieldInput<String>
        /// The person confirms that the two-star conditions were met outside Mamori (a paper
        /// self-diagnosis, a policy published on the company's own site).
        var conditionsMetElsewhere = false
    }

    func record(_ input: DeclarationInput, for organization: Organization, by actor: Principal, ip: String?) async throws -> SecurityActionDeclaration {
        var problems = FieldProblems()
        var stars = input.stars.read("stars", into: &problems)
        if let given = stars, ![1, 2].contains(given) { problems.add("stars", .unknownChoice); stars = nil }
        let identifier = (input.declarationID ?? "").precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(identifier, "declarationID", maximum: TextLimit.code, required: true, into: &problems)
        let date = input.declaredOn.read("declaredOn", unreadable: .invalidDate, into: &problems)
        if let date, date > CalendarDate.today() { problems.add("declaredOn", .inFuture) }
        guard problems.isEmpty, let stars, let date else { throw Refusal.invalid(problems) }
        // Two stars rest on a self-diagnosis and a basic policy that is written and published
        // (REFERENCE §4). Mamori refuses to record them while it sees a condition unmet, unless
        // the person confirms they were met elsewhere.
        if stars == 2 && !input.conditionsMetElsewhere {
            let missing = Self.missingForTwoStars(try await readiness(of: organization))
            if !missing.isEmpty {
                throw Refusal.invalid("stars", .twoStarsNotReady(missing: missing))
            }
        }
        let declaration = SecurityActionDeclaration(organizationID: try organization.requireID(), stars: stars, declarationID: identifier,
                                                    declaredOn: date, createdByID: actor.userID)
        try await declaration.create(on: db)
        try await AuditLog.record(.declarationRecorded, by: .principal(actor, ip: ip), organizationID: organization.id,
                                  target: ("security_action_declaration", declaration.id), summary: "\(stars)★ \(identifier) \(date)", on: db)
        return declaration
    }

    /// What two stars still need, in the order to do it (empty when ready).
    static func missingForTwoStars(_ readiness: SecurityActionReadiness) -> [SecurityActionReadiness.Requirement] {
        [SecurityActionReadiness.Requirement.selfDiagnosis, .policyPublished].filter { !readiness.met.contains($0) }
    }

    /// Ticked measures that the latest self-diagnosis (the latest diagnosis of every site,
    /// weakest answer per item) answers "not implemented" or "don't know".
    func conflicts(of organization: Organization, checked: Set<Int>) async throws -> [SecurityActionReadiness.MeasureConflict] {
        SecurityActionReadiness.conflicts(checked: checked, answers: try await DiagnosisService(db: db).combined(of: organization)?.answers)
    }

    /// Readiness from real data, through `OrganizationEvidence` (the policy stage says which
    /// step of the basic policy is still missing).
    func readiness(of organization: Organization) async throws -> SecurityActionReadiness {
        try await OrganizationEvidence(db: db).facts(of: organization).readiness
    }
}
