import SQLKit
import Vapor

extension Application {
    /// Registers Mamori's own commands beside Vapor's `serve` and Fluent's `migrate`.
    public func registerMamoriCommands() {
        asyncCommands.use(CreateAdminCommand(), as: "create-admin")
        asyncCommands.use(CreateOrganizationCommand(), as: "create-org")
        asyncCommands.use(CreateTokenCommand(), as: "create-token")
        asyncCommands.use(AddMemberCommand(), as: "add-member")
        asyncCommands.use(SeedCommand(), as: "seed")
        asyncCommands.use(RemindCommand(), as: "remind")
        asyncCommands.use(VerifyTimelinesCommand(), as: "verify-timelines")
    }

    /// Before serving: bring the schema up to date and, while no office admin exists, print a
    /// one-time setup link.
    public func prepareToServe() async throws {
        try await useWriteAheadLogIfSQLite()
        try await autoMigrate()
        let hasher = password.async(on: threadPool, hopTo: eventLoopGroup.next())
        if let token = try await SetupService(db: db, hasher: hasher).issueSetupTokenIfNeeded() {
            logger.notice("No program-office admin exists yet. Open this one-time link within 1 hour to create one: \(settings.absoluteLink(SiteURL.setup(token: token).path))")
        }
        if settings.remindersInServe { lifecycle.use(ReminderJob()) }
    }
}

extension Application {
    /// SQLite's write-ahead log lets readers work while a write commits and makes each commit
    /// one append instead of a journal round trip. The mode is stored in the database file.
    func useWriteAheadLogIfSQLite() async throws {
        guard storage[DatabaseLabelKey.self] == "sqlite", let sql = db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
