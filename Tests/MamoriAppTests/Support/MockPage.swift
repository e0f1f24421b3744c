import Foundation
import MamoriCore
import Testing
@testable import MamoriApp

/// A page rendered from its model's `.mock`: its name for messages, the title its one `h1`
/// carries, and texts typed by people that must appear escaped.
struct MockPage {
    var name: String
    var title: LocalizedText
    var render: (PageContext) -> String
    var typed: [String]

    init(_ name: String, _ title: LocalizedText, _ render: @escaping (PageContext) -> String, typed: [String] = []) {
        (self.name, self.title, self.render, self.typed) = (name, title, render, typed)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Each page names its language, has one `h1` with its title, and shows typed text only escaped.
    static func expectRendersAlone(_ pages: [MockPage], locale: AppLocale, sourceLocation: SourceLocation = #_sourceLocation) {
        for page in pages {
            let html = page.render(.mock(locale: locale))
            #expect(html.contains("<html lang=\"\(locale.rawValue)\""), "\(page.name): the document's language", sourceLocation: sourceLocation)
            #expect(html.components(separatedBy: "<h1").count - 1 == 1, "\(page.name): one h1", sourceLocation: sourceLocation)
            #expect(html.contains(escaped(page.title(locale))), "\(page.name): the title in \(locale)", sourceLocation: sourceLocation)
            for typed in page.typed {
                #expect(!html.contains(typed), "\(page.name): \(typed) appears unescaped", sourceLocation: sourceLocation)
                #expect(html.contains(escaped(typed)), "\(page.name): \(typed) is missing", sourceLocation: sourceLocation)
            }
        }
    }
}
