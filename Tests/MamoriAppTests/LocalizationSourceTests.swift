import Foundation
import Testing

/// Every text the product writes is a `LocalizedText(ja:, en:)` (issue #8: "a test that every
/// key has both languages non-empty"). Static texts cannot be listed at run time, so this reads
/// the sources: each literal pair must have both languages or neither (an empty pair is a
/// deliberate "nothing"), and the English side must hold no Japanese outside interpolations.
@Suite("Localization: both languages in every literal text")
struct LocalizationSourceTests {
    static let sources: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MamoriApp")

    static let pair = try! NSRegularExpression(pattern: #"LocalizedText\(\s*ja:\s*"((?:[^"\\]|\\.)*)"\s*,\s*en:\s*"((?:[^"\\]|\\.)*)"\s*\)"#)
    static let japanese = try! NSRegularExpression(pattern: "[\\u3040-\\u30ff\\u4e00-\\u9fff]")
    static let interpolation = try! NSRegularExpression(pattern: #"\\\([^)]*\)"#)

    @Test("no literal text lacks a language, and no English text holds Japanese")
    func bothLanguages() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50, "sources not found at \(Self.sources.path)")
        var pairs = 0
        var problems: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let whole = NSRange(text.startIndex..., in: text)
            for match in Self.pair.matches(in: text, range: whole) {
                pairs += 1
                let ja = String(text[Range(match.range(at: 1), in: text)!])
                let en = String(text[Range(match.range(at: 2), in: text)!])
                if ja.isEmpty != en.isEmpty { problems.append("\(file.lastPathComponent): one language empty: ja \"\(ja)\" en \"\(en)\"") }
                let plain = Self.interpolation.stringByReplacingMatches(in: en, range: NSRange(en.startIndex..., in: en), withTemplate: "")
                if Self.japanese.firstMatch(in: plain, range: NSRange(plain.startIndex..., in: plain)) != nil {
                    problems.append("\(file.lastPathComponent): Japanese in the English text \"\(en)\"")
                }
            }
        }
        #expect(pairs > 1000)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}

@Suite("Localization: every text under its feature")
struct LocalizationFeatureTests {
    @Test("no text sits at L's top level: each is under a feature (L.Incident, L.Program…) or L.Common")
    func byFeature() throws {
        let folder = LocalizationSourceTests.sources.appendingPathComponent("Localization")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" }
        #expect(files.count > 10)
        var topLevel: [String] = []
        for file in files {
            var inPlainL = false
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("extension L ") || line.hasPrefix("enum L ") { inPlainL = true; continue }
                if line.hasPrefix("extension ") || line == "}" { inPlainL = false }
                if inPlainL, line.hasPrefix("    static ") { topLevel.append("\(file.lastPathComponent): \(line.prefix(80))") }
            }
        }
        #expect(topLevel.isEmpty, "texts at L's top level:\n\(topLevel.joined(separator: "\n"))")
    }

    /// One file per feature (issue #8): a feature's texts are found in `L+<Feature>.swift`, and
    /// nowhere else. `L.swift` declares the namespaces and holds `L.Common`.
    @Test("each feature's texts live in one file, L+<Feature>.swift")
    func oneFilePerFeature() throws {
        let folder = LocalizationSourceTests.sources.appendingPathComponent("Localization")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" }
        let namespace = try NSRegularExpression(pattern: #"^(?:extension L\.([A-Za-z]+)|    enum ([A-Za-z]+) \{)"#, options: .anchorsMatchLines)
        var homes: [String: Set<String>] = [:]
        for file in files where file.lastPathComponent != "L.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in namespace.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                homes[String(text[Range(range, in: text)!]), default: []].insert(file.lastPathComponent)
            }
        }
        #expect(homes.count > 10)
        for (feature, files) in homes {
            #expect(files == ["L+\(feature).swift"], "L.\(feature) is in \(files.sorted())")
        }
    }
}
