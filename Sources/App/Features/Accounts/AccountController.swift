import Fluent
import Plot
import Vapor

/// Sign-up, email confirmation, sign-in and sign-out, password reset, and the account page.
struct AccountController {
    // MARK: Sign up

    struct SignUpForm: Content { var name: String?; var email: String?; var password: String? }

    func signUpPage(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.account.path) }
        return AccountViews.signUp(req).response()
    }

    func signUp(req: Request) async throws -> Response {
        let form = (try? req.content.decode(SignUpForm.self)) ?? SignUpForm()
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = User.normalise(email: form.email ?? "")
        let password = form.password ?? ""
        var errors = FormErrors()
        AccountRules.nameProblem(name).map { errors.add("name", $0) }
        AccountRules.emailProblem(email).map { errors.add("email", $0) }
        AccountRules.passwordProblem(password).map { errors.add("password", $0) }
        guard errors.isEmpty else {
            return AccountViews.signUp(req, input: .init(name: name, email: form.email ?? ""), errors: errors).response(status: .unprocessableEntity)
        }

        // Hash before looking the address up, so both answers take the same time.
        let passwordHash = try await req.password.async.hash(password)
        if let existing = try await User.query(on: req.db).filter(\.$email == email).first() {
            // Say the same as for a new address, so the form cannot be used to learn who has an account.
            try await req.mailer.send(
                to: existing.email,
                subject: "Someone tried to create a Bridgework account with your email address",
                body: """
                Hello \(existing.name),

                Someone (perhaps you) tried to create a Bridgework account with this email address, which already has one.

                If it was you, sign in at \(SiteURL.signIn.absolute(base: req.application.publicBaseURL)), or reset your password at \(SiteURL.forgotPassword.absolute(base: req.application.publicBaseURL)).

                If it was not you, you do not need to do anything.

                Bridgework
                """
            )
        } else {
            let user = User(name: name, email: email, passwordHash: passwordHash)
            do {
                try await user.create(on: req.db)
            } catch let error as DatabaseError where error.isConstraintFailure {
                // Two sign-ups for the same address at once: the other one won; answer as for an existing address.
                return req.redirect(to: SiteURL.signUpDone.path)
            }
            try await req.audit(.accountCreated, subjectType: "user", subjectID: user.id, actorID: user.id)
            try await EmailLinks.sendConfirmation(to: user, request: req)
        }
        return req.redirect(to: SiteURL.signUpDone.path)
    }

    func signUpDone(req: Request) async throws -> Response {
        AccountViews.checkEmail(req, message: "If this address can be used, we have sent it a link to confirm it. Open the link to finish creating your account.").response()
    }

    // MARK: Email confirmation

    private static let confirmationPurposes: [EmailToken.Purpose] = [.confirmEmail, .changeEmail]

    private static func confirmationLinkNotValid(_ req: Request) -> Response {
        AccountViews.linkNotValid(req, retryText: "Ask for a new confirmation link", retryURL: .resendConfirmation).response(status: .gone)
    }

    func confirmEmailPage(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard let record = try await EmailLinks.find(token, purposes: Self.confirmationPurposes, on: req.db) else {
            return Self.confirmationLinkNotValid(req)
        }
        return AccountViews.confirmEmail(req, token: token, address: record.email).response()
    }

    struct TokenForm: Content { var token: String? }

    func confirmEmail(req: Request) async throws -> Response {
        let token = (try? req.content.decode(TokenForm.self))?.token ?? ""
        guard let record = try await EmailLinks.find(token, purposes: Self.confirmationPurposes, on: req.db) else {
            return Self.confirmationLinkNotValid(req)
        }
        let user = record.user
        if record.purpose == EmailToken.Purpose.changeEmail.rawValue {
            // Someone may have taken the address since the link was sent.
            if try await User.query(on: req.db).filter(\.$email == record.email).first() != nil {
                return AccountViews.linkNotValid(req, retryText: "Go to your account", retryURL: .account).response(status: .gone)
            }
            user.email = record.email
            user.pendingEmail = nil
        }
        record.usedAt = Date()
        try await record.save(on: req.db)
        user.emailConfirmedAt = Date()
        do {
            try await user.save(on: req.db)
        } catch let error as DatabaseError where error.isConstraintFailure {
            return AccountViews.linkNotValid(req, retryText: "Go to your account", retryURL: .account).response(status: .gone)
        }
        try await req.audit(.emailConfirmed, subjectType: "user", subjectID: user.id, detail: record.purpose, actorID: user.id)
        if req.currentUser == nil {
            return req.redirect(to: SiteURL.signIn.with(query: ["notice": Notice.emailConfirmed.rawValue]))
        }
        return req.redirect(to: SiteURL.account.with(query: ["notice": Notice.emailChangeConfirmed.rawValue]))
    }

    struct EmailForm: Content { var email: String? }

    func resendConfirmationPage(req: Request) async throws -> Response {
        Self.resendConfirmationView(req).response()
    }

    private static func resendConfirmationView(_ req: Request, email: String = "", errors: FormErrors = .init()) -> HTML {
        AccountViews.requestLink(req, title: "Get a new confirmation link", intro: "Enter the email address you signed up with and we will send a new link.", action: .resendConfirmation, button: "Send confirmation link", email: email, errors: errors)
    }

    func resendConfirmation(req: Request) async throws -> Response {
        let typed = (try? req.content.decode(EmailForm.self))?.email ?? ""
        let email = User.normalise(email: typed)
        if let problem = AccountRules.emailProblem(email) {
            var errors = FormErrors()
            errors.add("email", problem)
            return Self.resendConfirmationView(req, email: typed, errors: errors).response(status: .unprocessableEntity)
        }
        if let user = try await User.query(on: req.db).filter(\.$email == email).first(), user.emailConfirmedAt == nil {
            try await EmailLinks.sendConfirmation(to: user, request: req)
        }
        return AccountViews.checkEmail(req, message: "If this address has an account waiting to be confirmed, we have sent it a new link.").response()
    }

    // MARK: Sign in and out

    struct SignInForm: Content { var email: String?; var password: String?; var next: String? }

    func signInPage(req: Request) async throws -> Response {
        let next = Self.safeNext(req.query[String.self, at: "next"])
        if req.currentUser != nil { return req.redirect(to: next ?? SiteURL.account.path) }
        return AccountViews.signIn(req, input: .init(next: next ?? "")).response()
    }

    func signIn(req: Request) async throws -> Response {
        let form = (try? req.content.decode(SignInForm.self)) ?? SignInForm()
        let typedEmail = form.email ?? ""
        let email = User.normalise(email: typedEmail)
        let password = form.password ?? ""
        let next = Self.safeNext(form.next)
        let input = AccountViews.SignInInput(email: typedEmail, next: next ?? "")

        var errors = FormErrors()
        if email.isEmpty { errors.add("email", "Enter your email address") }
        if password.isEmpty { errors.add("password", "Enter your password") }
        guard errors.isEmpty else {
            return AccountViews.signIn(req, input: input, errors: errors).response(status: .unprocessableEntity)
        }

        let throttleKeys = SignInThrottle.keys(email: email, address: req.clientAddress)
        if try await SignInThrottle.isLimited(keys: throttleKeys, on: req.db) {
            return AccountViews.signIn(req, input: input, tooManyAttempts: true).response(status: .tooManyRequests)
        }

        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // Check a password even when there is no such person, so timing does not tell who has an account.
        let hash = user?.passwordHash ?? req.application.timingDummyHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, matches else {
            try await SignInThrottle.recordFailure(keys: throttleKeys, on: req.db)
            try await req.audit(.signInFailed, subjectType: "user", subjectID: user?.id, detail: "wrong email address or password")
            errors.add("email", "Enter a correct email address and password")
            return AccountViews.signIn(req, input: input, errors: errors).response(status: .unprocessableEntity)
        }
        guard user.emailConfirmedAt != nil else {
            errors.add("email", "Confirm your email address before you sign in: open the link we sent you, or ask for a new link")
            return AccountViews.signIn(req, input: input, errors: errors).response(status: .forbidden)
        }

        try await SignInThrottle.clear(email: email, on: req.db)
        let response = req.redirect(to: next ?? SiteURL.account.path)
        try await Sessions.signIn(user, request: req, response: response)
        try await req.audit(.signIn, subjectType: "user", subjectID: user.id)
        return response
    }

    func signOut(req: Request) async throws -> Response {
        let userID = req.currentUser?.id
        let response = req.redirect(to: SiteURL.home.with(query: ["notice": Notice.signedOut.rawValue]))
        try await Sessions.signOut(request: req, response: response)
        try await req.audit(.signOut, subjectType: "user", subjectID: userID, actorID: userID)
        return response
    }

    /// Only paths on this site, so a link cannot send someone elsewhere after they sign in.
    /// A short list of characters is allowed: browsers ignore tabs and read backslashes as
    /// slashes, which would otherwise turn "/\t/evil.example" into "//evil.example".
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.count <= 512 else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~?=&%+")
        guard next.allSatisfy(allowed.contains) else { return nil }
        return next
    }

    // MARK: Forgotten password

    func forgotPasswordPage(req: Request) async throws -> Response {
        Self.forgotPasswordView(req).response()
    }

    private static func forgotPasswordView(_ req: Request, email: String = "", errors: FormErrors = .init()) -> HTML {
        AccountViews.requestLink(req, title: "Reset your password", intro: "Enter the email address you use for Bridgework. If it has an account, we will send a link to choose a new password. The link works once, within an hour.", action: .forgotPassword, button: "Send reset link", email: email, errors: errors)
    }

    func forgotPassword(req: Request) async throws -> Response {
        let typed = (try? req.content.decode(EmailForm.self))?.email ?? ""
        let email = User.normalise(email: typed)
        if let problem = AccountRules.emailProblem(email) {
            var errors = FormErrors()
            errors.add("email", problem)
            return Self.forgotPasswordView(req, email: typed, errors: errors).response(status: .unprocessableEntity)
        }
        if let user = try await User.query(on: req.db).filter(\.$email == email).first() {
            try await EmailLinks.sendPasswordReset(to: user, request: req)
            try await req.audit(.passwordResetRequested, subjectType: "user", subjectID: user.id, actorID: user.id)
        }
        return AccountViews.checkEmail(req, message: "If this address has an account, we have sent it a link to reset the password. The link expires in one hour.", offerNewConfirmationLink: false).response()
    }

    private static func resetLinkNotValid(_ req: Request) -> Response {
        AccountViews.linkNotValid(req, retryText: "Ask for a new reset link", retryURL: .forgotPassword).response(status: .gone)
    }

    func resetPasswordPage(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard try await EmailLinks.find(token, purposes: [.resetPassword], on: req.db) != nil else {
            return Self.resetLinkNotValid(req)
        }
        return AccountViews.resetPassword(req, token: token).response()
    }

    struct ResetForm: Content { var token: String?; var password: String? }

    func resetPassword(req: Request) async throws -> Response {
        let form = (try? req.content.decode(ResetForm.self)) ?? ResetForm()
        let token = form.token ?? ""
        guard let record = try await EmailLinks.find(token, purposes: [.resetPassword], on: req.db) else {
            return Self.resetLinkNotValid(req)
        }
        let password = form.password ?? ""
        if let problem = AccountRules.passwordProblem(password) {
            var errors = FormErrors()
            errors.add("password", problem)
            return AccountViews.resetPassword(req, token: token, errors: errors).response(status: .unprocessableEntity)
        }
        let user = record.user
        let userID = try user.requireID()
        user.passwordHash = try await req.password.async.hash(password)
        // Opening the link proved the address belongs to them.
        user.emailConfirmedAt = user.emailConfirmedAt ?? Date()
        try await user.save(on: req.db)
        // Every reset link for this person is spent, and every session ends.
        try await EmailToken.query(on: req.db)
            .filter(\.$user.$id == userID)
            .filter(\.$purpose == EmailToken.Purpose.resetPassword.rawValue)
            .filter(\.$usedAt == nil)
            .set(\.$usedAt, to: Date())
            .update()
        try await Sessions.endAll(userID: userID, on: req.db)
        try await SignInThrottle.clear(email: user.email, on: req.db)
        try await req.audit(.passwordReset, subjectType: "user", subjectID: userID, actorID: userID)
        let response = req.redirect(to: SiteURL.signIn.with(query: ["notice": Notice.passwordReset.rawValue]))
        response.cookies[Sessions.cookieName] = Sessions.cookie(value: "", maxAge: 0, settings: req.settings)
        return response
    }

    // MARK: Account

    private func summary(for req: Request) async throws -> AccountViews.AccountSummary {
        let current = try req.requireCurrentUser()
        guard let user = try await User.find(current.id, on: req.db) else { throw Abort(.notFound) }
        return .init(user: user, roles: try await RoleDescriptions.describe(current, on: req.db))
    }

    func accountPage(req: Request) async throws -> Response {
        AccountViews.account(req, summary: try await summary(for: req)).response()
    }

    struct DetailsForm: Content { var name: String?; var email: String? }

    func updateAccount(req: Request) async throws -> Response {
        let summary = try await summary(for: req)
        let user = summary.user
        let form = (try? req.content.decode(DetailsForm.self)) ?? DetailsForm()
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = User.normalise(email: form.email ?? "")
        var errors = FormErrors()
        AccountRules.nameProblem(name).map { errors.add("name", $0) }
        AccountRules.emailProblem(email).map { errors.add("email", $0) }
        guard errors.isEmpty else {
            return AccountViews.account(req, summary: summary, name: form.name ?? "", email: form.email ?? "", detailErrors: errors).response(status: .unprocessableEntity)
        }
        var changes: [String] = []
        if name != user.name { user.name = name; changes.append("name") }
        let askedForNewAddress = email != user.email && email != user.pendingEmail
        if email == user.email { user.pendingEmail = nil }
        if askedForNewAddress {
            // The new address waits until it is confirmed, and the answer is the same whether or not
            // another account has it, so the form cannot be used to find out who has an account.
            user.pendingEmail = email
            changes.append("asked to change email")
        }
        try await user.save(on: req.db)
        if askedForNewAddress {
            if let holder = try await User.query(on: req.db).filter(\.$email == email).first() {
                try await req.mailer.send(to: holder.email, subject: "Someone tried to use your email address on Bridgework", body: """
                Hello \(holder.name),

                Another Bridgework member tried to change their account's email address to yours. Nothing has changed on your account, and you do not need to do anything.

                Bridgework
                """)
            } else {
                try await EmailLinks.sendEmailChange(to: user, newAddress: email, request: req)
            }
        }
        if !changes.isEmpty {
            try await req.audit(.accountUpdated, subjectType: "user", subjectID: user.id, detail: changes.joined(separator: "; "))
        }
        let notice: Notice = askedForNewAddress ? .emailChangeRequested : .accountUpdated
        return req.redirect(to: SiteURL.account.with(query: ["notice": notice.rawValue]))
    }

    struct PasswordForm: Content { var current_password: String?; var new_password: String? }

    func changePassword(req: Request) async throws -> Response {
        let summary = try await summary(for: req)
        let user = summary.user
        let form = (try? req.content.decode(PasswordForm.self)) ?? PasswordForm()
        var errors = FormErrors()
        let current = form.current_password ?? ""
        let new = form.new_password ?? ""
        // Guessing the current password is limited like signing in.
        let throttleKeys = SignInThrottle.keys(email: user.email, address: req.clientAddress)
        if try await SignInThrottle.isLimited(keys: throttleKeys, on: req.db) {
            errors.add("current_password", "There have been too many wrong passwords. Wait 15 minutes and try again")
            return AccountViews.account(req, summary: summary, passwordErrors: errors).response(status: .tooManyRequests)
        }
        if current.isEmpty {
            errors.add("current_password", "Enter your current password")
        } else if !((try? await req.password.async.verify(current, created: user.passwordHash)) ?? false) {
            try await SignInThrottle.recordFailure(keys: throttleKeys, on: req.db)
            errors.add("current_password", "Your current password is not correct")
        }
        AccountRules.passwordProblem(new).map { errors.add("new_password", $0 == "Enter a password" ? "Enter a new password" : $0) }
        guard errors.isEmpty else {
            return AccountViews.account(req, summary: summary, passwordErrors: errors).response(status: .unprocessableEntity)
        }
        user.passwordHash = try await req.password.async.hash(new)
        try await user.save(on: req.db)
        // Other browsers signed in as this person are signed out; this one stays.
        let currentToken = (req.cookies[Sessions.cookieName]?.string).map { Tokens.hash($0) } ?? ""
        try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).filter(\.$tokenHash != currentToken).delete()
        try await req.audit(.passwordChanged, subjectType: "user", subjectID: user.id)
        return req.redirect(to: SiteURL.account.with(query: ["notice": Notice.passwordChanged.rawValue]))
    }
}
