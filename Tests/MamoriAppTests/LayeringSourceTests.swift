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

    /// Pages render from plain values (issue #8: "page models are plain values, each with a
    /// `.mock`"): no stored property of a page, its model or a component holds a Fluent model.
    /// Rows convert a model in an `init(_:)` at the boundary, which this leaves alone.
    @Test("no page model or component stores a Fluent model")
    func pagesHoldPlainValues() throws {
        let models = try Self.swiftFiles(under: "Models").flatMap { file in
            try NSRegularExpression(pattern: #"final class ([A-Za-z]+): Model"#)
                .matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text))
                .map { String(file.text[Range($0.range(at: 1), in: file.text)!]) }
        }
        #expect(models.count > 20, "models not found")
        // Controllers and request plumbing (`extension Request`) are where models become rows.
        let views = try Self.swiftFiles(under: "Web").filter { !$0.text.contains(": RouteCollection") && !$0.text.contains("extension Request") }
            + Self.swiftFiles(under: "Views")
        let names = models.joined(separator: "|")
        // A stored property (`var`/`let name: Type`, no body) whose type names a model, alone or
        // inside a collection, an optional or a `Page<…>`.
        let found = try Self.offending(views, #"^\s+(var|let) [a-zA-Z]+: [^={(]*\b("# + names + #")\b(?!\.)"#)
            .filter { !$0.contains("{ get") }
        #expect(found.isEmpty, "page models holding Fluent models:\n\(found.joined(separator: "\n"))")
    }
}
