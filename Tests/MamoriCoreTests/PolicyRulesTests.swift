import Foundation
import Testing
@testable import MamoriCore

@Suite("Basic policy workflow")
struct PolicyWorkflowTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let status: PolicyStatus
        let step: PolicyStep
        let isOwner: Bool
        let kind: PolicyDocumentKind
        let expected: Result<PolicyStatus, PolicyStatus.Refusal>
        var testDescription: String { "\(status.rawValue) → \(step.rawValue) by \(isOwner ? "owner" : "member") on \(kind.storageKey)" }
    }

    static let telework = PolicyDocumentKind.rule(chapter: "telework")

    static let cases: [Case] = [
        // Only the owner approves or publishes.
        Case(status: .draft, step: .approve, isOwner: false, kind: .basicPolicy, expected: .failure(.ownerOnly)),
        Case(status: .draft, step: .approve, isOwner: false, kind: telework, expected: .failure(.ownerOnly)),
        Case(status: .approved, step: .publish, isOwner: false, kind: .basicPolicy, expected: .failure(.ownerOnly)),
        Case(status: .draft, step: .publish, isOwner: false, kind: .basicPolicy, expected: .failure(.ownerOnly)),
        // The happy path.
        Case(status: .draft, step: .approve, isOwner: true, kind: .basicPolicy, expected: .success(.approved)),
        Case(status: .draft, step: .approve, isOwner: true, kind: telework, expected: .success(.approved)),
        Case(status: .approved, step: .publish, isOwner: true, kind: .basicPolicy, expected: .success(.published)),
        // Publishing again (a new address) is allowed for the version already public.
        Case(status: .published, step: .publish, isOwner: true, kind: .basicPolicy, expected: .success(.published)),
        // Steps out of order.
        Case(status: .draft, step: .publish, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.draft))),
        Case(status: .approved, step: .approve, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.approved))),
        Case(status: .published, step: .approve, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.published))),
        Case(status: .superseded, step: .approve, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.superseded))),
        Case(status: .superseded, step: .publish, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.superseded))),
        Case(status: .discarded, step: .approve, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.discarded))),
        Case(status: .discarded, step: .publish, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.discarded))),
        // Only drafts are discarded.
        Case(status: .draft, step: .discard, isOwner: true, kind: .basicPolicy, expected: .success(.discarded)),
        Case(status: .draft, step: .discard, isOwner: false, kind: .basicPolicy, expected: .success(.discarded)),
        Case(status: .draft, step: .discard, isOwner: true, kind: telework, expected: .success(.discarded)),
        Case(status: .approved, step: .discard, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.approved))),
        Case(status: .published, step: .discard, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.published))),
        Case(status: .superseded, step: .discard, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.superseded))),
        Case(status: .discarded, step: .discard, isOwner: true, kind: .basicPolicy, expected: .failure(.wrongState(.discarded))),
        // Rules are adopted by approval and never published.
        Case(status: .approved, step: .publish, isOwner: true, kind: telework, expected: .failure(.notPublishable)),
        Case(status: .approved, step: .publish, isOwner: false, kind: telework, expected: .failure(.notPublishable)),
        Case(status: .draft, step: .publish, isOwner: true, kind: telework, expected: .failure(.notPublishable)),
    ]

    @Test("the status after each step, or why the step is refused", arguments: cases)
    func after(_ example: Case) {
        #expect(example.status.after(example.step, isOwner: example.isOwner, kind: example.kind) == example.expected)
    }

    @Test("only a draft is editable")
    func editable() {
        #expect(PolicyStatus.allCases.filter(\.isEditable) == [.draft])
    }

    static let storageKeys: [(String, PolicyDocumentKind?)] = [
        ("basic_policy", .basicPolicy),
        ("rule.telework", .rule(chapter: "telework")),
        ("rule.personal_data", .rule(chapter: "personal_data")),
        ("rule.", nil),
        ("policy", nil),
        ("", nil),
    ]

    @Test("document kinds are stored as basic_policy or rule.<chapter>", arguments: storageKeys)
    func storage(key: String, kind: PolicyDocumentKind?) {
        #expect(PolicyDocumentKind(storageKey: key) == kind)
        if let kind { #expect(kind.storageKey == key) }
    }

    @Test("only the basic policy is publishable")
    func publishable() {
        #expect(PolicyDocumentKind.basicPolicy.isPublishable)
        #expect(!PolicyDocumentKind.rule(chapter: "telework").isPublishable)
    }
}

@Suite("Basic policy stage")
struct PolicyStageTests {
    static let cases: [([PolicyStatus], PolicyStage)] = [
        ([], PolicyStage.none),
        ([.draft], .draft),
        ([.draft, .approved], .approved),
        ([.superseded, .draft], .draft),
        ([.published, .draft], .published),
        ([.superseded, .published, .draft], .published),
        ([.superseded], PolicyStage.none),
        ([.discarded], PolicyStage.none),
        ([.discarded, .superseded], PolicyStage.none),
        ([.approved, .discarded], .approved),
    ]

    @Test("the furthest stage any version reached; superseded and discarded count for nothing", arguments: cases)
    func stage(statuses: [PolicyStatus], stage: PolicyStage) {
        #expect(PolicyStage.of(statuses) == stage)
    }

    @Test("stages are ordered none < draft < approved < published")
    func order() {
        #expect(PolicyStage.none < .draft && PolicyStage.draft < .approved && PolicyStage.approved < .published)
        #expect(PolicyStage.allCases.sorted() == [.none, .draft, .approved, .published])
    }
}

@Suite("Public policy address")
struct PolicySlugTests {
    @Test("valid addresses, normalized to lowercase ASCII", arguments: [
        ("yamada-shoji", "yamada-shoji"),
        ("abc", "abc"),
        (String(repeating: "a", count: 40), String(repeating: "a", count: 40)),
        ("ABC", "abc"),
        ("ＡＢＣ", "abc"),
        ("  abc  ", "abc"),
        ("shop-2026", "shop-2026"),
    ])
    func valid(raw: String, slug: String) {
        #expect(PolicySlug.validate(raw) == .success(slug))
    }

    @Test("invalid addresses say why", arguments: [
        ("", FieldProblem.required),
        ("   ", .required),
        ("ab", .tooShort(minimum: 3)),
        (String(repeating: "a", count: 41), .tooLong(maximum: 40)),
        ("-abc", .invalidSlug),
        ("abc-", .invalidSlug),
        ("a--b", .invalidSlug),
        ("a_b", .invalidSlug),
        ("日本語", .invalidSlug),
        ("a b", .invalidSlug),
        ("a/b", .invalidSlug),
    ])
    func invalid(raw: String, problem: FieldProblem) {
        #expect(PolicySlug.validate(raw) == .failure(problem))
    }
}

@Suite("Policy sections")
struct PolicySectionTests {
    func problems(_ sections: [(heading: String, body: String)]) -> FieldProblems? {
        guard case .failure(let problems) = PolicySection.validate(sections) else { return nil }
        return problems
    }

    @Test("an empty document is refused")
    func empty() throws {
        let found = try #require(problems([]))
        #expect(found["sections"] == .required)
    }

    @Test("a section without a heading names its field, counting from 1")
    func emptyHeading() throws {
        let first = try #require(problems([(heading: "", body: "本文")]))
        #expect(first["sections.1.heading"] == .required)
        let second = try #require(problems([(heading: "目的", body: "本文"), (heading: "   ", body: "本文")]))
        #expect(second["sections.2.heading"] == .required)
        #expect(second["sections.1.heading"] == nil)
    }

    @Test("headings up to 200 and bodies up to 20,000 characters")
    func lengths() throws {
        #expect(problems([(heading: String(repeating: "あ", count: 200), body: String(repeating: "い", count: 20_000))]) == nil)
        let heading = try #require(problems([(heading: String(repeating: "あ", count: 201), body: "本文")]))
        #expect(heading["sections.1.heading"] == .tooLong(maximum: 200))
        let body = try #require(problems([(heading: "目的", body: String(repeating: "い", count: 20_001))]))
        #expect(body["sections.1.body"] == .tooLong(maximum: 20_000))
    }

    @Test("line ends are normalized and text is trimmed")
    func normalized() throws {
        guard case .success(let cleaned) = PolicySection.validate([(heading: "  目的 ", body: "一行目\r\n二行目\r\n")]) else {
            Issue.record("expected success")
            return
        }
        try #require(cleaned.count == 1)
        #expect(cleaned[0].heading == "目的")
        #expect(cleaned[0].body == "一行目\n二行目")
    }

    @Test("at most 50 sections")
    func count() throws {
        let fifty = Array(repeating: (heading: "見出し", body: "本文"), count: 50)
        #expect(problems(fifty) == nil)
        let found = try #require(problems(fifty + [(heading: "見出し", body: "本文")]))
        #expect(found["sections"] == .outOfRange(minimum: 1, maximum: 50))
    }
}

@Suite("Line-by-line comparison")
struct LineDiffTests {
    @Test("identical texts are the same line by line")
    func identical() {
        let rows = LineDiff.sideBySide(["a", "b", "c"], ["a", "b", "c"])
        #expect(rows.map(\.kind) == [.same, .same, .same])
        #expect(rows.map(\.leftNumber) == [1, 2, 3])
        #expect(rows.map(\.rightNumber) == [1, 2, 3])
    }

    @Test("one line changed in the middle stands side by side")
    func changed() throws {
        let rows = LineDiff.sideBySide(["a", "b", "c"], ["a", "x", "c"])
        #expect(rows.map(\.kind) == [.same, .changed, .same])
        let change = try #require(rows.first { $0.kind == .changed })
        #expect(change.left == "b" && change.right == "x")
        #expect(change.leftNumber == 2 && change.rightNumber == 2)
    }

    @Test("a line added at the end has nothing on the left")
    func added() throws {
        let rows = LineDiff.sideBySide(["a", "b"], ["a", "b", "c"])
        #expect(rows.map(\.kind) == [.same, .same, .added])
        let last = try #require(rows.last)
        #expect(last.left == nil && last.leftNumber == nil)
        #expect(last.right == "c" && last.rightNumber == 3)
    }

    @Test("a line removed at the start has nothing on the right")
    func removed() throws {
        let rows = LineDiff.sideBySide(["a", "b", "c"], ["b", "c"])
        #expect(rows.map(\.kind) == [.removed, .same, .same])
        let first = try #require(rows.first)
        #expect(first.left == "a" && first.leftNumber == 1)
        #expect(first.right == nil && first.rightNumber == nil)
    }

    @Test("two empty texts have no rows")
    func empty() {
        #expect(LineDiff.sideBySide([], []).isEmpty)
    }

    @Test("a document becomes lines with each heading marked first")
    func lines() {
        let sections = [PolicySection(id: "a", heading: "目的", body: "一行目\n二行目"), PolicySection(id: "b", heading: "範囲", body: "全社")]
        #expect(LineDiff.lines(of: sections) == ["■ 目的", "一行目", "二行目", "■ 範囲", "全社"])
    }
}

@Suite("Policy template and related rules content")
struct PolicyContentTests {
    @Test("twelve chapters numbered 1…12 with unique keys")
    func chapters() {
        let chapters = PolicyContent.bundled.chapters
        #expect(chapters.count == 12)
        #expect(chapters.map(\.number) == Array(1...12))
        #expect(Set(chapters.map(\.key)).count == 12)
        #expect(chapters.map(\.key).contains("telework"))
        #expect(chapters.map(\.key).contains("personal_data"))
        #expect(PolicyContent.bundled.chapter("telework")?.number == 12)
        #expect(PolicyContent.bundled.chapter("nonsense") == nil)
        for chapter in chapters {
            #expect(!chapter.title.ja.isEmpty && !chapter.title.en.isEmpty, "\(chapter.key)")
            #expect(!chapter.draft.isEmpty, "\(chapter.key)")
            for article in chapter.draft {
                #expect(!article.heading.ja.isEmpty && !article.heading.en.isEmpty, "\(chapter.key)")
                #expect(!article.body.ja.isEmpty && !article.body.en.isEmpty, "\(chapter.key)")
            }
        }
    }

    @Test("the policy template has sections with text in both languages")
    func template() {
        let policy = PolicyContent.bundled.policy
        #expect(!policy.sections.isEmpty)
        #expect(!policy.asOf.isEmpty)
        #expect(!policy.title.ja.isEmpty && !policy.title.en.isEmpty)
        #expect(Set(policy.sections.map(\.key)).count == policy.sections.count)
        for section in policy.sections {
            #expect(!section.heading.ja.isEmpty && !section.heading.en.isEmpty, "\(section.key)")
            #expect(!section.body.ja.isEmpty && !section.body.en.isEmpty, "\(section.key)")
        }
    }

    static let facts = PolicyContent.Facts(organization: "山田商事株式会社", representative: "山田 太郎", date: "令和8年4月1日")

    @Test("fill replaces the organization, the representative and the date")
    func fill() {
        let filled = PolicyContent.fill("{{organization}}は{{date}}に定める。代表者 {{representative}}。{{organization}}", with: Self.facts)
        #expect(filled == "山田商事株式会社は令和8年4月1日に定める。代表者 山田 太郎。山田商事株式会社")
        #expect(PolicyContent.fill("変わらない", with: Self.facts) == "変わらない")
    }

    @Test("the policy draft is filled in, in each language", arguments: AppLocale.allCases)
    func policyDraft(locale: AppLocale) {
        let content = PolicyContent.bundled
        let draft = content.policyDraft(locale, facts: Self.facts)
        #expect(draft.count == content.policy.sections.count)
        let text = draft.map { $0.heading + "\n" + $0.body }.joined(separator: "\n")
        #expect(text.contains("山田商事株式会社"))
        #expect(text.contains("山田 太郎"))
        #expect(!text.contains("{{"))
        #expect(draft.first?.heading == content.policy.sections.first.map { $0.heading(locale) })
    }

    @Test("every chapter's rule draft is filled in")
    func ruleDrafts() {
        let content = PolicyContent.bundled
        for chapter in content.chapters {
            for locale in AppLocale.allCases {
                let draft = content.ruleDraft(chapter, locale, facts: Self.facts)
                #expect(draft.count == chapter.draft.count)
                #expect(!draft.contains { $0.heading.contains("{{") || $0.body.contains("{{") }, "\(chapter.key) \(locale.rawValue)")
            }
        }
    }

    static let urgencies: [(RuleCheckStatus, GapUrgency?)] = [
        (.ok, nil),
        (.missing, .medium),
        (.needsRevision, .low),
    ]

    @Test("rules check statuses become gaps: missing is more urgent than needs revision", arguments: urgencies)
    func gapUrgency(status: RuleCheckStatus, urgency: GapUrgency?) {
        #expect(status.gapUrgency == urgency)
    }

    @Test("rules check statuses are stored as ok, needs_revision and missing")
    func statusRawValues() {
        #expect(RuleCheckStatus.allCases.map(\.rawValue) == ["ok", "needs_revision", "missing"])
    }
}

@Suite("Gaps for the action plan")
struct GapTests {
    static func gap(_ origin: GapOrigin, _ key: String, _ urgency: GapUrgency) -> Gap {
        Gap(origin: origin, key: key, title: LocalizedText(ja: key, en: key), urgency: urgency)
    }

    @Test("most urgent first, then diagnosis before rules, then the order given")
    func prioritized() {
        let gaps = [
            Self.gap(.rules, "r-low", .low),
            Self.gap(.diagnosis, "d-low", .low),
            Self.gap(.rules, "r-medium-1", .medium),
            Self.gap(.diagnosis, "d-high", .high),
            Self.gap(.rules, "r-medium-2", .medium),
            Self.gap(.diagnosis, "d-medium", .medium),
            Self.gap(.rules, "r-high", .high),
        ]
        #expect(Gap.prioritized(gaps).map(\.key) == ["d-high", "r-high", "d-medium", "r-medium-1", "r-medium-2", "d-low", "r-low"])
        #expect(Gap.prioritized([]).isEmpty)
    }

    @Test("within one urgency and origin, the input order is kept")
    func stable() {
        let gaps = (1...6).map { Self.gap(.rules, "k\($0)", .medium) }
        #expect(Gap.prioritized(gaps).map(\.key) == gaps.map(\.key))
    }

    @Test("urgencies are ordered high < medium < low")
    func urgencyOrder() {
        #expect(GapUrgency.high < .medium && GapUrgency.medium < .low)
    }

    @Test("a diagnosis gap: not implemented or don't know in the basic part is high, elsewhere medium; partly is low", arguments: [
        (1, DiagnosisAnswer.notInPlace, GapUrgency.high),
        (1, .dontKnow, .high),
        (5, .notInPlace, .high),
        (3, .partly, .low),
        (10, .notInPlace, .medium),
        (20, .dontKnow, .medium),
        (10, .partly, .low),
        (25, .partly, .low),
    ])
    func diagnosisGap(item: Int, answer: DiagnosisAnswer, urgency: GapUrgency) {
        let topic = LocalizedText(ja: "項目", en: "Item")
        let gap = DiagnosisGap(item: item, answer: answer).asGap(topic: topic)
        #expect(gap.urgency == urgency)
        #expect(gap.origin == .diagnosis)
        #expect(gap.key == String(item))
        #expect(gap.title == topic)
    }
}

@Suite("SECURITY ACTION two stars and the policy stage")
struct PolicyReadinessTests {
    static let stages: [(PolicyStage, Bool)] = [
        (PolicyStage.none, false),
        (.draft, false),
        (.approved, false),
        (.published, true),
    ]

    @Test("two stars need the diagnosis and the basic policy published, not only approved", arguments: stages)
    func stage(stage: PolicyStage, ready: Bool) {
        let readiness = SecurityActionReadiness(checkedMeasures: [1, 2, 3, 4, 5], hasSelfDiagnosis: true, policyStage: stage, declaredStars: 1)
        #expect(readiness.policyStage == stage)
        #expect(readiness.twoStarsReady == ready)
        #expect(readiness.policyPublished == ready)
        #expect(readiness.met.contains(.policyPublished) == ready)
        let missing: [SecurityActionReadiness.Requirement] = ready ? [] : [.policyPublished]
        #expect(readiness.missingForNextStar == missing)
    }

    @Test("an approved policy without a diagnosis misses both")
    func approvedWithoutDiagnosis() {
        let readiness = SecurityActionReadiness(checkedMeasures: [], hasSelfDiagnosis: false, policyStage: .approved, declaredStars: 1)
        #expect(!readiness.twoStarsReady)
        #expect(readiness.missingForNextStar == [.selfDiagnosis, .policyPublished])
    }

    @Test("a published policy without a diagnosis is not yet two stars")
    func publishedWithoutDiagnosis() {
        let readiness = SecurityActionReadiness(checkedMeasures: [], hasSelfDiagnosis: false, policyStage: .published, declaredStars: 1)
        #expect(!readiness.twoStarsReady)
        #expect(readiness.missingForNextStar == [.selfDiagnosis])
    }

    @Test("the older initializer maps published to the published stage and not published to none")
    func legacyInitializer() {
        #expect(SecurityActionReadiness(checkedMeasures: [], hasSelfDiagnosis: true, policyPublished: true, declaredStars: nil).policyStage == .published)
        #expect(SecurityActionReadiness(checkedMeasures: [], hasSelfDiagnosis: true, policyPublished: false, declaredStars: nil).policyStage == PolicyStage.none)
    }
}
