import Foundation

/// The sign-up form.
struct SignUpForm: SubmittedForm {
    let name: String
    /// The address as typed, to show back on the form.
    let typedEmail: String
    let password: String

    var email: String { User.normalise(email: typedEmail) }

    init(_ input: FormInput) {
        name = input.text("name")
        typedEmail = input.text("email")
        password = input.password("password")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        AccountRules.nameProblem(name).map { errors.add("name", $0) }
        AccountRules.emailProblem(email).map { errors.add("email", $0) }
        AccountRules.passwordProblem(password).map { errors.add("password", $0) }
        return errors
    }
}

/// The sign-in form. Whether the password is right is the handler's to find out, with the throttle.
struct SignInForm: SubmittedForm {
    let typedEmail: String
    let password: String
    /// Where to go once signed in: only a path on this site, else nil.
    let next: String?

    var email: String { User.normalise(email: typedEmail) }

    init(_ input: FormInput) {
        typedEmail = input.text("email")
        password = input.password("password")
        next = AccountController.safeNext(input.text("next"))
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if email.isEmpty { errors.add("email", "Enter your email address") }
        if password.isEmpty { errors.add("password", "Enter your password") }
        return errors
    }
}

/// A "send me a link" form: a new confirmation link, or a password reset link.
struct LinkRequestForm: SubmittedForm {
    let typedEmail: String

    var email: String { User.normalise(email: typedEmail) }

    init(_ input: FormInput) {
        typedEmail = input.text("email")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        AccountRules.emailProblem(email).map { errors.add("email", $0) }
        return errors
    }
}

/// The form behind a reset link: a new password, and whether to revoke API tokens too.
struct ResetPasswordForm: SubmittedForm {
    let token: String
    let password: String
    let revokeTokens: Bool

    init(_ input: FormInput) {
        token = input.text("token")
        password = input.password("password")
        revokeTokens = input.text("revoke_tokens") == "yes"
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        AccountRules.passwordProblem(password).map { errors.add("password", $0) }
        return errors
    }
}

/// The account page's "Change your details" form. The password it asks for, when the address
/// changes, is checked by the handler, limited like signing in.
struct AccountDetailsForm: SubmittedForm {
    let name: String
    let typedEmail: String
    let emailPassword: String

    var email: String { User.normalise(email: typedEmail) }

    init(_ input: FormInput) {
        name = input.text("name")
        typedEmail = input.text("email")
        emailPassword = input.password("email_password")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        AccountRules.nameProblem(name).map { errors.add("name", $0) }
        AccountRules.emailProblem(email).map { errors.add("email", $0) }
        return errors
    }
}

/// The account page's "Change your password" form. The current password is checked by the
/// handler, limited like signing in.
struct PasswordChangeForm: SubmittedForm {
    let currentPassword: String
    let newPassword: String
    let revokeTokens: Bool

    init(_ input: FormInput) {
        currentPassword = input.password("current_password")
        newPassword = input.password("new_password")
        revokeTokens = input.text("revoke_tokens") == "yes"
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        AccountRules.passwordProblem(newPassword).map {
            errors.add("new_password", $0 == "Enter a password" ? "Enter a new password" : $0)
        }
        return errors
    }
}

/// The account page's "Make a token" form.
struct NewTokenForm: SubmittedForm {
    let name: String
    let typedDays: String
    /// How long a token lasts when no number is typed: the site's setting.
    let defaultDays: Int

    /// With the settings' own default; handlers pass the configured one.
    init(_ input: FormInput) {
        self.init(input, defaultDays: 90)
    }

    init(_ input: FormInput, defaultDays: Int) {
        name = input.text("token_name")
        typedDays = input.text("token_days")
        self.defaultDays = defaultDays
    }

    /// The longest a token may last: a year, or the site's default if that is longer.
    var longestDays: Int { max(365, defaultDays) }

    /// The typed number of days, the default when none was typed, or -1 when it is not a number.
    var days: Int { typedDays.isEmpty ? defaultDays : Int(typedDays) ?? -1 }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(name, field: "token_name", label: "a name for the token", max: 100, into: &errors)
        if !(1...longestDays).contains(days) {
            errors.add(
                "token_days", "Enter how many days the token should last, a whole number from 1 to \(longestDays)")
        }
        return errors
    }
}

/// The form that deletes one's own account.
struct DeleteAccountForm: SubmittedForm {
    let password: String

    init(_ input: FormInput) {
        password = input.password("password")
    }

    /// Nothing to check without the database: the handler checks the password, limited like
    /// signing in, and that this is not the last coordinator.
    func validate() -> FormErrors {
        FormErrors()
    }
}
