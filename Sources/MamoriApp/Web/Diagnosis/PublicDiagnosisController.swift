import Fluent
import Foundation
import MamoriCore
import Vapor

/// The public self-diagnosis: answer, see the result, keep it through sign-up.
struct PublicDiagnosisController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.selfDiagnosis.route, use: form)
        routes.post(SiteURL.selfDiagnosis.route, use: score)
        routes.get(SiteURL.selfDiagnosisResult().route, use: result)
    }

    @Sendable func form(req: Request) async throws -> Response {
        // "Change the answers" comes back with the previous answers selected.
        let previous = req.pendingDiagnosis.map { answers in
            Dictionary(uniqueKeysWithValues: DiagnosisAnswers.itemNumbers.map { ($0, answers[$0]) })
        } ?? [:]
        return Layout.response(DiagnosisFormPage.render(answers: previous, missing: [], context: req.pageContext()))
    }

    /// Form fields are `a1`…`a25`. An incomplete form comes back with the answers kept.
    @Sendable func score(req: Request) async throws -> Response {
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var chosen: [Int: DiagnosisAnswer] = [:]
        for number in DiagnosisAnswers.itemNumbers {
            if let raw = fields["a\(number)"], let answer = DiagnosisAnswer(rawValue: raw) { chosen[number] = answer }
        }
        guard let answers = DiagnosisAnswers(answers: chosen) else {
            let missing = Set(DiagnosisAnswers.itemNumbers).subtracting(chosen.keys)
            return Layout.response(DiagnosisFormPage.render(answers: chosen, missing: missing, context: req.pageContext()),
                                   status: .unprocessableEntity)
        }
        req.pendingDiagnosis = answers
        return req.redirect(to: .selfDiagnosisResult())
    }

    @Sendable func result(req: Request) async throws -> Response {
        guard let answers = req.pendingDiagnosis else {
            return Layout.response(MessagePage.render(title: L.Diagnosis.resultTitle, message: L.Diagnosis.resultExpired, context: req.pageContext()), status: .notFound)
        }
        let printable = req.query[String.self, at: "print"] == "1"
        return Layout.response(DiagnosisResultPage.render(result: DiagnosisResult(answers), saveForm: nil, context: req.pageContext(), printable: printable))
    }
}

extension Request {
    private static let pendingDiagnosisKey = "diagnosis"

    /// Answers of the public form, kept in the session until they are saved to an organization
    /// (directly, or after signing up), so nothing typed is lost.
    var pendingDiagnosis: DiagnosisAnswers? {
        get {
            guard hasSession, let raw = session.data[Self.pendingDiagnosisKey],
                  let dictionary = try? JSONDecoder().decode([String: String].self, from: Data(raw.utf8)) else { return nil }
            return try? DiagnosisAnswers.parse(dictionary).get()
        }
        set {
            session.data[Self.pendingDiagnosisKey] = newValue.flatMap { answers in
                (try? JSONEncoder.sorted.encode(answers.dictionary)).map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }
}
