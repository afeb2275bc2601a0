/// What the profile pages say after a change.
enum PeopleNotice: String, NoticeSet {
    case profileSaved = "profile-saved"

    var text: String {
        switch self {
        case .profileSaved: return "Your profile has been saved."
        }
    }
}
