import Foundation

/// Loads a content file of `Resources/` (decoded, then checked). Content is part of the build,
/// not user input: a broken file stops at first use, naming the file and the reason.
enum BundledContent {
    static func load<T: Decodable>(_ name: String, as _: T.Type = T.self, check: (T) throws -> Void = { _ in }) -> T {
        do {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json") else { throw CocoaError(.fileNoSuchFile) }
            let value = try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
            try check(value)
            return value
        } catch {
            preconditionFailure("Resources/\(name).json is invalid: \(error)")
        }
    }
}
