import Crypto
import Foundation

/// Random secrets handed to people (invite links, setup links, API tokens, session ids).
/// Only their SHA-256 is stored, so a copy of the database does not reveal usable secrets.
public enum SecretToken {
    /// 32 random bytes, URL-safe base64 without padding (43 characters), with an optional prefix
    /// that tells a reader what the secret is for (e.g. "mamori_" for API tokens).
    public static func generate(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(Data(bytes))
    }

    public static func sha256Hex(_ value: String) -> String {
        sha256Hex(Data(value.utf8))
    }

    public static func sha256Hex(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }

    /// Compares two strings in time independent of where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
