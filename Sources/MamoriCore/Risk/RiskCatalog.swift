import Foundation

/// The threats Mamori offers for risk analysis, what the ratings mean, the bands and the
/// treatments, from `Resources/risk-catalog.json` (written for Mamori; names its source and
/// `asOf`).
public struct RiskCatalog: Sendable, Decodable {
    public struct Threat: Sendable, Decodable {
        public let key: String
        public let name: LocalizedText
        public let description: LocalizedText
        public let examples: LocalizedText
        public let measures: [LocalizedText]
    }

    public struct Level: Sendable, Decodable {
        public let value: Int
        public let ja: String
        public let en: String
        public var text: LocalizedText { LocalizedText(ja: ja, en: en) }
    }

    public struct BandText: Sendable, Decodable {
        public let key: RiskRules.Band
        public let ja: String
        public let en: String
        public let advice: LocalizedText
    }

    public struct TreatmentText: Sendable, Decodable {
        public let key: RiskTreatment
        public let ja: String
        public let en: String
        public let description: LocalizedText
    }

    public let source: LocalizedText
    public let asOf: String
    public let threats: [Threat]
    public let likelihood: [Level]
    public let vulnerability: [Level]
    public let confidentiality: [Level]
    public let integrity: [Level]
    public let availability: [Level]
    public let bands: [BandText]
    public let treatments: [TreatmentText]

    public func threat(_ key: String) -> Threat? { threats.first { $0.key == key } }

    /// The catalog name of a threat key, or the text itself for a threat typed by hand.
    public static func name(_ threat: String) -> LocalizedText {
        bundled.threat(threat)?.name ?? LocalizedText(ja: threat, en: threat)
    }

    public static let bundled = BundledContent.load("risk-catalog", as: RiskCatalog.self) { catalog in
        guard catalog.threats.count >= 7, [catalog.likelihood, catalog.vulnerability, catalog.confidentiality, catalog.integrity, catalog.availability]
            .allSatisfy({ $0.map(\.value) == [1, 2, 3] }) else { throw CocoaError(.coderInvalidValue) }
    }
}
