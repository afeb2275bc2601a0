/// What the tension watch tells people after a change.
enum TensionNotice: String, NoticeSet {
    case observationSaved = "observation-saved"
    case followUpSaved = "follow-up-saved"
    case levelSet = "hub-level-set"
    case settingsSaved = "tension-settings-saved"
    case checkedIn = "checked-in"
    case triggerDeclared = "trigger-declared"
    case triggerSaved = "trigger-saved"
    case triggerClosed = "trigger-closed"

    var text: String {
        switch self {
        case .observationSaved: return "Your observation is saved. Only this hub's members can see it."
        case .followUpSaved: return "The follow-up is saved."
        case .levelSet: return "The hub's level is set for this week."
        case .settingsSaved: return "The hub's scale and how long observations are kept are saved."
        case .checkedIn: return "Your hub's check-in is sent to the national team."
        case .triggerDeclared: return "The trigger event is declared, and every hub's stewards are asked to check in."
        case .triggerSaved: return "The trigger event's playbook is saved."
        case .triggerClosed: return "The trigger event is closed; hubs can no longer check in."
        }
    }
}
