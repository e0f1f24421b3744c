import Foundation

/// Login throttling per account: after `maximumFailures` failed attempts within `window`,
/// further attempts are refused for `lockout`. A pure value so that the rule is testable
/// without a database; the app stores it in a row per account so it holds across instances.
public struct LoginThrottle: Sendable, Equatable, Codable {
    public static let maximumFailures = 5
    public static let window: TimeInterval = 15 * 60
    public static let lockout: TimeInterval = 15 * 60

    /// Failures still inside the window, oldest first.
    public private(set) var recentFailures: [Date]
    public private(set) var lockedUntil: Date?

    public init(recentFailures: [Date] = [], lockedUntil: Date? = nil) {
        self.recentFailures = recentFailures
        self.lockedUntil = lockedUntil
    }

    /// When attempts are refused at `now`, the moment they are allowed again.
    public func refusedUntil(at now: Date) -> Date? {
        guard let lockedUntil, lockedUntil > now else { return nil }
        return lockedUntil
    }

    public mutating func recordFailure(at now: Date) {
        recentFailures = recentFailures.filter { now.timeIntervalSince($0) < Self.window }
        recentFailures.append(now)
        if recentFailures.count >= Self.maximumFailures {
            lockedUntil = now.addingTimeInterval(Self.lockout)
            recentFailures = []
        }
    }

    public mutating func recordSuccess() {
        recentFailures = []
        lockedUntil = nil
    }
}
