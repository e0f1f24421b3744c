import Fluent
import Foundation
import MamoriCore
import Vapor

/// The organization's basic policy and adopted rule texts: overview, drafts, the workflow,
/// comments, comparison, print and Word.
struct PolicyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let id = SiteURL.anyID
        routes.get(SiteURL.policy(organization: id).route, use: overview)
        routes.post(SiteURL.policyVersions(organization: id).route, use: create)
        routes.get(SiteURL.policyVersion(organization: id, version: id).route, use: show)
        routes.on(.POST, SiteURL.policyVersion(organization: id, version: id).route, body: .collect(maxSize: "2mb"), use: save)
        routes.post(SiteURL.policyVersionStep(organization: id, version: id, step: "s").route, use: step)
        routes.get(SiteURL.policyVersionPrint(organization: id, version: id).route, use: printable)
        routes.get(SiteURL.policyVersionDocx(organization: id, version: id).route, use: docx)
        routes.post(SiteURL.policyComments(organization: id, version: id).route, use: comment)
        routes.post(SiteURL.policyCommentResolve(organization: id, version: id, comment: id).route, use: resolve)
        routes.get(SiteURL.policyCompare(organization: id).route, use: compare)
    }

    @Sendable func overview(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        return Layout.response(PolicyOverviewPage.render(try await Self.overviewModel(organization, principal: principal, on: req.db),
                                                         context: req.pageContext()))
    }

    static func overviewModel(_ organization: Organization, principal: Principal, on db: any Database) async throws -> PolicyOverviewPage.Model {
        let service = PolicyService(db: db)
        let versions = try await service.versions(of: organization)
        return .init(organizationID: try organization.requireID(), organizationName: organization.name,
                     stage: PolicyStage.of(versions.map(\.policyStatus)),
                     published: try await service.published(of: organization).map(PolicyVersionSummary.init),
                     slug: try await service.slug(of: organization),
                     versions: versions.map(PolicyVersionSummary.init),
                     rules: try await RulesCheckService(db: db).summary(of: organization),
                     isOwner: principal.isOwner)
    }

    struct CreateForm: Content {
        var document: String?
        var from: String?
        var language: String?
        var versionID: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (principal, organization) = try req.tenant()
        let form = try req.content.decode(CreateForm.self)
        guard let kind = PolicyDocumentKind(storageKey: form.document ?? "basic_policy") else { throw Refusal.notFound }
        let source: PolicyService.DraftSource = if form.from == "copy", let id = form.versionID.flatMap(UUID.init(uuidString:)) {
            .copy(of: id)
        } else {
            .template(AppLocale(rawValue: form.language ?? "") ?? req.locale)
        }
        let orgID = try organization.requireID()
        do {
            let version = try await PolicyService(db: req.db).createDraft(kind, from: source, in: organization, by: principal, ip: req.clientIP)
            req.flash(.success, L.Policy.draftCreated)
            return req.redirect(to: .policyVersion(organization: orgID, version: try version.requireID()))
        } catch Refusal.conflict(let message) {
            // The draft in progress is where the person wants to go.
            req.flash(.info, message)
            if let draft = try await PolicyService(db: req.db).openDraft(of: organization, kind: kind) {
                return req.redirect(to: .policyVersion(organization: orgID, version: try draft.requireID()))
            }
            throw Refusal.conflict(message)
        }
    }

    private func version(_ req: Request) async throws -> (Principal, Organization, PolicyVersion) {
        let (principal, organization) = try req.tenant()
        let version = try await TenantScope.policyVersion(req.uuidParameter("versionID"), in: organization, on: req.db)
        return (principal, organization, version)
    }

    static func versionModel(_ version: PolicyVersion, organization: Organization, mode: PolicyVersionPage.Mode,
                             on db: any Database) async throws -> PolicyVersionPage.Model {
        let service = PolicyService(db: db)
        return .init(organizationName: organization.name, version: PolicyVersionSummary(version), sections: version.sections,
                     comments: try await service.comments(of: version).map(PolicyCommentView.init), mode: mode,
                     slug: try await service.slug(of: organization))
    }

    private func mode(_ principal: Principal, _ organization: Organization) throws -> PolicyVersionPage.Mode {
        .organization(id: try organization.requireID(), isOwner: principal.isOwner)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (principal, organization, version) = try await version(req)
        let model = try await Self.versionModel(version, organization: organization, mode: try mode(principal, organization), on: req.db)
        return Layout.response(PolicyVersionPage.render(model, context: req.pageContext()))
    }

    /// Saves the edited sections; the pressed button may also move, remove or add a section.
    @Sendable func save(req: Request) async throws -> Response {
        let (principal, organization, version) = try await version(req)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let count = min(Int(fields["count"] ?? "") ?? 0, PolicySection.maximumCount + 1)
        var sections = (0..<count).map {
            PolicyService.SectionInput(id: fields["id_\($0)"], heading: fields["heading_\($0)"] ?? "", body: fields["body_\($0)"] ?? "")
        }
        let action = fields["action"] ?? "save"
        var anchor = "editor"
        if let index = Self.index(action, "up_"), index > 0, index < sections.count {
            sections.swapAt(index, index - 1); anchor = "section-\(index - 1)"
        } else if let index = Self.index(action, "down_"), index + 1 < sections.count {
            sections.swapAt(index, index + 1); anchor = "section-\(index + 1)"
        } else if let index = Self.index(action, "remove_"), index < sections.count {
            sections.remove(at: index)
        } else if action == "add" {
            sections.append(.init(id: nil, heading: fields["new_heading"] ?? "", body: fields["new_body"] ?? ""))
            anchor = "section-\(sections.count - 1)"
        }
        do {
            try await PolicyService(db: req.db).edit(version, sections: sections, by: principal, ip: req.clientIP)
            req.flash(.success, L.Policy.draftSaved)
            return req.redirect(to: SiteURL.policyVersion(organization: try organization.requireID(), version: try version.requireID()).path + "#" + anchor,
                                redirectType: .normal)
        } catch let refusal as Refusal {
            guard case .invalid(let problems) = refusal else { throw refusal }
            // Show the form again with everything typed and the error beside each field.
            var values = ["count": String(sections.count)]
            for (index, section) in sections.enumerated() {
                values["id_\(index)"] = section.id ?? ""
                values["heading_\(index)"] = section.heading
                values["body_\(index)"] = section.body
            }
            var errors: [String: LocalizedText] = [:]
            for entry in problems.entries {
                let parts = entry.field.split(separator: ".")
                if parts.count == 3, let number = Int(parts[1]) { errors["\(parts[2])_\(number - 1)"] = L.Common.describe(entry.problem) }
                else { errors["new_heading"] = L.Common.describe(entry.problem) }
            }
            var model = try await Self.versionModel(version, organization: organization, mode: try mode(principal, organization), on: req.db)
            model.editForm = FormState(values: values, errors: errors)
            return Layout.response(PolicyVersionPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
        }
    }

    private static func index(_ action: String, _ prefix: String) -> Int? {
        action.hasPrefix(prefix) ? Int(action.dropFirst(prefix.count)) : nil
    }

    struct StepForm: Content { var slug: String? }

    @Sendable func step(req: Request) async throws -> Response {
        let (principal, organization, version) = try await version(req)
        let service = PolicyService(db: req.db)
        let form = try req.content.decode(StepForm.self)
        let orgID = try organization.requireID()
        do {
            switch PolicyStep(rawValue: req.parameters.get("step") ?? "") {
            case .approve:
                try await service.approve(version, by: principal, ip: req.clientIP)
                req.flash(.success, L.Policy.approved)
            case .publish:
                try await service.publish(version, slug: form.slug ?? "", by: principal, ip: req.clientIP)
                req.flash(.success, L.Policy.published)
            case .discard:
                try await service.discard(version, by: principal, ip: req.clientIP)
                req.flash(.success, L.Policy.discarded)
            case nil:
                throw Refusal.notFound
            }
            return req.redirect(to: .policyVersion(organization: orgID, version: try version.requireID()))
        } catch let refusal as Refusal {
            switch refusal {
            case .invalid(let problems):
                var model = try await Self.versionModel(version, organization: organization, mode: try mode(principal, organization), on: req.db)
                model.publishForm = FormState(values: ["slug": form.slug ?? ""], error: refusal.mamoriError)
                _ = problems
                return Layout.response(PolicyVersionPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
            case .conflict(let message), .notAllowed(let message):
                // Say why on the same page; nothing was changed.
                req.flash(.error, message)
                return req.redirect(to: .policyVersion(organization: orgID, version: try version.requireID()))
            case .notFound:
                throw refusal
            }
        }
    }

    @Sendable func printable(req: Request) async throws -> Response {
        let (_, organization, version) = try await version(req)
        return Layout.response(PolicyDocumentView.printPage(organizationName: organization.name, version: PolicyVersionSummary(version),
                                                            sections: version.sections, context: req.pageContext()))
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let (_, organization, version) = try await version(req)
        let data = try PolicyDocumentView.docx(organizationName: organization.name, version: PolicyVersionSummary(version), sections: version.sections)
        return Self.download(data, filename: "\(version.kind.storageKey)-v\(version.number).docx", contentType: DocxDocument.contentType)
    }

    static func download(_ data: Data, filename: String, contentType: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// The comment form of a section: `sectionID` and the text in `comment_<sectionID>`.
    struct PostedComment {
        let sectionID: String
        let body: String
        var field: String { "comment_" + sectionID }

        init(_ req: Request) {
            let fields = (try? req.content.decode([String: String].self)) ?? [:]
            sectionID = fields["sectionID"] ?? ""
            body = fields["comment_" + sectionID] ?? fields["body"] ?? ""
        }

        /// The form again with the text kept and the error beside it.
        func state(_ refusal: Refusal) -> FormState {
            var state = FormState(values: ["sectionID": sectionID, field: body], error: refusal.mamoriError)
            if let message = state.errors["body"] { state.errors[field] = message }
            return state
        }
    }

    @Sendable func comment(req: Request) async throws -> Response {
        let (principal, organization, version) = try await version(req)
        let posted = PostedComment(req)
        let orgID = try organization.requireID()
        do {
            _ = try await PolicyService(db: req.db).comment(on: version, sectionID: posted.sectionID, body: posted.body, by: principal, ip: req.clientIP)
            req.flash(.success, L.Policy.commentAdded)
            return req.redirect(to: SiteURL.policyVersion(organization: orgID, version: try version.requireID()).path + "#comments-" + posted.sectionID,
                                redirectType: .normal)
        } catch let refusal as Refusal {
            guard case .invalid = refusal else { throw refusal }
            var model = try await Self.versionModel(version, organization: organization, mode: try mode(principal, organization), on: req.db)
            model.commentForm = posted.state(refusal)
            return Layout.response(PolicyVersionPage.render(model, context: req.pageContext()), status: .unprocessableEntity)
        }
    }

    @Sendable func resolve(req: Request) async throws -> Response {
        let (principal, organization, version) = try await version(req)
        try await PolicyService(db: req.db).resolve(req.uuidParameter("commentID"), on: version, by: principal, ip: req.clientIP)
        req.flash(.success, L.Policy.commentResolved)
        return req.redirect(to: SiteURL.policyVersion(organization: try organization.requireID(), version: try version.requireID()).path + "#comments",
                            redirectType: .normal)
    }

    @Sendable func compare(req: Request) async throws -> Response {
        let (_, organization) = try req.tenant()
        let document = req.query[String.self, at: "document"].flatMap(PolicyDocumentKind.init(storageKey:)) ?? .basicPolicy
        let versions = try await PolicyService(db: req.db).versions(of: organization, kind: document)
        let before = try await req.query[String.self, at: "before"].flatMap(UUID.init(uuidString:)).asyncMap {
            try await TenantScope.policyVersion($0, in: organization, on: req.db)
        } ?? (versions.count > 1 ? versions[1] : nil)
        let after = try await req.query[String.self, at: "after"].flatMap(UUID.init(uuidString:)).asyncMap {
            try await TenantScope.policyVersion($0, in: organization, on: req.db)
        } ?? versions.first
        var rows: [LineDiff.Row] = []
        if let before, let after, before.id != after.id {
            rows = LineDiff.sideBySide(LineDiff.lines(of: before.sections), LineDiff.lines(of: after.sections))
        }
        return Layout.response(PolicyComparePage.render(.init(organizationID: try organization.requireID(), document: document,
                                                              versions: versions.map(PolicyVersionSummary.init),
                                                              before: before.map(PolicyVersionSummary.init), after: after.map(PolicyVersionSummary.init),
                                                              rows: rows), context: req.pageContext()))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
