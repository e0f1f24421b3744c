import Foundation
import MamoriCore
import Plot

extension OfficeProgramPage {
    /// The terms in both languages, each required; a refused save shows both texts again with
    /// the error beside its field.
    static func termsFields(state: FormState, version: Int, context: PageContext) -> Component {
        let t = context.t
        let legend: String = t(L.Program.termsLabel) + t(L.Common.parenthesized(t(L.Program.termsVersion(version))))
        return El("fieldset", [("class", "terms-fields")]) {
            El("legend") { Text(legend) }
            paragraph(t(L.Program.termsBothHint), class: "hint")
            FormField.textArea("termsTextJa", label: t(L.Program.termsJaLabel), state: state, context: context,
                               required: true, maxLength: ProgramTerms.maximumLength, rows: 12)
            FormField.textArea("termsTextEn", label: t(L.Program.termsEnLabel), state: state, context: context,
                               required: true, maxLength: ProgramTerms.maximumLength, rows: 12)
        }
    }
}

/// The terms as an applicant reads them: in the page's language, one paragraph per line; in
/// Japanese, and said so, when the version has no English text.
struct ProgramTermsText: Component {
    let ja: String
    let en: String
    let context: PageContext

    var body: Component {
        let fallback = ProgramTerms.fallsBackToJapanese(en: en, locale: context.locale)
        let lines: [String] = ProgramTerms.text(ja: ja, en: en, locale: context.locale)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var attributes: [(String, String?)] = [("class", "terms"), ("tabindex", "0")]
        if fallback { attributes.append(("lang", "ja")) }
        let notice: String? = fallback ? context.t(L.Program.termsShownInJapanese) : nil
        return ComponentGroup {
            if let notice = notice { paragraph(notice, class: "hint") }
            El("div", attributes) {
                for line in lines { El("p") { Text(line) } }
            }
        }
    }
}
