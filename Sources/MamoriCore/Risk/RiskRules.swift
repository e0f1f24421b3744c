import Foundation

/// The asset register's personal-data kinds (REFERENCE §5).
public enum PersonalDataKind: String, Sendable, Codable, CaseIterable, Hashable {
    case none
    case personal
    case specialCare = "special_care"
    case myNumber = "my_number"
}

/// The IPA SME guideline's risk arithmetic (REFERENCE §5): each rating is 1–3; importance is
/// the highest of confidentiality, integrity and availability; damage likelihood comes from a
/// table of threat likelihood × vulnerability; risk = importance × damage likelihood.
public enum RiskRules {
    public static let ratings = 1...3

    /// Importance 1–3: the highest of C, I and A (REFERENCE §5 *(check)*: the guideline's sheet
    /// takes the maximum).
    public static func importance(confidentiality: Int, integrity: Int, availability: Int) -> Int {
        max(confidentiality, integrity, availability)
    }

    /// (3,3)→3; (3,2) and (2,3)→2; every other pair→1.
    public static func damageLikelihood(threat: Int, vulnerability: Int) -> Int {
        switch (threat, vulnerability) {
        case (3, 3): 3
        case (3, 2), (2, 3): 2
        default: 1
        }
    }

    /// Importance × damage likelihood: 1, 2, 3, 4, 6 or 9.
    public static func riskValue(importance: Int, damageLikelihood: Int) -> Int { importance * damageLikelihood }

    public enum Band: String, Sendable, Codable, CaseIterable, Comparable {
        case small
        case medium
        case large

        /// 6–9 large, 4 medium, 1–3 small.
        public static func of(_ value: Int) -> Band {
            switch value {
            case 6...: .large
            case 4: .medium
            default: .small
            }
        }

        public static func < (lhs: Band, rhs: Band) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
    }

    /// Everything about one threat to one asset.
    public struct Assessment: Sendable, Equatable {
        public let importance: Int
        public let threat: Int
        public let vulnerability: Int
        public var damageLikelihood: Int { RiskRules.damageLikelihood(threat: threat, vulnerability: vulnerability) }
        public var value: Int { RiskRules.riskValue(importance: importance, damageLikelihood: damageLikelihood) }
        public var band: Band { Band.of(value) }

        public init(importance: Int, threat: Int, vulnerability: Int) {
            self.importance = importance
            self.threat = threat
            self.vulnerability = vulnerability
        }
    }

    /// A rating from 1 to 3 (a form's text read with `FieldInput.integer`, an API's number
    /// given as is), or the problem with it.
    public static func rating(_ input: FieldInput<Int>) -> Result<Int, FieldProblem> {
        switch input {
        case .absent: return .failure(.required)
        case .unreadable: return .failure(.notANumber)
        case .given(let value): return ratings.contains(value) ? .success(value) : .failure(.outOfRange(minimum: 1, maximum: 3))
        }
    }
}

/// What is done about a risk.
public enum RiskTreatment: String, Sendable, Codable, CaseIterable, Hashable {
    case reduce
    case accept
    case avoid
    case transfer
}
