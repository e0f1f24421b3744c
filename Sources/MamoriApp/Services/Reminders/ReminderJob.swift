import AsyncHTTPClient
import Foundation
import Vapor

/// The reminder work inside `mamori serve`: queued deliveries are sent every half minute and
/// the scan for due and overdue duties runs at start and then every hour. Every event is
/// delivered once however often the scan runs, so hourly only means a new duty is noticed
/// sooner than "once a day" would. `MAMORI_REMINDERS=off` leaves it to `mamori remind` (cron).
final class ReminderJob: LifecycleHandler, @unchecked Sendable {
    static let sendInterval: Duration = .seconds(30)
    static let scanInterval: TimeInterval = 3600

    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var client: HTTPClient?

    func didBootAsync(_ application: Application) async throws {
        let client = WebhookDispatcher.makeClient()
        let settings = application.settings
        let db = application.db
        let logger = application.logger
        let task = Task {
            var lastScan = Date.distantPast
            while !Task.isCancelled {
                do {
                    if Date().timeIntervalSince(lastScan) >= Self.scanInterval {
                        let outcome = try await ReminderScan(db: db, publicURL: settings.publicURL).run()
                        lastScan = Date()
                        if outcome.queued > 0 { logger.info("reminders: \(outcome.queued) event(s) queued for \(outcome.organizations) organization(s)") }
                    }
                    try await WebhookDispatcher(db: db, client: client, allowPrivateTargets: settings.webhooksAllowPrivateTargets, logger: logger).runOnce()
                } catch {
                    // A database that is briefly away must not end the job; the next round retries.
                    logger.warning("reminders: \(String(describing: error))")
                }
                try? await Task.sleep(for: Self.sendInterval)
            }
        }
        lock.withLock {
            self.client = client
            self.task = task
        }
    }

    /// Stops between two rounds: a delivery being sent finishes (or its claim expires and
    /// another server sends it).
    func shutdownAsync(_ application: Application) async {
        let (task, client) = lock.withLock { (self.task, self.client) }
        task?.cancel()
        await task?.value
        try? await client?.shutdown()
    }
}
