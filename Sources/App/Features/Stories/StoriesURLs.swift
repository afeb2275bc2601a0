import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let stories = SiteURL("/stories")
    static let newStory = SiteURL("/stories/new")
    static let story = SiteURLPattern1<String>("stories", .parameter("storySlug"))
    static let storyMedia = SiteURLPattern1<String>("stories", .parameter("storySlug"), "media")
    static let storyPhoto = SiteURLPattern1<String>("stories", .parameter("storySlug"), "photo")
    static let removeStoryPhoto = SiteURLPattern1<String>("stories", .parameter("storySlug"), "photo", "remove")
    static let manageStory = SiteURLPattern1<String>("stories", .parameter("storySlug"), "manage")
    static let editStory = SiteURLPattern1<String>("stories", .parameter("storySlug"), "edit")
    static let storyConsents = SiteURLPattern1<String>("stories", .parameter("storySlug"), "consents")
    static let withdrawConsent = SiteURLPattern2<String, UUID>(
        "stories", .parameter("storySlug"), "consents", .parameter("consentID"), "withdraw")
    static let submitStory = SiteURLPattern1<String>("stories", .parameter("storySlug"), "submit")
    static let reviewStory = SiteURLPattern1<String>("stories", .parameter("storySlug"), "review")
    static let storyReviews = SiteURL("/stories/review")
    static let myStories = SiteURL("/account/stories")
    static let storiesFeed = SiteURL("/stories/feed.atom")
    static let hubStoriesFeed = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "stories.atom")
    static let themeStoriesFeed = SiteURLPattern1<String>("stories", "themes", .parameter("theme"), "feed.atom")
    static let sitemap = SiteURL("/sitemap.xml")
}
