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
        StoryNotice.self, EventNotice.self, DigestNotice.self, TensionNotice.self, AllianceNotice.self,
    ])

    /// At most six entries, so the bar fits two lines on a phone; related pages share a group.
    static func navigation(for user: CurrentUser?) -> [NavigationItem] {
        var directory = [NavigationItem(text: "Organisations", url: .organisations)]
        if Policy.can(user, .findPractitioners) {
            directory.append(NavigationItem(text: "Practitioners", url: .people))
        }
        if Policy.can(user, .workAsMember) {
            directory.append(NavigationItem(text: "Peer support", url: .peerSupport))
        }
        var manage: [NavigationItem] = []
        if Policy.can(user, .coordinateAlliance) {
            manage.append(NavigationItem(text: "Alliance", url: .alliance))
        }
        if Policy.can(user, .measureImpact) {
            manage.append(NavigationItem(text: "Impact", url: .projects))
        }
        if Policy.can(user, .manageRoles) {
            manage.append(NavigationItem(text: "Accounts", url: .adminPeople))
        }
        if Policy.can(user, .manageHubs) {
            manage.append(NavigationItem(text: "Add a hub", url: .newHub))
        }
        if Policy.can(user, .readOutbox) {
            manage.append(NavigationItem(text: "Outbox", url: .adminOutbox))
        }
        let entries: [NavigationItem?] = [
            NavigationItem(text: "Stories", url: .stories),
            .group(
                "Practice",
                [
                    NavigationItem(text: "Practice bank", url: .practice),
                    NavigationItem(text: "Narratives", url: .narratives),
                    NavigationItem(text: "Library", url: .library),
                ]),
            .group("Directory", directory),
            NavigationItem(text: "Events", url: .events),
            NavigationItem(text: "Hubs", url: .hubs),
            .group("Manage", manage),
        ]
        return entries.compactMap { $0 }
    }

    static let maker = PageContextMaker { request in
        let user = request.currentUser
        return PageContext(
            path: request.url.path,
            signedInName: user?.name,
            navigation: navigation(for: user),
            notice: notices.notice(forKey: request.query[String.self, at: "notice"]),
            formToken: FormToken { request.csrfToken },
            contactEmail: request.application.settings.contactEmail)
    }
}
