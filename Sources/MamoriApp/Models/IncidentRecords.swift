import Fluent
import Foundation
import MamoriCore

/// An incident of an organization: the ten items of the guide, the facts that decide whom to
/// notify, the response team and the current step. Never deleted; closed with a summary.
final class Incident: Model, @unchecked Sendable {
    static let schema = "incidents"

    enum Status: String, Codable, Sendable { case open, closed }
    enum Severity: String, Codable, Sendable, CaseIterable { case low, medium, high, critical }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Enum(key: "kind") var kind: IncidentKind
    @Field(key: "title") var title: String
    @Enum(key: "severity") var severity: Severity
    @Enum(key: "status") var status: Status
    @Field(key: "current_step") var currentStep: Int
    // The ten items (7, the response so far, is the timeline).
    @Field(key: "category_note") var categoryNote: String                // 1
    @Field(key: "client_name") var clientName: String                    // 2 (the client, for contracted work)
    @Field(key: "responsible_name") var responsibleName: String          // 3
    @Field(key: "responsible_department") var responsibleDepartment: String
    @Field(key: "team_members") var teamMembers: String                  // 3: one "name — role" a line
    @Field(key: "detected_at") var detectedAt: Date                      // 4
    @OptionalField(key: "occurred_at") var occurredAt: Date?             // 5
    @Field(key: "observed_impact") var observedImpact: String            // 6
    @Field(key: "suspected_cause") var suspectedCause: String            // 8
    @Field(key: "affected_assets") var affectedAssets: String            // 9
    @Field(key: "security_tools") var securityTools: String              // 10
    @Field(key: "response_policy") var responsePolicy: String            // the owner's decision
    // For the PPC report and the notice to the persons.
    @Field(key: "leaked_items") var leakedItems: String                  // which personal data items
    @Field(key: "secondary_damage") var secondaryDamage: String          // secondary damage or its risk
    // Facts for the notification duties.
    @Field(key: "aware_at") var awareAt: Date
    @Field(key: "personal_data_involved") var personalDataInvolved: Bool
    @Field(key: "persons") var persons: Int
    @Field(key: "special_care") var specialCare: Bool
    @Field(key: "financial_damage_risk") var financialDamageRisk: Bool
    @Field(key: "wrongful_intent") var wrongfulIntent: Bool
    @Field(key: "data_protected") var dataProtected: Bool
    @Field(key: "crime_suspected") var crimeSuspected: Bool
    @Field(key: "lost_or_stolen_outside") var lostOrStolenOutside: Bool
    @Field(key: "sector_law_requires_report") var sectorLawRequiresReport: Bool
    @Field(key: "partners_affected") var partnersAffected: Bool
    @Field(key: "public_impact") var publicImpact: Bool
    @OptionalField(key: "ppc_delegated_to") var ppcDelegatedTo: String?
    // Closing.
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "cause_summary") var causeSummary: String
    @Field(key: "created_by_id") var createdByID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var facts: NotificationDuties.Facts {
        NotificationDuties.Facts(
            kind: kind, awareAt: awareAt,
            personalData: .init(involved: personalDataInvolved, persons: persons, specialCare: specialCare, financialDamageRisk: financialDamageRisk,
                                wrongfulIntent: wrongfulIntent, protected: dataProtected),
            ransomware: kind == .ransomware, crimeSuspected: crimeSuspected, lostOrStolenOutside: lostOrStolenOutside,
            sectorLawRequiresReport: sectorLawRequiresReport, partnersAffected: partnersAffected, publicImpact: publicImpact,
            ppcPowersDelegatedTo: ppcDelegatedTo)
    }
}

/// One playbook point of an incident: done (who, when, note) or not applicable (with a reason).
final class IncidentCheck: Model, @unchecked Sendable {
    static let schema = "incident_checks"
    enum State: String, Codable, Sendable { case done, notApplicable = "not_applicable" }

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "point_id") var pointID: String
    @Enum(key: "state") var state: State
    @Field(key: "note") var note: String
    @Field(key: "by_name") var byName: String
    @Field(key: "at") var at: Date

    init() {}
}

/// An entry of the append-only, hash-chained timeline.
final class TimelineEntry: Model, @unchecked Sendable {
    static let schema = "incident_timeline"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "sequence") var sequence: Int
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "author") var author: String
    @Field(key: "type") var type: String
    @Field(key: "text") var text: String
    @OptionalField(key: "corrects_sequence") var correctsSequence: Int?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    var chainContent: HashChain.Content {
        .init(sequence: sequence, occurredAt: occurredAt, recordedAt: recordedAt, author: author, type: type, text: text, correctsSequence: correctsSequence)
    }
}

/// Evidence kept with its SHA-256, in the database so every instance serves it; never overwritten.
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "incident_evidence"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Timestamp(key: "uploaded_at", on: .create) var uploadedAt: Date?

    init() {}
}

/// A notification recorded as done.
final class IncidentNotification: Model, @unchecked Sendable {
    static let schema = "incident_notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "recipient") var recipient: String
    @Field(key: "action") var action: String
    @Field(key: "done_on") var doneOn: String
    @Field(key: "reference") var reference: String
    @Field(key: "done_by") var doneBy: String
    @Timestamp(key: "recorded_at", on: .create) var recordedAt: Date?

    init() {}
}

/// A recurrence-prevention measure, kept apart so that the action plan can take it over.
final class IncidentMeasure: Model, @unchecked Sendable {
    static let schema = "incident_measures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "text") var text: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
