import Vapor

/// The routes of this feature, each with the policy action it performs.
enum AccountsRoutes {
    static func register(on app: Application) {
        let accounts = AccountController()
        app.get(SiteURL.signUp.routeComponents, use: accounts.signUpPage).requires(.useSignInForms)
        app.post(SiteURL.signUp.routeComponents, use: accounts.signUp).requires(.useSignInForms)
        app.get(SiteURL.signUpDone.routeComponents, use: accounts.signUpDone).requires(.useSignInForms)
        app.get(SiteURL.confirmEmail.routeComponents, use: accounts.confirmEmailPage).requires(.useSignInForms)
        app.post(SiteURL.confirmEmail.routeComponents, use: accounts.confirmEmail).requires(.useSignInForms)
        app.get(SiteURL.resendConfirmation.routeComponents, use: accounts.resendConfirmationPage).requires(
            .useSignInForms)
        app.post(SiteURL.resendConfirmation.routeComponents, use: accounts.resendConfirmation).requires(.useSignInForms)
        app.get(SiteURL.signIn.routeComponents, use: accounts.signInPage).requires(.useSignInForms)
        app.post(SiteURL.signIn.routeComponents, use: accounts.signIn).requires(.useSignInForms)
        app.post(SiteURL.signOut.routeComponents, use: accounts.signOut).requires(.manageOwnAccount)
        app.get(SiteURL.forgotPassword.routeComponents, use: accounts.forgotPasswordPage).requires(.useSignInForms)
        app.post(SiteURL.forgotPassword.routeComponents, use: accounts.forgotPassword).requires(.useSignInForms)
        app.get(SiteURL.resetPassword.routeComponents, use: accounts.resetPasswordPage).requires(.useSignInForms)
        app.post(SiteURL.resetPassword.routeComponents, use: accounts.resetPassword).requires(.useSignInForms)
        app.get(SiteURL.account.routeComponents, use: accounts.accountPage).requires(.manageOwnAccount)
        app.post(SiteURL.account.routeComponents, use: accounts.updateAccount).requires(.manageOwnAccount)
        app.post(SiteURL.accountPassword.routeComponents, use: accounts.changePassword).requires(.manageOwnAccount)
        app.get(SiteURL.undoEmailChange.routeComponents, use: accounts.undoEmailChangePage).requires(.useSignInForms)
        app.post(SiteURL.undoEmailChange.routeComponents, use: accounts.undoEmailChange).requires(.useSignInForms)
        app.post(SiteURL.accountTokens.routeComponents, use: accounts.createToken).requires(.manageOwnAccount)
        app.post(SiteURL.revokeAccountToken.routeComponents, use: accounts.revokeToken).requires(.manageOwnAccount)
        app.get(SiteURL.accountData.routeComponents, use: accounts.downloadData).requires(.manageOwnAccount)
        app.get(SiteURL.deleteAccount.routeComponents, use: accounts.deleteAccountPage).requires(.manageOwnAccount)
        app.post(SiteURL.deleteAccount.routeComponents, use: accounts.deleteAccount).requires(.manageOwnAccount)
    }
}
