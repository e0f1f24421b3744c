import Foundation

/// The consultation and reporting contacts of the seeds (`Resources/contacts.json`), with
/// search that matches the way Japanese users type.
public struct ContactDirectory: Sendable, Decodable {
    public struct Category: Sendable, Decodable {
        public let key: String
        public let ja: String
        public let en: String
        public var name: LocalizedText { LocalizedText(ja: ja, en: en) }
    }

    public struct Contact: Sendable, Decodable, Identifiable {
        public let id: String
        public let organization: LocalizedText
        public let name: LocalizedText
        public let purpose: LocalizedText
        public let category: String
        public let phone: String?
        public let email: String?
        public let hours: LocalizedText?
        public let url: String?
        public let incidentKinds: [String]
        public let sourceSeed: String
        public let asOf: String
    }

    public let asOf: String
    public let asOfNote: LocalizedText
    public let categories: [Category]
    public let contacts: [Contact]

    public func contact(_ id: String) -> Contact? { contacts.first { $0.id == id } }

    /// Contacts matching every word of `query` (in any field, either language) and the category.
    public func search(_ query: String?, category: String?) -> [Contact] {
        let words = Self.fold(query ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        return contacts.filter { contact in
            if let category, !category.isEmpty, contact.category != category { return false }
            guard !words.isEmpty else { return true }
            let haystack = Self.fold([contact.organization.ja, contact.organization.en, contact.name.ja, contact.name.en,
                                      contact.purpose.ja, contact.purpose.en, contact.phone ?? "", contact.url ?? ""].joined(separator: " "))
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// NFKC (full-width ｱ and Ａ, half-width ｶﾅ), lower case, katakana to hiragana, no hyphens in
    /// numbers: "ﾗﾝｻﾑ", "ランサム" and "らんさむ" find the same entries, "0359787509" finds "03-5978-7509".
    public static func fold(_ text: String) -> String {
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        var result = ""
        for scalar in normalized.unicodeScalars {
            if (0x30A1...0x30F6).contains(scalar.value), let hiragana = Unicode.Scalar(scalar.value - 0x60) {
                result.unicodeScalars.append(hiragana)
            } else if scalar == "-" || scalar == "‐" || scalar == "−" {
                continue
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static let bundled: ContactDirectory = {
        do {
            let url = Bundle.module.url(forResource: "contacts", withExtension: "json")!
            return try JSONDecoder().decode(ContactDirectory.self, from: Data(contentsOf: url))
        } catch {
            preconditionFailure("Resources/contacts.json is invalid: \(error)")
        }
    }()
}
