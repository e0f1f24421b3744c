/// How an applicant is constituted, as the program's application asks it: the eligibility
/// rules treat a sole proprietor by employees only and refuse a group without legal personality.
public enum LegalForm: String, Sendable, CaseIterable {
    case corporation
    case soleProprietor = "sole_proprietor"
    case group

    public var isSoleProprietor: Bool { self == .soleProprietor }
    public var hasLegalPersonality: Bool { self == .corporation }
}
