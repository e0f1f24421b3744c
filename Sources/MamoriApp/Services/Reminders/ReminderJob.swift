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
    private var stopping = false

    private var isStopping: Bool { lock.withLock { stopping } }

    func didBootAsync(_ application: Application) async throws {
        let client = WebhookDispatcher.makeClient()
        let settings = application.settings
        let db = application.db
        let logger = application.logger
        let task = Task {
            var lastScan = Date.distantPast
            while !self.isStopping {
                do {
                    if Date().timeIntervalSince(lastScan) >= Self.scanInterval {
                        let outcome = try await ReminderScan(db: db, publicURL: settings.publicURL).run()
                        lastScan = Date()
                        if outcome.queued > 0 { logger.info("reminders: \(outcome.queued) event(s) queued for \(outcome.organizations) organization(s)") }
                    }
                    try await WebhookDispatcher(db: db, client: client, allowPrivateTargets: settings.webhooksAllowPrivateTargets, logger: logger)
                        .runOnce(stop: { self.isStopping })
                } catch {
                    // A database that is briefly away must not end the job; the next round retries.
                    logger.warning("reminders: \(String(describing: error))")
                }
                // Short naps, so that a shutdown does not wait for the whole interval.
                var slept: Duration = .zero
                while slept < Self.sendInterval, !self.isStopping {
                    try? await Task.sleep(for: .seconds(1))
                    slept += .seconds(1)
                }
            }
        }
        lock.withLock {
            self.client = client
            self.task = task
        }
    }

    /// Stops between two rounds: a delivery being sent finishes (at most the client's timeout),
    /// nothing is cut off halfway and recorded as a failure.
    func shutdownAsync(_ application: Application) async {
        let (task, client) = lock.withLock { () -> (Task<Void, Never>?, HTTPClient?) in
            stopping = true
            return (self.task, self.client)
        }
        await task?.value
        try? await client?.shutdown()
    }
}
