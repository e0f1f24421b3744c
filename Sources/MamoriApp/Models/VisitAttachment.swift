import Fluent
import Foundation

/// A file the expert attaches to a visit record (minutes, a draft policy…). Stored in the
/// database so that every instance serves it, with its SHA-256; never overwritten.
final class VisitAttachment: Model, @unchecked Sendable {
    static let schema = "visit_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "visit_id") var visit: ProgramVisit
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by_id") var uploadedByID: UUID
    @Timestamp(key: "uploaded_at", on: .create) var uploadedAt: Date?

    init() {}
}
