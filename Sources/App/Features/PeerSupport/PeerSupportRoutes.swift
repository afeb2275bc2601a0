import Vapor

/// The routes of this feature, each with the policy action it performs.
enum PeerSupportRoutes {
    static func register(on app: Application) {
        let peers = PeerSupportController()
        app.get(SiteURL.peerSupport.routeComponents, use: peers.index).requires(.workAsMember)
        app.get(SiteURL.newPeerRequest.routeComponents, use: peers.newForm).requires(.workAsMember)
        app.post(SiteURL.newPeerRequest.routeComponents, use: peers.create).requires(.workAsMember)
        // Members only (403 for anyone else), then 404 to anyone but the people involved, coordinators
        // included: the challenge and the conversations are private.
        app.get(SiteURL.peerRequest.routeComponents, use: peers.show)
            .requires(.workAsMember, then: .readPeerRequest, on: .peerRequestByID, hiddenUnless: .readPeerRequest)
        app.post(SiteURL.invitePeer.routeComponents, use: peers.invite)
            .requires(.workAsMember, then: .managePeerRequest, on: .peerRequestByID, hiddenUnless: .managePeerRequest)
        app.post(SiteURL.respondToPeer.routeComponents, use: peers.respond)
            .requires(.workAsMember, then: .readPeerRequest, on: .peerRequestByID, hiddenUnless: .readPeerRequest)
        app.post(SiteURL.closePeerRequest.routeComponents, use: peers.closeRequest)
            .requires(.workAsMember, then: .managePeerRequest, on: .peerRequestByID, hiddenUnless: .managePeerRequest)
        app.get(SiteURL.peerThread.routeComponents, use: peers.thread)
            .requires(.workAsMember, then: .joinPeerThread, on: .peerThreadByID, hiddenUnless: .joinPeerThread)
        app.post(SiteURL.peerMessages.routeComponents, use: peers.postMessage)
            .requires(.workAsMember, then: .joinPeerThread, on: .peerThreadByID, hiddenUnless: .joinPeerThread)
        app.post(SiteURL.closePeerThread.routeComponents, use: peers.closeThread)
            .requires(.workAsMember, then: .joinPeerThread, on: .peerThreadByID, hiddenUnless: .joinPeerThread)
        app.get(SiteURL.skillOffers.routeComponents, use: peers.skills).requires(.workAsMember)
        app.post(SiteURL.skillOffers.routeComponents, use: peers.addSkill).requires(.workAsMember)
        // Members only, then the offer's owner or the national team.
        app.post(SiteURL.deleteSkillOffer.routeComponents, use: peers.deleteSkill)
            .requires(.workAsMember, then: .manageSkillOffer, on: .skillOfferByID)
    }
}
