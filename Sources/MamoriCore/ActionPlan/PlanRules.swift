import Foundation

/// A month of the plan, `yyyy-MM`.
public struct PlanMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    /// The Tokyo month of a day.
    public init(_ day: Day) {
        self.year = day.year
        self.month = day.month
    }

    public func adding(months: Int) -> PlanMonth {
        let index = year * 12 + (month - 1) + months
        return PlanMonth(year: index / 12, month: index % 12 + 1) ?? self
    }

    /// Whole months from `self` to `other` (negative when `other` is earlier).
    public func months(to other: PlanMonth) -> Int { (other.year * 12 + other.month) - (year * 12 + month) }

    public var description: String { String(format: "%04d-%02d", year, month) }

    public static func < (lhs: PlanMonth, rhs: PlanMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// How the proposed plan orders and schedules items (documented on the plan page):
/// 1. urgency first — high (basic-part diagnosis gaps not in place, large risks), then medium
///    (other diagnosis gaps not in place, missing rules, medium risks, telework "no"), then low
///    ("partly" answers, rules needing revision, telework "partly");
/// 2. within an urgency: diagnosis, rules, risks, telework, each in its own order;
/// 3. high items start this month and are due within 3 months, medium start in month 2 and are
///    due by month 6, low start in month 6 and are due by month 12 — all within the next 12.
public enum PlanRules {
    public struct Proposed: Sendable, Equatable {
        public let gap: Gap
        public let priority: Int
        public let start: PlanMonth
        public let due: PlanMonth
    }

    public static func schedule(_ urgency: GapUrgency, from month: PlanMonth) -> (start: PlanMonth, due: PlanMonth) {
        switch urgency {
        case .high: (month, month.adding(months: 2))
        case .medium: (month.adding(months: 1), month.adding(months: 5))
        case .low: (month.adding(months: 5), month.adding(months: 11))
        }
    }

    /// The items for `gaps` that the plan does not hold yet (`existing` are the source keys it
    /// holds, touched or not), numbered after `priorityAfter`.
    public static func propose(_ gaps: [Gap], existing: Set<String>, from month: PlanMonth, priorityAfter: Int = 0) -> [Proposed] {
        var priority = priorityAfter
        return Gap.prioritized(gaps).compactMap { gap in
            guard !existing.contains(sourceKey(gap.origin.rawValue, gap.key)) else { return nil }
            priority += 1
            let (start, due) = schedule(gap.urgency, from: month)
            return Proposed(gap: gap, priority: priority, start: start, due: due)
        }
    }

    public static func sourceKey(_ kind: String, _ key: String) -> String { kind + ":" + key }

    /// The status of a plan item.
    public enum Status: String, Sendable, Codable, CaseIterable, Hashable {
        case notStarted = "not_started"
        case inProgress = "in_progress"
        case done
        case dropped
    }

    /// Overdue: not done or dropped, and the due month has passed.
    public static func isOverdue(status: Status, due: PlanMonth, today: PlanMonth) -> Bool {
        (status == .notStarted || status == .inProgress) && due < today
    }
}
