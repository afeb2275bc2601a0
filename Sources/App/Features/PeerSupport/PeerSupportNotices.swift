/// What peer support says after a request, an invitation, an answer or an offer.
enum PeerSupportNotice: String, NoticeSet {
    case peerRequestSaved = "peer-request-saved"
    case peerInvited = "peer-invited"
    case peerNoLongerAvailable = "peer-no-longer-available"
    case peerAccepted = "peer-accepted"
    case peerDeclined = "peer-declined"
    case peerRequestClosed = "peer-request-closed"
    case peerThreadClosed = "peer-thread-closed"
    case skillOffered = "skill-offered"
    case skillWithdrawn = "skill-withdrawn"

    var text: String {
        switch self {
        case .peerRequestSaved: return "Your request is saved. Only you can see it until you invite someone."
        case .peerInvited: return "Your invitation has been sent. We will email you when they answer."
        case .peerNoLongerAvailable:
            return "That person is no longer available as a critical friend. Choose someone else."
        case .peerAccepted: return "Thank you for accepting. This conversation is private to the two of you."
        case .peerDeclined: return "You have declined, and they have been told kindly."
        case .peerRequestClosed: return "The request is closed. Your conversations stay here to read."
        case .peerThreadClosed: return "The conversation is closed."
        case .skillOffered: return "Thank you. Your offer is listed for members to see."
        case .skillWithdrawn: return "The offer has been withdrawn."
        }
    }
}
