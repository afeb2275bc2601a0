import Foundation
import Vapor

/// Every setting the app reads from its environment, read once, in one place.
/// Handlers and commands use `app.settings`; nothing else calls `Environment.get`.
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        /// An SQLite file inside the data directory.
        case sqliteFile(path: String)
        /// An SQLite database in memory (tests).
        case sqliteMemory
        /// A PostgreSQL server; `schema`, when set, isolates one test's tables.
        case postgres(url: String, schema: String?)
    }

    public var dataDirectory: String
    public var database: DatabaseChoice
    /// The address people use to reach the site, used in links sent by email and for the Secure
    /// cookie flag. When unset, links use the address the server is listening on.
    public var publicURL: String?
    /// Path of a `sendmail`-compatible program that delivers messages.
    public var sendmailPath: String?
    /// Without a mail program, each message is written as a file to this folder, for whoever
    /// runs the server to read (development and tests). The outbox never shows working links.
    public var mailDirectory: String
    /// API tokens made without a lifetime expire after this many days.
    public var apiTokenLifetimeDays: Int
    /// Sender address for outgoing messages.
    public var mailFrom: String
    /// The national team's address, shown in every page's footer and on the press page.
    public var contactEmail: String
    /// bcrypt cost: 12 in production; tests lower it to stay quick.
    public var bcryptCost: Int
    /// Largest request body accepted, in bytes.
    public var maxBodySize: Int
    /// Load the demo data into an empty database when serving.
    public var seedDemoOnFirstStart: Bool
    /// Set when a reverse proxy sits in front: the client's address is then the last entry of
    /// `X-Forwarded-For` (the one the proxy added), not the proxy's own address.
    public var behindProxy: Bool
    /// How much the server logs (`LOG_LEVEL`: trace, debug, info, notice, warning, error, critical).
    public var logLevel: Logger.Level
    /// `LOG_FORMAT=json`: one JSON object a line, for log collectors; otherwise plain text.
    public var logsAsJSON: Bool

    public static let defaultContactEmail = "hello@bridgework.org.uk"

    public var usesHTTPS: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    public init(
        dataDirectory: String,
        database: DatabaseChoice,
        publicURL: String? = nil,
        sendmailPath: String? = nil,
        mailDirectory: String? = nil,
        apiTokenLifetimeDays: Int = 90,
        mailFrom: String = "Bridgework <no-reply@bridgework.org.uk>",
        contactEmail: String = Settings.defaultContactEmail,
        bcryptCost: Int = 12,
        maxBodySize: Int = 1_048_576,
        seedDemoOnFirstStart: Bool = true,
        behindProxy: Bool = false,
        logLevel: Logger.Level = .info,
        logsAsJSON: Bool = false
    ) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.sendmailPath = sendmailPath
        self.mailDirectory = mailDirectory ?? (dataDirectory as NSString).appendingPathComponent("mail")
        self.apiTokenLifetimeDays = apiTokenLifetimeDays
        self.mailFrom = mailFrom
        self.contactEmail = contactEmail
        self.bcryptCost = bcryptCost
        self.maxBodySize = maxBodySize
        self.seedDemoOnFirstStart = seedDemoOnFirstStart
        self.behindProxy = behindProxy
        self.logLevel = logLevel
        self.logsAsJSON = logsAsJSON
    }

    /// Reads the process environment. Unknown or malformed values fall back to safe defaults.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Settings
    {
        func value(_ key: String) -> String? {
            guard let raw = environment[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let dataDirectory = value("BRIDGEWORK_DATA_DIR") ?? "data"
        let database: DatabaseChoice
        if let url = value("DATABASE_URL"), url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            database = .postgres(url: url, schema: nil)
        } else {
            database = .sqliteFile(path: (dataDirectory as NSString).appendingPathComponent("bridgework.sqlite"))
        }
        return Settings(
            dataDirectory: dataDirectory,
            database: database,
            publicURL: value("BRIDGEWORK_PUBLIC_URL").flatMap(validatedPublicURL),
            sendmailPath: value("BRIDGEWORK_SENDMAIL"),
            mailDirectory: value("BRIDGEWORK_MAIL_DIR"),
            apiTokenLifetimeDays: value("BRIDGEWORK_API_TOKEN_DAYS").flatMap(Int.init).map { min(max($0, 1), 3650) }
                ?? 90,
            mailFrom: value("BRIDGEWORK_MAIL_FROM") ?? "Bridgework <no-reply@bridgework.org.uk>",
            contactEmail: value("BRIDGEWORK_CONTACT_EMAIL") ?? Settings.defaultContactEmail,
            bcryptCost: value("BRIDGEWORK_BCRYPT_COST").flatMap(Int.init).map { min(max($0, 4), 31) } ?? 12,
            maxBodySize: value("BRIDGEWORK_MAX_BODY_BYTES").flatMap(Int.init) ?? 1_048_576,
            seedDemoOnFirstStart: value("BRIDGEWORK_NO_DEMO") == nil,
            behindProxy: value("BRIDGEWORK_BEHIND_PROXY") != nil,
            logLevel: value("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info,
            logsAsJSON: value("LOG_FORMAT")?.lowercased() == "json"
        )
    }
}

/// Only an absolute http or https address with a host; anything else is ignored.
private func validatedPublicURL(_ text: String) -> String? {
    guard let components = URLComponents(string: text),
        let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
        let host = components.host, !host.isEmpty,
        components.query == nil, components.fragment == nil
    else { return nil }
    return text
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }

    public var settings: Settings {
        get {
            guard let settings = storage[SettingsKey.self] else {
                fatalError("configure(_:settings:) must run before settings are read")
            }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}

extension Request {
    var settings: Settings { application.settings }
}

extension Application {
    /// Where people reach the site: `BRIDGEWORK_PUBLIC_URL`, or else the address being served.
    var publicBaseURL: String {
        if let configured = settings.publicURL { return configured }
        let configuration = http.server.configuration
        if let address = http.server.shared.localAddress, let ip = address.ipAddress, let port = address.port {
            let host = ["0.0.0.0", "::"].contains(ip) ? "127.0.0.1" : (ip.contains(":") ? "[\(ip)]" : ip)
            return "http://\(host):\(port)"
        }
        let host = configuration.hostname == "0.0.0.0" ? "127.0.0.1" : configuration.hostname
        return "http://\(host):\(configuration.port)"
    }
}
