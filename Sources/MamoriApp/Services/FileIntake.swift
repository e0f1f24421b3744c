import Foundation
import MamoriCore

/// Checks an uploaded file and describes it for storage: a safe name, a plain content type, its
/// size and SHA-256. Incident evidence and visit attachments both go through here.
enum FileIntake {
    enum Refusal: Error { case empty, tooLarge(limit: Int) }

    struct Facts {
        let filename: String
        let contentType: String
        let size: Int
        let sha256: String
    }

    static func check(filename: String, contentType: String?, data: Data, limit: Int) throws(Refusal) -> Facts {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        return Facts(filename: safeFilename(filename), contentType: safeContentType(contentType), size: data.count, sha256: SecretToken.sha256Hex(data))
    }

    /// A name that is safe in a Content-Disposition header and on any file system.
    static func safeFilename(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent.precomposedStringWithCanonicalMapping
        let cleaned = base.filter { !$0.isNewline && $0 != "\"" && $0 != "\\" && $0 != "/" && !($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }
        let trimmed = String(cleaned.prefix(200)).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "attachment" : trimmed
    }

    /// Only a plain `type/subtype` is kept; anything else is served as bytes.
    static func safeContentType(_ value: String?) -> String {
        guard let value = value?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
              value.count <= 100, value.split(separator: "/").count == 2,
              value.allSatisfy({ $0.isLetter || $0.isNumber || "/.+-".contains($0) }) else { return "application/octet-stream" }
        return value
    }
}
