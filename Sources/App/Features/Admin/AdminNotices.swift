import Foundation

/// What the admin pages say after something worked.
enum AdminNotice: String, NoticeSet {
    case rolesUpdated = "roles-updated"
    case personDeleted = "person-deleted"

    var text: String {
        switch self {
        case .rolesUpdated: return "The roles have been saved."
        case .personDeleted: return "The account has been deleted."
        }
    }
}
