import Foundation

/// The texts of the self-diagnosis, from `Resources/self-diagnosis.json` (written for Mamori
/// from the IPA sheet's topics; the file names its source and `asOf`).
public struct DiagnosisContent: Sendable, Decodable {
    public struct Source: Sendable, Decodable {
        public let ja: String
        public let en: String
        public let url: String
    }

    public struct Answer: Sendable, Decodable {
        public let key: DiagnosisAnswer
        public let points: Int
        public let ja: String
        public let en: String
        public var label: LocalizedText { LocalizedText(ja: ja, en: en) }
    }

    public struct Part: Sendable, Decodable {
        public let key: DiagnosisPart
        public let items: [Int]
        public let ja: String
        public let en: String
        public var name: LocalizedText { LocalizedText(ja: ja, en: en) }
    }

    public struct Band: Sendable, Decodable {
        public let key: DiagnosisBand
        public let min: Int
        public let max: Int
        public let title: LocalizedText
        public let meaning: LocalizedText
    }

    public struct Item: Sendable, Decodable {
        public let number: Int
        public let part: DiagnosisPart
        public let topic: LocalizedText
        public let question: LocalizedText
        public let explanation: LocalizedText
        public let advice: LocalizedText
        public let basicMeasure: Int?
    }

    public struct BasicMeasure: Sendable, Decodable {
        public let number: Int
        public let title: LocalizedText
        public let description: LocalizedText
        public let diagnosisItem: Int
    }

    public let source: Source
    public let asOf: String
    public let answers: [Answer]
    public let parts: [Part]
    public let bands: [Band]
    public let items: [Item]
    public let basicMeasures: [BasicMeasure]

    public func item(_ number: Int) -> Item { items[number - 1] }
    public func answer(_ key: DiagnosisAnswer) -> Answer { answers.first { $0.key == key }! }
    public func part(_ key: DiagnosisPart) -> Part { parts.first { $0.key == key }! }
    public func band(_ key: DiagnosisBand) -> Band { bands.first { $0.key == key }! }

    /// The bundled content, checked once: 25 items in order, every answer, part and band.
    public static let bundled = BundledContent.load("self-diagnosis", as: DiagnosisContent.self) { try $0.check() }

    struct Invalid: Error { let reason: String }

    func check() throws {
        guard items.map(\.number) == Array(DiagnosisAnswers.itemNumbers) else { throw Invalid(reason: "items must be 1…25 in order") }
        for item in items where DiagnosisPart.of(item: item.number) != item.part { throw Invalid(reason: "item \(item.number) is in the wrong part") }
        guard Set(answers.map(\.key)) == Set(DiagnosisAnswer.allCases),
              answers.allSatisfy({ $0.points == $0.key.points }) else { throw Invalid(reason: "answers or points differ from the rules") }
        guard Set(parts.map(\.key)) == Set(DiagnosisPart.allCases) else { throw Invalid(reason: "parts") }
        guard Set(bands.map(\.key)) == Set(DiagnosisBand.allCases),
              bands.allSatisfy({ DiagnosisBand.of(total: $0.min) == $0.key && DiagnosisBand.of(total: $0.max) == $0.key }) else {
            throw Invalid(reason: "bands differ from the rules")
        }
        guard basicMeasures.map(\.number) == [1, 2, 3, 4, 5] else { throw Invalid(reason: "five basic measures") }
    }
}
