import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let signUpDone = SiteURL("/signup/check-email")
    static let accountPassword = SiteURL("/account/password")
    static let confirmEmail = SiteURL("/email/confirm")
    static let resendConfirmation = SiteURL("/email/resend")
    static let forgotPassword = SiteURL("/password/forgot")
    static let resetPassword = SiteURL("/password/reset")
    static let undoEmailChange = SiteURL("/account/email/undo")
    static let accountTokens = SiteURL("/account/tokens")
    static let revokeAccountToken = SiteURLPattern1<UUID>("account", "tokens", .parameter("tokenID"), "revoke")
    static let accountData = SiteURL("/account/data.zip")
    static let deleteAccount = SiteURL("/account/delete")
}
