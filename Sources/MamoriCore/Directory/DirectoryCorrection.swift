import Foundation

/// The everyday needs the help directory is filtered by.
public enum DirectoryNeed: String, Sendable, Codable, CaseIterable, Hashable {
    case personalDataLeak = "personal_data_leak"
    case ransomware
    case fraudEmail = "fraud_email"
    case teleworkRules = "telework_rules"
    case subsidy
    case findVendor = "find_vendor"
}

/// The program office's correction of a bundled entry, kept apart from the bundled content:
/// only the fields it changes. Applied on top of the bundled entry each time, so a newer
/// bundled file updates every field the office did not correct, and the corrected fields stay.
public struct DirectoryCorrection: Sendable, Codable, Equatable {
    public var organization: LocalizedText?
    public var name: LocalizedText?
    public var purpose: LocalizedText?
    public var category: String?
    /// An empty string removes the bundled value.
    public var phone: String?
    public var email: String?
    public var url: String?
    public var hours: LocalizedText?
    public var needs: [DirectoryNeed]?
    public var historical: Bool?

    public init() {}

    public var isEmpty: Bool { self == DirectoryCorrection() }

    /// The fields of `edited` that differ from `base`.
    public init(from base: ContactDirectory.Contact, to edited: ContactDirectory.Contact) {
        if edited.organization != base.organization { organization = edited.organization }
        if edited.name != base.name { name = edited.name }
        if edited.purpose != base.purpose { purpose = edited.purpose }
        if edited.category != base.category { category = edited.category }
        if edited.phone != base.phone { phone = edited.phone ?? "" }
        if edited.email != base.email { email = edited.email ?? "" }
        if edited.url != base.url { url = edited.url ?? "" }
        if edited.hours != base.hours { hours = edited.hours ?? LocalizedText(ja: "", en: "") }
        if edited.needs != base.needs { needs = edited.needs }
        if edited.historical != base.historical { historical = edited.historical }
    }

    public func apply(to base: ContactDirectory.Contact) -> ContactDirectory.Contact {
        var entry = base
        if let organization { entry.organization = organization }
        if let name { entry.name = name }
        if let purpose { entry.purpose = purpose }
        if let category { entry.category = category }
        if let phone { entry.phone = phone.isEmpty ? nil : phone }
        if let email { entry.email = email.isEmpty ? nil : email }
        if let url { entry.url = url.isEmpty ? nil : url }
        if let hours { entry.hours = hours.ja.isEmpty && hours.en.isEmpty ? nil : hours }
        if let needs { entry.needs = needs }
        if let historical { entry.historical = historical }
        return entry
    }

    /// Names of the corrected fields, in display order.
    public var fields: [String] {
        [("organization", organization != nil), ("name", name != nil), ("purpose", purpose != nil), ("category", category != nil),
         ("phone", phone != nil), ("email", email != nil), ("url", url != nil), ("hours", hours != nil), ("needs", needs != nil),
         ("historical", historical != nil)].filter(\.1).map(\.0)
    }
}
