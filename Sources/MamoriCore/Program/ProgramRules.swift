import Foundation

/// Japanese fiscal years run from April to March: 2026-03-31 is FY2025, 2026-04-01 is FY2026.
public enum FiscalYear {
    public static func of(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.tokyo
        let parts = calendar.dateComponents([.year, .month], from: date)
        return parts.month! >= 4 ? parts.year! : parts.year! - 1
    }

    /// The first day of a fiscal year, `yyyy-MM-dd` (1 April).
    public static func firstDay(of year: Int) -> String { String(format: "%04d-04-01", year) }

    /// The last day of a fiscal year, `yyyy-MM-dd` (31 March of the next calendar year).
    public static func lastDay(of year: Int) -> String { String(format: "%04d-03-31", year + 1) }
}

/// What keeps the program's settings and visits plausible, for the page and any other caller
/// alike (issue #14). The program runs per fiscal year (REFERENCE §1: the FY2020 program), so its
/// visits take place within that year; it needs at least one place, and never fewer places than
/// the applications already accepted; the application period cannot close before it opens.
public enum ProgramValidation {
    public static let maximumCapacity = 100_000

    /// The fewest places the office may set.
    public static func minimumCapacity(accepted: Int) -> Int { max(1, accepted) }

    /// The capacity set by the office: a whole number from `minimumCapacity` to `maximumCapacity`.
    /// A negative number reads as too few places, not as a range.
    public static func capacity(_ input: FieldInput<Int>, accepted: Int) -> Result<Int, FieldProblem> {
        switch input {
        case .absent: return .failure(.required)
        case .unreadable: return .failure(.notANumber)
        case .given(let value):
            if value < minimumCapacity(accepted: accepted) { return .failure(.capacityTooSmall(accepted: Int64(accepted))) }
            if value > maximumCapacity { return .failure(.outOfRange(minimum: Int64(minimumCapacity(accepted: accepted)), maximum: Int64(maximumCapacity))) }
            return .success(value)
        }
    }

    /// The application period: two real dates, the closing day on or after the opening day
    /// (a one-day period is allowed). The problem is reported on the closing date's field.
    public static func periodProblems(opensOn: FieldInput<String>, closesOn: FieldInput<String>) -> FieldProblems {
        var problems = FieldProblems()
        let opens = opensOn.read("opensOn", unreadable: .invalidDate, into: &problems)
        let closes = closesOn.read("closesOn", unreadable: .invalidDate, into: &problems)
        if let opens, let closes, closes < opens { problems.add("closesOn", .endBeforeStartDate) }
        return problems
    }

    /// A visit takes place within the fiscal year of its application (Tokyo time).
    public static func visitProblem(at date: Date, fiscalYear: Int) -> FieldProblem? {
        FiscalYear.of(date) == fiscalYear ? nil : .outsideFiscalYear(fiscalYear)
    }
}

/// Where an application stands.
public enum ApplicationStatus: String, Sendable, Codable, CaseIterable {
    case submitted
    case accepted
    case waitlisted
    case rejected
}

/// The waitlist: by submission time; optionally organizations outside the three metropolitan
/// areas first (the program wants more of them, REFERENCE §1).
public enum Waitlist {
    public struct Entry: Sendable, Equatable {
        public let id: UUID
        public let submittedAt: Date
        public let prefecture: Prefecture?

        public init(id: UUID, submittedAt: Date, prefecture: Prefecture?) {
            self.id = id
            self.submittedAt = submittedAt
            self.prefecture = prefecture
        }
    }

    public static func ordered(_ entries: [Entry], preferOutsideMetropolitanAreas: Bool) -> [Entry] {
        entries.sorted { a, b in
            if preferOutsideMetropolitanAreas {
                let aMetro = a.prefecture?.isMetropolitan ?? false, bMetro = b.prefecture?.isMetropolitan ?? false
                if aMetro != bMetro { return !aMetro }
            }
            return (a.submittedAt, a.id.uuidString) < (b.submittedAt, b.id.uuidString)
        }
    }
}

/// Suggesting an expert for a company: same prefecture first, then one covering the company's
/// region, then the rest; within each, the lightest current load.
public enum ExpertMatching {
    public enum Proximity: Int, Sendable, Comparable {
        case samePrefecture = 0
        case sameRegion = 1
        case elsewhere = 2
        public static func < (lhs: Proximity, rhs: Proximity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Candidate: Sendable, Equatable {
        public let id: UUID
        public let name: String
        public let prefecture: Prefecture?
        public let regions: Set<Prefecture.Region>
        public let load: Int
        public let maximumCompanies: Int

        public init(id: UUID, name: String, prefecture: Prefecture?, regions: Set<Prefecture.Region>, load: Int, maximumCompanies: Int) {
            self.id = id
            self.name = name
            self.prefecture = prefecture
            self.regions = regions
            self.load = load
            self.maximumCompanies = maximumCompanies
        }

        public var isFull: Bool { load >= maximumCompanies }
    }

    public struct Suggestion: Sendable, Equatable {
        public let candidate: Candidate
        public let proximity: Proximity
    }

    /// Every candidate with room, best first.
    public static func rank(_ candidates: [Candidate], for company: Prefecture) -> [Suggestion] {
        candidates.filter { !$0.isFull }.map { candidate in
            let proximity: Proximity
            if candidate.prefecture == company { proximity = .samePrefecture }
            else if candidate.regions.contains(company.region) || candidate.prefecture?.region == company.region { proximity = .sameRegion }
            else { proximity = .elsewhere }
            return Suggestion(candidate: candidate, proximity: proximity)
        }.sorted { ($0.proximity.rawValue, $0.candidate.load, $0.candidate.name) < ($1.proximity.rawValue, $1.candidate.load, $1.candidate.name) }
    }
}

/// The four standard deliverables of a company in the program (REFERENCE §1), derived from
/// data, never ticked by hand.
public enum Deliverable: Int, Sendable, CaseIterable {
    case policyAndRulesCheck = 1
    case selfDiagnosis = 2
    case actionPlan = 3
    case twoStarDeclaration = 4

    public enum Status: String, Sendable, Equatable {
        case done
        case notYet = "not_yet"
        /// Mamori cannot hold this kind of data yet.
        case notAvailableYet = "not_available_yet"
    }

    /// `nil` evidence means the feature that would hold it does not exist yet.
    public static func status(evidence: Bool?) -> Status {
        guard let evidence else { return .notAvailableYet }
        return evidence ? .done : .notYet
    }
}

/// The office's figures for one fiscal year.
public struct ProgramStatistics: Sendable, Equatable {
    public struct Participant: Sendable {
        public let prefecture: Prefecture?
        public let status: ApplicationStatus
        public let visitsDone: Int
        public let producedResults: Bool?
        /// The standard deliverables the company has produced so far.
        public let deliverablesDone: Set<Deliverable>

        public init(prefecture: Prefecture?, status: ApplicationStatus, visitsDone: Int, producedResults: Bool?,
                    deliverablesDone: Set<Deliverable> = []) {
            self.prefecture = prefecture
            self.status = status
            self.visitsDone = visitsDone
            self.producedResults = producedResults
            self.deliverablesDone = deliverablesDone
        }
    }

    public struct Count: Sendable, Equatable {
        public var applications = 0
        public var accepted = 0
        public var completed = 0

        public init() {}
    }

    public let applications: Int
    public let accepted: Int
    public let visitsDone: Int
    public let completed: Int
    /// Completed ÷ accepted.
    public let completionRate: Double?
    public let surveysAnswered: Int
    /// "Produced results" ÷ surveys answered (96.4 % in FY2019).
    public let producedResultsShare: Double?
    /// Accepted participants outside the three metropolitan areas ÷ accepted.
    public let outsideMetropolitanShare: Double?
    public let byPrefecture: [String: Count]
    public let byRegion: [Prefecture.Region: Count]
    /// Accepted companies that have produced each deliverable.
    public let deliverableCounts: [Deliverable: Int]
    /// Accepted companies that have produced all four deliverables.
    public let allDeliverablesDone: Int

    public init(_ participants: [Participant], visitsPerCompany: Int) {
        applications = participants.count
        let acceptedOnes = participants.filter { $0.status == .accepted }
        accepted = acceptedOnes.count
        visitsDone = participants.reduce(0) { $0 + $1.visitsDone }
        completed = acceptedOnes.filter { $0.visitsDone >= visitsPerCompany }.count
        completionRate = accepted == 0 ? nil : Double(completed) / Double(accepted)
        let answers = participants.compactMap(\.producedResults)
        surveysAnswered = answers.count
        producedResultsShare = answers.isEmpty ? nil : Double(answers.filter { $0 }.count) / Double(answers.count)
        outsideMetropolitanShare = accepted == 0 ? nil
            : Double(acceptedOnes.filter { !($0.prefecture?.isMetropolitan ?? false) }.count) / Double(accepted)
        var byPrefecture: [String: Count] = [:]
        var byRegion: [Prefecture.Region: Count] = [:]
        for participant in participants {
            guard let prefecture = participant.prefecture else { continue }
            let accepted = participant.status == .accepted
            let completed = accepted && participant.visitsDone >= visitsPerCompany
            byPrefecture[prefecture.code, default: Count()].applications += 1
            byRegion[prefecture.region, default: Count()].applications += 1
            if accepted {
                byPrefecture[prefecture.code, default: Count()].accepted += 1
                byRegion[prefecture.region, default: Count()].accepted += 1
            }
            if completed {
                byPrefecture[prefecture.code, default: Count()].completed += 1
                byRegion[prefecture.region, default: Count()].completed += 1
            }
        }
        self.byPrefecture = byPrefecture
        self.byRegion = byRegion
        var deliverableCounts: [Deliverable: Int] = [:]
        for participant in acceptedOnes {
            for deliverable in participant.deliverablesDone { deliverableCounts[deliverable, default: 0] += 1 }
        }
        self.deliverableCounts = deliverableCounts
        allDeliverablesDone = acceptedOnes.filter { $0.deliverablesDone.isSuperset(of: Deliverable.allCases) }.count
    }

    public static func == (lhs: ProgramStatistics, rhs: ProgramStatistics) -> Bool {
        lhs.applications == rhs.applications && lhs.accepted == rhs.accepted && lhs.completed == rhs.completed
            && lhs.byPrefecture.mapValues(\.applications) == rhs.byPrefecture.mapValues(\.applications)
    }
}
