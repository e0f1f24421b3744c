import Foundation
import Testing

/// The layers of issue #8, read from the sources so that a new file cannot quietly cross them:
/// controllers do not query (they call services or `TenantScope`), services know no HTTP
/// request and throw domain refusals, never the edge's `MamoriError`.
@Suite("Layering: controllers do not query, services know no HTTP")
struct LayeringSourceTests {
    static let app: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MamoriApp")

    static func swiftFiles(under folder: String) throws -> [(name: String, text: String)] {
        let root = app.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        return try files.map { ($0.path.replacingOccurrences(of: app.path + "/", with: ""), try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// Lines that match, as "file:line: text", comments left out.
    static func offending(_ files: [(name: String, text: String)], _ pattern: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return files.flatMap { file in
            file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line -> String? in
                let code = String(line)
                if code.trimmingCharacters(in: .whitespaces).hasPrefix("//") { return nil }
                guard regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil else { return nil }
                return "\(file.name):\(index + 1): \(code.trimmingCharacters(in: .whitespaces))"
            }
        }
    }

    @Test("no controller runs a query, a transaction or a model write of its own")
    func controllersDoNotQuery() throws {
        let controllers = try Self.swiftFiles(under: "Web").filter { $0.text.contains(": RouteCollection") }
        #expect(controllers.count >= 25, "controllers not found under \(Self.app.path)")
        let found = try Self.offending(controllers, #"\.query\(on:|\bdb\.sql\b|\.transaction\s*\{|\.(create|save|update|delete)\(on:|\b[A-Z][A-Za-z]+\.find\("#)
        #expect(found.isEmpty, "queries in controllers:\n\(found.joined(separator: "\n"))")
    }

    @Test("services take no HTTP request and throw no MamoriError")
    func servicesKnowNoHTTP() throws {
        let services = try Self.swiftFiles(under: "Services")
        #expect(services.count > 30)
        let requests = try Self.offending(services, #"\bRequest\b|\breq\."#)
        #expect(requests.isEmpty, "HTTP requests in services:\n\(requests.joined(separator: "\n"))")
        let edgeErrors = try Self.offending(services.filter { $0.name != "Services/Refusal.swift" }, #"\bMamoriError\b"#)
        #expect(edgeErrors.isEmpty, "services throwing the edge's error:\n\(edgeErrors.joined(separator: "\n"))")
    }
}
