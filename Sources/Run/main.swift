import App
import Vapor

let settings = Settings.fromEnvironment()
// Logs go to standard error, so standard output carries only what a command prints
// (such as the token from `create-token`) and can be captured by scripts.
LoggingSystem.bootstrap { label in
    if settings.logsAsJSON {
        return JSONLogHandler(label: label, logLevel: settings.logLevel)
    }
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = settings.logLevel
    return handler
}
let app = try await Application.make(try Environment.detect())
do {
    try await configure(app, settings: settings)
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
do {
    try await app.execute()
} catch let status as ExitStatus {
    try? await app.asyncShutdown()
    exit(status.code)
} catch {
    // Vapor has already reported the command's error.
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
