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

    public struct Contact: Sendable, Codable, Identifiable, Equatable {
        public var id: String
        public var organization: LocalizedText
        public var name: LocalizedText
        public var purpose: LocalizedText
        public var category: String
        public var phone: String?
        public var email: String?
        public var hours: LocalizedText?
        public var url: String?
        public var incidentKinds: [String]
        public var sourceSeed: String
        public var asOf: String
        /// `contact` (a desk, a reporting window, a source of information) or `measure` (a
        /// subsidy, a support program, model rules).
        public var kind: EntryKind
        public var needs: [DirectoryNeed]
        /// Dated material (the 2020 telework and pandemic measures): shown apart, marked.
        public var historical: Bool
        /// For measures: the period as the source gives it.
        public var period: LocalizedText?
        /// First-aid cases (`PlaybookContent`) where this entry helps at once.
        public var firstAidCases: [String]

        public init(id: String, organization: LocalizedText, name: LocalizedText, purpose: LocalizedText, category: String,
                    phone: String? = nil, email: String? = nil, hours: LocalizedText? = nil, url: String? = nil, incidentKinds: [String] = [],
                    sourceSeed: String, asOf: String, kind: EntryKind = .contact, needs: [DirectoryNeed] = [], historical: Bool = false,
                    period: LocalizedText? = nil, firstAidCases: [String] = []) {
            self.id = id
            self.organization = organization
            self.name = name
            self.purpose = purpose
            self.category = category
            self.phone = phone
            self.email = email
            self.hours = hours
            self.url = url
            self.incidentKinds = incidentKinds
            self.sourceSeed = sourceSeed
            self.asOf = asOf
            self.kind = kind
            self.needs = needs
            self.historical = historical
            self.period = period
            self.firstAidCases = firstAidCases
        }

        /// An address that does not even look like one (two are printed so in seed 002): kept as
        /// printed, flagged "check before use".
        public var emailLooksWrong: Bool {
            guard let email else { return false }
            return !EmailAddress.isValid(EmailAddress.normalize(email)) || email.contains(".@") || !Self.plausibleDomain(email)
        }

        /// The last label of the domain is a known-length top-level domain of letters (2–6).
        private static func plausibleDomain(_ email: String) -> Bool {
            guard let domain = email.split(separator: "@").last, let last = domain.split(separator: ".").last else { return false }
            return ["jp", "com", "org", "net", "go", "or", "ac", "ne", "co", "info", "biz", "gov", "edu", "int", "tokyo"].contains(last.lowercased())
        }
    }

    public enum EntryKind: String, Sendable, Codable, CaseIterable {
        case contact
        case measure
    }

    public let asOf: String
    public let asOfNote: LocalizedText
    public let categories: [Category]
    public let contacts: [Contact]

    public init(asOf: String, asOfNote: LocalizedText, categories: [Category], contacts: [Contact]) {
        self.asOf = asOf
        self.asOfNote = asOfNote
        self.categories = categories
        self.contacts = contacts
    }

    public func contact(_ id: String) -> Contact? { contacts.first { $0.id == id } }

    /// Contacts matching every word of `query` (in any field, either language), the category and the need.
    public func search(_ query: String?, category: String?, need: DirectoryNeed? = nil) -> [Contact] {
        let words = Self.fold(query ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        return contacts.filter { contact in
            if let category, !category.isEmpty, contact.category != category { return false }
            if let need, !contact.needs.contains(need) { return false }
            guard !words.isEmpty else { return true }
            let haystack = Self.foldedHaystacks.fold([contact.organization.ja, contact.organization.en, contact.name.ja, contact.name.en,
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

    public static let bundled = BundledContent.load("contacts", as: ContactDirectory.self)

    /// The folded text of each entry, kept between searches: folding (NFKC above all) every
    /// entry on every search was most of a search's time. Keyed by the entry's text, so an
    /// office correction simply makes a new key; the cache is emptied when it grows past any
    /// plausible number of entries.
    static let foldedHaystacks = FoldCache(limit: 4_000)

    final class FoldCache: @unchecked Sendable {
        private let lock = NSLock()
        private var folded: [String: String] = [:]
        private let limit: Int

        init(limit: Int) { self.limit = limit }

        func fold(_ text: String) -> String {
            if let known = lock.withLock({ folded[text] }) { return known }
            let result = ContactDirectory.fold(text)
            lock.withLock {
                if folded.count >= limit { folded.removeAll(keepingCapacity: true) }
                folded[text] = result
            }
            return result
        }
    }
}
