import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// Walks every registered route that carries an organization id and calls it as a member of
/// another organization: each must answer 404, so a new route cannot forget the tenant check.
@Suite("Tenancy of every organization route")
struct TenancyRouteWalkTests {
    @Test("every /orgs/:orgID route answers 404 to another organization's member, for GET and POST")
    func everyOrganizationRoute() async throws {
        try await withMamori { app in
            let victim = try await Fixtures.signUp(app, name: "被害株式会社", email: "walk-victim@example.jp")
            _ = try await Fixtures.signUp(app, name: "他社", email: "walk-other@example.jp")
            let attacker = try await Fixtures.browser(app, as: "walk-other@example.jp")
            let orgID = try #require(victim.organizationID).uuidString
            let routes = app.routes.all.filter { route in route.path.contains { $0.description == ":orgID" } }
            #expect(routes.count > 50, "expected the organization routes to be registered, found \(routes.count)")
            var answered: [String] = []
            for route in routes {
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .parameter("orgID"): orgID
                    case .parameter: UUID().uuidString
                    default: component.description
                    }
                }.joined(separator: "/")
                // A fresh page first, so the POST carries a valid CSRF token like a browser's.
                try await attacker.get("/dashboard")
                let response = route.method == .GET ? try await attacker.get(path) : try await attacker.post(path, ["x": "y"])
                if response.status != .notFound { answered.append("\(route.method) \(path) → \(response.status.code)") }
            }
            #expect(answered.isEmpty, "routes that did not answer 404: \(answered)")
        }
    }

    @Test("every expert route of a company answers 404 to an expert it is not assigned to")
    func everyExpertCompanyRoute() async throws {
        try await withMamori { app in
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            let expertUser = User(email: "walk-expert@example.jp", passwordHash: try await hasher.hash(Fixtures.password), displayName: "専門家",
                                  role: .expert, organizationID: nil, locale: .ja)
            try await expertUser.create(on: app.db)
            // A registered expert with a profile, so the routes reach the assignment check itself.
            let profile = ExpertProfile()
            profile.userID = expertUser.id
            profile.name = "専門家"
            profile.registrationNumber = "000001"
            profile.prefectureCode = "13"
            profile.regions = "kanto"
            profile.onSite = true
            profile.online = true
            profile.maxCompanies = 5
            try await profile.create(on: app.db)
            let browser = try await Fixtures.browser(app, as: "walk-expert@example.jp")
            let routes = app.routes.all.filter { route in route.path.contains { $0.description == ":applicationID" } && route.path.first?.description == "expert" }
            #expect(!routes.isEmpty)
            var answered: [String] = []
            for route in routes {
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .parameter("number"): "1"
                    case .parameter: UUID().uuidString
                    default: component.description
                    }
                }.joined(separator: "/")
                try await browser.get("/dashboard")
                let response = route.method == .GET ? try await browser.get(path) : try await browser.post(path, ["x": "y"])
                if response.status != .notFound { answered.append("\(route.method) \(path) → \(response.status.code)") }
            }
            #expect(answered.isEmpty, "routes that did not answer 404: \(answered)")
        }
    }

    @Test("every API operation under /organizations/{organizationId} answers 404 to another organization's token, for every method")
    func everyOrganizationOperation() async throws {
        try await withMamori { app in
            let victim = try await Fixtures.signUp(app, name: "被害株式会社", email: "api-walk-victim@example.jp")
            let other = try await Fixtures.signUp(app, name: "他社", email: "api-walk-other@example.jp")
            let token = try await APITokenService(db: app.db).create(name: "walk", for: other.user, actor: .commandLine).secret
            let orgID = try #require(victim.organizationID).uuidString
            // Every path and method the specification declares with an organization id.
            var operations: [(HTTPMethod, String)] = []
            var currentPath: String?
            for line in BundledFile.openAPISpec.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  /"), line.hasSuffix(":") { currentPath = String(line.dropFirst(2).dropLast()); continue }
                guard let path = currentPath, path.contains("{organizationId}") else { continue }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("    "), !line.hasPrefix("     "), let method = ["get", "post", "put", "patch", "delete"].first(where: { trimmed == "\($0):" }) {
                    let filled = path.replacingOccurrences(of: "{organizationId}", with: orgID)
                        .replacing(/\{[A-Za-z]+\}/) { _ in UUID().uuidString }
                    operations.append((HTTPMethod(rawValue: method.uppercased()), "/api/v1" + filled))
                }
            }
            #expect(operations.count >= 8, "expected the organization operations, found \(operations.count)")
            var answered: [String] = []
            for (method, path) in operations {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: token)
                headers.contentType = .json
                let response = try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: #"{"note":"x","name":"x"}"#))
                if response.status != .notFound { answered.append("\(method) \(path) → \(response.status.code)") }
            }
            #expect(answered.isEmpty, "operations that did not answer 404: \(answered)")
        }
    }
}
