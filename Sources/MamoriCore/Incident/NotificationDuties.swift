import Foundation

/// The kinds of incident Mamori records.
public enum IncidentKind: String, Sendable, Codable, CaseIterable {
    case virusInfection = "virus_infection"
    case ransomware
    case systemOutage = "system_outage"
    case informationLeak = "information_leak"
    case unauthorizedAccess = "unauthorized_access"
    case phishingBEC = "phishing_bec"
    case lossTheft = "loss_theft"
    case other
}

/// Whom to notify after an incident, and by when (REFERENCE §8–§9): the Personal Information
/// Protection Commission under APPI Art. 26 with its preliminary and final reports, the persons
/// concerned, IPA, the police, JPCERT/CC, a supervising ministry, partners, the public and
/// management.
public enum NotificationDuties {
    public struct PersonalData: Sendable, Equatable {
        public var involved: Bool
        public var persons: Int
        public var specialCare: Bool
        public var financialDamageRisk: Bool
        public var wrongfulIntent: Bool
        /// Advanced encryption or equivalent protection, or pseudonymized data.
        public var protected: Bool

        public init(involved: Bool, persons: Int = 0, specialCare: Bool = false, financialDamageRisk: Bool = false,
                    wrongfulIntent: Bool = false, protected: Bool = false) {
            self.involved = involved
            self.persons = persons
            self.specialCare = specialCare
            self.financialDamageRisk = financialDamageRisk
            self.wrongfulIntent = wrongfulIntent
            self.protected = protected
        }
    }

    public struct Facts: Sendable, Equatable {
        public var kind: IncidentKind
        public var awareAt: Date
        public var personalData: PersonalData
        public var ransomware: Bool
        public var crimeSuspected: Bool
        public var lostOrStolenOutside: Bool
        public var sectorLawRequiresReport: Bool
        public var partnersAffected: Bool
        public var publicImpact: Bool
        /// The ministry the PPC delegated its powers to for this sector, if any.
        public var ppcPowersDelegatedTo: String?

        public init(kind: IncidentKind, awareAt: Date, personalData: PersonalData, ransomware: Bool = false, crimeSuspected: Bool = false,
                    lostOrStolenOutside: Bool = false, sectorLawRequiresReport: Bool = false, partnersAffected: Bool = false,
                    publicImpact: Bool = false, ppcPowersDelegatedTo: String? = nil) {
            self.kind = kind
            self.awareAt = awareAt
            self.personalData = personalData
            self.ransomware = ransomware
            self.crimeSuspected = crimeSuspected
            self.lostOrStolenOutside = lostOrStolenOutside
            self.sectorLawRequiresReport = sectorLawRequiresReport
            self.partnersAffected = partnersAffected
            self.publicImpact = publicImpact
            self.ppcPowersDelegatedTo = ppcPowersDelegatedTo
        }
    }

    /// APPI Art. 26 categories, in the order of the law.
    public enum ReportableReason: String, Sendable, Codable, CaseIterable {
        case specialCare = "special_care"
        case financialDamage = "financial_damage"
        case wrongfulIntent = "wrongful_intent"
        case over1000Persons = "over_1000_persons"
    }

    public enum Recipient: String, Sendable, Codable, CaseIterable {
        case ppc, affectedPersons = "affected_persons", ipa, police, jpcert, ministry, partners, `public`, management
    }

    public enum Action: String, Sendable, Codable {
        case preliminaryReport = "preliminary_report"
        case finalReport = "final_report"
        case notify
        case report
        case publish
    }

    /// How a due date was found, for people to check: counted days and any move past closed days.
    public struct DueDate: Sendable, Equatable {
        public let day: Day
        public let countedDays: Int
        public let nominal: Day
        public var moved: Bool { nominal != day }
    }

    public struct Duty: Sendable, Equatable {
        public let recipient: Recipient
        public let action: Action
        public let required: Bool
        public let due: DueDate?
        /// The legal or guidance basis, as a key the app turns into a sentence.
        public let basis: Basis
        /// Contact ids of the directory (`contacts.json`).
        public let contactIDs: [String]
        /// For `ppc` delegated to a ministry, or a sector law: the ministry's name as given.
        public let authority: String?
    }

    public enum Basis: String, Sendable, Codable {
        case appiPreliminary = "appi_26_preliminary"
        case appiFinal30 = "appi_26_final_30"
        case appiFinal60 = "appi_26_final_60"
        case appiPersons = "appi_26_2_persons"
        case appiPersonsRecommended = "guidance_persons"
        case ipaReporting = "ipa_reporting"
        case policeRansomware = "police_ransomware"
        case policeCrime = "police_crime"
        case policeLossTheft = "police_loss_theft"
        case jpcertCoordination = "jpcert_coordination"
        case sectorLaw = "sector_law"
        case contractPartners = "contract_partners"
        case publicAnnouncement = "public_announcement"
        case managementDecision = "management_decision"
    }

    public struct Result: Sendable, Equatable {
        public let reportableToPPC: Bool
        public let reportableReasons: [ReportableReason]
        public let duties: [Duty]
    }

    /// The preliminary report is due "promptly"; in practice about 3–5 days. Mamori shows the
    /// fifth day after awareness as the latest target and never moves it later: "promptly" is
    /// no legal period, so the administrative-holiday rule does not apply, and the PPC's online
    /// form takes reports on any day (REFERENCE §9).
    public static let preliminaryDays = 5

    /// Incidents IPA takes reports of (REFERENCE: virus and unauthorized-access reporting):
    /// a virus, unauthorized access or ransomware, whatever kind the incident was opened as.
    public static func reportableToIPA(_ facts: Facts) -> Bool {
        [.virusInfection, .unauthorizedAccess, .ransomware].contains(facts.kind) || facts.ransomware
    }

    public static func reportableReasons(_ facts: Facts) -> [ReportableReason] {
        let data = facts.personalData
        guard data.involved, !data.protected else { return [] }
        // Ransomware and unauthorized access are wrongful by nature (REFERENCE §9 (3)).
        let wrongful = data.wrongfulIntent || facts.ransomware || facts.kind == .ransomware || facts.kind == .unauthorizedAccess
        var reasons: [ReportableReason] = []
        if data.specialCare { reasons.append(.specialCare) }
        if data.financialDamageRisk { reasons.append(.financialDamage) }
        if wrongful { reasons.append(.wrongfulIntent) }
        if data.persons > 1000 { reasons.append(.over1000Persons) }
        return reasons
    }

    public static func compute(_ facts: Facts) -> Result {
        let awareness = Day(facts.awareAt)
        let reasons = reportableReasons(facts)
        let reportable = !reasons.isEmpty
        var duties: [Duty] = []

        func due(_ days: Int) -> DueDate {
            let deadline = AdministrativeCalendar.deadline(from: awareness, days: days)
            return DueDate(day: deadline.due, countedDays: days, nominal: deadline.nominal)
        }

        if reportable {
            let delegated = facts.ppcPowersDelegatedTo.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let recipient: Recipient = delegated == nil ? .ppc : .ministry
            let finalDays = reasons.contains(.wrongfulIntent) ? 60 : 30
            let ppcContacts = delegated == nil ? ["ppc-leak-report"] : []
            let preliminary = awareness.adding(days: preliminaryDays)
            duties.append(Duty(recipient: recipient, action: .preliminaryReport, required: true,
                               due: DueDate(day: preliminary, countedDays: preliminaryDays, nominal: preliminary),
                               basis: .appiPreliminary, contactIDs: ppcContacts, authority: delegated))
            duties.append(Duty(recipient: recipient, action: .finalReport, required: true, due: due(finalDays),
                               basis: finalDays == 60 ? .appiFinal60 : .appiFinal30, contactIDs: ppcContacts, authority: delegated))
            duties.append(Duty(recipient: .affectedPersons, action: .notify, required: true, due: nil,
                               basis: .appiPersons, contactIDs: [], authority: nil))
        } else if facts.personalData.involved {
            duties.append(Duty(recipient: .affectedPersons, action: .notify, required: false, due: nil,
                               basis: .appiPersonsRecommended, contactIDs: [], authority: nil))
        }

        if reportableToIPA(facts) {
            duties.append(Duty(recipient: .ipa, action: .report, required: false, due: nil, basis: .ipaReporting,
                               contactIDs: ["ipa-virus-unauthorized-access-report", "ipa-anshin-soudan"], authority: nil))
        }
        if facts.ransomware || facts.kind == .ransomware {
            duties.append(Duty(recipient: .police, action: .report, required: false, due: nil, basis: .policeRansomware,
                               contactIDs: ["npa-cybercrime-desks", "npa-ransomware"], authority: nil))
        } else if facts.crimeSuspected {
            duties.append(Duty(recipient: .police, action: .report, required: false, due: nil, basis: .policeCrime,
                               contactIDs: ["npa-cybercrime-desks"], authority: nil))
        } else if facts.lostOrStolenOutside || facts.kind == .lossTheft {
            duties.append(Duty(recipient: .police, action: .report, required: false, due: nil, basis: .policeLossTheft,
                               contactIDs: [], authority: nil))
        }
        if [.unauthorizedAccess, .ransomware, .phishingBEC].contains(facts.kind) || facts.ransomware {
            duties.append(Duty(recipient: .jpcert, action: .report, required: false, due: nil, basis: .jpcertCoordination,
                               contactIDs: ["jpcert-incident-request"], authority: nil))
        }
        if facts.sectorLawRequiresReport {
            duties.append(Duty(recipient: .ministry, action: .report, required: true, due: nil, basis: .sectorLaw, contactIDs: [], authority: nil))
        }
        if facts.partnersAffected {
            duties.append(Duty(recipient: .partners, action: .notify, required: false, due: nil, basis: .contractPartners, contactIDs: [], authority: nil))
        }
        if facts.publicImpact {
            duties.append(Duty(recipient: .public, action: .publish, required: false, due: nil, basis: .publicAnnouncement, contactIDs: [], authority: nil))
        }
        // Management decides on the response and on every notice above, on the day it is known.
        duties.append(Duty(recipient: .management, action: .report, required: true,
                           due: DueDate(day: awareness, countedDays: 0, nominal: awareness), basis: .managementDecision, contactIDs: [], authority: nil))
        return Result(reportableToPPC: reportable, reportableReasons: reasons, duties: duties)
    }
}
