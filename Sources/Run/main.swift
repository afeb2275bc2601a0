import App
import Vapor

#if canImport(Glibc)
    import Glibc

    // glibc gives each thread that allocates its own heap arena, up to eight per core; with NIO's
    // event loops, its thread pool and Swift's executor threads that holds tens of megabytes that
    // are free but never returned. Two arenas keep the server's resident memory near what it uses.
    // `mallopt` is not in Swift's Glibc module, so it is looked up by name.
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        _ = unsafeBitCast(symbol, to: MallocOption.self)(arenaMaximum, 2)
    }
#endif

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
/// Stops the HTTP server first: it refuses new connections and lets requests in flight finish
/// (up to its 10-second limit) while the database is still open. Vapor's own shutdown would close
/// the database first, so a request in flight at SIGTERM would fail or crash the process.
func shutDown() async {
    await app.server.shutdown()
    try? await app.asyncShutdown()
}
do {
    try await app.execute()
} catch let status as ExitStatus {
    await shutDown()
    exit(status.code)
} catch {
    // Vapor has already reported the command's error.
    await shutDown()
    exit(1)
}
await shutDown()
