import Vapor

/// The routes of this feature, each with the policy action it performs.
enum StoriesRoutes {
    static func register(on app: Application) {
        let stories = StoryController()
        app.get(SiteURL.stories.routeComponents, use: stories.list).requires(.readPublic)
        app.get(SiteURL.press.routeComponents, use: stories.press).requires(.readPublic)
        app.get(SiteURL.newStory.routeComponents, use: stories.newForm).requires(.draftStory)
        app.post(SiteURL.newStory.routeComponents, use: stories.create).requires(.draftStory)
        app.get(SiteURL.storyReviews.routeComponents, use: stories.reviews).requires(.draftStory)
        app.get(SiteURL.myStories.routeComponents, use: stories.mine).requires(.manageOwnAccount)
        // Anyone may ask; the handlers show a story only as widely as its consents allow, and its photo
        // also to those who follow it: two rules, so the photo's handler decides.
        app.get(SiteURL.story.routeComponents, use: stories.show).requires(.readPublic)
        app.get(SiteURL.storyMedia.routeComponents, use: stories.media).requires(.readPublic)
        app.get(SiteURL.storyPhoto.routeComponents, use: stories.photo).requires(.readPublic)
        // Each story is loaded and checked before its handler runs; anyone who may not follow it is
        // told it does not exist.
        let story = SubjectLoader.storyInWorkflow
        app.get(SiteURL.manageStory.routeComponents, use: stories.manage)
            .requires(.followStory, on: story, hiddenUnless: .followStory)
        app.get(SiteURL.editStory.routeComponents, use: stories.editForm)
            .requires(.editStory, on: story, hiddenUnless: .followStory)
        app.post(SiteURL.editStory.routeComponents, use: stories.update)
            .requires(.editStory, on: story, hiddenUnless: .followStory)
        app.post(SiteURL.storyConsents.routeComponents, use: stories.addConsent)
            .requires(.editStory, on: story, hiddenUnless: .followStory)
        app.post(SiteURL.withdrawConsent.routeComponents, use: stories.withdrawConsent)
            .requires(.followStory, on: story, hiddenUnless: .followStory)
        app.post(SiteURL.submitStory.routeComponents, use: stories.submit)
            .requires(.editStory, on: story, hiddenUnless: .followStory)
        app.post(SiteURL.reviewStory.routeComponents, use: stories.review)
            .requires(.reviewStory, on: story, hiddenUnless: .followStory)
        app.on(
            .POST, SiteURL.storyPhoto.routeComponents,
            body: .collect(maxSize: ByteCount(value: PhotoCleaner.maximumBytes + 512 * 1024)), use: stories.uploadPhoto
        )
        .requires(.editStory, on: story, hiddenUnless: .followStory)
        .allowsBody(upTo: PhotoCleaner.maximumBytes + 512 * 1024)
        app.post(SiteURL.removeStoryPhoto.routeComponents, use: stories.removePhoto)
            .requires(.editStory, on: story, hiddenUnless: .followStory)
        let feeds = StoryFeedController()
        app.get(SiteURL.storiesFeed.routeComponents, use: feeds.all).requires(.readPublic)
        app.get(SiteURL.hubStoriesFeed.routeComponents, use: feeds.hub).requires(.readPublic)
        app.get(SiteURL.themeStoriesFeed.routeComponents, use: feeds.theme).requires(.readPublic)
        app.get(SiteURL.sitemap.routeComponents, use: SitemapController().sitemap).requires(.readPublic)
    }
}
