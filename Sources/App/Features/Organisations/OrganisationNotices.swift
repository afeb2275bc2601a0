/// What the organisation pages say after a listing, its members or an invitation changed.
enum OrganisationNotice: String, NoticeSet {
    case organisationCreated = "organisation-created"
    case organisationUpdated = "organisation-updated"
    case membersUpdated = "members-updated"
    case invitationSent = "invitation-sent"
    case invitationWithdrawn = "invitation-withdrawn"
    case invitationAccepted = "invitation-accepted"
    case invitationDeclined = "invitation-declined"
    case leftOrganisation = "left-organisation"

    var text: String {
        switch self {
        case .organisationCreated: return "The organisation has been added. You are its admin."
        case .organisationUpdated: return "The organisation's details have been saved."
        case .membersUpdated: return "The organisation's members have been updated."
        case .invitationSent: return "The invitation has been sent. They join when they accept it."
        case .invitationWithdrawn: return "The invitation has been withdrawn; its link no longer works."
        case .invitationAccepted: return "You have joined the organisation."
        case .invitationDeclined: return "You have declined the invitation."
        case .leftOrganisation: return "You have left the organisation."
        }
    }
}
