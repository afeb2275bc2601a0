import Fluent
import NIOConcurrencyHelpers
import Vapor

/// The one way messages reach people. Each message is stored in the outbox and delivered:
/// handed to the program `BRIDGEWORK_SENDMAIL` names or, without one, written as a file to the
/// mail folder (`BRIDGEWORK_MAIL_DIR`) for whoever runs the server.
///
/// `secrets` are the tokens in one-off links (sign in, confirm, reset, change an email). They
/// reach only the addressee: the stored copy, which coordinators read at /admin/outbox, never
/// holds them, whether or not delivery worked.
struct Mailer: Sendable {
    static let hiddenLink = "[link hidden: only the person it was sent to can use it]"

    let settings: Settings
    let db: Database
    let threadPool: NIOThreadPool
    let logger: Logger

    @discardableResult
    /// `headers` go on the delivered message only (such as `List-Unsubscribe`); they may hold secrets.
    func send(
        to recipient: String, subject: String, body: String, secrets: [String] = [], headers: [(String, String)] = []
    ) async throws -> OutboxMessage {
        let message = OutboxMessage(recipient: recipient, subject: subject, body: Self.hidingSecrets(secrets, in: body))
        try await message.create(on: db)
        let delivered = OutboxMessage(recipient: recipient, subject: subject, body: body)
        delivered.createdAt = message.createdAt
        let formatted = Self.format(delivered, from: settings.mailFrom, headers: headers)
        do {
            if let sendmail = settings.sendmailPath {
                try await threadPool.runIfActive { try Self.pipe(message: formatted, to: sendmail) }
            } else {
                let folder = settings.mailDirectory
                let name = Self.fileName(for: message)
                try await threadPool.runIfActive { try Self.write(message: formatted, named: name, into: folder) }
            }
            message.sentAt = Date()
        } catch {
            // The person's action still succeeds; the failure is kept beside the message for coordinators.
            logger.warning("an outbox message could not be delivered: \(error)")
            message.failure = "The message could not be delivered: \(error)"
        }
        try await message.save(on: db)
        return message
    }

    static func hidingSecrets(_ secrets: [String], in body: String) -> String {
        secrets.filter { !$0.isEmpty }.reduce(body) { text, secret in
            // The whole link goes, not just its token: a half-link is no use and looks broken.
            let lines = text.components(separatedBy: "\n").map { line -> String in
                guard line.contains(secret) else { return line }
                return line.split(separator: " ", omittingEmptySubsequences: false)
                    .map { $0.contains(secret) ? hiddenLink : String($0) }
                    .joined(separator: " ")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Orders messages written in the same millisecond by this process.
    private static let sequence = NIOLockedValueBox(0)

    /// Sortable by time, unique by id: `20261201T223301.123Z-000042-<id>.eml`.
    static func fileName(for message: OutboxMessage) -> String {
        let number = sequence.withLockedValue { value -> Int in
            value += 1
            return value
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        let padded =
            String(repeating: "0", count: max(0, 6 - String(number % 1_000_000).count)) + String(number % 1_000_000)
        return "\(formatter.string(from: Date()))-\(padded)-\(message.id?.uuidString ?? UUID().uuidString).eml"
    }

    private static func write(message: String, named name: String, into folder: String) throws {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = (folder as NSString).appendingPathComponent(name)
        // Written beside, then moved, so a reader never sees half a message.
        let partial = path + ".part"
        guard
            FileManager.default.createFile(
                atPath: partial, contents: Data(message.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw Abort(.internalServerError, reason: "the mail folder \(folder) cannot be written")
        }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    static func format(_ message: OutboxMessage, from: String, headers: [(String, String)] = []) -> String {
        let date = DateFormatter.rfc5322.string(from: message.createdAt ?? Date())
        let extra = headers.map { "\(sanitiseHeader($0.0)): \(sanitiseHeader($0.1))" }
        return
            ([
                "From: \(from)",
                "To: \(sanitiseHeader(message.recipient))",
                "Subject: \(sanitiseHeader(message.subject))",
                "Date: \(date)",
            ] + extra + [
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                message.body,
            ]).joined(separator: "\r\n")
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
