import Foundation

/// The two languages Mamori speaks. Japanese is the default everywhere.
public enum AppLocale: String, Sendable, Codable, CaseIterable, Hashable {
    case ja
    case en

    public static let `default`: AppLocale = .ja

    /// Picks the best supported language from an `Accept-Language` header value,
    /// honouring q-values; falls back to Japanese.
    public static func negotiate(acceptLanguage header: String?) -> AppLocale? {
        guard let header, !header.isEmpty else { return nil }
        var best: (locale: AppLocale, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let locale = AppLocale(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (locale, quality) }
        }
        return best?.locale
    }
}

/// A text in both languages. Content files and the UI catalog use it, so a missing
/// translation is a compile error (catalog) or a decoding error (content).
public struct LocalizedText: Sendable, Codable, Hashable {
    public let ja: String
    public let en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    public func callAsFunction(_ locale: AppLocale) -> String {
        switch locale {
        case .ja: ja
        case .en: en
        }
    }
}
