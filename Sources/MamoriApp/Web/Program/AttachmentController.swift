import Fluent
import Foundation
import MamoriCore
import Vapor

/// Downloads a visit attachment for those who may see the visit: the company's members, the
/// assigned expert and the program office. Everyone else gets 404.
struct AttachmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.attachment(id: SiteURL.anyID).route, use: download)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let attachment = try await TenantScope.visitAttachment(req.uuidParameter("attachmentID"), for: try req.requirePrincipal(), on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        // Always a download, never rendered in the page's origin.
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"attachment\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-SHA256", value: attachment.sha256)
        return Response(status: .ok, headers: headers, body: .init(data: attachment.data))
    }
}
