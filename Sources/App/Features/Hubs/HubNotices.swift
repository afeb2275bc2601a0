/// What the hub pages say after joining, leaving and a steward's answer.
enum HubNotice: String, NoticeSet {
    case joinedHub = "joined-hub"
    case askedToJoinHub = "asked-to-join-hub"
    case leftHub = "left-hub"
    case requestApproved = "request-approved"
    case requestDeclined = "request-declined"
    case stewardAdded = "steward-added"
    case hubCreated = "hub-created"
    case hubUpdated = "hub-updated"

    var text: String {
        switch self {
        case .joinedHub: return "You have joined this hub."
        case .askedToJoinHub:
            return "Your request to join has been sent to the hub's stewards. We will tell you when they reply."
        case .leftHub: return "You have left this hub."
        case .requestApproved: return "The request has been approved, and the person told."
        case .requestDeclined: return "The request has been declined, and the reason sent."
        case .stewardAdded: return "The new steward has been added, and told."
        case .hubCreated: return "The hub has been added. Any new stewards have been told by email."
        case .hubUpdated: return "The hub's details have been saved. Any new stewards have been told by email."
        }
    }
}
