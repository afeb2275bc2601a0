import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let narratives = SiteURL("/narratives")
    static let newNarrative = SiteURL("/narratives/new")
    static let narrative = SiteURLPattern1<String>("narratives", .parameter("narrativeSlug"))
    static let editNarrative = SiteURLPattern1<String>("narratives", .parameter("narrativeSlug"), "edit")
    static let narrativeSightings = SiteURLPattern1<String>("narratives", .parameter("narrativeSlug"), "sightings")
}
