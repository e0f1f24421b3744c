import Fluent
import Foundation
import MamoriCore
import Vapor

/// The related rules check: every chapter with its state, the history, exports, and one page
/// per chapter with its own rule document.
struct RulesCheckController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.rulesCheck(organization: id).route, use: show)
        routes.on(.POST, SiteURL.rulesCheck(organization: id).route, body: .collect(maxSize: "1mb"), use: save)
        routes.get(SiteURL.rulesCheckCSV(organization: id).route, use: csv)
        routes.get(SiteURL.rulesCheckDocx(organization: id).route, use: docx)
        routes.get(SiteURL.rulesChapter(organization: id, chapter: "c").route, use: chapter)
    }

    static func model(_ organization: Organization, page: Int, on db: any Database) async throws -> RulesCheckPage.Model {
        let current = try await RulesCheckService(db: db).current(of: organization)
        let adopted = try await PolicyService(db: db).adoptedRules(of: organization)
        let history = try await RulesCheckService(db: db).history(of: organization, page: PageRequest(page: max(1, page), per: 50))
        return .init(organizationID: try organization.requireID(),
                     rows: PolicyContent.bundled.chapters.map { chapter in
                         .init(chapter: chapter.key, number: chapter.number, title: chapter.title, current: current[chapter.key].map(RulesCheckPage.Check.init),
                               ruleDocument: adopted[chapter.key].map(PolicyVersionSummary.init))
                     },
                     history: history.map(RulesCheckPage.Check.init))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let page = req.query[Int.self, at: "page"] ?? 1
        return Layout.response(RulesCheckPage.render(try await Self.model(organization, page: page, on: req.db), context: req.pageContext()))
    }

    /// The form holds every chapter as `status_<key>`, `note_<key>`, `owner_<key>`, `reviewOn_<key>`.
    @Sendable func save(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var checks: [String: RulesCheckService.Input] = [:]
        var problems = FieldProblems()
        var dates = TypedDates()
        for chapter in PolicyContent.bundled.chapters {
            let key = chapter.key
            // A chapter left at "not checked" stays unchecked.
            guard let status = fields["status_\(key)"], !status.isEmpty else { continue }
            switch RulesCheckService.Input.parse(status: status, note: fields["note_\(key)"], owner: fields["owner_\(key)"],
                                                 reviewOn: dates.date("reviewOn_\(key)", fields["reviewOn_\(key)"])) {
            case .success(let input): checks[key] = input
            case .failure(let found): for entry in found.entries { problems.add("\(entry.field)_\(key)", entry.problem) }
            }
        }
        guard problems.isEmpty else {
            var model = try await Self.model(organization, page: 1, on: req.db)
            model.form = FormState(values: fields, error: dates.explained(problems))
            return Layout.response(RulesCheckPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
        }
        let count = try await RulesCheckService(db: req.db).record(checks, in: organization, by: principal, ip: req.clientIP)
        req.flash(.success, L.Rules.saved(count))
        return req.redirect(to: .rulesCheck(organization: try organization.requireID()))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let rows = try await Self.model(organization, page: 1, on: req.db).rows
        let locale = req.locale
        let text = CSV.document(header: [L.Rules.chapter, L.Rules.chapter, L.Policy.status, L.Rules.note, L.Rules.owner, L.Rules.reviewOn, L.Rules.lastChecked,
                                         L.Rules.checkedBy, L.Rules.adoptedText].map { $0(locale) },
                                rows: rows.map { row in
                                    [String(row.number), row.title(locale), row.current.map { L.Rules.statusName($0.status)(locale) } ?? L.Rules.neverChecked(locale),
                                     row.current?.note ?? "", row.current?.owner ?? "", row.current?.reviewOn ?? "",
                                     row.current?.checkedAt.map { CalendarDate.string(from: $0) } ?? "", row.current?.checkedBy ?? "",
                                     row.ruleDocument.map { L.Policy.versionNumber($0.number)(locale) + " " + L.Policy.statusName($0.status)(locale) } ?? ""]
                                })
        return CSV.response(text, filename: "rules-check.csv")
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let rows = try await Self.model(organization, page: 1, on: req.db).rows
        let locale = req.locale
        var document = DocxDocument(language: locale == .ja ? "ja-JP" : "en-GB")
        document.blocks.append(.title(L.Rules.documentTitle(locale)))
        document.blocks.append(.paragraph(organization.name + " — " + DateText.officialCalendarDate(CalendarDate.today(), locale)))
        for row in rows {
            document.blocks.append(.heading("\(row.number). " + row.title(locale)))
            var lines = [L.Policy.status(locale) + L.Common.colon(locale) + (row.current.map { L.Rules.statusName($0.status)(locale) } ?? L.Rules.neverChecked(locale))]
            if let check = row.current {
                if !check.owner.isEmpty { lines.append(L.Rules.owner(locale) + L.Common.colon(locale) + check.owner) }
                if let review = check.reviewOn { lines.append(L.Rules.reviewOn(locale) + L.Common.colon(locale) + DateText.officialCalendarDate(review, locale)) }
                if !check.note.isEmpty { lines.append(L.Rules.note(locale) + L.Common.colon(locale) + check.note) }
            }
            document.blocks.append(.paragraph(lines.joined(separator: "\n")))
        }
        return PolicyController.download(try document.data(), filename: "rules-check.docx", contentType: DocxDocument.contentType)
    }

    @Sendable func chapter(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        guard let key = req.parameters.get("chapter"), let chapter = PolicyContent.bundled.chapter(key) else { throw Refusal.notFound }
        let versions = try await PolicyService(db: req.db).versions(of: organization, kind: .rule(chapter: key))
        let current = try await RulesCheckService(db: req.db).current(of: organization)[key]
        return Layout.response(RulesChapterPage.render(.init(organizationID: try organization.requireID(), chapter: chapter,
                                                             current: current.map(RulesCheckPage.Check.init),
                                                             versions: versions.map(PolicyVersionSummary.init)), context: req.pageContext()))
    }
}
