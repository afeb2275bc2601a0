import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let peerSupport = SiteURL("/peer-support")
    static let newPeerRequest = SiteURL("/peer-support/new")
    static let peerRequest = SiteURLPattern1<UUID>("peer-support", "requests", .parameter("peerRequestID"))
    static let invitePeer = SiteURLPattern1<UUID>("peer-support", "requests", .parameter("peerRequestID"), "invite")
    static let respondToPeer = SiteURLPattern1<UUID>("peer-support", "requests", .parameter("peerRequestID"), "respond")
    static let closePeerRequest = SiteURLPattern1<UUID>(
        "peer-support", "requests", .parameter("peerRequestID"), "close")
    static let peerThread = SiteURLPattern1<UUID>("peer-support", "conversations", .parameter("peerInvitationID"))
    static let peerMessages = SiteURLPattern1<UUID>(
        "peer-support", "conversations", .parameter("peerInvitationID"), "messages")
    static let closePeerThread = SiteURLPattern1<UUID>(
        "peer-support", "conversations", .parameter("peerInvitationID"), "close")
    static let skillOffers = SiteURL("/peer-support/skills")
    static let deleteSkillOffer = SiteURLPattern1<UUID>(
        "peer-support", "skills", .parameter("skillOfferID"), "withdraw")
}
