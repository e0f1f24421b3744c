import MamoriCore
import Plot

enum TokensPage {
    struct Model {
        var organization: Organization
        var tokens: [APIToken]
        var newSecret: String?
        var form: FormState = .empty
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let orgID = model.organization.id!
        return Layout.page(title: t(L.tokensTitle), context: context) {
            heading(1, t(L.tokensTitle))
            paragraph(t(L.tokensLead), class: "lead")
            if let secret = model.newSecret {
                CopyableSecret(label: t(L.tokensTitle), value: secret, notice: t(L.tokenCreated))
            }
            El("section", [("class", "card card-wide")]) {
                FormField.errorSummary(model.form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.tokens(organization: orgID).path)]) {
                    csrfField(context)
                    FormField.input("name", label: t(L.tokenName), state: model.form, context: context,
                                options: .init(required: true, maxLength: APITokenService.maximumNameLength))
                    FormField.submit(t(L.tokenCreate))
                }
                paragraph(t(L.tokenUsage), class: "hint")
                link(t(L.apiSpecLink), to: "/api/v1/openapi.yaml")
            }
            if model.tokens.isEmpty {
                paragraph(t(L.noTokens), class: "muted")
            } else {
                div("table-scroll") {
                    El("table") {
                        tableHead([L.name, L.tokenHint, L.createdBy, L.created, L.lastUsed, L.status, L.actions].map(t))
                        El("tbody") {
                            for token in model.tokens {
                                El("tr") {
                                    El("td") { Text(token.name) }
                                    El("td") { El("code") { Text(token.tokenHint + "…") } }
                                    El("td") { Text(token.$user.value?.displayName ?? "—") }
                                    El("td") { timeElement(token.createdAt, context) }
                                    El("td") { timeElement(token.lastUsedAt, context) }
                                    El("td") { Text(t(token.revokedAt == nil ? L.active : L.revoked)) }
                                    El("td") {
                                        if token.revokedAt == nil {
                                            FormField.actionButton(t(L.revoke), action: SiteURL.tokenRevoke(organization: orgID, token: token.id!).path, context: context, danger: true)
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
