import Foundation

/// Where a gap of the organization was found. The one-year action plan reads gaps from every
/// origin through the app's `GapSource` registry; the raw values are the plan API's
/// `source.kind`.
public enum GapOrigin: String, Sendable, Codable, CaseIterable, Hashable {
    case diagnosis
    case rules
    case risk
    case telework
}

/// How soon a gap should be closed. The plan orders by urgency first, then by origin.
public enum GapUrgency: Int, Sendable, Codable, Comparable, CaseIterable, Hashable {
    case high = 0
    case medium = 1
    case low = 2

    public static func < (lhs: GapUrgency, rhs: GapUrgency) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One thing an organization has not done yet, in words the plan can show, independent of the
/// feature that found it. `key` is stable across runs (a diagnosis item number, a rules
/// chapter key, a risk id), so a re-proposed plan can recognise what it already holds.
public struct Gap: Sendable, Hashable {
    public let origin: GapOrigin
    public let key: String
    public let title: LocalizedText
    public let urgency: GapUrgency

    public init(origin: GapOrigin, key: String, title: LocalizedText, urgency: GapUrgency) {
        self.origin = origin
        self.key = key
        self.title = title
        self.urgency = urgency
    }

    /// Most urgent first; within an urgency the origins in their declared order, then the
    /// order each source gave (a stable sort keeps it).
    public static func prioritized(_ gaps: [Gap]) -> [Gap] {
        let originOrder = Dictionary(uniqueKeysWithValues: GapOrigin.allCases.enumerated().map { ($1, $0) })
        return gaps.enumerated().sorted {
            ($0.element.urgency.rawValue, originOrder[$0.element.origin]!, $0.offset)
                < ($1.element.urgency.rawValue, originOrder[$1.element.origin]!, $1.offset)
        }.map(\.element)
    }
}

extension DiagnosisGap {
    /// A diagnosis gap as the plan sees it: "not implemented" or "don't know" in the basic part
    /// is high, elsewhere medium; "partly" is low. The key is the item number.
    public func asGap(topic: LocalizedText) -> Gap {
        let urgency: GapUrgency = self.urgency == 0 ? (part == .basic ? .high : .medium) : .low
        return Gap(origin: .diagnosis, key: String(item), title: topic, urgency: urgency)
    }
}
