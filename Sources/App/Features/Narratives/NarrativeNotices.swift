/// What a narrative's page says after a member reports meeting it.
enum NarrativeNotice: String, NoticeSet {
    case sightingAdded = "sighting-added"

    var text: String {
        switch self {
        case .sightingAdded: return "Thank you. Your sighting has been added for alliance members to see."
        }
    }
}
