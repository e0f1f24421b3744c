import Fluent
import Foundation
import OpenAPIVapor
import SQLKit
import Vapor

func routes(_ app: Application) throws {
    app.get("healthz", use: health)
    app.get(SiteURL.stylesheet.route, use: stylesheet)

    // Browser pages: CSRF on every state-changing form.
    let web = app.grouped(CSRFMiddleware(allowedOrigins: [app.settings.publicOrigin.lowercased()]))
    try web.register(collection: HomeController())
    try web.register(collection: AuthController())
    try web.register(collection: InvitationController())
    try web.register(collection: SetupController())
    try web.register(collection: PasswordResetController())
    try web.register(collection: PublicDiagnosisController())
    try web.register(collection: EligibilityController())
    try web.register(collection: HelpController())
    try web.register(collection: PublicPolicyController())
    try web.register(collection: DirectoryController())
    try app.register(collection: CalendarFeedController())
    try app.register(collection: PlanFeedController())
    try app.register(collection: DutyCalendarFeedController())

    // Signed-in pages; every route with `:orgID` has its organization resolved by the group.
    let signedIn = web.grouped(RequireSignIn(), TenantMiddleware())
    try signedIn.register(collection: DashboardController())
    try signedIn.register(collection: SettingsController())
    try signedIn.register(collection: MembersController())
    try signedIn.register(collection: MemberPasswordResetController())
    try signedIn.register(collection: TokensController())
    try signedIn.register(collection: AuditController())
    try signedIn.register(collection: DiagnosisController())
    try signedIn.register(collection: SecurityActionController())
    try signedIn.register(collection: OrgProgramController())
    try signedIn.register(collection: AttachmentController())
    try signedIn.register(collection: IncidentController())
    try signedIn.register(collection: ReportController())
    try signedIn.register(collection: PolicyController())
    try signedIn.register(collection: RulesCheckController())
    try signedIn.register(collection: TeleworkController())
    try signedIn.register(collection: OrganizationDetailsController())
    try signedIn.register(collection: RemindersController())
    try signedIn.register(collection: RiskController())
    try signedIn.register(collection: PlanController())

    let office = web.grouped(RequireSignIn(roles: [.officeAdmin]))
    try office.register(collection: OfficeController())
    try office.register(collection: OfficePasswordResetController())
    try office.register(collection: OfficeProgramController())

    // The directory's editing answers 403 to other roles (the issue asks for it; the public
    // directory is where people meet it).
    try signedIn.grouped(RequireRole(roles: [.officeAdmin], refusal: L.Directory.officeOnly)).register(collection: OfficeDirectoryController())

    let experts = web.grouped(RequireSignIn(roles: [.expert]))
    try experts.register(collection: ExpertController())
    try experts.register(collection: ExpertPolicyController())
    try experts.register(collection: ExpertPlanController())

    // JSON API: Bearer tokens, no cookies, errors as JSON.
    let api = app.grouped("api", "v1")
    api.get("openapi.yaml", use: openAPISpec)
    let transport = VaporTransport(routesBuilder: app.grouped(DownloadHeaderMiddleware(), APIAuthenticationMiddleware()))
    try MamoriAPI(db: app.db, publicURL: app.settings.publicURL, webhooksAllowPrivateTargets: app.settings.webhooksAllowPrivateTargets).registerHandlers(on: transport, serverURL: URL(string: "/api/v1")!)
}

/// 200 when the database answers, 503 otherwise (for load balancers and monitoring).
@Sendable func health(req: Request) async throws -> Response {
    struct Health: Content { let status: String; let database: String }
    let label = req.application.storage[DatabaseLabelKey.self] ?? "unknown"
    do {
        try await (req.db as! any SQLDatabase).raw("SELECT 1").run()
        return try await Health(status: "ok", database: label).encodeResponse(status: .ok, for: req)
    } catch {
        req.logger.warning("health check: database unreachable: \(String(describing: error))")
        return try await Health(status: "unavailable", database: label).encodeResponse(status: .serviceUnavailable, for: req)
    }
}

enum BundledFile {
    static let openAPISpec: String = load("openapi", "yaml")
    static let stylesheet: String = load("app", "css")

    private static func load(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("The bundled file \(name).\(ext) is missing from the MamoriApp target's resources.")
        }
        return text
    }
}

@Sendable func openAPISpec(req: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
    return Response(status: .ok, headers: headers, body: .init(string: BundledFile.openAPISpec))
}

@Sendable func stylesheet(req: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .css
    headers.cacheControl = .init(isPublic: true, maxAge: 3600)
    return Response(status: .ok, headers: headers, body: .init(string: BundledFile.stylesheet))
}
