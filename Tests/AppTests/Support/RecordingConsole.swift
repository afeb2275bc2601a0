import ConsoleKit
import Vapor

/// A console that keeps what a command writes, split as a terminal would split it.
final class RecordingConsole: Console, @unchecked Sendable {
    var standardOutput = ""
    var standardError = ""
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (80, 24) }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        standardOutput += text.description + (newLine ? "\n" : "")
    }
    func report(error: String, newLine: Bool) {
        standardError += error + (newLine ? "\n" : "")
    }
    func clear(_ type: ConsoleClear) {}
}

extension Application {
    /// Runs one of our commands as `bridgework NAME ARGS…` would, returning what it printed.
    @discardableResult
    func run(_ command: any AsyncCommand, _ arguments: [String]) async throws -> RecordingConsole {
        let console = RecordingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["bridgework"] + arguments))
        context.application = self
        try await command.run(using: &context)
        return console
    }
}
