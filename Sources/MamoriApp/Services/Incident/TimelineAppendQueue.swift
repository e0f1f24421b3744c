import Foundation

/// Lets one append at a time through per incident, within this server process.
///
/// The timeline's next sequence number is read and then inserted; two appends at once collide
/// on the unique `(incident_id, sequence)` and the loser retries. Under load (the soak test:
/// 200 connections, many appending to the same few incidents) the retries starved some
/// requests into errors. Queuing the appends of one incident inside the process removes those
/// collisions; the retry in `IncidentService.append` remains for appends from another server
/// on the same database, which cannot see this queue.
actor TimelineAppendQueue {
    static let shared = TimelineAppendQueue()

    private var busy: Set<UUID> = []
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `work` when no other append to the same incident runs in this process.
    nonisolated func serialized<T: Sendable>(_ incident: UUID, _ work: () async throws -> T) async throws -> T {
        await acquire(incident)
        do {
            let result = try await work()
            await release(incident)
            return result
        } catch {
            await release(incident)
            throw error
        }
    }

    private func acquire(_ incident: UUID) async {
        guard busy.contains(incident) else {
            busy.insert(incident)
            return
        }
        await withCheckedContinuation { waiting[incident, default: []].append($0) }
    }

    /// Hands the incident to the next waiting append, or frees it.
    private func release(_ incident: UUID) {
        guard var queue = waiting[incident], !queue.isEmpty else {
            busy.remove(incident)
            waiting[incident] = nil
            return
        }
        let next = queue.removeFirst()
        waiting[incident] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
