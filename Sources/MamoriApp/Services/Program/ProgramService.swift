import Fluent
import Foundation

/// The expert-guidance program, as the office, the companies and the experts use it.
///
/// One service, split by sub-domain: settings and terms (`ProgramService+Settings.swift`),
/// applications and decisions (`+Applications.swift`), experts and assignment (`+Experts.swift`),
/// visits, the survey, attachments and the expert's calendar feed (`+Visits.swift`), and
/// deliverables and statistics (`+Statistics.swift`).
struct ProgramService {
    let db: any Database
}
