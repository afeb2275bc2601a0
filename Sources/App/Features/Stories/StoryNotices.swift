/// What the story pages say after a step of the workflow worked.
enum StoryNotice: String, NoticeSet {
    case saved = "story-saved"
    case submitted = "story-submitted"
    case published = "story-published"
    case returned = "story-returned"
    case consentAdded = "consent-added"
    case consentWithdrawn = "consent-withdrawn"
    case photoSaved = "photo-saved"
    case photoRemoved = "photo-removed"

    var text: String {
        switch self {
        case .saved: return "Your story has been saved."
        case .submitted: return "Your story has been sent to the hub's stewards. We will tell you when they reply."
        case .published: return "The story is published, and its author told."
        case .returned: return "The story has been returned to its author with your note."
        case .consentAdded: return "The consent has been recorded."
        case .consentWithdrawn: return "The consent has been withdrawn and recorded."
        case .photoSaved: return "The photo has been saved. Location and camera details were removed."
        case .photoRemoved: return "The photo has been removed."
        }
    }
}
