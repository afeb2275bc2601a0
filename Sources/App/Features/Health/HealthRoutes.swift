import Vapor

/// The routes of this feature, each with the policy action it performs.
enum HealthRoutes {
    static func register(on app: Application) {
        app.get(SiteURL.healthz.routeComponents, use: HealthCheck.handler).requires(.readPublic)
        app.get(SiteURL.readyz.routeComponents, use: HealthCheck.ready).requires(.readPublic)
        app.get(SiteURL.metrics.routeComponents, use: HealthCheck.metrics).requires(.readPublic)
    }
}
