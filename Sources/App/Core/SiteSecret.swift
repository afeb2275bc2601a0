import Fluent
import Vapor

/// A secret shared by every server process, kept in the database so that several processes
/// behind a proxy sign and check CSRF tokens alike. Created by a migration, never shown.
final class SiteSecret: Model, @unchecked Sendable {
    static let schema = "site_secrets"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $value] }

    init(name: String, value: String) {
        self.id = name
        self.value = value
    }

    static let csrfKeyName = "csrf-signing-key"
}

struct M005CreateSiteSecrets: AsyncMigration {
    var name: String { "M005CreateSiteSecrets" }

    func prepare(on database: Database) async throws {
        try await database.schema(SiteSecret.schema)
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        try await SiteSecret(name: SiteSecret.csrfKeyName, value: Tokens.random() + Tokens.random()).create(
            on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema(SiteSecret.schema).delete()
    }
}

extension Application {
    private struct CSRFKeyStorage: StorageKey { typealias Value = SymmetricKey }

    /// The CSRF signing key, loaded from the database once after migrations.
    /// Before it is loaded (only if the database is unreachable) a throwaway key stands in,
    /// so an error page still renders; its forms then fail the check rather than pass it.
    var csrfKey: SymmetricKey {
        get { storage[CSRFKeyStorage.self] ?? SymmetricKey(size: .bits256) }
        set { storage[CSRFKeyStorage.self] = newValue }
    }

    var hasCSRFKey: Bool { storage[CSRFKeyStorage.self] != nil }

    func loadSiteSecrets() async throws {
        guard let secret = try await SiteSecret.find(SiteSecret.csrfKeyName, on: db) else {
            throw Abort(.internalServerError, reason: "The site secret is missing; run `bridgework migrate`.")
        }
        csrfKey = SymmetricKey(data: Data(secret.value.utf8))
    }
}

/// Loads the site secret on the first request a process serves, so a fresh process
/// (or a test app) never renders a form without a signing key.
struct SiteSecretsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if !request.application.hasCSRFKey {
            try await request.application.loadSiteSecrets()
        }
        return try await next.respond(to: request)
    }
}
