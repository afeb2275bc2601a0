/// What the practice bank says after a member keeps a case study or lets it go.
enum PracticeNotice: String, NoticeSet {
    case caseStudyUnsaved = "case-study-unsaved"
    case caseStudySaved = "case-study-saved"

    var text: String {
        switch self {
        case .caseStudyUnsaved: return "The case study is off your list."
        case .caseStudySaved: return "The case study is on your list."
        }
    }
}
