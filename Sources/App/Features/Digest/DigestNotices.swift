/// What the digest pages tell people after a change.
enum DigestNotice: String, NoticeSet {
    case turnedOn = "digest-on"
    case turnedOff = "digest-off"

    var text: String {
        switch self {
        case .turnedOn: return "You will get the weekly email of your hubs' news, in weeks when there is some."
        case .turnedOff: return "You will not get the weekly email any more."
        }
    }
}
