import Foundation
import MamoriCore

/// A version as pages show it: plain values, no database object.
struct PolicyVersionSummary: Sendable {
    let id: UUID
    let number: Int
    let kind: PolicyDocumentKind
    let status: PolicyStatus
    let locale: AppLocale
    let createdByName: String
    let createdAt: Date?
    let approvedByName: String?
    let approvedAt: Date?
    let publishedAt: Date?

    init(_ version: PolicyVersion) {
        id = version.id!
        number = version.number
        kind = version.kind
        status = version.policyStatus
        locale = version.locale
        createdByName = version.createdByName
        createdAt = version.createdAt
        approvedByName = version.approvedByName
        approvedAt = version.approvedAt
        publishedAt = version.publishedAt
    }

    init(id: UUID, number: Int, kind: PolicyDocumentKind, status: PolicyStatus, locale: AppLocale, createdByName: String,
         createdAt: Date?, approvedByName: String? = nil, approvedAt: Date? = nil, publishedAt: Date? = nil) {
        self.id = id
        self.number = number
        self.kind = kind
        self.status = status
        self.locale = locale
        self.createdByName = createdByName
        self.createdAt = createdAt
        self.approvedByName = approvedByName
        self.approvedAt = approvedAt
        self.publishedAt = publishedAt
    }

    static let mock = PolicyVersionSummary(id: UUID(), number: 2, kind: .basicPolicy, status: .draft, locale: .ja,
                                           createdByName: "山田 太郎", createdAt: Date(timeIntervalSince1970: 1_790_000_000))
}

struct PolicyCommentView: Sendable {
    let id: UUID
    let sectionID: String
    let authorName: String
    let byExpert: Bool
    let body: String
    let createdAt: Date?
    let resolvedAt: Date?
    let resolvedByName: String?

    init(_ comment: PolicyComment) {
        id = comment.id!
        sectionID = comment.sectionID
        authorName = comment.authorName
        byExpert = comment.authorRole == Role.expert.rawValue
        body = comment.body
        createdAt = comment.createdAt
        resolvedAt = comment.resolvedAt
        resolvedByName = comment.resolvedByName
    }

    init(id: UUID, sectionID: String, authorName: String, byExpert: Bool, body: String, createdAt: Date?,
         resolvedAt: Date? = nil, resolvedByName: String? = nil) {
        self.id = id
        self.sectionID = sectionID
        self.authorName = authorName
        self.byExpert = byExpert
        self.body = body
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.resolvedByName = resolvedByName
    }
}

extension PolicyDocumentKind {
    /// The document's name for headings: the basic policy or the rule chapter's title.
    var title: LocalizedText {
        switch self {
        case .basicPolicy: L.Policy.title
        case .rule(let chapter): PolicyContent.bundled.chapter(chapter)?.title ?? LocalizedText(ja: chapter, en: chapter)
        }
    }
}
