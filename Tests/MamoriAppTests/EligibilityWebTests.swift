import Foundation
import Testing
import VaporTesting
@testable import MamoriApp

@Suite("Guidance program eligibility: API and page")
struct EligibilityWebTests {
    struct Decision: Decodable {
        struct Explanation: Decodable { let reason: String; let text: String }
        let eligible: Bool
        let smeBasis: String?
        let reasons: [String]
        let explanations: [Explanation]
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let fields: [String: String]? }
        let error: Detail
    }

    func post(_ app: Application, _ body: String, language: String = "ja") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .acceptLanguage, value: language)
        return try await app.testing().sendRequest(.POST, "/api/v1/eligibility", headers: headers, body: ByteBuffer(string: body))
    }

    @Test("the contract's example is eligible on employees")
    func example() async throws {
        try await withMamori { app in
            let response = try await post(app, #"{"category": "retail", "mainIndustry": null, "capitalYen": 60000000, "employees": 50, "soleProprietor": false, "legalPersonality": true, "securityActionStars": 1, "hasSecurityPolicy": false, "participatedPreviousYear": false}"#)
            #expect(response.status == .ok)
            let decision = try JSONDecoder().decode(Decision.self, from: Data(response.body.string.utf8))
            #expect(decision.eligible && decision.smeBasis == "employees" && decision.reasons.isEmpty)
        }
    }

    @Test("every failing reason is listed and explained in the requested language")
    func reasons() async throws {
        try await withMamori { app in
            let response = try await post(app, #"{"category": "retail", "capitalYen": 60000000, "employees": 51, "legalPersonality": false, "securityActionStars": 0, "hasSecurityPolicy": true, "participatedPreviousYear": true}"#, language: "en")
            let decision = try JSONDecoder().decode(Decision.self, from: Data(response.body.string.utf8))
            #expect(!decision.eligible && decision.smeBasis == nil)
            #expect(decision.reasons == ["not_sme", "no_security_action", "has_security_policy", "previous_participant", "no_legal_personality"])
            #expect(decision.explanations.first?.text.contains("SME") == true)
        }
    }

    @Test("invalid input gets 422 naming the field", arguments: [
        (#"{"category": "retail", "employees": -1, "securityActionStars": 1}"#, "employees"),
        (#"{"category": "retail", "capitalYen": -5, "employees": 3, "securityActionStars": 1}"#, "capitalYen"),
        (#"{"category": "bakery", "employees": 3, "securityActionStars": 1}"#, "category"),
        (#"{"category": "npo", "employees": 3, "securityActionStars": 1}"#, "mainIndustry"),
        (#"{"category": "npo", "mainIndustry": "school", "employees": 3, "securityActionStars": 1}"#, "mainIndustry"),
        (#"{"category": "npo", "mainIndustry": "cakes", "employees": 3, "securityActionStars": 1}"#, "mainIndustry"),
        (#"{"category": "retail", "employees": 3, "securityActionStars": 7}"#, "securityActionStars"),
        (#"{"category": "retail", "employees": "many", "securityActionStars": 1}"#, "employees"),
        (#"{"category": "retail", "securityActionStars": 1}"#, "employees"),
    ])
    func invalid(body: String, field: String) async throws {
        try await withMamori { app in
            let response = try await post(app, body)
            #expect(response.status == .unprocessableEntity, "\(body): \(response.status)")
            let error = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.string.utf8))
            #expect(error.error.fields?[field] != nil, "\(body): \(response.body.string)")
        }
    }

    @Test("the public page answers with the decision and its reasons, and refuses bad input inline")
    func page() async throws {
        try await withMamori { app in
            let browser = TestBrowser(app)
            let empty = try await browser.get("/program/eligibility")
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains("¥300,000,000"))
            let eligible = try await browser.get("/program/eligibility?category=retail&capitalYen=60000000&employees=50&legalForm=corporation&securityActionStars=1&hasSecurityPolicy=no&participatedPreviousYear=no")
            #expect(eligible.body.string.contains("応募できます"))
            #expect(eligible.body.string.contains("従業員数の基準"))
            let not = try await browser.get("/program/eligibility?category=npo&mainIndustry=retail&employees=51&legalForm=group&securityActionStars=0&hasSecurityPolicy=no&participatedPreviousYear=no")
            for reason in ["not_sme", "no_security_action", "no_legal_personality"] {
                #expect(not.body.string.contains("data-reason=\"\(reason)\""))
            }
            let bad = try await browser.get("/program/eligibility?category=npo&employees=%EF%BC%93&legalForm=corporation&securityActionStars=1")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("主たる業種を選んでください"))
        }
    }
}
