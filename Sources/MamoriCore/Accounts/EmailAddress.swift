import Foundation

/// E-mail addresses are account names: compared case-insensitively after trimming and NFKC
/// (a full-width "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ" typed on a Japanese keyboard is the same address).
public enum EmailAddress {
    public static let maximumLength = 254

    public static func normalize(_ input: String) -> String {
        input.precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .lowercased()
    }

    /// A deliberately simple shape check: one "@", a non-empty local part, a dotted domain,
    /// no spaces. Deliverability is not Mamori's concern (no mail is sent).
    public static func isValid(_ normalized: String) -> Bool {
        guard normalized.count <= maximumLength, !normalized.contains(where: \.isWhitespace) else { return false }
        let parts = normalized.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domainLabels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domainLabels.count >= 2 && domainLabels.allSatisfy { !$0.isEmpty }
    }
}
