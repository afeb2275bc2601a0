/// What the impact pages say after a project, survey, indicator or story of change is saved.
enum ImpactNotice: String, NoticeSet {
    case projectSaved = "project-saved"
    case surveyOpened = "survey-opened"
    case indicatorSaved = "indicator-saved"
    case localIndicatorProposed = "local-indicator-proposed"
    case localIndicatorAdopted = "local-indicator-adopted"
    case questionAdded = "question-added"
    case translationSaved = "translation-saved"
    case paperAnswersSaved = "paper-answers-saved"
    case changeStorySaved = "change-story-saved"
    case selectionRecorded = "selection-recorded"
    case feedbackRecorded = "feedback-recorded"

    var text: String {
        switch self {
        case .projectSaved: return "The project has been saved."
        case .surveyOpened: return "The survey is ready. Share its link with the people taking part."
        case .indicatorSaved: return "The indicator has been added. You can now measure outcomes by it."
        case .localIndicatorProposed: return "Thank you. The sign has been proposed, with your vote."
        case .localIndicatorAdopted: return "The local indicator is adopted. Outcomes and surveys can now track it."
        case .questionAdded: return "The question has been added to the survey."
        case .translationSaved: return "The translation has been saved. People can now choose it on the form."
        case .paperAnswersSaved: return "The paper answers have been saved. Enter the next form below."
        case .changeStorySaved: return "The story of change has been saved."
        case .selectionRecorded: return "The panel's choice and reasons have been recorded."
        case .feedbackRecorded: return "The feedback to the teller has been recorded."
        }
    }
}
