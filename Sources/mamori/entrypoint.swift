import Foundation
import Logging
import MamoriApp
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        var failed = false
        do {
            try await configure(app)
            app.registerMamoriCommands()
            let command = env.arguments.dropFirst().first
            if command == nil || command == "serve" {
                try await app.prepareToServe()
            }
            try await app.execute()
        } catch {
            // Commands report their own problems; a failure ends with status 1, not a crash.
            app.logger.error("\(String(describing: error))")
            failed = true
        }
        try await app.asyncShutdown()
        if failed { exit(1) }
    }
}
