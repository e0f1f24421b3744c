import Foundation
import Testing
@testable import MamoriCore

@Suite("Prefectures and industry categories")
struct OrganizationReferenceTests {
    @Test("47 prefectures with unique two-digit codes 01–47")
    func prefectures() {
        #expect(Prefecture.all.count == 47)
        #expect(Prefecture.all.map(\.code) == (1...47).map { $0 < 10 ? "0\($0)" : "\($0)" })
        #expect(Set(Prefecture.all.map(\.name.ja)).count == 47)
    }

    @Test("the three metropolitan areas are exactly the program's eleven prefectures")
    func metropolitanAreas() {
        let byArea = Dictionary(grouping: Prefecture.all.filter(\.isMetropolitan), by: { $0.metropolitanArea! })
        #expect(Set(byArea[.tokyo]!.map(\.name.ja)) == ["東京都", "神奈川県", "埼玉県", "千葉県"])
        #expect(Set(byArea[.chukyo]!.map(\.name.ja)) == ["愛知県", "岐阜県", "三重県"])
        #expect(Set(byArea[.kinki]!.map(\.name.ja)) == ["大阪府", "京都府", "兵庫県", "奈良県"])
        #expect(Prefecture.all.filter { !$0.isMetropolitan }.count == 36)
    }

    @Test("prefectures parse from code, Japanese name or English name", arguments: [
        ("13", "13"), ("1", "01"), ("01", "01"), ("東京都", "13"), ("東京", "13"), ("Tokyo", "13"), ("tokyo", "13"),
        ("北海道", "01"), ("大阪府", "27"), ("大阪", "27"), (" 47 ", "47"),
    ])
    func parse(input: String, code: String) {
        #expect(Prefecture.parse(input)?.code == code)
    }

    @Test("unknown prefectures are refused", arguments: ["", "0", "48", "東京県", "Edo", "-1"])
    func parseUnknown(input: String) {
        #expect(Prefecture.parse(input) == nil)
    }

    @Test("the fifteen category keys of the SME definition, in table order")
    func categories() {
        #expect(IndustryCategory.allCases.map(\.rawValue) == [
            "manufacturing_construction_transport", "wholesale", "services", "retail", "rubber_products",
            "software_it_services", "inns", "other_industries", "medical_social_welfare", "school",
            "commerce_associations", "sme_organizations", "special_law_unions", "foundations_associations", "npo",
        ])
        #expect(IndustryCategory.allCases.filter(\.needsMainIndustry).map(\.row) == [12, 13, 14, 15])
        #expect(IndustryCategory.retail.capitalLimitYen == 50_000_000 && IndustryCategory.retail.employeeLimit == 50)
        #expect(IndustryCategory.school.capitalLimitYen == nil && IndustryCategory.school.employeeLimit == 300)
    }
}

@Suite("Organization profile validation")
struct OrganizationProfileTests {
    func validate(name: String? = "株式会社テスト", prefecture: String? = "13", category: String? = "retail",
                  employees: String? = "20", capital: String? = nil) -> Result<OrganizationProfile, FieldProblems> {
        OrganizationProfile.validate(name: name, prefecture: prefecture, category: category, employees: employees, capitalYen: capital)
    }

    @Test("a complete profile is accepted, full-width digits and separators included")
    func accepted() throws {
        let profile = try validate(employees: "１，２００", capital: "10,000,000").get()
        #expect(profile.employees == 1200)
        #expect(profile.capitalYen == 10_000_000)
        #expect(profile.prefecture.code == "13")
    }

    @Test("every problem is reported, not only the first")
    func allProblems() {
        guard case .failure(let problems) = validate(name: " ", prefecture: "99", category: "bakery", employees: "-3", capital: "abc") else {
            Issue.record("expected failure"); return
        }
        #expect(problems["name"] == .required)
        #expect(problems["prefecture"] == .unknownChoice)
        #expect(problems["category"] == .unknownChoice)
        #expect(problems["employees"] == .notANumber || problems["employees"] == .outOfRange(minimum: 0, maximum: OrganizationProfile.maximumEmployees))
        #expect(problems["capitalYen"] == .notANumber)
    }

    @Test("missing fields are required; capital is optional")
    func missing() {
        guard case .failure(let problems) = validate(name: nil, prefecture: nil, category: nil, employees: nil) else {
            Issue.record("expected failure"); return
        }
        #expect(problems.entries.map(\.field) == ["name", "prefecture", "category", "employees"])
    }

    @Test("a name over 200 characters is refused")
    func longName() {
        guard case .failure(let problems) = validate(name: String(repeating: "社", count: 201)) else { Issue.record("expected failure"); return }
        #expect(problems["name"] == .tooLong(maximum: 200))
    }
}

@Suite("Language negotiation and secrets")
struct CommonTests {
    @Test("Accept-Language picks the best supported language", arguments: [
        ("en-US,en;q=0.9", AppLocale?.some(.en)), ("ja,en;q=0.5", .ja), ("fr,en;q=0.3,ja;q=0.8", .ja),
        ("fr", nil), ("", nil), ("en;q=0", nil), ("EN-gb", .en),
    ])
    func negotiate(header: String, expected: AppLocale?) {
        #expect(AppLocale.negotiate(acceptLanguage: header) == expected)
    }

    @Test("secret tokens are long, URL-safe and unique")
    func tokens() {
        let tokens = (0..<100).map { _ in SecretToken.generate(prefix: "mamori_") }
        #expect(Set(tokens).count == 100)
        for token in tokens {
            #expect(token.count == 7 + 43)
            #expect(token.dropFirst(7).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
    }

    @Test("SHA-256 matches the standard test vector")
    func sha256() {
        #expect(SecretToken.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("constant-time comparison")
    func compare() {
        #expect(SecretToken.constantTimeEquals("abc", "abc"))
        #expect(!SecretToken.constantTimeEquals("abc", "abd"))
        #expect(!SecretToken.constantTimeEquals("abc", "abcd"))
    }
}
