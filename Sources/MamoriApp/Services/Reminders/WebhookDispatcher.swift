import AsyncHTTPClient
import Fluent
import Foundation
import Logging
import MamoriCore
import NIOCore
import NIOHTTP1
import SQLKit

/// Sends queued deliveries. Each one is first claimed with a conditional update, so two
/// servers never send the same delivery at once; a sender that dies leaves its claim to
/// expire, and the delivery is sent later by whoever runs next.
struct WebhookDispatcher {
    let db: any Database
    let client: HTTPClient
    /// Tests and closed networks may post to loopback or private addresses (`MAMORI_WEBHOOK_ALLOW_PRIVATE`).
    let allowPrivateTargets: Bool
    let logger: Logger

    static let batchSize = 25
    static let claimSeconds: TimeInterval = 120
    static let timeout: TimeAmount = .seconds(10)
    /// A response body is read only to free the connection; nothing in it is kept.
    static let responseLimit = 64 * 1024

    /// An HTTP client for deliveries: no redirects (a redirect could lead to an address the
    /// target check refused), short timeouts.
    static func makeClient() -> HTTPClient {
        HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                   configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10))))
    }

    /// Sends what is due now; returns how many attempts were made. `stop` is asked before each
    /// delivery, so a server shutting down finishes the one in flight and leaves the rest.
    @discardableResult
    func runOnce(now: Date = Date(), stop: @Sendable () -> Bool = { false }) async throws -> Int {
        let due = try await WebhookDelivery.query(on: db).filter(\.$status == .pending).filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).limit(Self.batchSize).with(\.$webhook).all()
        var attempted = 0
        for delivery in due {
            if stop() { break }
            guard try await claim(delivery, now: now) else { continue }
            try await attempt(delivery)
            attempted += 1
        }
        return attempted
    }

    /// `UPDATE … WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < now) RETURNING id`.
    private func claim(_ delivery: WebhookDelivery, now: Date) async throws -> Bool {
        let claimed = try await db.sql.update(WebhookDelivery.schema)
            .set("claimed_until", to: now.addingTimeInterval(Self.claimSeconds))
            .where("id", .equal, try delivery.requireID())
            .where("status", .equal, WebhookDelivery.Status.pending.rawValue)
            .where(group: { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, now) })
            .returning("id")
            .all()
        return !claimed.isEmpty
    }

    private func attempt(_ delivery: WebhookDelivery) async throws {
        let webhook = delivery.webhook
        let timestamp = Int(Date().timeIntervalSince1970)
        var request = HTTPClientRequest(url: webhook.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "Mamori-Webhook/1")
        request.headers.add(name: "X-Mamori-Event", value: delivery.event)
        request.headers.add(name: "X-Mamori-Delivery", value: try delivery.requireID().uuidString.lowercased())
        request.headers.add(name: WebhookSignature.timestampHeader, value: String(timestamp))
        request.headers.add(name: WebhookSignature.header,
                            value: WebhookSignature.sign(body: Data(delivery.payload.utf8), timestamp: timestamp, secret: webhook.secret))
        request.body = .bytes(ByteBuffer(string: delivery.payload))

        var status: Int?
        var failure: String?
        do {
            if !allowPrivateTargets, let host = URL(string: webhook.url)?.host, try await WebhookAddressCheck.resolvesToPrivate(host) {
                failure = "refused: \(host) resolves to a private address"
            } else {
                let response = try await client.execute(request, timeout: Self.timeout, logger: logger)
                status = Int(response.status.code)
                _ = try? await response.body.collect(upTo: Self.responseLimit)
            }
        } catch {
            failure = String(String(describing: error).prefix(300))
        }

        let attempts = delivery.attempts + 1
        let delivered = status.map { (200..<300).contains($0) } ?? false
        let retryAfter = delivered || failure?.hasPrefix("refused:") == true || !WebhookRetry.isRetryable(status: status)
            ? nil : WebhookRetry.delay(afterFailedAttempt: attempts)
        delivery.attempts = attempts
        delivery.lastStatusCode = status
        delivery.lastError = failure
        delivery.claimedUntil = nil
        if delivered {
            delivery.status = .delivered
            delivery.deliveredAt = Date()
        } else if let retryAfter {
            delivery.nextAttemptAt = Date().addingTimeInterval(retryAfter)
        } else {
            delivery.status = .failed
        }
        try await delivery.save(on: db)
        if !delivered {
            logger.warning("webhook delivery \(delivery.id?.uuidString ?? "") attempt \(attempts): \(status.map(String.init) ?? failure ?? "failed")")
        }
    }
}
