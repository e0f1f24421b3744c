import Foundation

/// Password rules from the security model: normalized to NFC (so the same password typed on
/// a Mac and on Windows matches), at least 10 characters, at most 72 bytes in UTF-8
/// (Bcrypt ignores everything after byte 72, so longer passwords would be silently cut).
public enum PasswordPolicy {
    public static let minimumCharacters = 10
    public static let maximumBytes = 72

    public enum Problem: String, Error, Sendable, Equatable {
        case tooShort = "too_short"
        case tooLong = "too_long"
    }

    public static func normalize(_ password: String) -> String {
        password.precomposedStringWithCanonicalMapping
    }

    /// Returns the NFC form when it satisfies the rules.
    public static func validate(_ password: String) -> Result<String, Problem> {
        let normalized = normalize(password)
        if normalized.count < minimumCharacters { return .failure(.tooShort) }
        if normalized.utf8.count > maximumBytes { return .failure(.tooLong) }
        return .success(normalized)
    }
}
