import Fluent
import MamoriCore
import Vapor

/// Sign-up, login, logout and the language switch.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.signup().route, use: signupForm)
        routes.post(SiteURL.signup().route, use: signup)
        routes.get(SiteURL.login(next: nil).route, use: loginForm)
        routes.post(SiteURL.login(next: nil).route, use: login)
        routes.post(SiteURL.logout.route, use: logout)
        routes.post(SiteURL.language.route, use: switchLanguage)
    }

    struct SignupForm: Content {
        var name: String?
        var prefecture: String?
        var category: String?
        var employees: String?
        var capitalYen: String?
        var displayName: String?
        var email: String?
        var password: String?
        var passwordConfirmation: String?

        var redisplayed: [String: String] {
            ["name": name, "prefecture": prefecture, "category": category, "employees": employees,
             "capitalYen": capitalYen, "displayName": displayName, "email": email].compactMapValues { $0 }
        }
    }

    @Sendable func signupForm(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: .dashboard) }
        return Layout.response(SignupPage.render(state: .empty, then: intent(req), context: req.pageContext()))
    }

    @Sendable func signup(req: Request) async throws -> Response {
        let form = try req.content.decode(SignupForm.self)
        var problems = FieldProblems()
        let profile = OrganizationProfile.validate(name: form.name, prefecture: form.prefecture, category: form.category,
                                                   employees: form.employees, capitalYen: form.capitalYen)
        if case .failure(let profileProblems) = profile {
            for entry in profileProblems.entries { problems.add(entry.field, entry.problem) }
        }
        let person = try await req.accounts.validate(
            .init(displayName: form.displayName, email: form.email, password: form.password, passwordConfirmation: form.passwordConfirmation),
            into: &problems)
        guard case .success(let validProfile) = profile, let person, problems.isEmpty else {
            let state = FormState(values: form.redisplayed, error: .invalid(problems))
            return Layout.response(SignupPage.render(state: state, then: intent(req), context: req.pageContext()), status: .unprocessableEntity)
        }
        do {
            let user = try await req.accounts.signUp(profile: validProfile, owner: person, locale: req.locale, ip: req.clientIP)
            let pending = req.pendingDiagnosis
            try await req.restartSession(for: user)
            req.flash(.success, L.Accounts.signupDone)
            guard let principal = req.principal, let organization = principal.organization else { return req.redirect(to: .dashboard) }
            let organizationID = try organization.requireID()
            // Answers given before signing up are always saved, whatever link led here.
            var saved: SelfDiagnosis?
            if let pending {
                saved = try await DiagnosisService(db: req.db).save(
                    pending, input: .init(respondentName: user.displayName, siteLabel: L.Diagnosis.defaultSite(req.locale), diagnosedOn: CalendarDate.today()),
                    in: organization, by: principal, ip: req.clientIP)
                req.flash(.success, L.Diagnosis.diagnosisKeptFromSignup)
            }
            if case .openIncident(let kind) = intent(req) {
                return req.redirect(to: .newIncident(organization: organizationID, kind: kind.rawValue))
            }
            if let saved { return req.redirect(to: .diagnosis(organization: organizationID, diagnosis: try saved.requireID())) }
            return req.redirect(to: .dashboard)
        } catch let caught as any ExplainableError {
            let error = caught.explained
            let state = FormState(values: form.redisplayed, error: error)
            return Layout.response(SignupPage.render(state: state, then: intent(req), context: req.pageContext()), status: error.status)
        }
    }

    private func intent(_ req: Request) -> SignupIntent? {
        req.query[String.self, at: "then"].flatMap(SignupIntent.init(rawValue:))
    }

    @Sendable func loginForm(req: Request) async throws -> Response {
        let next = safeLocalPath(req.query[String.self, at: "next"])
        if req.principal != nil { return req.redirect(to: next ?? SiteURL.dashboard.path, redirectType: .normal) }
        return Layout.response(LoginPage.render(state: .empty, next: next, message: nil, context: req.pageContext()))
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = safeLocalPath(req.query[String.self, at: "next"])
        let state = FormState(values: ["email": form.email ?? ""])
        guard let email = form.email, !email.isEmpty, let password = form.password, !password.isEmpty else {
            var problems = FieldProblems()
            if (form.email ?? "").isEmpty { problems.add("email", .required) }
            if (form.password ?? "").isEmpty { problems.add("password", .required) }
            return Layout.response(LoginPage.render(state: FormState(values: state.values, error: .invalid(problems)), next: next, message: nil,
                                                    context: req.pageContext()), status: .unprocessableEntity)
        }
        switch try await req.accounts.logIn(email: email, password: password, ip: req.clientIP) {
        case .success(let user):
            let pending = req.pendingDiagnosis
            try await req.restartSession(for: user)
            req.pendingDiagnosis = pending
            req.locale = user.appLocale
            return req.redirect(to: next ?? SiteURL.dashboard.path, redirectType: .normal)
        case .wrongCredentials:
            return Layout.response(LoginPage.render(state: state, next: next, message: L.Accounts.loginFailed, context: req.pageContext()),
                                   status: .unauthorized)
        case .refused(let until):
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            return Layout.response(LoginPage.render(state: state, next: next, message: L.Accounts.loginRefused(minutes: minutes), context: req.pageContext()),
                                   status: .tooManyRequests)
        }
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let principal = req.principal {
            try await AuditLog.record(.loggedOut, by: .principal(principal, ip: req.clientIP), target: ("user", principal.userID), on: req.db)
            req.session.data[LocaleMiddleware.sessionKey] = principal.user.locale
        }
        try await req.restartSession(for: nil)
        req.locale = LocaleMiddleware.resolve(for: req)
        req.flash(.success, L.Accounts.loggedOut)
        return req.redirect(to: .home)
    }

    struct LanguageForm: Content {
        var lang: String?
        var back: String?
    }

    @Sendable func switchLanguage(req: Request) async throws -> Response {
        let form = try req.content.decode(LanguageForm.self)
        guard let locale = form.lang.flatMap(AppLocale.init(rawValue:)) else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        if let principal = req.principal {
            try await req.accounts.changeProfile(of: principal.user, displayName: nil, locale: locale, ip: req.clientIP)
        }
        req.session.data[LocaleMiddleware.sessionKey] = locale.rawValue
        return req.redirect(to: safeLocalPath(form.back) ?? SiteURL.home.path, redirectType: .normal)
    }
}
