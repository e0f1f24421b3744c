import Fluent
import Foundation
import MamoriCore

/// What the telework pages show, as plain values with a `.mock` each.
extension TeleworkPages {
    struct Check: Sendable {
        var id: UUID
        var at: Date?
        var respondent: String
        var result: TeleworkResult?

        init?(_ record: TeleworkSelfCheck) {
            guard let answers = record.answers else { return nil }
            id = record.id!
            at = record.createdAt
            respondent = record.respondentName
            result = TeleworkResult(answers)
        }

        /// A row whose answers cannot be read any more (never expected): listed without a result.
        static func unreadable(_ record: TeleworkSelfCheck) -> Check {
            var check = Check(id: record.id!, at: record.createdAt, respondent: record.respondentName)
            check.result = nil
            return check
        }

        init(id: UUID, at: Date?, respondent: String, result: TeleworkResult? = nil) {
            self.id = id
            self.at = at
            self.respondent = respondent
            self.result = result
        }

        /// Answers that cycle through yes, partly and no, so every part of a result shows.
        static func mock(respondent: String = "山田 <太郎>", shift: Int = 0) -> Check {
            let answers = TeleworkAnswers(answers: Dictionary(uniqueKeysWithValues: TeleworkAnswers.pointNumbers.map {
                ($0, TeleworkAnswer.allCases[($0 + shift) % TeleworkAnswer.allCases.count])
            }))
            return Check(id: UUID(), at: Date(), respondent: respondent, result: answers.map(TeleworkResult.init))
        }
    }

    struct OverviewModel {
        var organizationID: UUID
        var latest: Check?
        var history: Page<Check>
        var checklistDone: Int
        var checklistTotal: Int

        static var mock: OverviewModel {
            let checks = [Check.mock(), Check.mock(respondent: "佐藤 花子", shift: 1)]
            return OverviewModel(organizationID: SiteURL.anyID, latest: checks[0], history: Page(items: checks, metadata: PageMetadata(page: 1, per: 20, total: 2)),
                                 checklistDone: 3, checklistTotal: TeleworkContent.bundled.checklist.count)
        }
    }

    /// The self-check form: the answers given so far and the points still missing.
    struct FormModel {
        var organizationID: UUID
        var answers: [Int: TeleworkAnswer]
        var missing: Set<Int>
        var respondent: String

        static let mock = FormModel(organizationID: SiteURL.anyID, answers: [1: .yes, 2: .partly], missing: [3], respondent: "山田 <太郎>")
    }

    struct ResultModel {
        var organizationID: UUID
        var check: Check

        static var mock: ResultModel { ResultModel(organizationID: SiteURL.anyID, check: .mock()) }
    }

    struct CompareModel {
        var organizationID: UUID
        /// The recent checks to choose from.
        var checks: [Check]
        var before: Check?
        var after: Check?

        static var mock: CompareModel {
            let checks = [Check.mock(), Check.mock(respondent: "佐藤 花子", shift: 1)]
            return CompareModel(organizationID: SiteURL.anyID, checks: checks, before: checks[1], after: checks[0])
        }
    }

    /// The staff sheet, on screen (with the owner's contact form) or for printing.
    struct SheetModel {
        var organizationID: UUID
        var organizationName: String
        var contact: String?
        var language: AppLocale
        var printable: Bool
        var isOwner: Bool
        var form: FormState = .empty

        static let mock = SheetModel(organizationID: SiteURL.anyID, organizationName: "株式会社<テスト>", contact: "情報システム担当 <内線 123>",
                                     language: .ja, printable: false, isOwner: true)
    }

    struct ChecklistSave: Sendable {
        var at: Date?
        var by: String
        var done: Int
    }

    struct ChecklistModel {
        var organizationID: UUID
        var role: TeleworkRole?
        var threat: TeleworkThreat?
        var done: Set<String>
        var history: [ChecklistSave]

        static var mock: ChecklistModel {
            let keys = TeleworkContent.bundled.checklist.prefix(2).map(\.key)
            return ChecklistModel(organizationID: SiteURL.anyID, role: nil, threat: nil, done: Set(keys),
                                  history: [ChecklistSave(at: Date(), by: "山田 <太郎>", done: keys.count)])
        }
    }
}
