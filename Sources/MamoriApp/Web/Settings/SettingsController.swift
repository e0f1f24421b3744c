import Fluent
import MamoriCore
import Vapor

struct SettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.settings.route, use: show)
        routes.post(SiteURL.settingsProfile.route, use: saveProfile)
        routes.post(SiteURL.settingsPassword.route, use: changePassword)
    }

    @Sendable func show(req: Request) async throws -> Response {
        _ = try req.requirePrincipal()
        return Layout.response(SettingsPage.render(profileForm: .empty, passwordForm: .empty, context: req.pageContext()))
    }

    struct ProfileForm: Content {
        var displayName: String?
        var locale: String?
    }

    @Sendable func saveProfile(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(ProfileForm.self)
        let locale = form.locale.flatMap(AppLocale.init(rawValue:))
        do {
            if form.locale != nil, locale == nil {
                var problems = FieldProblems()
                problems.add("locale", .unknownChoice)
                throw MamoriError.invalid(problems)
            }
            try await req.accounts.changeProfile(of: principal.user, displayName: form.displayName ?? "", locale: locale, ip: req.clientIP)
            req.flash(.success, L.Accounts.profileSaved)
            return req.redirect(to: .settings)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            let state = FormState(values: ["displayName": form.displayName ?? "", "locale": form.locale ?? ""], error: error)
            return Layout.response(SettingsPage.render(profileForm: state, passwordForm: .empty, context: req.pageContext()), status: error.status)
        }
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var password: String?
        var passwordConfirmation: String?
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(PasswordForm.self)
        do {
            try await req.accounts.changePassword(of: principal.user, current: form.currentPassword ?? "", new: form.password ?? "",
                                                  confirmation: form.passwordConfirmation ?? "", ip: req.clientIP)
            // Other devices signed in with the old password are signed out; this one gets a new session id.
            try await DatabaseSessionDriver.endSessions(ofUser: principal.userID, on: req.db)
            try await req.restartSession(for: principal.user)
            req.flash(.success, L.Accounts.passwordChanged)
            return req.redirect(to: .settings)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            return Layout.response(SettingsPage.render(profileForm: .empty, passwordForm: FormState(values: [:], error: error), context: req.pageContext()),
                                   status: error.status)
        }
    }
}
