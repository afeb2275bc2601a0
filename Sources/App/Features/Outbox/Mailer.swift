import Fluent
import Vapor

/// The one way messages reach people. Each message is stored in the outbox first; when
/// `BRIDGEWORK_SENDMAIL` names a sendmail-compatible program it is also handed to it.
/// Without a transport, coordinators read the outbox at /admin/outbox.
struct Mailer: Sendable {
    let settings: Settings
    let db: Database
    let threadPool: NIOThreadPool
    let logger: Logger

    /// Stores the message and, with a transport, delivers it. `secrets` (the tokens in one-off
    /// links) are struck from the stored copy once it is delivered, so the outbox never keeps a
    /// working link to someone's account longer than it must. Without a transport the outbox is
    /// how messages are read, so the links stay.
    @discardableResult
    func send(to recipient: String, subject: String, body: String, secrets: [String] = []) async throws -> OutboxMessage {
        let message = OutboxMessage(recipient: recipient, subject: subject, body: body)
        try await message.create(on: db)
        guard let sendmail = settings.sendmailPath else { return message }
        do {
            try await threadPool.runIfActive {
                try Self.pipe(message: Self.format(message, from: settings.mailFrom), to: sendmail)
            }
            message.sentAt = Date()
            message.body = secrets.reduce(message.body) { $0.replacingOccurrences(of: $1, with: "[removed once sent]") }
        } catch {
            // The person's action still succeeds; the failure is kept beside the message for coordinators.
            logger.warning("sendmail failed for an outbox message: \(error)")
            message.failure = "The mail program could not send this message: \(error)"
        }
        try await message.save(on: db)
        return message
    }

    static func format(_ message: OutboxMessage, from: String) -> String {
        let date = DateFormatter.rfc5322.string(from: message.createdAt ?? Date())
        return [
            "From: \(from)",
            "To: \(sanitiseHeader(message.recipient))",
            "Subject: \(sanitiseHeader(message.subject))",
            "Date: \(date)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            message.body,
        ].joined(separator: "\r\n")
    }

    /// Header values never carry line breaks, so nobody can add headers of their own.
    static func sanitiseHeader(_ value: String) -> String {
        value.components(separatedBy: .newlines).joined(separator: " ")
    }

    private static func pipe(message: String, to program: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(message.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Abort(.internalServerError, reason: "exit status \(process.terminationStatus)")
        }
    }
}

extension DateFormatter {
    static let rfc5322: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}

extension Request {
    var mailer: Mailer {
        Mailer(settings: settings, db: db, threadPool: application.threadPool, logger: logger)
    }
}
