import Fluent
import MamoriCore
import Plot
import Vapor

/// The one-time setup link for the first program-office admin.
struct SetupController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.setup(token: "t").route, use: form)
        routes.post(SiteURL.setup(token: "t").route, use: create)
    }

    private func service(_ req: Request) -> SetupService { SetupService(db: req.db, hasher: req.password.async) }

    private func unusable(_ req: Request) -> Response {
        Layout.response(MessagePage.render(title: L.Accounts.setupTitle, message: L.Accounts.setupLinkUnusable, context: req.pageContext()), status: .gone)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard try await service(req).isUsable(token: token) else { return unusable(req) }
        return Layout.response(SetupPage.render(state: .empty, token: token, context: req.pageContext()))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let form = try req.content.decode(AuthController.SignupForm.self)
        do {
            let user = try await service(req).createFirstAdmin(
                token: token,
                account: .init(displayName: form.displayName, email: form.email, password: form.password, passwordConfirmation: form.passwordConfirmation),
                locale: req.locale, ip: req.clientIP ?? "unknown")
            try await req.restartSession(for: user)
            req.flash(.success, L.Accounts.setupDone)
            return req.redirect(to: .dashboard)
        } catch SetupService.SetupError.linkNotUsable {
            return unusable(req)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            return Layout.response(SetupPage.render(state: FormState(values: form.redisplayed, error: error), token: token, context: req.pageContext()),
                                   status: error.status)
        }
    }
}

enum SetupPage {
    static func render(state: FormState, token: String, context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t(L.Accounts.setupTitle), context: context) {
            div("narrow") {
                heading(1, t(L.Accounts.setupTitle))
                paragraph(t(L.Accounts.setupLead), class: "lead")
                FormField.errorSummary(state, context: context)
                El("form", [("method", "post"), ("action", SiteURL.setup(token: token).path), ("novalidate", nil)]) {
                    csrfField(context)
                    AccountFields(state: state, context: context)
                    FormField.submit(t(L.Accounts.setupSubmit))
                }
            }
        }
    }
}
