import Foundation

/// A document the organization writes and approves: the basic policy, or one chapter of the
/// related rules adopted as its own text.
public enum PolicyDocumentKind: Sendable, Hashable {
    case basicPolicy
    case rule(chapter: String)

    /// Stored form: `basic_policy` or `rule.<chapter>`.
    public var storageKey: String {
        switch self {
        case .basicPolicy: "basic_policy"
        case .rule(let chapter): "rule." + chapter
        }
    }

    public init?(storageKey: String) {
        if storageKey == "basic_policy" { self = .basicPolicy; return }
        guard storageKey.hasPrefix("rule."), storageKey.count > 5 else { return nil }
        self = .rule(chapter: String(storageKey.dropFirst(5)))
    }

    /// Only the basic policy is published (SECURITY ACTION two stars asks for it); rules are
    /// internal and end at approval (adoption).
    public var isPublishable: Bool { self == .basicPolicy }
}

/// The life of one version: draft → approved (owner) → published (basic policy only). A
/// version that left the draft state never changes its text again; editing starts a new draft.
/// When a newer version is published, the older one becomes superseded.
public enum PolicyStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case draft
    case approved
    case published
    case superseded
    case discarded

    public var isEditable: Bool { self == .draft }

    public enum Refusal: Error, Sendable, Equatable {
        /// Only the owner approves or publishes.
        case ownerOnly
        /// The version is not in the state the step needs (e.g. publishing a draft).
        case wrongState(PolicyStatus)
        /// Rules are adopted by approval; they have no public page.
        case notPublishable
    }

    /// The status after `step`, or why the step is refused. `isOwner` is the actor's role.
    public func after(_ step: PolicyStep, isOwner: Bool, kind: PolicyDocumentKind) -> Result<PolicyStatus, Refusal> {
        switch step {
        case .approve:
            guard isOwner else { return .failure(.ownerOnly) }
            guard self == .draft else { return .failure(.wrongState(self)) }
            return .success(.approved)
        case .publish:
            guard kind.isPublishable else { return .failure(.notPublishable) }
            guard isOwner else { return .failure(.ownerOnly) }
            // Publishing again (a new slug) is allowed for the version already public.
            guard self == .approved || self == .published else { return .failure(.wrongState(self)) }
            return .success(.published)
        case .discard:
            guard self == .draft else { return .failure(.wrongState(self)) }
            return .success(.discarded)
        }
    }
}

public enum PolicyStep: String, Sendable, CaseIterable {
    case approve
    case publish
    case discard
}

/// Where the organization's basic policy stands, for SECURITY ACTION two stars and the
/// program's deliverable ①: each stage says which step is still missing.
public enum PolicyStage: String, Sendable, CaseIterable, Comparable {
    case none
    case draft
    case approved
    case published

    public static func < (lhs: PolicyStage, rhs: PolicyStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The furthest stage any of the versions reached.
    public static func of(_ statuses: [PolicyStatus]) -> PolicyStage {
        statuses.reduce(.none) { stage, status in
            let reached: PolicyStage = switch status {
            case .draft: .draft
            case .approved: .approved
            case .published: .published
            // A superseded version was published once, but what counts is what is public now.
            case .superseded, .discarded: .none
            }
            return max(stage, reached)
        }
    }
}

/// One section of a policy or rule text. `id` stays with the section when it is moved or
/// edited, so comments keep pointing at it.
public struct PolicySection: Sendable, Codable, Hashable {
    public var id: String
    public var heading: String
    public var body: String

    public init(id: String, heading: String, body: String) {
        self.id = id
        self.heading = heading
        self.body = body
    }

    public static let maximumHeading = 200
    public static let maximumBody = 20_000
    public static let maximumCount = 50

    /// Checks typed sections: at least one, at most 50, each with a heading; text within the
    /// limits. Field names are `sections.N.heading` / `sections.N.body` (N from 1).
    public static func validate(_ sections: [(heading: String, body: String)]) -> Result<[(heading: String, body: String)], FieldProblems> {
        var problems = FieldProblems()
        if sections.isEmpty { problems.add("sections", .required) }
        if sections.count > maximumCount { problems.add("sections", .outOfRange(minimum: 1, maximum: Int64(maximumCount))) }
        var cleaned: [(heading: String, body: String)] = []
        for (index, section) in sections.enumerated() {
            let heading = section.heading.trimmingCharacters(in: .whitespacesAndNewlines)
            let body = section.body.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            let prefix = "sections.\(index + 1)."
            if heading.isEmpty { problems.add(prefix + "heading", .required) }
            else if heading.count > maximumHeading { problems.add(prefix + "heading", .tooLong(maximum: maximumHeading)) }
            if body.count > maximumBody { problems.add(prefix + "body", .tooLong(maximum: maximumBody)) }
            cleaned.append((heading, body))
        }
        return problems.isEmpty ? .success(cleaned) : .failure(problems)
    }
}

/// The address of the public policy page, `/p/<slug>`: chosen by the owner, 3–40 characters of
/// lowercase letters, digits and single hyphens inside, so it reads well and cannot be
/// mistaken for another path.
public enum PolicySlug {
    public static let minimumLength = 3
    public static let maximumLength = 40

    public static func validate(_ raw: String) -> Result<String, FieldProblem> {
        let slug = raw.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces).lowercased()
        if slug.isEmpty { return .failure(.required) }
        if slug.count < minimumLength { return .failure(.tooShort(minimum: minimumLength)) }
        if slug.count > maximumLength { return .failure(.tooLong(maximum: maximumLength)) }
        let allowed = slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return .failure(.invalidSlug) }
        return .success(slug)
    }
}
