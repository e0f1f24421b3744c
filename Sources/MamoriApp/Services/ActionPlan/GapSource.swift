import Fluent
import Foundation
import MamoriCore

/// A feature that finds gaps the one-year action plan should close. Each feature conforms
/// once; the plan reads them all through `GapSources` and never queries a feature's tables.
protocol GapSource: Sendable {
    var origin: GapOrigin { get }
    func gaps(of organization: Organization, on db: any Database) async throws -> [Gap]
}

/// Every source the plan reads, in one list: a new feature adds its conformance here.
enum GapSources {
    static let all: [any GapSource] = [DiagnosisGapSource(), RulesCheckGapSource(), RiskGapSource(), TeleworkGapSource()]

    /// The gaps of every source, most urgent first.
    static func gaps(of organization: Organization, on db: any Database) async throws -> [Gap] {
        var gaps: [Gap] = []
        for source in all { gaps += try await source.gaps(of: organization, on: db) }
        return Gap.prioritized(gaps)
    }
}

/// Items of the combined self-diagnosis below "implemented" (key: the item number).
struct DiagnosisGapSource: GapSource {
    var origin: GapOrigin { .diagnosis }

    func gaps(of organization: Organization, on db: any Database) async throws -> [Gap] {
        let content = DiagnosisContent.bundled
        return try await DiagnosisService(db: db).prioritizedGaps(of: organization).map { $0.asGap(topic: content.item($0.item).topic) }
    }
}

/// Chapters of the related rules checked as missing or needing revision (key: the chapter key).
/// A chapter never checked is no gap yet: the check itself comes first.
struct RulesCheckGapSource: GapSource {
    var origin: GapOrigin { .rules }

    func gaps(of organization: Organization, on db: any Database) async throws -> [Gap] {
        let current = try await RulesCheckService(db: db).current(of: organization)
        return PolicyContent.bundled.chapters.compactMap { chapter in
            guard let check = current[chapter.key], let urgency = check.checkStatus.gapUrgency else { return nil }
            let title = check.checkStatus == .missing ? L.Rules.gapMissing(chapter.title) : L.Rules.gapRevise(chapter.title)
            return Gap(origin: .rules, key: chapter.key, title: title, urgency: urgency)
        }
    }
}
