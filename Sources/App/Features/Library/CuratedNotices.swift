/// What the curated pages say after a curator saves: shared by the practice bank, narratives and
/// the library, which are edited the same way.
enum CuratedNotice: String, NoticeSet {
    case contentSaved = "content-saved"

    var text: String {
        switch self {
        case .contentSaved: return "Saved. Everyone can now read the changes."
        }
    }
}
