import Foundation
import Testing
@testable import MamoriCore

@Suite("Login throttle")
struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func throttle(failuresAt minutes: [Double]) -> LoginThrottle {
        var throttle = LoginThrottle()
        for minute in minutes { throttle.recordFailure(at: start.addingTimeInterval(minute * 60)) }
        return throttle
    }

    @Test("four failures do not lock the account")
    func fourFailures() {
        let throttle = throttle(failuresAt: [0, 1, 2, 3])
        #expect(throttle.refusedUntil(at: start.addingTimeInterval(4 * 60)) == nil)
    }

    @Test("the fifth failure within 15 minutes locks the account for 15 minutes")
    func fifthFailureLocks() {
        let throttle = throttle(failuresAt: [0, 1, 2, 3, 14.9])
        let fifth = start.addingTimeInterval(14.9 * 60)
        #expect(throttle.refusedUntil(at: fifth) == fifth.addingTimeInterval(15 * 60))
        #expect(throttle.refusedUntil(at: fifth.addingTimeInterval(15 * 60 - 1)) != nil)
        #expect(throttle.refusedUntil(at: fifth.addingTimeInterval(15 * 60)) == nil)
    }

    @Test("failures spread over more than 15 minutes do not lock", arguments: [
        [0.0, 4, 8, 12, 16],       // the first one has left the window when the fifth comes
        [0.0, 15, 30, 45, 60],
    ])
    func spreadFailures(minutes: [Double]) {
        let throttle = throttle(failuresAt: minutes)
        #expect(throttle.refusedUntil(at: start.addingTimeInterval(minutes.last! * 60)) == nil)
    }

    @Test("a sliding window: the last five failures count, wherever the first one was")
    func slidingWindow() {
        let throttle = throttle(failuresAt: [0, 10, 16, 17, 18, 19])
        #expect(throttle.refusedUntil(at: start.addingTimeInterval(19 * 60)) != nil)
    }

    @Test("a successful login clears the failures")
    func successResets() {
        var throttle = throttle(failuresAt: [0, 1, 2, 3])
        throttle.recordSuccess()
        throttle.recordFailure(at: start.addingTimeInterval(5 * 60))
        #expect(throttle.refusedUntil(at: start.addingTimeInterval(5 * 60)) == nil)
        #expect(throttle.recentFailures.count == 1)
    }

    @Test("after a lockout ends, it takes five new failures to lock again")
    func afterLockout() {
        var throttle = throttle(failuresAt: [0, 1, 2, 3, 4])
        let after = start.addingTimeInterval(20 * 60)
        throttle.recordFailure(at: after)
        #expect(throttle.refusedUntil(at: after) == nil)
    }
}
