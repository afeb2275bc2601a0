import Vapor

/// How a request becomes a `PageContext`: the navigation this person may see, asked of the
/// policy, and the notice its address names. Lives in the composition root because only it knows
/// every feature's pages and notices.
enum PageContexts {
    /// Every feature's notices. A new feature adds its `NoticeSet` here.
    static let notices = NoticeCatalogue([
        ImpactNotice.self, PracticeNotice.self, NarrativeNotice.self, CuratedNotice.self, PeerSupportNotice.self,
        AccountsNotice.self, AdminNotice.self,
        HubNotice.self, OrganisationNotice.self, PeopleNotice.self,
        StoryNotice.self, EventNotice.self,
    ])

    static func navigation(for user: CurrentUser?) -> [NavigationItem] {
        var items: [NavigationItem] = [
            NavigationItem(text: "Home", url: .home),
            NavigationItem(text: "Search", url: .search),
            NavigationItem(text: "Hubs", url: .hubs),
            NavigationItem(text: "Organisations", url: .organisations),
            NavigationItem(text: "Events", url: .events),
            NavigationItem(text: "Stories", url: .stories),
            NavigationItem(text: "Practice", url: .practice),
            NavigationItem(text: "Narratives", url: .narratives),
            NavigationItem(text: "Library", url: .library),
        ]
        if Policy.can(user, .findPractitioners) {
            items.append(NavigationItem(text: "Practitioners", url: .people))
        }
        if Policy.can(user, .workAsMember) {
            items.append(NavigationItem(text: "Peer support", url: .peerSupport))
        }
        if Policy.can(user, .measureImpact) {
            items.append(NavigationItem(text: "Impact", url: .projects))
        }
        if Policy.can(user, .manageRoles) {
            items.append(NavigationItem(text: "Accounts", url: .adminPeople))
        }
        if Policy.can(user, .readOutbox) {
            items.append(NavigationItem(text: "Outbox", url: .adminOutbox))
        }
        return items
    }

    static let maker = PageContextMaker { request in
        let user = request.currentUser
        return PageContext(
            path: request.url.path,
            signedInName: user?.name,
            navigation: navigation(for: user),
            notice: notices.notice(forKey: request.query[String.self, at: "notice"]),
            formToken: FormToken { request.csrfToken })
    }
}
