import Foundation
import MamoriCore
import Plot

/// The four visits of a company, for the company, the expert and the office.
struct VisitList: Component {
    let visits: [VisitRow]
    let visitsPerCompany: Int
    let context: PageContext

    var body: Component {
        let t = context.t
        let byNumber = Dictionary(uniqueKeysWithValues: visits.map { ($0.number, $0) })
        return El("ol", [("class", "visits")]) {
            for number in 1...max(visitsPerCompany, 1) {
                El("li", [("class", "visit")]) {
                    El("strong") { Text(t(L.Program.visitNumber(number)) + " ") }
                    if let visit = byNumber[number] {
                        El("span", [("class", "status-tag " + (visit.isDone ? "met" : "unmet"))]) { Text(t(visit.isDone ? L.Program.visitDone : L.Program.visitScheduledLabel)) }
                        Text(" ")
                        timeElement(visit.scheduledAt, context)
                        Text(" · " + t(L.Program.visitMode(visit.mode)) + " · ")
                        if visit.mode == .online { link(visit.place, to: visit.place, [("rel", "noopener noreferrer")]) } else { Text(visit.place) }
                        if visit.isDone {
                            El("p", [("class", "hint")]) {
                                Text(t(L.Common.minutes(visit.durationMinutes ?? 0)) + " — " + (visit.topics ?? ""))
                            }
                            if let next = visit.nextSteps, !next.isEmpty {
                                El("p", [("class", "hint")]) { Text(t(L.Program.nextSteps) + t(L.Common.colon) + next) }
                            }
                            let progress = visit.progress
                            if !progress.isEmpty {
                                El("p", [("class", "hint")]) {
                                    Text(progress.keys.sorted().map { t(L.Program.goalShort($0)) + " \(progress[$0]!)%" }.joined(separator: " · "))
                                }
                            }
                        }
                        if !visit.attachments.isEmpty {
                            El("ul", [("class", "attachments")]) {
                                for file in visit.attachments {
                                    El("li") {
                                        link(file.filename, to: SiteURL.attachment(id: file.id).path)
                                        El("span", [("class", "hint")]) { Text(" (\(file.size.formatted()) bytes, SHA-256 \(file.sha256.prefix(12))…)") }
                                    }
                                }
                            }
                        }
                    } else {
                        El("span", [("class", "muted")]) { Text(t(L.Program.notScheduled)) }
                    }
                }
            }
        }
    }
}

/// The four deliverables and where each stands.
struct DeliverableList: Component {
    /// ① and ② done, ③ not yet, ④ not available.
    static let mock: [(Deliverable, Deliverable.Status)] = [(.policyAndRulesCheck, .done), (.selfDiagnosis, .done), (.actionPlan, .notYet),
                                                             (.twoStarDeclaration, .notAvailableYet)]

    let deliverables: [(Deliverable, Deliverable.Status)]
    let context: PageContext
    /// What ① holds, shown to the office and the expert.
    var policy: PolicyDeliverable? = nil

    var body: Component {
        let t = context.t
        return El("ul", [("class", "checklist")]) {
            for (deliverable, status) in deliverables {
                El("li", [("class", status == .done ? "met" : "unmet"), ("data-deliverable", String(deliverable.rawValue))]) {
                    El("span", [("class", "status-tag")]) { Text(t(L.Program.deliverableStatus(status))) }
                    Text(" " + t(L.Program.deliverable(deliverable)))
                    if deliverable == .policyAndRulesCheck, let policy { policy.render(context) }
                }
            }
        }
    }
}
