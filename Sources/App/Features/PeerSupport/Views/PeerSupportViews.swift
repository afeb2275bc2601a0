/// Words the peer support pages share.
enum PeerSupportViews {
    static let privacy =
        "Only you and the people you invite can read this. Not the national team, not your hub's stewards: nobody else."

    static func statusLabel(_ status: PeerInvitation.Status) -> String {
        switch status {
        case .invited: return "invited, waiting for an answer"
        case .accepted: return "accepted, talking"
        case .declined: return "declined"
        case .closed: return "conversation closed"
        }
    }
}
