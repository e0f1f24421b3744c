import Foundation
import MamoriCore
import Vapor

/// `mamori remind`: one reminder round for cron, when `mamori serve` runs with
/// `MAMORI_REMINDERS=off` or on several machines: queue what is due, then send what is
/// queued. Safe to run beside servers that do the same (each event is delivered once).
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Queues reminders for due and overdue duties and sends pending webhook deliveries once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let outcome = try await ReminderScan(db: app.db, publicURL: app.settings.publicURL).run()
        let client = WebhookDispatcher.makeClient()
        do {
            var attempted = 0
            // Send until nothing due is left (each round takes up to one batch).
            while true {
                let round = try await WebhookDispatcher(db: app.db, client: client, allowPrivateTargets: app.settings.webhooksAllowPrivateTargets,
                                                        logger: app.logger).runOnce()
                attempted += round
                if round < WebhookDispatcher.batchSize { break }
            }
            try await client.shutdown()
            context.console.print("Scanned \(outcome.incidents) open incident(s) of \(outcome.organizations) organization(s); queued \(outcome.queued), attempted \(attempted) deliveries.")
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
