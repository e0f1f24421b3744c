import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOSSL
import Vapor

/// Where the data lives.
public enum DatabaseChoice: Sendable {
    /// The embedded default: one SQLite file.
    case sqliteFile(path: String)
    /// Tests: a private in-memory SQLite database.
    case sqliteMemory
    /// `DATABASE_URL=postgres://…`; `searchPath` lets tests use a schema of their own.
    case postgres(url: String, searchPath: String? = nil)

    var label: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgresql"
        }
    }
}

/// Sets up the whole application. The entry point and the tests call this same function.
public func configure(_ app: Application, database: DatabaseChoice? = nil) async throws {
    var settings = AppSettings.fromEnvironment(arguments: app.environment.arguments)
    if app.environment == .testing { settings.bcryptCost = 4 }
    app.settings = settings

    let choice = database ?? defaultDatabase(settings)
    try useDatabase(choice, on: app)
    app.storage[DatabaseLabelKey.self] = choice.label
    app.migrations.add(CreateAccounts(), CreateAccountIndexes(), CreateSelfDiagnosis(), CreateProgram(), CreateVisitAttachments(), CreateIncidents(), CreatePolicy(), CreateTelework(), CreateDirectoryCorrections(), CreateRiskAndPlan(), AddReportingFields(), CreatePasswordResets(), CreateIncidentReportVersions())
    app.migrations.add(SplitProgramTerms())
    app.migrations.add(CreateReminders())
    app.migrations.add(AddListIndexes())

    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.routes.defaultMaxBodySize = "1mb"

    app.sessions.use { _ in DatabaseSessionDriver(idleTimeout: TimeInterval(settings.sessionIdleMinutes * 60)) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "mamori_session") { id in
        HTTPCookies.Value(string: id.string, expires: nil, maxAge: nil, domain: nil, path: "/",
                          isSecure: settings.usesHTTPS, isHTTPOnly: true, sameSite: .lax)
    }

    // Order matters: the outer error handler catches failures of the session store itself;
    // the inner one renders errors while the session (flash, locale) is still available.
    app.middleware = Middlewares()
    app.middleware.use(ErrorRenderingMiddleware())
    app.middleware.use(SecurityHeadersMiddleware(usesHTTPS: settings.usesHTTPS))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionUserMiddleware())
    app.middleware.use(LocaleMiddleware())
    app.middleware.use(ErrorRenderingMiddleware())

    try routes(app)
}

private func defaultDatabase(_ settings: AppSettings) -> DatabaseChoice {
    if let url = settings.databaseURL { return .postgres(url: url) }
    return .sqliteFile(path: URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("mamori.sqlite").path)
}

private func useDatabase(_ choice: DatabaseChoice, on app: Application) throws {
    switch choice {
    case .sqliteFile(let path):
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let searchPath { configuration.searchPath = [searchPath] }
        app.databases.use(.postgres(configuration: configuration, sqlLogLevel: .trace), as: .psql)
    }
}

struct DatabaseLabelKey: StorageKey { typealias Value = String }
