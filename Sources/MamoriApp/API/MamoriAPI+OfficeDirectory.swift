import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The program office's directory page actions that had no operation yet: retiring, restoring
/// and verifying an entry, and working through the "outdated" reports. Office tokens only
/// (403 for any other, as `RequireRole` answers on the pages); unknown ids are 404.
extension MamoriAPI {
    /// The principal behind a program-office token, refused with the directory's own reason.
    private func directoryOffice() throws -> Principal {
        let principal = try APIContext.requirePrincipal()
        guard principal.isOfficeAdmin else { throw Refusal.notAllowed(L.Directory.officeOnly) }
        return principal
    }

    func retireDirectoryEntry(_ input: Operations.RetireDirectoryEntry.Input) async throws -> Operations.RetireDirectoryEntry.Output {
        let principal = try directoryOffice()
        try await DirectoryService(db: db).setRetired(input.path.entryId, true, by: principal, ip: nil)
        return .noContent(.init())
    }

    func restoreDirectoryEntry(_ input: Operations.RestoreDirectoryEntry.Input) async throws -> Operations.RestoreDirectoryEntry.Output {
        let principal = try directoryOffice()
        try await DirectoryService(db: db).setRetired(input.path.entryId, false, by: principal, ip: nil)
        return .noContent(.init())
    }

    func verifyDirectoryEntry(_ input: Operations.VerifyDirectoryEntry.Input) async throws -> Operations.VerifyDirectoryEntry.Output {
        let principal = try directoryOffice()
        try await DirectoryService(db: db).verify(input.path.entryId, by: principal, ip: nil)
        return .noContent(.init())
    }

    func listDirectoryReports(_ input: Operations.ListDirectoryReports.Input) async throws -> Operations.ListDirectoryReports.Output {
        _ = try directoryOffice()
        let page = try await DirectoryService(db: db).openReports(page: try Self.pageRequest(input.query.page, input.query.per))
        let items = page.items.map { report in
            Components.Schemas.DirectoryReport(id: report.id?.uuidString ?? "", entryId: report.entryID, note: report.note,
                                               reportedBy: report.reportedByName, createdAt: report.createdAt ?? Date(timeIntervalSince1970: 0))
        }
        return .ok(.init(body: .json(.init(items: items, metadata: .init(page.metadata)))))
    }

    func resolveDirectoryReport(_ input: Operations.ResolveDirectoryReport.Input) async throws -> Operations.ResolveDirectoryReport.Output {
        let principal = try directoryOffice()
        try await DirectoryService(db: db).resolve(UUID(uuidString: input.path.reportId), by: principal, ip: nil)
        return .noContent(.init())
    }
}
