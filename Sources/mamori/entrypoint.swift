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
            let serving = command == nil || command == "serve"
            if serving {
                try await app.prepareToServe()
            }
            try await app.execute()
            if serving {
                // SIGTERM ended `execute`. Stop the HTTP server first: it refuses new connections and
                // waits for the requests in flight, which still need the database. (Vapor's own
                // shutdown closes the databases before the server; e2e/test_shutdown.py.)
                await app.server.shutdown()
            }
        } catch {
            // Commands report their own problems; a failure ends with status 1, not a crash.
            app.logger.error("\(String(describing: error))")
            failed = true
        }
        try await app.asyncShutdown()
        if failed { exit(1) }
    }
}
