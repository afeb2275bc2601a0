import Foundation

/// What the account pages say after something worked.
enum AccountsNotice: String, NoticeSet {
    case signedOut = "signed-out"
    case emailConfirmed = "email-confirmed"
    case passwordReset = "password-reset"
    case passwordChanged = "password-changed"
    case accountUpdated = "account-updated"
    case confirmationSent = "confirmation-sent"
    case emailChangeConfirmed = "email-change-confirmed"
    case emailChangeRequested = "email-change-requested"
    case tokenRevoked = "token-revoked"
    case tokensRevoked = "tokens-revoked"
    case emailChangeUndone = "email-change-undone"
    case accountDeleted = "account-deleted"

    var text: String {
        switch self {
        case .signedOut: return "You have signed out."
        case .emailConfirmed: return "Your email address is confirmed. You can now sign in."
        case .passwordReset: return "Your password has been changed. Sign in with your new password."
        case .passwordChanged: return "Your password has been changed."
        case .accountUpdated: return "Your details have been saved."
        case .confirmationSent: return "We have sent you a new confirmation link."
        case .emailChangeConfirmed: return "Your email address is confirmed."
        case .emailChangeRequested:
            return "We have sent a link to your new email address. Your address changes when you open it."
        case .tokenRevoked: return "The API token has been revoked. Programs using it can no longer reach your account."
        case .tokensRevoked: return "Your password has been changed and your API tokens have been revoked."
        case .emailChangeUndone:
            return
                "Your old email address is back. Everyone signed in to your account has been signed out, its API tokens revoked and its password stopped. We have sent you a link to choose a new password."
        case .accountDeleted: return "Your account has been deleted. Thank you for the work you shared."
        }
    }
}
