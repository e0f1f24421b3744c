import Foundation
import Testing
@testable import MamoriCore

/// The ids of the bundled entries found for a query.
private func foundIDs(_ query: String?, category: String? = nil, need: DirectoryNeed? = nil) -> Set<String> {
    Set(ContactDirectory.bundled.search(query, category: category, need: need).map(\.id))
}

@Suite("Help directory search")
struct DirectorySearchTests {
    @Test("spellings of the same word find the same entries", arguments: [
        // ﾗﾝｻﾑ (half-width katakana), ランサム, らんさむ
        ["\u{FF97}\u{FF9D}\u{FF7B}\u{FF91}", "ランサム", "らんさむ"],
        // ＩＰＡ (full-width), IPA, ipa
        ["\u{FF29}\u{FF30}\u{FF21}", "IPA", "ipa"],
        ["0359787509", "03-5978-7509"],
    ])
    func sameEntries(spellings: [String]) {
        let first = foundIDs(spellings[0])
        #expect(!first.isEmpty, "\(spellings[0]) found nothing")
        for spelling in spellings.dropFirst() {
            #expect(foundIDs(spelling) == first, "\(spelling) differs from \(spellings[0])")
        }
    }

    @Test("a telephone number finds its desk with or without hyphens", arguments: ["0359787509", "03-5978-7509", "03\u{2010}5978\u{2010}7509"])
    func phone(query: String) {
        #expect(foundIDs(query).contains("ipa-anshin-soudan"))
    }

    @Test("ransomware in katakana finds the ransomware pages")
    func ransomwarePages() {
        let found = foundIDs("\u{FF97}\u{FF9D}\u{FF7B}\u{FF91}")
        #expect(found.contains("ipa-ransomware-page"))
        #expect(found.contains("npa-ransomware"))
        #expect(!found.contains("houterasu"))
    }

    @Test("folding: NFKC, lower case, katakana to hiragana, no hyphens", arguments: [
        ("\u{FF97}\u{FF9D}\u{FF7B}\u{FF91}", "らんさむ"),
        ("ランサム", "らんさむ"),
        ("\u{FF29}\u{FF30}\u{FF21}", "ipa"),
        ("03-5978-7509", "0359787509"),
    ])
    func fold(input: String, folded: String) {
        #expect(ContactDirectory.fold(input) == folded)
    }
}

@Suite("Help directory needs")
struct DirectoryNeedTests {
    @Test("every need has at least one bundled entry, and the need filter returns only entries with that need", arguments: DirectoryNeed.allCases)
    func filter(need: DirectoryNeed) {
        let directory = ContactDirectory.bundled
        let found = directory.search(nil, category: nil, need: need)
        #expect(!found.isEmpty, "no entry for \(need.rawValue)")
        #expect(found.allSatisfy { $0.needs.contains(need) })
        #expect(found.count == directory.contacts.filter { $0.needs.contains(need) }.count)
    }

    @Test("personal data leaks: the PPC pages, nothing else")
    func personalDataLeak() {
        let found = ContactDirectory.bundled.search(nil, category: nil, need: .personalDataLeak)
        #expect(found.allSatisfy { $0.needs.contains(.personalDataLeak) })
        #expect(Set(found.map(\.id)).isSuperset(of: ["ppc-leak-report", "ppc-my-number-leak"]))
        #expect(!found.contains { $0.id == "ipa-anshin-soudan" })
    }

    @Test("a word and a need together: both must match", arguments: [
        ("IPA", DirectoryNeed.ransomware),
        ("IPA", .fraudEmail),
        ("\u{FF97}\u{FF9D}\u{FF7B}\u{FF91}", .ransomware),
        ("テレワーク", .subsidy),
    ])
    func wordAndNeed(word: String, need: DirectoryNeed) {
        let combined = foundIDs(word, need: need)
        #expect(!combined.isEmpty, "\(word) + \(need.rawValue) found nothing")
        #expect(combined == foundIDs(word).intersection(foundIDs(nil, need: need)))
    }

    @Test("IPA and ransomware: the IPA desk, not the IPA fraud page or the police page")
    func ipaRansomware() {
        let found = foundIDs("IPA", need: .ransomware)
        #expect(found.contains("ipa-anshin-soudan"))
        #expect(found.contains("ipa-ransomware-page"))
        #expect(!found.contains("ipa-bec-page"))
        #expect(!found.contains("npa-ransomware"))
    }
}

@Suite("Help directory e-mail addresses as printed")
struct DirectoryEmailTests {
    static func contact(email: String?) -> ContactDirectory.Contact {
        ContactDirectory.Contact(id: "test", organization: LocalizedText(ja: "テスト機構", en: "Test Agency"), name: LocalizedText(ja: "窓口", en: "Desk"),
                                 purpose: LocalizedText(ja: "相談", en: "Advice"), category: "consultation", email: email,
                                 sourceSeed: "test", asOf: "2023-04")
    }

    @Test("the addresses misprinted in the seed are flagged on every entry that carries them", arguments: ["anshin.@ipa.go.jp", "ew-info@jpcert.or.jpl"])
    func misprinted(email: String) {
        let entries = ContactDirectory.bundled.contacts.filter { $0.email == email }
        #expect(!entries.isEmpty, "no bundled entry with \(email)")
        for entry in entries { #expect(entry.emailLooksWrong, "\(entry.id)") }
        #expect(Self.contact(email: email).emailLooksWrong)
    }

    @Test("ordinary addresses and no address are not flagged", arguments: ["info@ipa.go.jp", "isec-info@ipa.go.jp", "sodan@japan-telework.or.jp", "desk@example.com"])
    func ordinary(email: String) {
        #expect(!Self.contact(email: email).emailLooksWrong)
    }

    @Test("no e-mail, no flag")
    func noEmail() {
        #expect(!Self.contact(email: nil).emailLooksWrong)
    }

    @Test("in the bundled file exactly the entries with one of the two misprinted addresses are flagged")
    func bundledFlags() {
        let contacts = ContactDirectory.bundled.contacts
        let flagged = Set(contacts.filter(\.emailLooksWrong).map(\.id))
        let misprinted = Set(contacts.filter { ["anshin.@ipa.go.jp", "ew-info@jpcert.or.jpl"].contains($0.email ?? "") }.map(\.id))
        #expect(flagged == misprinted)
        #expect(flagged.contains("ipa-anshin-soudan"))
        #expect(flagged.contains("jpcert-ransomware-site"))
    }
}

@Suite("Help directory bundled content")
struct DirectoryContentTests {
    @Test("there are contacts and measures; every measure gives its period")
    func kinds() {
        let contacts = ContactDirectory.bundled.contacts
        let measures = contacts.filter { $0.kind == .measure }
        #expect(!measures.isEmpty)
        #expect(contacts.contains { $0.kind == .contact })
        for measure in measures { #expect(measure.period != nil, "\(measure.id) has no period") }
    }

    @Test("historical entries are the 2020 material; current entries are dated later")
    func historical() {
        let contacts = ContactDirectory.bundled.contacts
        let historical = contacts.filter(\.historical)
        #expect(!historical.isEmpty)
        for entry in historical { #expect(entry.asOf.hasPrefix("2020"), "\(entry.id): \(entry.asOf)") }
        for entry in contacts where !entry.historical { #expect(!entry.asOf.hasPrefix("2020"), "\(entry.id): \(entry.asOf)") }
    }

    @Test("ids are unique and every need named in the file is known")
    func ids() {
        let contacts = ContactDirectory.bundled.contacts
        #expect(Set(contacts.map(\.id)).count == contacts.count)
        #expect(ContactDirectory.bundled.contact("ipa-anshin-soudan")?.email == "anshin.@ipa.go.jp")
    }
}

@Suite("Help directory corrections")
struct DirectoryCorrectionTests {
    static let base = ContactDirectory.Contact(
        id: "ipa-test", organization: LocalizedText(ja: "情報処理推進機構", en: "IPA"), name: LocalizedText(ja: "安心相談窓口", en: "Safety desk"),
        purpose: LocalizedText(ja: "技術的な相談", en: "Technical advice"), category: "consultation", phone: "03-5978-7509", email: "anshin.@ipa.go.jp",
        hours: LocalizedText(ja: "10:00～17:00", en: "10:00–17:00"), url: "https://www.ipa.go.jp/security/anshin/", incidentKinds: ["ransomware"],
        sourceSeed: "002", asOf: "2023-04", kind: .contact, needs: [.ransomware], historical: false, period: nil, firstAidCases: ["ransom_message"])

    enum Edit: String, CaseIterable, Sendable {
        case organization, name, purpose, category, phone, email, url, hours, needs, historical, phoneAndEmail

        func apply(to base: ContactDirectory.Contact) -> (edited: ContactDirectory.Contact, fields: [String]) {
            var edited = base
            switch self {
            case .organization: edited.organization = LocalizedText(ja: "新しい機構", en: "New agency"); return (edited, ["organization"])
            case .name: edited.name = LocalizedText(ja: "新しい窓口", en: "New desk"); return (edited, ["name"])
            case .purpose: edited.purpose = LocalizedText(ja: "新しい説明", en: "New purpose"); return (edited, ["purpose"])
            case .category: edited.category = "reporting"; return (edited, ["category"])
            case .phone: edited.phone = "03-5978-7510"; return (edited, ["phone"])
            case .email: edited.email = "anshin@ipa.go.jp"; return (edited, ["email"])
            case .url: edited.url = "https://www.ipa.go.jp/security/"; return (edited, ["url"])
            case .hours: edited.hours = LocalizedText(ja: "9:00～18:00", en: "9:00–18:00"); return (edited, ["hours"])
            case .needs: edited.needs = [.ransomware, .fraudEmail]; return (edited, ["needs"])
            case .historical: edited.historical = true; return (edited, ["historical"])
            case .phoneAndEmail:
                edited.phone = "03-5978-7510"
                edited.email = "anshin@ipa.go.jp"
                return (edited, ["phone", "email"])
            }
        }
    }

    @Test("a correction records only the changed fields and gives the edited entry back", arguments: Edit.allCases)
    func onlyChangedFields(edit: Edit) throws {
        let (edited, fields) = edit.apply(to: Self.base)
        let correction = DirectoryCorrection(from: Self.base, to: edited)
        #expect(correction.fields == fields)
        #expect(!correction.isEmpty)
        #expect(correction.apply(to: Self.base) == edited)
        // Stored as JSON in the database: survives the round trip.
        let decoded = try JSONDecoder().decode(DirectoryCorrection.self, from: JSONEncoder().encode(correction))
        #expect(decoded == correction)
        #expect(decoded.apply(to: Self.base) == edited)
    }

    @Test("fields not covered by corrections (id, kind, source, date, first-aid cases) stay the bundled ones")
    func untouchedFields() {
        var edited = Self.base
        edited.phone = "03-0000-0000"
        let applied = DirectoryCorrection(from: Self.base, to: edited).apply(to: Self.base)
        #expect(applied.id == Self.base.id)
        #expect(applied.sourceSeed == Self.base.sourceSeed)
        #expect(applied.asOf == Self.base.asOf)
        #expect(applied.incidentKinds == Self.base.incidentKinds)
        #expect(applied.firstAidCases == Self.base.firstAidCases)
        #expect(applied.kind == Self.base.kind)
    }

    @Test("emptying a value removes it", arguments: ["phone", "email", "url", "hours"])
    func removal(field: String) {
        var edited = Self.base
        switch field {
        case "phone": edited.phone = nil
        case "email": edited.email = nil
        case "url": edited.url = nil
        default: edited.hours = nil
        }
        let correction = DirectoryCorrection(from: Self.base, to: edited)
        #expect(correction.fields == [field])
        let applied = correction.apply(to: Self.base)
        #expect(applied == edited)
        switch field {
        case "phone": #expect(correction.phone == ""); #expect(applied.phone == nil)
        case "email": #expect(correction.email == ""); #expect(applied.email == nil)
        case "url": #expect(correction.url == ""); #expect(applied.url == nil)
        default: #expect(applied.hours == nil)
        }
    }

    @Test("a correction survives a newer bundled entry: the new bundled values show, the corrected field stays")
    func survivesNewBase() {
        let v1 = Self.base
        var corrected = v1
        corrected.phone = "03-1234-5678"
        let correction = DirectoryCorrection(from: v1, to: corrected)
        #expect(correction.fields == ["phone"])

        var v2 = v1
        v2.purpose = LocalizedText(ja: "2024年版の説明", en: "The 2024 description")
        v2.url = "https://www.ipa.go.jp/security/anshin/new/"
        v2.asOf = "2024-04"
        let applied = correction.apply(to: v2)
        #expect(applied.purpose == v2.purpose)
        #expect(applied.url == v2.url)
        #expect(applied.asOf == "2024-04")
        #expect(applied.phone == "03-1234-5678")
        #expect(applied.email == v2.email)
    }

    @Test("identical entries give an empty correction that changes nothing")
    func identical() {
        let correction = DirectoryCorrection(from: Self.base, to: Self.base)
        #expect(correction.isEmpty)
        #expect(correction.fields.isEmpty)
        #expect(correction == DirectoryCorrection())
        #expect(correction.apply(to: Self.base) == Self.base)
        #expect(DirectoryCorrection().isEmpty)
    }

    @Test("editing a field back to the bundled value drops it from the correction")
    func backToBundled() {
        var edited = Self.base
        edited.phone = "03-0000-0000"
        edited.email = "anshin@ipa.go.jp"
        let first = DirectoryCorrection(from: Self.base, to: edited)
        #expect(first.fields == ["phone", "email"])
        var again = first.apply(to: Self.base)
        again.phone = Self.base.phone
        let second = DirectoryCorrection(from: Self.base, to: again)
        #expect(second.fields == ["email"])
        #expect(second.phone == nil)
    }
}
