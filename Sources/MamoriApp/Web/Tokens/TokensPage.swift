import Foundation
import MamoriCore
import Plot

enum TokensPage {
    /// Plain values, so the page renders from `.mock` without a database.
    struct Model {
        var organizationID: UUID
        var tokens: [Token]
        var newSecret: String?
        var form: FormState = .empty

        static let mock = Model(organizationID: SiteURL.anyID, tokens: [
            Token(id: UUID(), name: "EDR <連携>", hint: "mamori_ab12", createdBy: "山田 太郎", createdAt: Date(), lastUsedAt: nil, revoked: false),
            Token(id: UUID(), name: "旧スクリプト", hint: "mamori_cd34", createdBy: nil, createdAt: Date(), lastUsedAt: Date(), revoked: true),
        ])
    }

    struct Token {
        var id: UUID
        var name: String
        /// The first characters of the secret, to recognise it.
        var hint: String
        var createdBy: String?
        var createdAt: Date?
        var lastUsedAt: Date?
        var revoked: Bool
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let orgID = model.organizationID
        return Layout.page(title: t(L.Organization.tokensTitle), context: context) {
            heading(1, t(L.Organization.tokensTitle))
            paragraph(t(L.Organization.tokensLead), class: "lead")
            if let secret = model.newSecret {
                CopyableSecret(label: t(L.Organization.tokensTitle), value: secret, notice: t(L.Organization.tokenCreated))
            }
            El("section", [("class", "card card-wide")]) {
                FormField.errorSummary(model.form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.tokens(organization: orgID).path)]) {
                    csrfField(context)
                    FormField.input("name", label: t(L.Organization.tokenName), state: model.form, context: context,
                                options: .init(required: true, maxLength: APITokenService.maximumNameLength))
                    FormField.submit(t(L.Organization.tokenCreate))
                }
                paragraph(t(L.Organization.tokenUsage), class: "hint")
                link(t(L.Organization.apiSpecLink), to: "/api/v1/openapi.yaml")
            }
            if model.tokens.isEmpty {
                paragraph(t(L.Organization.noTokens), class: "muted")
            } else {
                div("table-scroll") {
                    El("table") {
                        tableHead([L.Organization.name, L.Organization.tokenHint, L.Organization.createdBy, L.Organization.created, L.Organization.lastUsed, L.Organization.status, L.Organization.actions].map(t))
                        El("tbody") {
                            for token in model.tokens {
                                El("tr") {
                                    El("td") { Text(token.name) }
                                    El("td") { El("code") { Text(token.hint + "…") } }
                                    El("td") { Text(token.createdBy ?? "—") }
                                    El("td") { timeElement(token.createdAt, context) }
                                    El("td") { timeElement(token.lastUsedAt, context) }
                                    El("td") { Text(t(token.revoked ? L.Organization.revoked : L.Organization.active)) }
                                    El("td") {
                                        if !token.revoked {
                                            FormField.actionButton(t(L.Organization.revoke), action: SiteURL.tokenRevoke(organization: orgID, token: token.id).path, context: context, danger: true)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
