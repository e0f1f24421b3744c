import Foundation
import MamoriCore
import OpenAPIRuntime

/// The public notification-duty calculator.
extension MamoriAPI {
    /// ISO 8601 with an offset, with or without fractional seconds.
    static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    func computeNotificationDuties(_ input: Operations.ComputeNotificationDuties.Input) async throws -> Operations.ComputeNotificationDuties.Output {
        guard case .json(let body) = input.body else { throw MamoriError.badRequest(L.Common.errorBadRequestTitle) }
        var problems = FieldProblems()
        let kind = IncidentKind(rawValue: body.kind)
        if kind == nil { problems.add("kind", .unknownChoice) }
        let data = body.personalData
        let persons = data?.persons ?? 0
        if persons < 0 { problems.add("personalData.persons", .outOfRange(minimum: 0, maximum: Int64(Int32.max))) }
        if let delegated = body.ppcPowersDelegatedTo, delegated.count > TextLimit.name { problems.add("ppcPowersDelegatedTo", .tooLong(maximum: TextLimit.name)) }
        let awareAt = Self.instant(body.awareAt)
        if awareAt == nil { problems.add("awareAt", .invalidDateTime) }
        guard problems.isEmpty, let kind, let awareAt else { throw MamoriError.invalid(problems) }

        let facts = NotificationDuties.Facts(
            kind: kind, awareAt: awareAt,
            personalData: .init(involved: data?.involved ?? false, persons: persons, specialCare: data?.specialCare ?? false,
                                financialDamageRisk: data?.financialDamageRisk ?? false, wrongfulIntent: data?.wrongfulIntent ?? false,
                                protected: data?.protected ?? false),
            ransomware: body.ransomware ?? false, crimeSuspected: body.crimeSuspected ?? false, lostOrStolenOutside: body.lostOrStolenOutside ?? false,
            sectorLawRequiresReport: body.sectorLawRequiresReport ?? false, partnersAffected: body.partnersAffected ?? false,
            publicImpact: body.publicImpact ?? false, ppcPowersDelegatedTo: body.ppcPowersDelegatedTo)
        let result = NotificationDuties.compute(facts)
        let locale = APIContext.locale
        let aware = Day(awareAt)
        let directory = ContactDirectory.bundled
        let duties = result.duties.map { duty in
            let contact = duty.contactIDs.lazy.compactMap(directory.contact).first
            return Components.Schemas.Duty(
                recipient: .init(rawValue: duty.recipient.rawValue)!, action: .init(rawValue: duty.action.rawValue)!, required: duty.required,
                dueBy: duty.due?.day.description, dueComputation: duty.due.flatMap { $0.countedDays > 0 ? L.Incident.dueComputation($0, aware: aware)(locale) : nil },
                basis: L.Incident.basis(duty.basis)(locale), authority: duty.authority,
                contact: contact.map { .init(id: $0.id, organization: $0.organization(locale), name: $0.name(locale), phone: $0.phone, url: $0.url, asOf: $0.asOf) })
        }
        return .ok(.init(body: .json(.init(reportableToPPC: result.reportableToPPC,
                                           reportableReasons: result.reportableReasons.map { .init(rawValue: $0.rawValue)! },
                                           duties: duties))))
    }
}

extension MamoriAPI {
    func searchDirectory(_ input: Operations.SearchDirectory.Input) async throws -> Operations.SearchDirectory.Output {
        let directory = try await DirectoryService(db: db).directory()
        var problems = FieldProblems()
        if let category = input.query.category, !category.isEmpty, !directory.categories.contains(where: { $0.key == category }) {
            problems.add("category", .unknownChoice)
        }
        let need = input.query.need.flatMap { $0.isEmpty ? nil : $0 }
        if let need, DirectoryNeed(rawValue: need) == nil { problems.add("need", .unknownChoice) }
        guard problems.isEmpty else { throw MamoriError.invalid(problems) }
        let page = try Self.pageRequest(input.query.page, input.query.per)
        let results = directory.search(input.query.q.map { String($0.prefix(100)) }, category: input.query.category,
                                       need: need.flatMap(DirectoryNeed.init(rawValue:)))
        let items = results.dropFirst((page.page - 1) * page.per).prefix(page.per).map { Self.dto($0, entry: nil) }
        return .ok(.init(body: .json(.init(items: Array(items), metadata: .init(page: page.page, per: page.per, total: results.count),
                                           asOfNote: directory.asOfNote(APIContext.locale)))))
    }
}
