import Foundation

/// Who may apply to the expert-guidance program (REFERENCE §1–§2, seed 004): an SME by the
/// definition table, with a SECURITY ACTION declaration, without a basic policy yet, not a
/// participant of the previous year, and a legal person or a sole proprietor.
public enum ProgramEligibility {
    public enum Reason: String, Sendable, Codable, CaseIterable, Equatable {
        case notSME = "not_sme"
        case noSecurityAction = "no_security_action"
        case hasSecurityPolicy = "has_security_policy"
        case previousParticipant = "previous_participant"
        case noLegalPersonality = "no_legal_personality"
    }

    /// Which limit made the applicant an SME.
    public enum SMEBasis: String, Sendable, Codable, Equatable {
        case capital
        case employees
    }

    public struct Applicant: Sendable, Equatable {
        public var category: IndustryCategory
        /// For rows 12–15: the main industry (rows 1–8) whose employee limit applies.
        public var mainIndustry: IndustryCategory?
        public var capitalYen: Int64?
        public var employees: Int
        public var soleProprietor: Bool
        public var legalPersonality: Bool
        public var securityActionStars: Int
        public var hasSecurityPolicy: Bool
        public var participatedPreviousYear: Bool

        public init(category: IndustryCategory, mainIndustry: IndustryCategory? = nil, capitalYen: Int64?, employees: Int,
                    soleProprietor: Bool = false, legalPersonality: Bool = true, securityActionStars: Int,
                    hasSecurityPolicy: Bool = false, participatedPreviousYear: Bool = false) {
            self.category = category
            self.mainIndustry = mainIndustry
            self.capitalYen = capitalYen
            self.employees = employees
            self.soleProprietor = soleProprietor
            self.legalPersonality = legalPersonality
            self.securityActionStars = securityActionStars
            self.hasSecurityPolicy = hasSecurityPolicy
            self.participatedPreviousYear = participatedPreviousYear
        }
    }

    public struct Decision: Sendable, Equatable {
        public let eligible: Bool
        public let smeBasis: SMEBasis?
        /// Every failing condition, in the order of the official list.
        public let reasons: [Reason]

        /// Every condition, met or not, in the order of the official list: a result page shows
        /// each one with why it passed or failed.
        public var conditions: [Condition] {
            Reason.allCases.map { Condition(reason: $0, met: !reasons.contains($0)) }
        }
    }

    /// One application condition, named by the reason it would fail with.
    public struct Condition: Sendable, Equatable {
        public let reason: Reason
        public let met: Bool

        public init(reason: Reason, met: Bool) {
            self.reason = reason
            self.met = met
        }
    }

    public enum InputProblem: Error, Sendable, Equatable {
        /// Rows 12–15 need a main industry; it must be one of rows 1–8.
        case mainIndustryRequired
        case mainIndustryNotAllowed
    }

    /// Decides, listing every reason (not only the first).
    public static func decide(_ applicant: Applicant) throws(InputProblem) -> Decision {
        let basis = try smeBasis(applicant)
        var reasons: [Reason] = []
        if basis == nil { reasons.append(.notSME) }
        if applicant.securityActionStars < 1 { reasons.append(.noSecurityAction) }
        if applicant.hasSecurityPolicy { reasons.append(.hasSecurityPolicy) }
        if applicant.participatedPreviousYear { reasons.append(.previousParticipant) }
        // Sole proprietors have no legal personality and may still apply; groups without it may not.
        if !applicant.legalPersonality && !applicant.soleProprietor { reasons.append(.noLegalPersonality) }
        return Decision(eligible: reasons.isEmpty, smeBasis: basis, reasons: reasons)
    }

    /// The SME test of the definition table. Rows 1–8: capital **or** employees (capital is
    /// reported first when both hold; sole proprietors and unknown capital use employees).
    /// Rows 9–11: employees. Rows 12–15: the employee limit of the main industry.
    public static func smeBasis(_ applicant: Applicant) throws(InputProblem) -> SMEBasis? {
        let category = applicant.category
        if category.needsMainIndustry {
            guard let main = applicant.mainIndustry else { throw .mainIndustryRequired }
            guard main.canBeMainIndustry, let limit = main.employeeLimit else { throw .mainIndustryNotAllowed }
            return applicant.employees <= limit ? .employees : nil
        }
        if let capitalLimit = category.capitalLimitYen, !applicant.soleProprietor,
           let capital = applicant.capitalYen, capital <= capitalLimit {
            return .capital
        }
        if let limit = category.employeeLimit, applicant.employees <= limit { return .employees }
        return nil
    }
}
