import Fluent
import Foundation
import MamoriCore
import Vapor

/// Sign-up, sign-in, passwords and profile. Web forms, the API and the command line all go
/// through here, so a rule holds the same everywhere.
struct AccountService {
    let db: any Database
    let hasher: AsyncPasswordHasher

    struct NewAccount {
        var displayName: String?
        var email: String?
        var password: String?
        var passwordConfirmation: String?
    }

    /// Validates the person part of a form; returns (name, email, NFC password) or every problem.
    func validate(_ input: NewAccount, into problems: inout FieldProblems) async throws -> (name: String, email: String, password: String)? {
        let name = (input.displayName ?? "").precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        TextLimit.check(name, "displayName", maximum: TextLimit.name, required: true, into: &problems)

        let email = EmailAddress.normalize(input.email ?? "")
        if email.isEmpty { problems.add("email", .required) }
        else if !EmailAddress.isValid(email) { problems.add("email", .invalidEmail) }
        else if try await User.query(on: db).filter(\.$email == email).first() != nil { problems.add("email", .alreadyTaken) }

        var password: String?
        switch PasswordPolicy.validate(input.password ?? "") {
        case .success(let normalized):
            password = normalized
            if let confirmation = input.passwordConfirmation, PasswordPolicy.normalize(confirmation) != normalized {
                problems.add("passwordConfirmation", .mismatch)
            }
        case .failure(.tooShort): problems.add("password", (input.password ?? "").isEmpty ? .required : .tooShort(minimum: PasswordPolicy.minimumCharacters))
        case .failure(.tooLong): problems.add("password", .tooManyBytes(maximum: PasswordPolicy.maximumBytes))
        }
        guard problems.isEmpty, let password else { return nil }
        return (name, email, password)
    }

    /// Creates an organization and its owner in one transaction.
    func signUp(profile: OrganizationProfile, owner: (name: String, email: String, password: String), locale: AppLocale, ip: String?) async throws -> User {
        let hash = try await hasher.hash(owner.password)
        return try await db.transaction { db in
            let organization = Organization(profile: profile)
            try await organization.create(on: db)
            let user = User(email: owner.email, passwordHash: hash, displayName: owner.name, role: .owner, organizationID: organization.id, locale: locale)
            do {
                try await user.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Two sign-ups with the same address at the same moment: the second one loses.
                var problems = FieldProblems()
                problems.add("email", .alreadyTaken)
                throw Refusal.invalid(problems)
            }
            let actor = AuditActor.user(user, ip: ip)
            try await AuditLog.record(.organizationCreated, by: actor, target: ("organization", organization.id),
                                      summary: LocalizedText(ja: "\(profile.name)（\(profile.prefecture.name.ja)、\(profile.category.name.ja)）",
                                                             en: "\(profile.name) (\(profile.prefecture.name.en), \(profile.category.name.en))"), on: db)
            try await AuditLog.record(.accountCreated, by: actor, target: ("user", user.id), summary: L.Accounts.roleSummary(.owner), on: db)
            return user
        }
    }

    /// A person added to an existing organization without an invitation (the `add-member`
    /// command, for operators and scripts).
    func addMember(to organization: Organization, person: (name: String, email: String, password: String), role: Role,
                   actor: AuditActor) async throws -> User {
        guard role.belongsToOrganization else {
            var problems = FieldProblems()
            problems.add("role", .unknownChoice)
            throw Refusal.invalid(problems)
        }
        let hash = try await hasher.hash(person.password)
        return try await db.transaction { db in
            let user = User(email: person.email, passwordHash: hash, displayName: person.name, role: role, organizationID: organization.id, locale: .ja)
            do {
                try await user.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                var problems = FieldProblems()
                problems.add("email", .alreadyTaken)
                throw Refusal.invalid(problems)
            }
            try await AuditLog.record(.accountCreated, by: actor, organizationID: organization.id, target: ("user", user.id),
                                      summary: L.Accounts.roleSummary(role), on: db)
            return user
        }
    }

    enum LoginOutcome {
        case success(User)
        case wrongCredentials
        case refused(until: Date)
    }

    /// Checks a password, applying the login throttle to the account name whether or not
    /// an account exists.
    func logIn(email rawEmail: String, password: String, ip: String?, now: Date = Date()) async throws -> LoginOutcome {
        let email = EmailAddress.normalize(rawEmail)
        let record = try await LoginThrottleRecord.query(on: db).filter(\.$accountKey == email).first()
            ?? LoginThrottleRecord(accountKey: email)
        var throttle = record.throttle
        let user = try await User.query(on: db).filter(\.$email == email).first()

        if let until = throttle.refusedUntil(at: now) {
            try await AuditLog.record(.loginRefused, by: AuditActor(userID: user?.id, email: email, organizationID: user?.$organization.id, ip: ip),
                                      target: ("user", user?.id), on: db)
            return .refused(until: until)
        }

        let matches: Bool
        if let user, user.isActive {
            matches = try await hasher.verify(PasswordPolicy.normalize(password), created: user.passwordHash)
        } else {
            // Spend the same time as a real check so response times do not reveal accounts.
            _ = try await hasher.hash("timing-equalizer")
            matches = false
        }

        if matches, let user {
            if !record.throttle.recentFailures.isEmpty || record.lockedUntil != nil {
                throttle.recordSuccess()
                record.throttle = throttle
                record.updatedAt = now
                try await record.save(on: db)
            }
            try await AuditLog.record(.loginSucceeded, by: .user(user, ip: ip), target: ("user", user.id), on: db)
            return .success(user)
        }

        throttle.recordFailure(at: now)
        record.throttle = throttle
        record.updatedAt = now
        try await record.save(on: db)
        try await AuditLog.record(.loginFailed, by: AuditActor(userID: user?.id, email: email, organizationID: user?.$organization.id, ip: ip),
                                  target: ("user", user?.id), on: db)
        if let until = throttle.refusedUntil(at: now) { return .refused(until: until) }
        return .wrongCredentials
    }

    func changePassword(of user: User, current: String, new: String, confirmation: String, ip: String?) async throws {
        var problems = FieldProblems()
        if !(try await hasher.verify(PasswordPolicy.normalize(current), created: user.passwordHash)) {
            problems.add("currentPassword", .incorrect)
        }
        var normalized: String?
        switch PasswordPolicy.validate(new) {
        case .success(let value):
            normalized = value
            if PasswordPolicy.normalize(confirmation) != value { problems.add("passwordConfirmation", .mismatch) }
        case .failure(.tooShort): problems.add("password", .tooShort(minimum: PasswordPolicy.minimumCharacters))
        case .failure(.tooLong): problems.add("password", .tooManyBytes(maximum: PasswordPolicy.maximumBytes))
        }
        guard problems.isEmpty, let normalized else { throw Refusal.invalid(problems) }
        user.passwordHash = try await hasher.hash(normalized)
        try await user.save(on: db)
        try await AuditLog.record(.passwordChanged, by: .user(user, ip: ip), target: ("user", user.id), on: db)
    }

    func changeProfile(of user: User, displayName: String?, locale: AppLocale?, ip: String?) async throws {
        var changes: [LocalizedText] = []
        if let displayName {
            let name = displayName.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
            var problems = FieldProblems()
            TextLimit.check(name, "displayName", maximum: TextLimit.name, required: true, into: &problems)
            guard problems.isEmpty else { throw Refusal.invalid(problems) }
            if name != user.displayName {
                changes.append(L.Audit.nameChanged(from: user.displayName, to: name))
                user.displayName = name
            }
        }
        if let locale, locale.rawValue != user.locale {
            changes.append(L.Audit.languageChanged(from: user.locale, to: locale))
            user.locale = locale.rawValue
        }
        guard !changes.isEmpty else { return }
        try await user.save(on: db)
        try await AuditLog.record(.profileChanged, by: .user(user, ip: ip), target: ("user", user.id), summary: LocalizedText(ja: changes.map(\.ja).joined(separator: "、"), en: changes.map(\.en).joined(separator: "; ")), on: db)
    }
}
