import Fluent
import Foundation
import MamoriCore
import Testing
import VaporTesting
@testable import MamoriApp

/// Issue #12: "Every page action that changes data has an API operation; all of them in
/// openapi.yaml, fuzzed in CI." The operations added for the page actions that had none: each
/// works for the page's role, refuses a wrong role with 403 and answers 404 for another
/// organization's (or another expert's) ids. The last test holds the whole mapping, page route
/// → operation or a page-only reason, and fails for a page action that has neither.
@Suite("Every page action that changes data has an API operation")
struct APIParityTests {
    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let fields: [String: String]? }
        let error: Detail
    }

    struct Details: Decodable {
        let id: String
        let name: String
        let employees: Int
        let capitalYen: Int64?
        let address: String?
        let representative: String?
        let incidentContact: String?
    }

    struct InvitationBody: Decodable { let id: String; let note: String }
    struct InvitationList: Decodable { let items: [InvitationBody] }
    struct InvitationCreated: Decodable { let invitation: InvitationBody; let invitationUrl: String }
    struct MemberBody: Decodable { let id: String; let role: String }

    struct IncidentBody: Decodable {
        struct Progress: Decodable { let step: Int; let done: Int; let total: Int }
        let id: String
        let status: String
        let progress: [Progress]
        let measures: [String]
        let causeSummary: String?
    }

    struct DutyList: Decodable {
        struct Duty: Decodable { let recipient: String; let action: String; let doneOn: String? }
        let duties: [Duty]
    }

    struct SectionBody: Decodable { let id: String }
    struct VersionBody: Decodable { let id: String; let status: String; let sections: [SectionBody] }
    struct VersionList: Decodable { struct Item: Decodable { let id: String }; let items: [Item] }
    struct CommentBody: Decodable { let id: String; let authorRole: String; let resolvedAt: String? }
    struct PlanCommentBody: Decodable { let id: String; let body: String; let authorRole: String }
    struct PlanComments: Decodable { let items: [PlanCommentBody] }

    struct AssetBody: Decodable { let id: String; let name: String; let importance: Int }
    struct RiskBody: Decodable { let id: String; let importance: Int; let riskValue: Int }
    struct AssetWithRisks: Decodable { let asset: AssetBody; let risks: [RiskBody] }
    struct PlanBody: Decodable { struct Item: Decodable { let id: String; let title: String }; let items: [Item] }
    struct Feed: Decodable { let url: String }

    struct ReportPage: Decodable {
        struct Item: Decodable { let id: String; let entryId: String; let note: String }
        let items: [Item]
    }
    struct Contact: Decodable { let id: String; let verifiedOn: String? }

    struct Visit: Decodable { let number: Int; let mode: String; let place: String; let done: Bool; let durationMinutes: Int? }
    struct Company: Decodable { let applicationId: String; let organizationName: String; let visitsPerCompany: Int; let visits: [Visit] }
    struct Companies: Decodable { let items: [Company] }
    struct Receipt: Decodable { let id: String; let sha256: String; let size: Int }

    // MARK: Helpers

    func hasher(_ app: Application) -> AsyncPasswordHasher {
        app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
    }

    func token(_ app: Application, _ user: User) async throws -> String {
        try await APITokenService(db: app.db).create(name: "parity", for: user, actor: .commandLine).secret
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, json: String? = nil,
              raw: [UInt8]? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.replaceOrAdd(name: .acceptLanguage, value: "ja")
        var body: ByteBuffer?
        if let json { headers.contentType = .json; body = ByteBuffer(string: json) }
        if let raw { headers.contentType = .binary; body = ByteBuffer(bytes: raw) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.string.utf8))
    }

    func failure(_ response: TestingHTTPResponse) throws -> ErrorBody.Detail {
        try decode(ErrorBody.self, response).error
    }

    /// A member added the way `mamori add-member` does (no browser needed).
    func member(_ app: Application, of owner: Fixtures.Account, email: String, name: String = "メンバー") async throws -> User {
        let organization = try #require(try await Organization.find(owner.organizationID, on: app.db))
        return try await AccountService(db: app.db, hasher: hasher(app)).addMember(to: organization, person: (name, email, Fixtures.password),
                                                                                   role: .member, actor: .commandLine)
    }

    func officeAdmin(_ app: Application) async throws -> User {
        try await SetupService(db: app.db, hasher: hasher(app)).createOfficeAdmin(
            .init(displayName: "事務局", email: "office@example.jp", password: Fixtures.password, passwordConfirmation: nil), locale: .ja, actorIP: nil)
    }

    func audits(_ app: Application, _ action: AuditAction) async throws -> Int {
        try await AuditEntry.query(on: app.db).filter(\.$action == action.rawValue).count()
    }

    // MARK: Organization details

    @Test("organization details: any member reads them, the owner changes them with the page's rules; a member gets 403, another organization 404")
    func organizationDetails() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "詳細商店", email: "owner@example.jp")
            let memberUser = try await member(app, of: owner, email: "member@example.jp")
            let other = try await Fixtures.signUp(app, name: "他社", email: "other@example.jp")
            let ownerToken = try await token(app, owner.user)
            let memberToken = try await token(app, memberUser)
            let otherToken = try await token(app, other.user)
            let path = "/api/v1/organizations/\(owner.organizationID!.uuidString)"

            let read = try await send(app, .GET, path, memberToken)
            #expect(read.status == .ok)
            #expect(try decode(Details.self, read).name == "詳細商店")
            #expect(try await send(app, .GET, path, otherToken).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/organizations/not-a-uuid", ownerToken).status == .notFound)

            // A member's token is refused with the page's reason; nothing changes.
            let refused = try await send(app, .PATCH, path, memberToken, json: #"{"address": "乗っ取り"}"#)
            #expect(refused.status == .forbidden)
            #expect(try failure(refused).message == L.Organization.organizationDetailsOwnerOnly.ja)
            #expect(try await send(app, .PATCH, path, otherToken, json: #"{"address": "他社から"}"#).status == .notFound)

            // The page's rules, beside each field.
            let invalid = try await send(app, .PATCH, path, ownerToken, json: json(["employees": -1, "address": String(repeating: "あ", count: 201)]))
            #expect(invalid.status == .unprocessableEntity)
            #expect(try Set((failure(invalid).fields ?? [:]).keys) == ["employees", "address"])

            let saved = try await send(app, .PATCH, path, ownerToken, json: json([
                "employees": 30, "capitalYen": 10_000_000, "address": "東京都千代田区1-1", "representative": "代表 太郎",
                "incidentContact": "情報システム担当 03-1234-5678"]))
            #expect(saved.status == .ok)
            let details = try decode(Details.self, saved)
            #expect(details.employees == 30 && details.capitalYen == 10_000_000 && details.address == "東京都千代田区1-1")
            #expect(details.representative == "代表 太郎" && details.incidentContact == "情報システム担当 03-1234-5678")
            // Left-out fields stay; an empty text and removeCapital clear.
            let cleared = try decode(Details.self, try await send(app, .PATCH, path, ownerToken, json: #"{"address": "", "removeCapital": true}"#))
            #expect(cleared.address == nil && cleared.capitalYen == nil && cleared.representative == "代表 太郎" && cleared.employees == 30)
            #expect(try await Organization.find(owner.organizationID, on: app.db)?.address == nil)
            #expect(try await audits(app, .organizationUpdated) == 2)
        }
    }

    // MARK: Membership

    @Test("membership: the owner invites, lists, revokes, removes and hands over ownership; a member gets 403; another organization's ids are 404")
    func membership() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "メンバー商店", email: "owner@example.jp")
            let first = try await member(app, of: owner, email: "first@example.jp", name: "一人目")
            let second = try await member(app, of: owner, email: "second@example.jp", name: "二人目")
            let other = try await Fixtures.signUp(app, name: "他社", email: "other@example.jp")
            let otherMember = try await member(app, of: other, email: "other-member@example.jp")
            let ownerToken = try await token(app, owner.user)
            let firstToken = try await token(app, first)
            let otherToken = try await token(app, other.user)
            let base = "/api/v1/organizations/\(owner.organizationID!.uuidString)"

            // Invitations: the owner's only.
            let refused = try await send(app, .POST, "\(base)/invitations", firstToken, json: #"{"note": "友人"}"#)
            #expect(refused.status == .forbidden)
            #expect(try failure(refused).message == L.Organization.membershipOwnerOnly.ja)
            #expect(try await send(app, .GET, "\(base)/invitations", firstToken).status == .forbidden)
            #expect(try await send(app, .POST, "\(base)/invitations", otherToken, json: "{}").status == .notFound)
            let tooLong = try await send(app, .POST, "\(base)/invitations", ownerToken, json: json(["note": String(repeating: "x", count: 201)]))
            #expect(tooLong.status == .unprocessableEntity)

            let created = try await send(app, .POST, "\(base)/invitations", ownerToken, json: #"{"note": "経理の佐藤さん"}"#)
            #expect(created.status == .created)
            let invitation = try decode(InvitationCreated.self, created)
            #expect(invitation.invitation.note == "経理の佐藤さん")
            let link = try #require(URL(string: invitation.invitationUrl)?.path)
            #expect(link.hasPrefix("/invite/"))
            #expect(try await TestBrowser(app).get(link).status == .ok)
            #expect(try decode(InvitationList.self, try await send(app, .GET, "\(base)/invitations", ownerToken)).items.map(\.id) == [invitation.invitation.id])

            // Revoking: another organization's owner cannot reach it; the owner can, and the link stops working.
            let revokePath = "\(base)/invitations/\(invitation.invitation.id)"
            #expect(try await send(app, .DELETE, revokePath, otherToken).status == .notFound)
            #expect(try await send(app, .DELETE, "/api/v1/organizations/\(other.organizationID!.uuidString)/invitations/\(invitation.invitation.id)",
                                   otherToken).status == .notFound)
            #expect(try await send(app, .DELETE, revokePath, firstToken).status == .forbidden)
            #expect(try await send(app, .DELETE, revokePath, ownerToken).status == .noContent)
            #expect(try await TestBrowser(app).get(link).status == .gone)

            // Removal: the page's refusals, and another organization's member is 404.
            #expect(try await send(app, .DELETE, "\(base)/members/\(owner.user.id!.uuidString)", firstToken).status == .forbidden)
            #expect(try await send(app, .DELETE, "\(base)/members/\(owner.user.id!.uuidString)", ownerToken).status == .conflict)
            #expect(try await send(app, .DELETE, "\(base)/members/\(otherMember.id!.uuidString)", ownerToken).status == .notFound)
            #expect(try await send(app, .DELETE, "\(base)/members/\(first.id!.uuidString)", otherToken).status == .notFound)
            #expect(try await send(app, .DELETE, "\(base)/members/\(first.id!.uuidString)", ownerToken).status == .noContent)
            #expect(try await User.find(first.id, on: app.db)?.deactivatedAt != nil)
            // The removed member's token stopped working with the account.
            #expect(try await send(app, .GET, "/api/v1/me", firstToken).status == .unauthorized)

            // Ownership: handed to the second member; the old owner's token now acts as a member.
            #expect(try await send(app, .POST, "\(base)/members/\(otherMember.id!.uuidString)/ownership", ownerToken).status == .notFound)
            let handed = try await send(app, .POST, "\(base)/members/\(second.id!.uuidString)/ownership", ownerToken)
            #expect(handed.status == .ok)
            #expect(try decode(MemberBody.self, handed).role == "owner")
            #expect(try await User.find(owner.user.id, on: app.db)?.role == .member)
            #expect(try await send(app, .GET, "\(base)/invitations", ownerToken).status == .forbidden)
            #expect(try await send(app, .GET, "\(base)/invitations", try await token(app, second)).status == .ok)

            // The same service as the page: the same audit entries.
            #expect(try await audits(app, .invitationCreated) == 1)
            #expect(try await audits(app, .memberRemoved) == 1)
            #expect(try await audits(app, .ownershipTransferred) == 1)
        }
    }

    // MARK: Incidents

    @Test("incident: playbook points, undoing a duty and closing, with the page's refusals; another organization's incident is 404; an office token 403")
    func incidentActions() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "事故商店", email: "owner@example.jp")
            let other = try await Fixtures.signUp(app, name: "他社", email: "other@example.jp")
            let ownerToken = try await token(app, owner.user)
            let otherToken = try await token(app, other.user)
            let officeToken = try await token(app, try await officeAdmin(app))
            let detected = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))
            let opened = try await send(app, .POST, "/api/v1/incidents", ownerToken,
                                        json: json(["kind": "ransomware", "title": "ファイルが暗号化された", "detectedAt": detected]))
            #expect(opened.status == .created)
            let incidentID = try decode(IncidentBody.self, opened).id
            let base = "/api/v1/incidents/\(incidentID)"
            let point = try #require(PlaybookContent.bundled.playbook(for: .ransomware).points.first)

            // Playbook points: "not applicable" needs a reason; done and cleared move the progress.
            let reasonless = try await send(app, .PUT, "\(base)/checks/\(point.id)", ownerToken, json: #"{"state": "not_applicable"}"#)
            #expect(reasonless.status == .unprocessableEntity)
            #expect(try failure(reasonless).fields?["note"] == L.Incident.reasonRequiredForNA.ja)
            let done = try await send(app, .PUT, "\(base)/checks/\(point.id)", ownerToken, json: #"{"state": "done", "note": "隔離済み"}"#)
            #expect(done.status == .ok)
            #expect(try decode(IncidentBody.self, done).progress.first { $0.step == point.step }?.done == 1)
            let cleared = try await send(app, .PUT, "\(base)/checks/\(point.id)", ownerToken, json: #"{"state": "clear"}"#)
            #expect(try decode(IncidentBody.self, cleared).progress.first { $0.step == point.step }?.done == 0)
            #expect(try await send(app, .PUT, "\(base)/checks/no-such-point", ownerToken, json: #"{"state": "done"}"#).status == .notFound)
            #expect(try await send(app, .PUT, "\(base)/checks/\(point.id)", otherToken, json: #"{"state": "done"}"#).status == .notFound)
            #expect(try await send(app, .PUT, "\(base)/checks/\(point.id)", officeToken, json: #"{"state": "done"}"#).status == .forbidden)

            // A duty recorded by mistake is undone; undoing what is not recorded is 404.
            let duty = try #require(try decode(DutyList.self, try await send(app, .GET, "\(base)/duties", ownerToken)).duties.first)
            let dutyPath = "\(base)/duties/\(duty.recipient)/\(duty.action)"
            #expect(try await send(app, .POST, dutyPath, ownerToken, json: json(["doneOn": CalendarDate.today()])).status == .ok)
            #expect(try await send(app, .DELETE, dutyPath, otherToken).status == .notFound)
            #expect(try await send(app, .DELETE, dutyPath, officeToken).status == .forbidden)
            let undone = try await send(app, .DELETE, dutyPath, ownerToken)
            #expect(undone.status == .ok)
            #expect(try decode(DutyList.self, undone).duties.first { $0.recipient == duty.recipient && $0.action == duty.action }?.doneOn == nil)
            #expect(try await send(app, .DELETE, dutyPath, ownerToken).status == .notFound)

            // Closing: the cause and at least one measure are required; a second close is 409.
            let empty = try await send(app, .POST, "\(base)/close", ownerToken, json: #"{"causeSummary": " ", "measures": []}"#)
            #expect(empty.status == .unprocessableEntity)
            #expect(try Set((failure(empty).fields ?? [:]).keys) == ["causeSummary", "measures"])
            #expect(try await send(app, .POST, "\(base)/close", otherToken, json: #"{"causeSummary": "x", "measures": ["y"]}"#).status == .notFound)
            let closed = try await send(app, .POST, "\(base)/close", ownerToken,
                                        json: json(["causeSummary": "添付ファイルを開いた", "measures": ["訓練を行う", "バックアップを分離する"]]))
            #expect(closed.status == .ok)
            let body = try decode(IncidentBody.self, closed)
            #expect(body.status == "closed" && Set(body.measures) == ["訓練を行う", "バックアップを分離する"] && body.causeSummary == "添付ファイルを開いた")
            #expect(try await send(app, .POST, "\(base)/close", ownerToken, json: #"{"causeSummary": "x", "measures": ["y"]}"#).status == .conflict)
            #expect(try await send(app, .PUT, "\(base)/checks/\(point.id)", ownerToken, json: #"{"state": "done"}"#).status == .conflict)
            #expect(try await audits(app, .incidentClosed) == 1)
        }
    }

    // MARK: Policy

    @Test("policy: any member discards a draft (409 for anything else); only the owner resolves a comment; another organization's ids are 404")
    func policyActions() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "方針商店", email: "owner@example.jp")
            let memberUser = try await member(app, of: owner, email: "member@example.jp")
            let other = try await Fixtures.signUp(app, name: "他社", email: "other@example.jp")
            let ownerToken = try await token(app, owner.user)
            let memberToken = try await token(app, memberUser)
            let otherToken = try await token(app, other.user)
            let officeToken = try await token(app, try await officeAdmin(app))

            let draft = try decode(VersionBody.self, try await send(app, .POST, "/api/v1/policy/versions", memberToken, json: #"{"fromTemplate": true}"#))
            let discardPath = "/api/v1/policy/versions/\(draft.id)/discard"
            #expect(try await send(app, .POST, discardPath, otherToken).status == .notFound)
            #expect(try await send(app, .POST, discardPath, officeToken).status == .forbidden)
            let discarded = try await send(app, .POST, discardPath, memberToken)
            #expect(discarded.status == .ok)
            #expect(try decode(VersionBody.self, discarded).status == "discarded")
            #expect(try await send(app, .POST, discardPath, memberToken).status == .conflict)

            let second = try decode(VersionBody.self, try await send(app, .POST, "/api/v1/policy/versions", ownerToken, json: #"{"fromTemplate": true}"#))
            let section = try #require(second.sections.first)
            let comment = try decode(CommentBody.self, try await send(app, .POST, "/api/v1/policy/versions/\(second.id)/comments", memberToken,
                                                                  json: json(["sectionId": section.id, "body": "ここを具体的に"])))
            let resolvePath = "/api/v1/policy/versions/\(second.id)/comments/\(comment.id)/resolve"
            let refused = try await send(app, .POST, resolvePath, memberToken)
            #expect(refused.status == .forbidden)
            #expect(try failure(refused).message == L.Policy.ownerResolves.ja)
            #expect(try await send(app, .POST, resolvePath, otherToken).status == .notFound)
            #expect(try await send(app, .POST, "/api/v1/policy/versions/\(second.id)/comments/\(UUID().uuidString)/resolve", ownerToken).status == .notFound)
            let resolved = try await send(app, .POST, resolvePath, ownerToken)
            #expect(resolved.status == .ok)
            #expect(try decode(CommentBody.self, resolved).resolvedAt != nil)
            #expect(try await send(app, .POST, resolvePath, ownerToken).status == .ok)
            #expect(try await audits(app, .policyDiscarded) == 1)
            #expect(try await audits(app, .policyCommentResolved) == 1)
        }
    }

    // MARK: Assets, risks and the plan

    @Test("assets, risks and the plan: change and remove assets and risks, move and remove items, the calendar feed and comments; another organization's ids are 404")
    func registerAndPlan() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "台帳商店", email: "owner@example.jp")
            let other = try await Fixtures.signUp(app, name: "他社", email: "other@example.jp")
            let ownerToken = try await token(app, owner.user)
            let otherToken = try await token(app, other.user)
            let officeToken = try await token(app, try await officeAdmin(app))

            let asset = try decode(AssetBody.self, try await send(app, .POST, "/api/v1/assets", ownerToken,
                                                                   json: #"{"name": "顧客台帳", "confidentiality": 3, "integrity": 2, "availability": 2}"#))
            let risk = try decode(RiskBody.self, try await send(app, .POST, "/api/v1/assets/\(asset.id)/risks", ownerToken,
                                                                 json: #"{"threat": "malware", "likelihood": 3, "vulnerability": 3}"#))
            #expect(risk.importance == 3)
            let assetPath = "/api/v1/assets/\(asset.id)"
            let change = #"{"name": "顧客台帳（紙）", "confidentiality": 1, "integrity": 1, "availability": 1}"#

            // Changing C, I and A recomputes the asset's risks, as on the page.
            let invalid = try await send(app, .PUT, assetPath, ownerToken, json: #"{"name": " ", "confidentiality": 9, "integrity": 1, "availability": 1}"#)
            #expect(invalid.status == .unprocessableEntity)
            #expect(try Set((failure(invalid).fields ?? [:]).keys) == ["name", "confidentiality"])
            #expect(try await send(app, .PUT, assetPath, otherToken, json: change).status == .notFound)
            #expect(try await send(app, .PUT, assetPath, officeToken, json: change).status == .forbidden)
            let updated = try await send(app, .PUT, assetPath, ownerToken, json: change)
            #expect(updated.status == .ok)
            #expect(try decode(AssetBody.self, updated).importance == 1)
            #expect(try decode(AssetWithRisks.self, try await send(app, .GET, assetPath, ownerToken)).risks.map(\.importance) == [1])

            let riskPath = "/api/v1/risks/\(risk.id)"
            #expect(try await send(app, .DELETE, riskPath, otherToken).status == .notFound)
            #expect(try await send(app, .DELETE, riskPath, ownerToken).status == .noContent)
            #expect(try decode(AssetWithRisks.self, try await send(app, .GET, assetPath, ownerToken)).risks.isEmpty)
            #expect(try await send(app, .DELETE, assetPath, otherToken).status == .notFound)
            #expect(try await send(app, .DELETE, assetPath, ownerToken).status == .noContent)
            #expect(try await send(app, .GET, assetPath, ownerToken).status == .notFound)

            // Plan items move one place and are removed.
            let firstItem = try decode(PlanBody.Item.self, try await send(app, .POST, "/api/v1/plan/items", ownerToken, json: #"{"title": "一つ目"}"#))
            let secondItem = try decode(PlanBody.Item.self, try await send(app, .POST, "/api/v1/plan/items", ownerToken, json: #"{"title": "二つ目"}"#))
            let movePath = "/api/v1/plan/items/\(secondItem.id)/move"
            #expect(try await send(app, .POST, movePath, otherToken, json: #"{"direction": "up"}"#).status == .notFound)
            let sideways = try await send(app, .POST, movePath, ownerToken, json: #"{"direction": "sideways"}"#)
            #expect((400..<500).contains(Int(sideways.status.code)))
            let moved = try await send(app, .POST, movePath, ownerToken, json: #"{"direction": "up"}"#)
            #expect(moved.status == .ok)
            #expect(try decode(PlanBody.self, moved).items.map(\.title) == ["二つ目", "一つ目"])
            #expect(try await send(app, .DELETE, "/api/v1/plan/items/\(firstItem.id)", otherToken).status == .notFound)
            #expect(try await send(app, .DELETE, "/api/v1/plan/items/\(firstItem.id)", ownerToken).status == .noContent)
            #expect(try decode(PlanBody.self, try await send(app, .GET, "/api/v1/plan", ownerToken)).items.map(\.title) == ["二つ目"])

            // The plan's calendar feed: a new address that works.
            #expect(try await send(app, .POST, "/api/v1/plan/calendar", officeToken).status == .forbidden)
            let feed = try decode(Feed.self, try await send(app, .POST, "/api/v1/plan/calendar", ownerToken))
            let feedPath = try #require(URL(string: feed.url)?.path)
            #expect(feedPath.hasPrefix("/calendar/plan/"))
            #expect(try await app.testing().sendRequest(.GET, feedPath).status == .ok)

            // Comments: the page's rule, and only the organization's own.
            #expect(try await send(app, .POST, "/api/v1/plan/comments", ownerToken, json: #"{"body": "  "}"#).status == .unprocessableEntity)
            let comment = try await send(app, .POST, "/api/v1/plan/comments", ownerToken, json: #"{"body": "四月に見直す"}"#)
            #expect(comment.status == .created)
            #expect(try decode(PlanComments.self, try await send(app, .GET, "/api/v1/plan/comments", ownerToken)).items.map(\.body) == ["四月に見直す"])
            #expect(try decode(PlanComments.self, try await send(app, .GET, "/api/v1/plan/comments", otherToken)).items.isEmpty)
            #expect(try await audits(app, .assetRemoved) == 1)
            #expect(try await audits(app, .riskRemoved) == 1)
            #expect(try await audits(app, .planItemRemoved) == 1)
        }
    }

    // MARK: The directory (program office)

    @Test("directory: the office retires, restores and verifies entries and resolves reports; any other token gets 403; unknown ids 404")
    func officeDirectory() async throws {
        try await withMamori { app in
            let owner = try await Fixtures.signUp(app, name: "報告商店", email: "owner@example.jp")
            let ownerToken = try await token(app, owner.user)
            let officeToken = try await token(app, try await officeAdmin(app))
            let entry = try #require(ContactDirectory.bundled.contacts.first).id
            let entryPath = "/api/v1/directory/\(entry)"

            for action in ["retire", "restore", "verify"] {
                let refused = try await send(app, .POST, "\(entryPath)/\(action)", ownerToken)
                #expect(refused.status == .forbidden, "\(action)")
                #expect(try failure(refused).message == L.Directory.officeOnly.ja)
                #expect(try await send(app, .POST, "/api/v1/directory/no-such-entry/\(action)", officeToken).status == .notFound, "\(action)")
            }

            #expect(try await send(app, .POST, "\(entryPath)/retire", officeToken).status == .noContent)
            #expect(try await app.testing().sendRequest(.GET, entryPath).status == .notFound)
            #expect(try await send(app, .POST, "\(entryPath)/restore", officeToken).status == .noContent)
            #expect(try await app.testing().sendRequest(.GET, entryPath).status == .ok)
            #expect(try await send(app, .POST, "\(entryPath)/verify", officeToken).status == .noContent)
            let verified = try decode(Contact.self, try await app.testing().sendRequest(.GET, entryPath))
            #expect(verified.verifiedOn == CalendarDate.today())

            // Reports of outdated entries: listed for the office only, then resolved.
            #expect(try await send(app, .POST, "\(entryPath)/reports", ownerToken, json: #"{"note": "電話番号が変わっていました"}"#).status == .created)
            #expect(try await send(app, .GET, "/api/v1/directory-reports", ownerToken).status == .forbidden)
            let reports = try decode(ReportPage.self, try await send(app, .GET, "/api/v1/directory-reports", officeToken))
            let report = try #require(reports.items.first)
            #expect(reports.items.count == 1 && report.entryId == entry && report.note == "電話番号が変わっていました")
            let resolvePath = "/api/v1/directory-reports/\(report.id)/resolve"
            #expect(try await send(app, .POST, resolvePath, ownerToken).status == .forbidden)
            #expect(try await send(app, .POST, "/api/v1/directory-reports/\(UUID().uuidString)/resolve", officeToken).status == .notFound)
            #expect(try await send(app, .POST, resolvePath, officeToken).status == .noContent)
            #expect(try decode(ReportPage.self, try await send(app, .GET, "/api/v1/directory-reports", officeToken)).items.isEmpty)
            #expect(try await audits(app, .directoryRetired) == 1)
            #expect(try await audits(app, .directoryReportResolved) == 1)
        }
    }

    // MARK: The expert

    @Test("the expert's token: companies, visits, attachments, the calendar feed and comments on the assigned company only; another expert gets 404, other tokens 403")
    func expert() async throws {
        try await withMamori { app in
            try await ProgramFixtures.openApplications(app)
            let officeUser = try await officeAdmin(app)
            let office = Principal(user: officeUser, organization: nil, token: nil)
            let service = ProgramService(db: app.db)

            // Two registered experts with accounts, as the office's link creates them.
            var experts: [(ExpertProfile, User)] = []
            for (name, number, email) in [("東京 一郎", "500001", "expert@example.jp"), ("大阪 次郎", "500002", "second@example.jp")] {
                let registered = try await service.registerExpert(.init(name: name, registrationNumber: number, prefecture: .parsed("13", Prefecture.parse), regions: .given([]),
                                                                             onSite: true, online: true, maxCompanies: .given(5)), by: office, ip: nil)
                let user = try await MembershipService(db: app.db, hasher: hasher(app)).accept(
                    token: registered.token, account: .init(displayName: name, email: email, password: Fixtures.password, passwordConfirmation: Fixtures.password),
                    locale: .ja, ip: nil)
                experts.append((registered.profile, user))
            }
            let (profile, expertUser) = experts[0]

            // A company that applied, was accepted and got the first expert.
            let owner = try await Fixtures.signUp(app, name: "訪問商店", email: "owner@example.jp")
            try await SecurityActionDeclaration(organizationID: owner.organizationID!, stars: 1, declarationID: "1", declaredOn: "2026-04-01",
                                                createdByID: owner.user.id!).create(on: app.db)
            let organization = try #require(try await Organization.find(owner.organizationID, on: app.db))
            let settings = try await service.settings()
            let application = try await service.apply(organization, settings: settings, input: .init(
                legalForm: .given(.corporation), hasSecurityPolicy: .given(false), participatedPreviousYear: .given(false), contactName: "山田",
                contactPhone: "03-1234-5678", message: nil, agreed: true, termsVersion: settings.termsVersion),
                by: Principal(user: owner.user, organization: organization, token: nil), ip: nil)
            try await service.decide(application, .accept, reason: nil, settings: settings, by: office, ip: nil)
            try await service.assign(profile, to: application, by: office, ip: nil)

            let expertToken = try await token(app, expertUser)
            let secondToken = try await token(app, experts[1].1)
            let ownerToken = try await token(app, owner.user)
            let officeToken = try await token(app, officeUser)
            let base = "/api/v1/expert/companies/\(application.id!.uuidString)"

            // The list: the first expert's company, nobody else's; other roles are refused.
            let companies = try decode(Companies.self, try await send(app, .GET, "/api/v1/expert/companies", expertToken))
            #expect(companies.items.map(\.organizationName) == ["訪問商店"] && companies.items.first?.visitsPerCompany == settings.visitsPerCompany)
            #expect(try decode(Companies.self, try await send(app, .GET, "/api/v1/expert/companies", secondToken)).items.isEmpty)
            for refusedToken in [ownerToken, officeToken] {
                let refused = try await send(app, .GET, "/api/v1/expert/companies", refusedToken)
                #expect(refused.status == .forbidden)
                #expect(try failure(refused).message == L.Organization.expertTokenNeeded.ja)
            }

            // Scheduling: the page's rules; the second expert does not reach the company.
            let start = TokyoDateTime.parse(FiscalYear.firstDay(of: FiscalYear.of(Date())) + "T00:00")!
            let when = ISO8601DateFormatter().string(from: max(Date().addingTimeInterval(-3600), start))
            let schedule = json(["number": 1, "scheduledAt": when, "mode": "online", "place": "https://meet.example.jp/1"])
            let invalid = try await send(app, .POST, "\(base)/visits", expertToken,
                                         json: json(["number": 9, "scheduledAt": "tomorrow", "mode": "online", "place": "会議室"]))
            #expect(invalid.status == .unprocessableEntity)
            #expect(try Set((failure(invalid).fields ?? [:]).keys) == ["number", "scheduledAt", "place"])
            #expect(try await send(app, .POST, "\(base)/visits", secondToken, json: schedule).status == .notFound)
            #expect(try await send(app, .POST, "\(base)/visits", ownerToken, json: schedule).status == .forbidden)
            #expect(try await send(app, .POST, "/api/v1/expert/companies/\(UUID().uuidString)/visits", expertToken, json: schedule).status == .notFound)
            let scheduled = try await send(app, .POST, "\(base)/visits", expertToken, json: schedule)
            #expect(scheduled.status == .ok)
            let visit = try decode(Visit.self, scheduled)
            #expect(visit.number == 1 && visit.mode == "online" && !visit.done)

            // Recording the visit.
            let record = #"{"durationMinutes": 120, "topics": "パスワードの管理", "goal1": 50, "nextSteps": "規程の案を作る"}"#
            #expect(try await send(app, .POST, "\(base)/visits/1/record", secondToken, json: record).status == .notFound)
            #expect(try await send(app, .POST, "\(base)/visits/2/record", expertToken, json: record).status == .notFound)
            let badRecord = try await send(app, .POST, "\(base)/visits/1/record", expertToken, json: #"{"durationMinutes": 0, "topics": " ", "goal2": 150}"#)
            #expect(badRecord.status == .unprocessableEntity)
            #expect(try Set((failure(badRecord).fields ?? [:]).keys) == ["durationMinutes", "topics", "goal2"])
            let recorded = try await send(app, .POST, "\(base)/visits/1/record", expertToken, json: record)
            #expect(recorded.status == .ok)
            let recordedVisit = try decode(Visit.self, recorded)
            #expect(recordedVisit.done && recordedVisit.durationMinutes == 120)
            // A recorded visit is not moved any more (409, as on the page).
            #expect(try await send(app, .POST, "\(base)/visits", expertToken, json: schedule).status == .conflict)

            // Attachments: the raw body, with its SHA-256.
            let bytes = Array("議事録".utf8)
            #expect(try await send(app, .POST, "\(base)/visits/1/attachments?filename=minutes.txt", secondToken, raw: bytes).status == .notFound)
            let attached = try await send(app, .POST, "\(base)/visits/1/attachments?filename=minutes.txt", expertToken, raw: bytes)
            #expect(attached.status == .created)
            let receipt = try decode(Receipt.self, attached)
            #expect(receipt.sha256 == SecretToken.sha256Hex(Data(bytes)) && receipt.size == bytes.count)
            #expect(try await VisitAttachment.query(on: app.db).count() == 1)

            // The calendar feed's address.
            #expect(try await send(app, .POST, "/api/v1/expert/calendar", ownerToken).status == .forbidden)
            let feed = try decode(Feed.self, try await send(app, .POST, "/api/v1/expert/calendar", expertToken))
            let feedPath = try #require(URL(string: feed.url)?.path)
            let calendar = try await app.testing().sendRequest(.GET, feedPath)
            #expect(calendar.status == .ok && calendar.body.string.contains("BEGIN:VCALENDAR"))

            // The company's policy: read and commented on by its expert only; a discarded draft is gone.
            let draft = try decode(VersionBody.self, try await send(app, .POST, "/api/v1/policy/versions", ownerToken, json: #"{"fromTemplate": true}"#))
            let versions = try decode(VersionList.self, try await send(app, .GET, "\(base)/policy/versions", expertToken))
            #expect(versions.items.map(\.id) == [draft.id])
            let versionPath = "\(base)/policy/versions/\(draft.id)"
            #expect(try decode(VersionBody.self, try await send(app, .GET, versionPath, expertToken)).sections.count == draft.sections.count)
            for path in ["\(base)/policy/versions", versionPath] {
                #expect(try await send(app, .GET, path, secondToken).status == .notFound, "\(path)")
                #expect(try await send(app, .GET, path, ownerToken).status == .forbidden, "\(path)")
            }
            let sectionID = try #require(draft.sections.first).id
            let remark = json(["sectionId": sectionID, "body": "第3条をもう少し具体的に"])
            #expect(try await send(app, .POST, "\(versionPath)/comments", secondToken, json: remark).status == .notFound)
            let commented = try await send(app, .POST, "\(versionPath)/comments", expertToken, json: remark)
            #expect(commented.status == .created)
            #expect(try decode(CommentBody.self, commented).authorRole == "expert")
            #expect(try await send(app, .POST, "/api/v1/policy/versions/\(draft.id)/discard", ownerToken).status == .ok)
            #expect(try await send(app, .GET, versionPath, expertToken).status == .notFound)

            // The company's plan: a comment by its expert, read by the company.
            #expect(try await send(app, .POST, "\(base)/plan/comments", secondToken, json: #"{"body": "x"}"#).status == .notFound)
            #expect(try await send(app, .POST, "\(base)/plan/comments", ownerToken, json: #"{"body": "x"}"#).status == .forbidden)
            #expect(try await send(app, .POST, "\(base)/plan/comments", expertToken, json: #"{"body": "優先度の高い項目から"}"#).status == .created)
            let comments = try decode(PlanComments.self, try await send(app, .GET, "/api/v1/plan/comments", ownerToken))
            #expect(comments.items.map(\.authorRole) == ["expert"])

            #expect(try await audits(app, .visitScheduled) == 1)
            #expect(try await audits(app, .visitRecorded) == 1)
            #expect(try await audits(app, .calendarFeedRenewed) == 1)
        }
    }

    // MARK: The mapping

    /// What answers a page action through the API.
    enum Counterpart {
        /// The operations (by operationId) that do what the page action does.
        case api([String])
        /// The action stays in the browser on purpose, for this reason.
        case pageOnly(String)
    }

    /// Every state-changing page route (POST), with its API counterpart. A new page action
    /// must be added here with its operation, or with the reason it stays page-only.
    static let parity: [(page: SiteURL, counterpart: Counterpart)] = { () -> [(page: SiteURL, counterpart: Counterpart)] in
        let id = SiteURL.anyID
        return [
            // Accounts and sessions
            (.signup(), .pageOnly("Creates an account and an organization for a visitor, who has no token yet (CSRF-protected form).")),
            (.login(next: nil), .pageOnly("Starts a browser session; API clients authenticate with a Bearer token instead.")),
            (.logout, .pageOnly("Ends a browser session; a token is revoked on the tokens page.")),
            (.language, .pageOnly("The browser's language; the API follows Accept-Language on every request.")),
            (.settingsProfile, .pageOnly("The signed-in person's own name and language, like their password: not an integration's business.")),
            (.settingsPassword, .pageOnly("Changing one's own password needs the current one and restarts the browser session.")),
            (.setup(token: "t"), .pageOnly("The first office account, from a one-hour link printed by `mamori serve`; nobody holds a token yet.")),
            (.invite(token: "t"), .pageOnly("Accepting an invitation creates the invitee's account; the invitee has no token yet.")),
            (.passwordReset(token: "t"), .pageOnly("Setting a new password through a single-use link, by a person who cannot sign in.")),
            (.memberPasswordReset(organization: id, member: id),
             .pageOnly("Issues a link that takes over another person's account: a leaked script token must not be able to do that.")),
            (.officeAccountPasswordReset(user: SiteURL.anyID),
             .pageOnly("Issues a link that takes over any account, office admins included: kept to a signed-in office admin.")),
            (.tokens(organization: id), .pageOnly("Creating an API token with an API token would let a leaked token outlive its revocation.")),
            (.tokenRevoke(organization: id, token: id), .pageOnly("Tokens are managed by the signed-in owner; a leaked token must not revoke the others.")),
            // Organization and members
            (.organizationDetails(organization: id), .api(["updateOrganization"])),
            (.invitations(organization: id), .api(["createInvitation"])),
            (.invitationRevoke(organization: id, invitation: id), .api(["revokeInvitation"])),
            (.memberRemove(organization: id, member: id), .api(["removeMember"])),
            (.memberMakeOwner(organization: id, member: id), .api(["transferOwnership"])),
            (.remindersCalendar(organization: id), .api(["createDutyCalendar"])),
            (.remindersCalendarStop(organization: id), .api(["deleteDutyCalendar"])),
            (.webhooks(organization: id), .api(["createWebhook"])),
            (.webhookRemove(organization: id, webhook: id), .api(["deleteWebhook"])),
            (.webhookTest(organization: id, webhook: id), .api(["testWebhook"])),
            // Self-diagnosis and SECURITY ACTION
            (.selfDiagnosis, .api(["scoreSelfDiagnosis"])),
            (.diagnoses(organization: id), .api(["saveSelfDiagnosis"])),
            (.securityActionMeasures(organization: id), .api(["putBasicMeasures"])),
            (.securityActionDeclarations(organization: id), .api(["recordSecurityActionDeclaration"])),
            // Policy and rules
            (.policyVersions(organization: id), .api(["createPolicyVersion"])),
            (.policyVersion(organization: id, version: id), .api(["updatePolicyVersion"])),
            (.policyVersionStep(organization: id, version: id, step: "s"), .api(["approvePolicyVersion", "publishPolicyVersion", "discardPolicyVersion"])),
            (.policyComments(organization: id, version: id), .api(["addPolicyComment"])),
            (.policyCommentResolve(organization: id, version: id, comment: id), .api(["resolvePolicyComment"])),
            (.rulesCheck(organization: id), .api(["putRuleCheck"])),
            // Telework
            (.teleworkSelfCheck(organization: id), .api(["saveTeleworkSelfCheck"])),
            (.teleworkChecklist(organization: id), .api(["putTeleworkChecklist"])),
            (.teleworkContact(organization: id), .api(["updateOrganization"])),
            // Incidents and reports
            (.incidents(organization: id), .api(["openIncident"])),
            (.incidentStep(organization: id, incident: id, step: 1), .api(["updateIncident"])),
            (.incidentCheck(organization: id, incident: id, point: "p"), .api(["checkIncidentPoint"])),
            (.incidentRecord(organization: id, incident: id), .api(["updateIncident"])),
            (.incidentTimeline(organization: id, incident: id), .api(["addTimelineEntry"])),
            (.incidentEvidence(organization: id, incident: id), .api(["uploadEvidence"])),
            (.incidentDuty(organization: id, incident: id, recipient: "r", action: "a"), .api(["recordDuty"])),
            (.incidentDutyUndo(organization: id, incident: id, recipient: "r", action: "a"), .api(["undoIncidentDuty"])),
            (.incidentClose(organization: id, incident: id), .api(["closeIncident"])),
            (.incidentReportPrint(organization: id, incident: id, report: "r"),
             .pageOnly("Changes nothing: prints the editor's unsaved text (a POST only because the text is long); the API saves versions and reads them.")),
            (.incidentReportDocx(organization: id, incident: id, report: "r"),
             .pageOnly("Changes nothing: the editor's unsaved text as Word; the API saves versions and reads them.")),
            (.incidentReportVersions(organization: id, incident: id, report: "r"), .api(["saveReportVersion"])),
            (.incidentReportSubmit(organization: id, incident: id, report: "r", version: id), .api(["submitReportVersion"])),
            // Assets, risks and the plan
            (.assets(organization: id), .api(["createAsset"])),
            (.assetsImport(organization: id), .pageOnly("A spreadsheet upload previewed for a person to confirm; an API client sends each row with createAsset.")),
            (.assetsImportConfirm(organization: id, upload: id), .pageOnly("Confirms the previewed upload above.")),
            (.asset(organization: id, asset: id), .api(["updateAsset"])),
            (.assetRemove(organization: id, asset: id), .api(["deleteAsset"])),
            (.assetRisks(organization: id, asset: id), .api(["createRisk"])),
            (.risk(organization: id, risk: id), .api(["treatRisk"])),
            (.riskRemove(organization: id, risk: id), .api(["deleteRisk"])),
            (.planProposal(organization: id), .api(["proposePlan"])),
            (.planItems(organization: id), .api(["addPlanItem"])),
            (.planItem(organization: id, item: id), .api(["updatePlanItem"])),
            (.planItemAction(organization: id, item: id, action: "a"), .api(["movePlanItem", "deletePlanItem"])),
            (.planAgree(organization: id), .api(["agreePlan"])),
            (.planCalendar(organization: id), .api(["createPlanCalendar"])),
            (.planComments(organization: id), .api(["addPlanComment"])),
            // The guidance program
            (.orgProgramApply(organization: id), .api(["applyToProgram"])),
            (.orgProgramSurvey(organization: id), .api(["answerProgramSurvey"])),
            (.officeProgram, .api(["updateProgramSettings"])),
            (.officeApplicationDecide(application: id), .api(["decideProgramApplication"])),
            (.officeApplicationAssign(application: id), .api(["assignProgramExpert"])),
            (.officeExperts, .api(["registerProgramExpert"])),
            (.officeExpertInvitationRevoke(invitation: id), .api(["revokeExpertInvitation"])),
            (.expertVisitSchedule(application: id), .api(["scheduleVisit"])),
            (.expertVisitRecord(application: id, number: 1), .api(["recordVisit"])),
            (.expertVisitAttachments(application: id, number: 1), .api(["uploadVisitAttachment"])),
            (.expertCalendarToken, .api(["createExpertCalendar"])),
            (.expertPolicyComments(application: id, version: id), .api(["addExpertPolicyComment"])),
            (.expertPlanComments(application: id), .api(["addExpertPlanComment"])),
            // The help directory
            (.contactReports(id: "e"), .api(["reportDirectoryEntry"])),
            (.officeDirectoryNew, .api(["addDirectoryEntry"])),
            (.officeDirectoryEntry(id: "e"), .api(["correctDirectoryEntry"])),
            (.officeDirectoryAction(id: "e", action: "a"), .api(["retireDirectoryEntry", "restoreDirectoryEntry", "verifyDirectoryEntry"])),
            (.officeDirectoryReportResolve(report: SiteURL.anyID), .api(["resolveDirectoryReport"])),
        ]
    }()

    @Test("every page route that changes data has its API operation in openapi.yaml, or a documented reason to stay page-only")
    func everyPageActionHasAnOperation() async throws {
        try await withMamori { app in
            // The operations of the document the API serves (the one the generator reads).
            let spec = try await app.testing().sendRequest(.GET, "/api/v1/openapi.yaml")
            #expect(spec.status == .ok)
            let operations = Set(spec.body.string.split(separator: "\n").compactMap { line -> String? in
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("operationId:") else { return nil }
                return text.dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces)
            })
            #expect(operations.count > 100)

            var table: [String: Counterpart] = [:]
            for (page, counterpart) in Self.parity {
                let pattern = page.route.string
                #expect(table[pattern] == nil, "\(pattern) is listed twice")
                table[pattern] = counterpart
            }

            // Every POST route the pages register (the API's own routes aside) is in the table.
            let pagePosts = Set(app.routes.all.filter { $0.method == .POST }.map(\.path.string).filter { !$0.hasPrefix("api/") })
            for route in pagePosts.sorted() {
                #expect(table[route] != nil, "POST /\(route) changes data but has neither an API operation nor a page-only reason in APIParityTests.parity")
            }
            // …and the table names no route that is gone, and no operation the document lacks.
            for (pattern, counterpart) in table {
                #expect(pagePosts.contains(pattern), "APIParityTests.parity lists /\(pattern), which is no POST route")
                switch counterpart {
                case .api(let ids):
                    #expect(!ids.isEmpty, "\(pattern)")
                    for operationID in ids { #expect(operations.contains(operationID), "/\(pattern) → \(operationID) is not in openapi.yaml") }
                case .pageOnly(let reason):
                    #expect(!reason.trimmingCharacters(in: .whitespaces).isEmpty, "/\(pattern) needs a reason to stay page-only")
                }
            }
        }
    }
}
