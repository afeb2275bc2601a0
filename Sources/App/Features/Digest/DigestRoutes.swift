import Vapor

/// The routes of this feature, each with the policy action it performs.
enum DigestRoutes {
    static func register(on app: Application) {
        let digest = DigestController()
        // The signed token in the link is the check: anyone holding the person's own link may stop
        // their digest, as a mail program's one-click unsubscribe does.
        app.get(SiteURL.digestUnsubscribe.routeComponents, use: digest.unsubscribePage).requires(.readPublic)
        app.post(SiteURL.digestUnsubscribe.routeComponents, use: digest.unsubscribe).requires(.readPublic)
            .signedLink()
        app.post(SiteURL.digestSetting.routeComponents, use: digest.setting).requires(.manageOwnAccount)
    }
}
