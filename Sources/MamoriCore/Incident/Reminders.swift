import Crypto
import Foundation

/// What Mamori tells an organization's own systems (webhooks) and calendars so that nobody
/// misses a deadline without opening Mamori. Each event has a stable key: the same fact never
/// makes two deliveries, however often or on however many servers the reminder scan runs.
public enum ReminderEvent: String, Sendable, Codable, CaseIterable {
    case incidentOpened = "incident.opened"
    /// A duty falls due within `Reminders.dueSoonDays` days (today included).
    case dutyDueSoon = "duty.due_soon"
    case dutyOverdue = "duty.overdue"
    case timelineVerificationFailed = "timeline.verification_failed"
    /// Sent by the owner's "send a test" button.
    case ping
}

public enum Reminders {
    /// "Duty due in 2 days": the event fires once the due date is two days away or closer.
    public static let dueSoonDays = 2

    /// Calendar alarms: 09:00 Tokyo two days and one day before the due date (an all-day event
    /// starts at midnight, so 39 and 15 hours before its start).
    public static let alarmHoursBeforeStart = [39, 15]

    /// An open duty as the scan sees it.
    public struct OpenDuty: Sendable, Equatable {
        public let incidentID: UUID
        public let recipient: String
        public let action: String
        public let due: Day

        public init(incidentID: UUID, recipient: String, action: String, due: Day) {
            self.incidentID = incidentID
            self.recipient = recipient
            self.action = action
            self.due = due
        }
    }

    /// The reminder a duty calls for today, if any: overdue after its day, due soon within
    /// `dueSoonDays` days, nothing earlier. The key names the due date, so a due date that
    /// changes (awareness corrected) is a new fact and is reminded again.
    public static func event(for duty: OpenDuty, today: Day) -> (event: ReminderEvent, key: String)? {
        let kind: ReminderEvent
        if duty.due < today { kind = .dutyOverdue }
        else if duty.due <= today.adding(days: dueSoonDays) { kind = .dutyDueSoon }
        else { return nil }
        return (kind, "\(kind.rawValue):\(duty.incidentID.uuidString):\(duty.recipient):\(duty.action):\(duty.due)")
    }

    public static func openedKey(incident: UUID) -> String { "\(ReminderEvent.incidentOpened.rawValue):\(incident.uuidString)" }

    public static func verificationFailedKey(incident: UUID, firstBrokenSequence: Int) -> String {
        "\(ReminderEvent.timelineVerificationFailed.rawValue):\(incident.uuidString):\(firstBrokenSequence)"
    }
}

/// The signature a receiver checks: HMAC-SHA256 with the webhook's secret over
/// `<timestamp>.<body>`, sent as `X-Mamori-Signature: sha256=<hex>` beside
/// `X-Mamori-Timestamp: <unix seconds>`. Signing the timestamp lets a receiver refuse replays.
public enum WebhookSignature {
    public static let header = "X-Mamori-Signature"
    public static let timestampHeader = "X-Mamori-Timestamp"

    public static func sign(body: Data, timestamp: Int, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Hex.encode(code)
    }

    /// What a receiver does; Mamori's tests use it as the receiver.
    public static func isValid(signature: String, body: Data, timestamp: Int, secret: String) -> Bool {
        SecretToken.constantTimeEquals(signature, sign(body: body, timestamp: timestamp, secret: secret))
    }
}

/// When a failed delivery is tried again: quickly at first, then further apart, then given up.
public enum WebhookRetry {
    /// Seconds to wait after the n-th failed attempt (1-based); after the last one the
    /// delivery is marked failed. About 14 hours in all, so a receiver down overnight still
    /// gets the reminder.
    public static let delays: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]

    public static var maximumAttempts: Int { delays.count + 1 }

    /// nil: give up.
    public static func delay(afterFailedAttempt attempt: Int) -> TimeInterval? {
        guard attempt >= 1, attempt <= delays.count else { return nil }
        return delays[attempt - 1]
    }

    /// A status code that another try can fix: server errors, 408 and 429. Other 4xx mean
    /// the receiver refuses this request; sending it again would change nothing.
    public static func isRetryable(status: Int?) -> Bool {
        guard let status else { return true }
        return status >= 500 || status == 408 || status == 429
    }
}

/// Which addresses a webhook may be sent to.
public enum WebhookTarget {
    public enum Problem: String, Sendable, Equatable {
        case empty, tooLong, notAURL, notHTTPS, credentialsInURL, privateAddress
    }

    public static let maximumLength = 500

    /// HTTPS to a public host. `allowPrivate` (a setting for tests and closed networks) also
    /// accepts plain HTTP and loopback or private addresses; otherwise a receiver inside the
    /// server's own network could be reached through Mamori.
    public static func validate(_ raw: String, allowPrivate: Bool) -> Result<URL, WebhookTarget.ProblemError> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .failure(.init(.empty)) }
        if text.count > maximumLength { return .failure(.init(.tooLong)) }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty, let url = components.url
        else { return .failure(.init(.notAURL)) }
        if components.user != nil || components.password != nil { return .failure(.init(.credentialsInURL)) }
        guard scheme == "https" || (scheme == "http" && allowPrivate) else {
            return .failure(.init(scheme == "http" ? .notHTTPS : .notAURL))
        }
        if !allowPrivate && isPrivate(host: host) { return .failure(.init(.privateAddress)) }
        return .success(url)
    }

    public struct ProblemError: Error, Equatable {
        public let problem: Problem
        init(_ problem: Problem) { self.problem = problem }
    }

    /// Loopback, private, link-local and other non-public names and literal addresses. A name
    /// is checked again after it is resolved, just before sending.
    public static func isPrivate(host rawHost: String) -> Bool {
        let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") { return true }
        if let octets = ipv4Octets(host) { return isPrivate(ipv4: octets) }
        if host.contains(":") { return isPrivate(ipv6: host) }
        return false
    }

    public static func isPrivate(ipv4 octets: [Int]) -> Bool {
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _): true
        case (100, 64...127): true          // carrier-grade NAT
        case (169, 254): true               // link-local, cloud metadata
        case (172, 16...31), (192, 168): true
        case (192, 0) where octets[2] == 0: true
        case (198, 18...19): true           // benchmarking
        case (224...255, _): true           // multicast and reserved
        default: false
        }
    }

    static func isPrivate(ipv6 host: String) -> Bool {
        let address = host.split(separator: "%").first.map(String.init) ?? host
        if address == "::" || address == "::1" { return true }
        if address.hasPrefix("::ffff:"), let octets = ipv4Octets(String(address.dropFirst(7))) { return isPrivate(ipv4: octets) }
        let first = address.split(separator: ":").first.map(String.init) ?? ""
        guard let value = UInt16(first, radix: 16) else { return true }
        return value & 0xfe00 == 0xfc00      // unique local fc00::/7
            || value & 0xffc0 == 0xfe80      // link-local fe80::/10
            || value & 0xff00 == 0xff00      // multicast
    }

    static func ipv4Octets(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { Int($0) }.filter { (0...255).contains($0) }
        return octets.count == 4 ? octets : nil
    }
}
