/// What the national view tells the national team after a change.
enum AllianceNotice: String, NoticeSet {
    case weekPublished = "tension-week-published"
    case weekWithdrawn = "tension-week-withdrawn"

    var text: String {
        switch self {
        case .weekPublished: return "The week's count of hubs at each level is now in the public briefing."
        case .weekWithdrawn: return "The week is no longer in the public briefing."
        }
    }
}
