import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let hub = SiteURLPattern1<String>("hubs", .parameter("hubSlug"))
    static let joinHub = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "join")
    static let leaveHub = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "leave")
    static let hubRequests = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "requests")
    static let hubPersonDecision = SiteURLPattern2<String, UUID>(
        "hubs", .parameter("hubSlug"), "requests", "people", .parameter("requestID"))
    static let hubOrganisationDecision = SiteURLPattern2<String, UUID>(
        "hubs", .parameter("hubSlug"), "requests", "organisations", .parameter("requestID"))
    static let hubStewards = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "stewards")
    static let newHub = SiteURL("/hubs/new")
    static let editHub = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "edit")
    /// Words under /hubs/ that name pages, so no hub may take them as its slug.
    static let reservedHubSlugs: Set<String> = ["new"]
}
