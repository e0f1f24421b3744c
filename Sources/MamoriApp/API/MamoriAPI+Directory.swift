import Fluent
import Foundation
import MamoriCore
import OpenAPIRuntime

/// The help directory's entry operations: read (public), correct and add (program office),
/// report as outdated (any token).
extension MamoriAPI {
    func getDirectoryEntry(_ input: Operations.GetDirectoryEntry.Input) async throws -> Operations.GetDirectoryEntry.Output {
        let entry = try await DirectoryService(db: db).entry(input.path.entryId)
        return .ok(.init(body: .json(Self.dto(entry.contact, entry: entry))))
    }

    func correctDirectoryEntry(_ input: Operations.CorrectDirectoryEntry.Input) async throws -> Operations.CorrectDirectoryEntry.Output {
        let principal = try APIContext.requirePrincipal()
        guard principal.isOfficeAdmin else { throw Refusal.notAllowed(L.Directory.officeOnly) }
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let service = DirectoryService(db: db)
        _ = try await service.entry(input.path.entryId, includeRetired: true)
        let entry = try await service.correct(input.path.entryId, with: try Self.entryInput(body), by: principal, ip: nil)
        return .ok(.init(body: .json(Self.dto(entry.contact, entry: entry))))
    }

    func addDirectoryEntry(_ input: Operations.AddDirectoryEntry.Input) async throws -> Operations.AddDirectoryEntry.Output {
        let principal = try APIContext.requirePrincipal()
        guard principal.isOfficeAdmin else { throw Refusal.notAllowed(L.Directory.officeOnly) }
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let entry = try await DirectoryService(db: db).add(try Self.entryInput(body), by: principal, ip: nil)
        return .created(.init(body: .json(Self.dto(entry.contact, entry: entry))))
    }

    func reportDirectoryEntry(_ input: Operations.ReportDirectoryEntry.Input) async throws -> Operations.ReportDirectoryEntry.Output {
        let principal = try APIContext.requirePrincipal()
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        let report = try await DirectoryService(db: db).report(input.path.entryId, note: body.note, by: principal, ip: nil)
        return .created(.init(body: .json(.init(id: try report.requireID().uuidString, entryId: report.entryID))))
    }

    static func entryInput(_ body: Components.Schemas.DirectoryEntryInput) throws -> DirectoryService.EntryInput {
        let raw = DirectoryService.EntryInput.Raw(
            organizationJa: body.organization.ja, organizationEn: body.organization.en, nameJa: body.name.ja, nameEn: body.name.en,
            purposeJa: body.purpose.ja, purposeEn: body.purpose.en, category: body.category, phone: body.phone, email: body.email, url: body.url,
            hoursJa: body.hours?.ja, hoursEn: body.hours?.en, needs: body.needs ?? [], historical: body.historical ?? false)
        switch DirectoryService.EntryInput.parse(raw) {
        case .success(let input): return input
        case .failure(let problems): throw Refusal.invalid(problems)
        }
    }

    static func dto(_ contact: ContactDirectory.Contact, entry: DirectoryService.Entry?) -> Components.Schemas.DirectoryContact {
        let locale = APIContext.locale
        return .init(id: contact.id, organization: contact.organization(locale), name: contact.name(locale), purpose: contact.purpose(locale),
                     category: contact.category, phone: contact.phone, email: contact.email, hours: contact.hours.map { $0(locale) }, url: contact.url,
                     incidentKinds: contact.incidentKinds, sourceSeed: contact.sourceSeed, asOf: contact.asOf,
                     kind: .init(rawValue: contact.kind.rawValue), needs: contact.needs.map(\.rawValue), historical: contact.historical,
                     period: contact.period.map { $0(locale) }, firstAidCases: contact.firstAidCases, emailAsPrinted: contact.emailLooksWrong,
                     verifiedOn: entry?.verifiedOn, correctedFields: entry?.correction?.fields)
    }
}
