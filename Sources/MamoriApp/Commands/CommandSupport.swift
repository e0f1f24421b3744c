import Foundation
import Vapor

/// Reads a password from standard input: hidden when typed at a terminal, one line when piped.
func readPassword(_ context: CommandContext, prompt: String) -> String {
    if isatty(STDIN_FILENO) == 1 {
        context.console.output(prompt.consoleText())
        return context.console.input(isSecure: true)
    }
    return readLine(strippingNewline: true) ?? ""
}

/// Prints every problem of a refused command input and fails.
func reportInvalid(_ error: MamoriError, _ context: CommandContext) -> any Error {
    context.console.error("Refused:")
    for field in error.fields { context.console.error("  \(field.name): \(field.message.en)") }
    return CommandFailure(message: "nothing was created")
}

struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
