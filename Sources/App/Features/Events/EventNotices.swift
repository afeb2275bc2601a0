/// What the events pages say after an organiser's step worked.
enum EventNotice: String, NoticeSet {
    case saved = "event-saved"
    case attendanceSaved = "attendance-saved"
    case messageSent = "event-message-sent"
    case feedbackRequested = "feedback-requested"

    var text: String {
        switch self {
        case .saved: return "The event has been saved."
        case .attendanceSaved: return "Attendance has been saved."
        case .messageSent: return "Your message has been sent."
        case .feedbackRequested: return "Feedback requests have been sent to the people who came."
        }
    }
}
