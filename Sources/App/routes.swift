import Vapor

/// Every route of the site. Each feature registers its own, each route with the policy action it
/// performs (see `Route.requires`); a test walks the table to check none is missing.
func routes(_ app: Application) throws {
    HomeRoutes.register(on: app)
    DigestRoutes.register(on: app)
    HealthRoutes.register(on: app)
    AccountsRoutes.register(on: app)
    AdminRoutes.register(on: app)
    PeopleRoutes.register(on: app)
    HubsRoutes.register(on: app)
    DirectoryRoutes.register(on: app)
    OrganisationsRoutes.register(on: app)
    StoriesRoutes.register(on: app)
    PracticeRoutes.register(on: app)
    NarrativesRoutes.register(on: app)
    ImpactRoutes.register(on: app)
    EventsRoutes.register(on: app)
    AboutRoutes.register(on: app)
    PeerSupportRoutes.register(on: app)
    LibraryRoutes.register(on: app)
    TensionRoutes.register(on: app)
    AllianceRoutes.register(on: app)
    APIRoutes.register(on: app)
}
