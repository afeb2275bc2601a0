import Vapor

/// The routes of this feature, each with the policy action it performs.
enum PeerSupportRoutes {
    static func register(on app: Application) {
        let peers = PeerSupportController()
        app.get(SiteURL.peerSupport.routeComponents, use: peers.index).requires(.workAsMember)
        app.get(SiteURL.newPeerRequest.routeComponents, use: peers.newForm).requires(.workAsMember)
        app.post(SiteURL.newPeerRequest.routeComponents, use: peers.create).requires(.workAsMember)
        // Members reach these handlers, which answer 404 to anyone but the people involved.
        app.get(SiteURL.peerRequest.routeComponents, use: peers.show).requires(.workAsMember)
        app.post(SiteURL.invitePeer.routeComponents, use: peers.invite).requires(.workAsMember)
        app.post(SiteURL.respondToPeer.routeComponents, use: peers.respond).requires(.workAsMember)
        app.post(SiteURL.closePeerRequest.routeComponents, use: peers.closeRequest).requires(.workAsMember)
        app.get(SiteURL.peerThread.routeComponents, use: peers.thread).requires(.workAsMember)
        app.post(SiteURL.peerMessages.routeComponents, use: peers.postMessage).requires(.workAsMember)
        app.post(SiteURL.closePeerThread.routeComponents, use: peers.closeThread).requires(.workAsMember)
        app.get(SiteURL.skillOffers.routeComponents, use: peers.skills).requires(.workAsMember)
        app.post(SiteURL.skillOffers.routeComponents, use: peers.addSkill).requires(.workAsMember)
        app.post(SiteURL.deleteSkillOffer.routeComponents, use: peers.deleteSkill).requires(.workAsMember)
    }
}
