import Fluent
import Foundation
import MamoriCore
import Vapor

/// `mamori verify-timelines`: checks the hash chain of every incident's timeline in the
/// database, for operators after a restore or a crash, and for the soak and crash tests in
/// `bench/`. Prints each broken timeline and fails (exit status 1) when there is one.
struct VerifyTimelinesCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Verifies the hash chain of every incident timeline; exits with status 1 if one is broken." }

    /// Incidents read per round: their entries come in one query, so memory stays bounded.
    static let batchSize = 500

    struct Broken: Error, CustomStringConvertible {
        let count: Int
        var description: String { "\(count) timeline(s) failed verification" }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        var incidents = 0, entries = 0, broken = 0
        var after: UUID?
        while true {
            let query = Incident.query(on: db).field(\.$id).field(\.$organization.$id).sort(\.$id).limit(Self.batchSize)
            if let after { query.filter(\.$id > after) }
            let batch = try await query.all()
            guard let last = batch.last else { break }
            let ids = try batch.map { try $0.requireID() }
            let rows = try await TimelineEntry.query(on: db).filter(\.$incident.$id ~~ ids)
                .sort(\.$incident.$id).sort(\.$sequence).all()
            let byIncident = Dictionary(grouping: rows, by: { $0.$incident.id })
            for incident in batch {
                let timeline = byIncident[try incident.requireID()] ?? []
                entries += timeline.count
                let links = timeline.map { HashChain.Stored(content: $0.chainContent, previousHash: $0.previousHash, hash: $0.hash) }
                if let sequence = HashChain.firstBroken(links) {
                    broken += 1
                    context.console.print("BROKEN: incident \(incident.id!.uuidString) of organization \(incident.$organization.id.uuidString) at entry \(sequence)")
                }
            }
            incidents += batch.count
            after = try last.requireID()
        }
        context.console.print("Verified \(incidents) incident timeline(s) with \(entries) entries: \(broken == 0 ? "all intact" : "\(broken) broken").")
        if broken > 0 { throw Broken(count: broken) }
    }
}
