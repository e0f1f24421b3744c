import Foundation
import Vapor

/// Every setting Mamori reads from the environment, in one place (the README's configuration
/// table lists the same names).
struct AppSettings: Sendable {
    /// Folder for the embedded SQLite database (`MAMORI_DATA_DIR`, default `./data`).
    var dataDirectory: String
    /// `DATABASE_URL=postgres://…` switches from SQLite to PostgreSQL.
    var databaseURL: String?
    /// The address people reach Mamori at (`MAMORI_PUBLIC_URL`); used for links shown to copy
    /// and to decide whether cookies are `Secure`.
    var publicURL: String
    /// Minutes of inactivity after which a session ends (`MAMORI_SESSION_IDLE_MINUTES`).
    var sessionIdleMinutes: Int
    /// Bcrypt cost (`MAMORI_BCRYPT_COST`, default 12; tests use the minimum to stay fast).
    var bcryptCost: Int
    /// Largest file accepted as an upload, in MiB (`MAMORI_MAX_UPLOAD_MB`, default 25).
    var maxUploadMegabytes: Int
    var hostname: String
    var port: Int
    /// Whether `mamori serve` sends reminders itself (`MAMORI_REMINDERS`, default on; `off`
    /// leaves it to `mamori remind` run by cron).
    var remindersInServe: Bool = true
    /// Webhooks may post to plain HTTP and private or loopback addresses
    /// (`MAMORI_WEBHOOK_ALLOW_PRIVATE=1`): for tests and closed networks only.
    var webhooksAllowPrivateTargets: Bool = false

    var maxUploadBytes: Int { maxUploadMegabytes * 1024 * 1024 }

    /// `arguments` are the command line: `serve --port 8111` (or `--hostname`, `--bind host:port`)
    /// overrides `MAMORI_HOST`/`MAMORI_PORT`, so that links shown to copy point where the
    /// server actually listens when `MAMORI_PUBLIC_URL` is not set.
    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment,
                                arguments: [String] = []) -> AppSettings {
        let served = ServeAddress(arguments: arguments)
        let hostname = served.hostname ?? env["MAMORI_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        let port = served.port ?? env["MAMORI_PORT"].flatMap(Int.init) ?? 8080
        // An address that listens everywhere is not one a browser can be sent to.
        let linkHost = ["0.0.0.0", "::", "[::]"].contains(hostname) ? "127.0.0.1" : hostname
        return AppSettings(
            dataDirectory: env["MAMORI_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data",
            databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            publicURL: env["MAMORI_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://\(linkHost):\(port)",
            sessionIdleMinutes: env["MAMORI_SESSION_IDLE_MINUTES"].flatMap(Int.init).map { max(1, $0) } ?? 60,
            bcryptCost: env["MAMORI_BCRYPT_COST"].flatMap(Int.init).map { min(max($0, 4), 31) } ?? 12,
            maxUploadMegabytes: env["MAMORI_MAX_UPLOAD_MB"].flatMap(Int.init).map { min(max($0, 1), 1024) } ?? 25,
            hostname: hostname,
            port: port,
            remindersInServe: env["MAMORI_REMINDERS"].map { !["off", "0", "false", "no"].contains($0.lowercased()) } ?? true,
            webhooksAllowPrivateTargets: env["MAMORI_WEBHOOK_ALLOW_PRIVATE"].map { ["1", "true", "yes", "on"].contains($0.lowercased()) } ?? false
        )
    }

    var usesHTTPS: Bool { publicURL.lowercased().hasPrefix("https://") }

    /// Scheme, host and port of `publicURL`, for the same-origin check.
    var publicOrigin: String {
        guard let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host else { return publicURL }
        return url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// A link people copy (invitations, the setup page): always absolute.
    func absoluteLink(_ path: String) -> String {
        publicURL.hasSuffix("/") ? String(publicURL.dropLast()) + path : publicURL + path
    }
}

/// The host and port given to Vapor's `serve` command (`-H/--hostname`, `-p/--port`,
/// `-b/--bind host:port`, each as `--flag value` or `--flag=value`).
struct ServeAddress: Equatable {
    var hostname: String?
    var port: Int?

    init(hostname: String? = nil, port: Int? = nil) {
        self.hostname = hostname
        self.port = port
    }

    /// Reads the options after `serve` (`arguments[0]` is the program); other commands have
    /// options of the same names that mean something else.
    init(arguments: [String]) {
        guard arguments.count > 1, arguments[1] == "serve" else { return }
        let arguments = Array(arguments.dropFirst(2))
        var values: [String: String] = [:]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("-") {
                values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
            } else if argument.hasPrefix("-"), arguments.index(after: index) < arguments.endIndex {
                index = arguments.index(after: index)
                values[argument] = arguments[index]
            }
            index = arguments.index(after: index)
        }
        if let bind = values["--bind"] ?? values["-b"], let colon = bind.lastIndex(of: ":") {
            hostname = String(bind[..<colon])
            port = Int(bind[bind.index(after: colon)...])
        }
        if let host = values["--hostname"] ?? values["-H"] { hostname = host }
        if let given = (values["--port"] ?? values["-p"]).flatMap(Int.init) { port = given }
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AppSettings }

    var settings: AppSettings {
        get { storage[SettingsKey.self] ?? .fromEnvironment(arguments: environment.arguments) }
        set { storage[SettingsKey.self] = newValue }
    }
}
