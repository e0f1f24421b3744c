import Fluent
import Foundation
import MamoriCore
import Vapor

/// `mamori create-admin --email E [--name N]`: a program-office admin; password on stdin.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address of the new office admin") var email: String?
        @Option(name: "name", help: "Display name (default: the e-mail address)") var name: String?
    }

    var help: String { "Creates a program-office admin. The password is read from standard input." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let email = signature.email else { throw CommandFailure(message: "--email is required") }
        let password = readPassword(context, prompt: "Password: ")
        let service = SetupService(db: app.db, hasher: app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()))
        do {
            let user = try await service.createOfficeAdmin(
                .init(displayName: signature.name ?? email, email: email, password: password, passwordConfirmation: nil),
                locale: .ja, actorIP: nil)
            context.console.success("Created office admin \(user.email).")
        } catch let caught as any ExplainableError {
            let error = caught.explained
            throw reportInvalid(error, context)
        }
    }
}

/// `mamori create-org --name N --prefecture P --category C --employees K --owner-email E [--capital Y] [--owner-name N]`.
struct CreateOrganizationCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "Organization name") var name: String?
        @Option(name: "prefecture", help: "JIS code (13) or name (東京都)") var prefecture: String?
        @Option(name: "category", help: "Industry category key, e.g. retail") var category: String?
        @Option(name: "employees", help: "Regular employees") var employees: String?
        @Option(name: "capital", help: "Capital in yen (optional)") var capital: String?
        @Option(name: "owner-email", help: "E-mail address of the owner") var ownerEmail: String?
        @Option(name: "owner-name", help: "Owner's display name (default: the e-mail address)") var ownerName: String?
    }

    var help: String { "Creates an organization and its owner. The owner's password is read from standard input." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let profile = OrganizationProfile.validate(name: signature.name, prefecture: signature.prefecture, category: signature.category,
                                                   employees: signature.employees, capitalYen: signature.capital)
        var problems = FieldProblems()
        if case .failure(let found) = profile { for entry in found.entries { problems.add(entry.field, entry.problem) } }
        let password = readPassword(context, prompt: "Owner password: ")
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        let accounts = AccountService(db: app.db, hasher: hasher)
        let person = try await accounts.validate(.init(displayName: signature.ownerName ?? signature.ownerEmail, email: signature.ownerEmail,
                                                       password: password, passwordConfirmation: nil), into: &problems)
        guard case .success(let valid) = profile, let person, problems.isEmpty else {
            throw reportInvalid(.invalid(problems), context)
        }
        let owner = try await accounts.signUp(profile: valid, owner: person, locale: .ja, ip: nil)
        context.console.success("Created \(valid.name) (\(owner.$organization.id!.uuidString)) with owner \(owner.email).")
    }
}

/// `mamori add-member --owner-email OWNER --email E --role member|owner [--name N]`: adds a
/// person to the owner's organization without an invitation; password on stdin.
struct AddMemberCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "owner-email", help: "E-mail address of an owner of the organization") var ownerEmail: String?
        @Option(name: "email", help: "E-mail address of the new member") var email: String?
        @Option(name: "role", help: "member or owner") var role: String?
        @Option(name: "name", help: "Display name (default: the e-mail address)") var name: String?
    }

    var help: String { "Adds a member or owner to an organization. The password is read from standard input." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let ownerEmail = signature.ownerEmail.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }), !ownerEmail.isEmpty else {
            throw CommandFailure(message: "--owner-email is required")
        }
        guard let owner = try await User.query(on: app.db).filter(\.$email == ownerEmail).filter(\.$role == .owner)
                .filter(\.$deactivatedAt == nil).with(\.$organization).first(),
              let organization = owner.organization else {
            throw CommandFailure(message: "no active owner with the address \(ownerEmail)")
        }
        guard let role = signature.role.flatMap(Role.init(rawValue:)), role == .member || role == .owner else {
            throw CommandFailure(message: "--role must be member or owner")
        }
        let password = readPassword(context, prompt: "Password: ")
        let accounts = AccountService(db: app.db, hasher: app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()))
        var problems = FieldProblems()
        guard let person = try await accounts.validate(.init(displayName: signature.name ?? signature.email, email: signature.email,
                                                             password: password, passwordConfirmation: nil), into: &problems) else {
            throw reportInvalid(.invalid(problems), context)
        }
        do {
            let user = try await accounts.addMember(to: organization, person: person, role: role, actor: .commandLine)
            context.console.success("Added \(user.email) as \(role.rawValue) of \(organization.name).")
        } catch let caught as any ExplainableError {
            let error = caught.explained
            throw reportInvalid(error, context)
        }
    }
}

/// `mamori create-token --email E --name N`: prints a new API token for scripts.
struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address of the user the token acts as") var email: String?
        @Option(name: "name", help: "What the token is for") var name: String?
    }

    var help: String { "Creates an API token for a user and prints it (shown only once)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let email = EmailAddress.normalize(signature.email ?? "")
        guard let user = try await User.query(on: app.db).filter(\.$email == email).filter(\.$deactivatedAt == nil).first() else {
            throw CommandFailure(message: "No active user with e-mail \(email).")
        }
        do {
            let (_, secret) = try await APITokenService(db: app.db).create(name: signature.name, for: user, actor: .commandLine)
            context.console.output(secret.consoleText())
        } catch let caught as any ExplainableError {
            let error = caught.explained
            throw reportInvalid(error, context)
        }
    }
}
