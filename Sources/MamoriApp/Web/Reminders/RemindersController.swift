import Fluent
import MamoriCore
import Vapor

/// `/orgs/:orgID/reminders`: the owner sets up the deadline calendar feed and webhooks and
/// reads the delivery log. Members get 403 with the reason (a webhook address may itself hold
/// a secret); another organization's ids get 404 like everywhere.
struct RemindersController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.reminders(organization: id).route, use: show)
        routes.post(SiteURL.remindersCalendar(organization: id).route, use: renewCalendar)
        routes.post(SiteURL.remindersCalendarStop(organization: id).route, use: stopCalendar)
        routes.post(SiteURL.webhooks(organization: id).route, use: addWebhook)
        routes.post(SiteURL.webhookRemove(organization: id, webhook: id).route, use: removeWebhook)
        routes.post(SiteURL.webhookTest(organization: id, webhook: id).route, use: testWebhook)
        // Reopening a POST-only address (after a refusal, from history) lands on the page.
        for url in [SiteURL.remindersCalendar(organization: id), .remindersCalendarStop(organization: id), .webhooks(organization: id),
                    .webhookRemove(organization: id, webhook: id), .webhookTest(organization: id, webhook: id)] {
            routes.get(url.route, use: backToPage)
        }
    }

    /// The organization, for its owner only.
    private func owned(_ req: Request) async throws -> (Principal, Organization) {
        let (principal, organization) = try req.tenant()
        guard principal.isOwner else { throw Refusal.notAllowed(L.Reminders.ownerOnly) }
        return (principal, organization)
    }

    @Sendable func backToPage(req: Request) async throws -> Response {
        let (_, organization) = try await owned(req)
        if let webhookID = req.uuidParameter("webhookID") { _ = try await WebhookService(db: req.db).webhook(webhookID, of: organization) }
        return req.redirect(to: .reminders(organization: try organization.requireID()))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, organization) = try await owned(req)
        return Layout.response(try await page(req, organization, form: FormState()))
    }

    private func page(_ req: Request, _ organization: Organization, form: FormState) async throws -> String {
        let service = WebhookService(db: req.db)
        let deliveries = try await service.deliveries(of: organization, page: PageRequest(page: pageNumber(req.query[String.self, at: "page"]), per: Self.perPage))
        let revealed = req.takeRevealedSecret().map(RemindersPage.Revealed.init(stored:))
        return RemindersPage.render(.init(organizationID: try organization.requireID(), calendarIssued: organization.dutyCalendarTokenHash != nil,
                                          webhooks: try await service.webhooks(of: organization).map(RemindersPage.WebhookRow.init),
                                          deliveries: deliveries.map(RemindersPage.DeliveryRow.init), revealed: revealed, form: form),
                                    context: req.pageContext())
    }

    @Sendable func renewCalendar(req: Request) async throws -> Response {
        let (principal, organization) = try await owned(req)
        let token = try await DutyCalendarService(db: req.db).renew(for: organization, by: principal, ip: req.clientIP)
        var link = req.application.settings.absoluteLink(SiteURL.dutyCalendarFeed(token: token + ".ics").path)
        if req.locale == .en { link += "?lang=en" }
        req.revealOnce(RemindersPage.Revealed.calendar(link).stored)
        req.flash(.success, L.Reminders.calendarCreatedFlash)
        return req.redirect(to: .reminders(organization: try organization.requireID()))
    }

    @Sendable func stopCalendar(req: Request) async throws -> Response {
        let (principal, organization) = try await owned(req)
        try await DutyCalendarService(db: req.db).revoke(for: organization, by: principal, ip: req.clientIP)
        req.flash(.success, L.Reminders.calendarRevoked)
        return req.redirect(to: .reminders(organization: try organization.requireID()))
    }

    struct WebhookForm: Content { var url: String? }

    @Sendable func addWebhook(req: Request) async throws -> Response {
        let (principal, organization) = try await owned(req)
        let form = try req.content.decode(WebhookForm.self)
        do {
            let (_, secret) = try await WebhookService(db: req.db).add(url: form.url ?? "", to: organization,
                                                                       allowPrivateTargets: req.application.settings.webhooksAllowPrivateTargets,
                                                                       by: principal, ip: req.clientIP)
            req.revealOnce(RemindersPage.Revealed.webhookSecret(secret).stored)
            req.flash(.success, L.Reminders.webhookAddedFlash)
            return req.redirect(to: .reminders(organization: try organization.requireID()))
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            // The address comes back as typed, with the reason beside it; nothing was saved.
            let state = FormState(values: ["url": form.url ?? ""], error: refusal.mamoriError)
            return Layout.response(try await page(req, organization, form: state), status: .unprocessableEntity)
        }
    }

    @Sendable func removeWebhook(req: Request) async throws -> Response {
        let (principal, organization) = try await owned(req)
        try await WebhookService(db: req.db).remove(req.uuidParameter("webhookID"), of: organization, by: principal, ip: req.clientIP)
        req.flash(.success, L.Reminders.webhookRemoved)
        return req.redirect(to: .reminders(organization: try organization.requireID()))
    }

    @Sendable func testWebhook(req: Request) async throws -> Response {
        let (principal, organization) = try await owned(req)
        try await WebhookService(db: req.db).sendTest(req.uuidParameter("webhookID"), of: organization, by: principal,
                                                      publicURL: req.application.settings.publicURL)
        req.flash(.success, L.Reminders.webhookTestQueued)
        return req.redirect(to: .reminders(organization: try organization.requireID()))
    }
}

/// `GET /calendar/duties/<token>.ics[?lang=en]`: public, because calendar apps cannot sign in;
/// the secret in the address is the key, and only its hash is stored.
struct DutyCalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.dutyCalendarFeed(token: "t").route, use: feed)
    }

    @Sendable func feed(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("token"), raw.hasSuffix(".ics") else { throw Refusal.notFound }
        let locale: AppLocale = req.query[String.self, at: "lang"] == "en" ? .en : .ja
        guard let (organization, events) = try await DutyCalendarService(db: req.db).feed(token: String(raw.dropLast(4)), locale: locale,
                                                                                        publicURL: req.application.settings.publicURL)
        else { throw Refusal.notFound }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let name = "Mamori — \(organization.name) — \(L.Reminders.calendarName(locale))"
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.calendar(name: name, events: events)))
    }
}
