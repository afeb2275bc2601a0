import Foundation

/// The addresses of the JSON API, for links and routes alike.
extension SiteURL {
    static let apiMe = SiteURL("/api/v1/me")
    static let apiHubs = SiteURL("/api/v1/hubs")
    static let apiHub = SiteURLPattern1<String>("api", "v1", "hubs", .parameter("hubSlug"))
    static let apiOrganisations = SiteURL("/api/v1/organisations")
    static let apiOrganisation = SiteURLPattern1<String>("api", "v1", "organisations", .parameter("organisationSlug"))
    static let apiOpenAPI = SiteURL("/api/v1/openapi.json")
    static let hsdsOrganizations = SiteURL("/api/hsds/organizations")
    static let hsdsOrganization = SiteURLPattern1<UUID>("api", "hsds", "organizations", .parameter("organizationID"))
    static let apiStories = SiteURL("/api/v1/stories")
    static let apiStory = SiteURLPattern1<String>("api", "v1", "stories", .parameter("storySlug"))
    static let apiCaseStudies = SiteURL("/api/v1/case-studies")
    static let apiCaseStudy = SiteURLPattern1<String>("api", "v1", "case-studies", .parameter("caseStudySlug"))
    static let apiNarratives = SiteURL("/api/v1/narratives")
    static let apiNarrative = SiteURLPattern1<String>("api", "v1", "narratives", .parameter("narrativeSlug"))
    static let apiResources = SiteURL("/api/v1/resources")
    static let apiResource = SiteURLPattern1<String>("api", "v1", "resources", .parameter("resourceSlug"))
}
