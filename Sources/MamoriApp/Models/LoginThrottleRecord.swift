import Fluent
import Foundation
import MamoriCore

/// The stored state of `LoginThrottle` for one account name (whether or not it exists, so
/// that the throttle does not reveal which addresses have accounts).
final class LoginThrottleRecord: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_key") var accountKey: String
    /// Failure times as seconds since 1970, JSON array.
    @Field(key: "recent_failures") var recentFailures: String
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(accountKey: String) {
        self.accountKey = accountKey
        self.recentFailures = "[]"
        self.updatedAt = Date()
    }

    var throttle: LoginThrottle {
        get {
            let seconds = (try? JSONDecoder().decode([Double].self, from: Data(recentFailures.utf8))) ?? []
            return LoginThrottle(recentFailures: seconds.map(Date.init(timeIntervalSince1970:)), lockedUntil: lockedUntil)
        }
        set {
            let seconds = newValue.recentFailures.map(\.timeIntervalSince1970)
            recentFailures = (try? String(decoding: JSONEncoder().encode(seconds), as: UTF8.self)) ?? "[]"
            lockedUntil = newValue.lockedUntil
        }
    }
}
