import Fluent
import Plot
import Vapor

/// Sign-up, email confirmation, sign-in and sign-out, password reset, and the account page.
struct AccountController {
    // MARK: Sign up

    func signUpPage(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.account.path) }
        return SignUpPage.view(.init(page: req.page)).response()
    }

    func signUp(req: Request) async throws -> Response {
        let form = req.form(SignUpForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            let model = SignUpPage.Model(page: req.page, name: form.name, email: form.typedEmail, errors: errors)
            return SignUpPage.view(model).response(status: .unprocessableEntity)
        }
        let email = form.email

        // Hash before looking the address up, so both answers take the same time.
        let passwordHash = try await req.password.async.hash(form.password)
        if let existing = try await User.query(on: req.db).filter(\.$email == email).first() {
            // Limited like resets, so sign-up cannot be used to fill someone's inbox.
            let place = try await SignInThrottle.reserve(
                Array(SignInThrottle.resetKeys(email: email, address: nil).prefix(1)), on: req.db)
            if place == nil { return req.redirect(to: SiteURL.signUpDone.path) }
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
            let user = User(name: form.name, email: email, passwordHash: passwordHash)
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
        let model = CheckEmailPage.Model(
            page: req.page,
            message:
                "If this address can be used, we have sent it a link to confirm it. Open the link to finish creating your account."
        )
        return CheckEmailPage.view(model).response()
    }

    // MARK: Email confirmation

    private static let confirmationPurposes: [EmailToken.Purpose] = [.confirmEmail, .changeEmail]

    /// The page for a link that is spent, expired or no longer about its address.
    private static func linkNotValid(_ req: Request, retryText: String, retryURL: SiteURL) -> Response {
        let model = LinkNotValidPage.Model(page: req.page, retryText: retryText, retryURL: retryURL)
        return LinkNotValidPage.view(model).response(status: .gone)
    }

    private static func confirmationLinkNotValid(_ req: Request) -> Response {
        linkNotValid(req, retryText: "Ask for a new confirmation link", retryURL: .resendConfirmation)
    }

    func confirmEmailPage(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard let record = try await EmailLinks.find(token, purposes: Self.confirmationPurposes, on: req.db) else {
            return Self.confirmationLinkNotValid(req)
        }
        let model = ConfirmEmailPage.Model(page: req.page, token: token, address: record.email)
        return ConfirmEmailPage.view(model).response()
    }

    func confirmEmail(req: Request) async throws -> Response {
        let token = req.form.text("token")
        guard let record = try await EmailLinks.find(token, purposes: Self.confirmationPurposes, on: req.db) else {
            return Self.confirmationLinkNotValid(req)
        }
        let user = record.user
        let oldAddress = user.email
        let isChange = record.purpose == .changeEmail
        if isChange {
            // Someone may have taken the address since the link was sent.
            if try await User.query(on: req.db).filter(\.$email == record.email).first() != nil {
                return Self.linkNotValid(req, retryText: "Go to your account", retryURL: .account)
            }
            user.email = record.email
            user.pendingEmail = nil
            user.emailSince = Date()
        }
        record.usedAt = Date()
        try await record.save(on: req.db)
        user.emailConfirmedAt = Date()
        do {
            try await user.save(on: req.db)
        } catch let error as DatabaseError where error.isConstraintFailure {
            return Self.linkNotValid(req, retryText: "Go to your account", retryURL: .account)
        }
        try await req.audit(
            .emailConfirmed, subjectType: "user", subjectID: user.id, detail: record.purpose.rawValue, actorID: user.id)
        if isChange {
            // Every other browser signed in as this person is signed out, and the old address is
            // told, with a way back, in case it was not them.
            try await Sessions.endOthers(userID: user.requireID(), request: req)
            try await EmailLinks.sendEmailChangeUndo(to: user, oldAddress: oldAddress, request: req)
        }
        if req.currentUser == nil {
            return req.redirect(to: SiteURL.signIn.with(notice: AccountsNotice.emailConfirmed))
        }
        return req.redirect(to: SiteURL.account.with(notice: AccountsNotice.emailChangeConfirmed))
    }

    // MARK: Asking for a link by email

    /// One of the forms that send a link to an address, and what it says once it has.
    struct LinkRequest: Sendable {
        let title: String
        let intro: String
        let action: SiteURL
        let button: String
        /// The answer, the same whether or not a link went.
        let sentMessage: String
        let offersNewConfirmationLink: Bool
    }

    /// What sending a link came to.
    enum LinkRequestOutcome {
        /// The usual answer follows, whether or not a link went.
        case answered
        /// The network address has asked too often; saying so tells nothing about any account.
        case networkLimitReached
    }

    static let newConfirmationLink = LinkRequest(
        title: "Get a new confirmation link",
        intro: "Enter the email address you signed up with and we will send a new link.",
        action: .resendConfirmation, button: "Send confirmation link",
        sentMessage: "If this address has an account waiting to be confirmed, we have sent it a new link.",
        offersNewConfirmationLink: true)

    static let passwordResetLink = LinkRequest(
        title: "Reset your password",
        intro:
            "Enter the email address you use for Bridgework. If it has an account, we will send a link to choose a new password. The link works once, within an hour.",
        action: .forgotPassword, button: "Send reset link",
        sentMessage:
            "If this address has an account, we have sent it a link to reset the password. The link expires in one hour.",
        offersNewConfirmationLink: false)

    private static func linkRequestModel(
        _ req: Request, _ kind: LinkRequest, email: String = "", errors: FormErrors = .init()
    ) -> RequestLinkPage.Model {
        let model = RequestLinkPage.Model(
            page: req.page, title: kind.title, intro: kind.intro, action: kind.action, button: kind.button,
            email: email, errors: errors)
        return model
    }

    /// Reads the address, lets `send` decide whether a link goes, and answers the same either way,
    /// never sooner than `AccountRules.linkRequestDuration`, so neither the words nor the timing
    /// tell whether the address has an account.
    private func answerLinkRequest(
        _ req: Request, _ kind: LinkRequest, send: (_ email: String) async throws -> LinkRequestOutcome
    ) async throws -> Response {
        let form = req.form(LinkRequestForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return RequestLinkPage.view(Self.linkRequestModel(req, kind, email: form.typedEmail, errors: errors))
                .response(
                    status: .unprocessableEntity)
        }
        let started = ContinuousClock.now
        if try await send(form.email) == .networkLimitReached {
            var errors = FormErrors()
            errors.add("email", "There have been too many requests from your network. Wait an hour and try again")
            return RequestLinkPage.view(Self.linkRequestModel(req, kind, email: form.typedEmail, errors: errors))
                .response(
                    status: .tooManyRequests)
        }
        try await Task.sleep(until: started + AccountRules.linkRequestDuration)
        let model = CheckEmailPage.Model(
            page: req.page, message: kind.sentMessage, offersNewConfirmationLink: kind.offersNewConfirmationLink)
        return CheckEmailPage.view(model).response()
    }

    func resendConfirmationPage(req: Request) async throws -> Response {
        RequestLinkPage.view(Self.linkRequestModel(req, Self.newConfirmationLink)).response()
    }

    func resendConfirmation(req: Request) async throws -> Response {
        try await answerLinkRequest(req, Self.newConfirmationLink) { email in
            // Limited as resets are, so nobody can fill an inbox from here either.
            if try await SignInThrottle.reserve(
                SignInThrottle.resetKeys(email: email, address: req.clientAddress), on: req.db) != nil,
                let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$deletedAt == nil)
                    .first(),
                user.emailConfirmedAt == nil
            {
                try await EmailLinks.sendConfirmation(to: user, request: req)
            }
            return .answered
        }
    }

    // MARK: Sign in and out

    func signInPage(req: Request) async throws -> Response {
        let next = Self.safeNext(req.query[String.self, at: "next"])
        if req.currentUser != nil { return req.redirect(to: next ?? SiteURL.personalHome.path) }
        return SignInPage.view(.init(page: req.page, next: next ?? "")).response()
    }

    func signIn(req: Request) async throws -> Response {
        let form = req.form(SignInForm.self)
        let email = form.email
        var model = SignInPage.Model(page: req.page, email: form.typedEmail, next: form.next ?? "")

        model.errors = form.validate()
        guard model.errors.isEmpty else {
            return SignInPage.view(model).response(status: .unprocessableEntity)
        }

        let throttleKeys = SignInThrottle.keys(email: email, address: req.clientAddress)
        guard let reservation = try await SignInThrottle.reserve(throttleKeys, on: req.db) else {
            model.tooManyAttempts = true
            return SignInPage.view(model).response(status: .tooManyRequests)
        }

        let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$deletedAt == nil).first()
        // Check a password even when there is no such person, so timing does not tell who has an account.
        let hash = user?.passwordHash ?? req.application.timingDummyHash
        let matches = (try? await req.password.async.verify(form.password, created: hash)) ?? false
        guard let user, matches else {
            // The reserved places stay taken: they are this failure.
            try await req.audit(
                .signInFailed, subjectType: "user", subjectID: user?.id, detail: "wrong email address or password")
            model.errors.add("email", "Enter a correct email address and password")
            return SignInPage.view(model).response(status: .unprocessableEntity)
        }
        try await SignInThrottle.release(reservation, on: req.db)
        guard user.emailConfirmedAt != nil else {
            model.errors.add(
                "email",
                "Confirm your email address before you sign in: open the link we sent you, or ask for a new link")
            return SignInPage.view(model).response(status: .forbidden)
        }

        try await SignInThrottle.clear(email: email, on: req.db)
        let response = req.redirect(to: form.next ?? SiteURL.personalHome.path)
        try await Sessions.signIn(user, request: req, response: response)
        try await req.audit(.signIn, subjectType: "user", subjectID: user.id)
        return response
    }

    func signOut(req: Request) async throws -> Response {
        let userID = req.currentUser?.id
        let response = req.redirect(to: SiteURL.home.with(notice: AccountsNotice.signedOut))
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
        RequestLinkPage.view(Self.linkRequestModel(req, Self.passwordResetLink)).response()
    }

    func forgotPassword(req: Request) async throws -> Response {
        try await answerLinkRequest(req, Self.passwordResetLink) { email in
            let throttleKeys = SignInThrottle.resetKeys(email: email, address: req.clientAddress)
            // Every request counts against its network address, and saying it is used up tells
            // nothing about any account.
            if try await SignInThrottle.reserve(Array(throttleKeys.dropFirst()), on: req.db) == nil {
                return .networkLimitReached
            }
            // Every request for an address takes a place, account or not, so the limit says nothing
            // about who has one; past it, the answer is the same and no email goes.
            if try await SignInThrottle.reserve(Array(throttleKeys.prefix(1)), on: req.db) != nil,
                let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$deletedAt == nil)
                    .first()
            {
                try await EmailLinks.sendPasswordReset(to: user, request: req)
                try await req.audit(.passwordResetRequested, subjectType: "user", subjectID: user.id, actorID: user.id)
            }
            return .answered
        }
    }

    private static func resetLinkNotValid(_ req: Request) -> Response {
        linkNotValid(req, retryText: "Ask for a new reset link", retryURL: .forgotPassword)
    }

    func resetPasswordPage(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard let record = try await EmailLinks.find(token, purposes: [.resetPassword], on: req.db) else {
            return Self.resetLinkNotValid(req)
        }
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == record.user.requireID()).count()
        // After a forgotten password, revoking tokens is the safe choice, so it starts ticked.
        let model = ResetPasswordPage.Model(page: req.page, token: token, tokenCount: tokens, revokeTokens: true)
        return ResetPasswordPage.view(model).response()
    }

    func resetPassword(req: Request) async throws -> Response {
        let form = req.form(ResetPasswordForm.self)
        guard let record = try await EmailLinks.find(form.token, purposes: [.resetPassword], on: req.db) else {
            return Self.resetLinkNotValid(req)
        }
        let errors = form.validate()
        guard errors.isEmpty else {
            let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == record.user.requireID()).count()
            let model = ResetPasswordPage.Model(
                page: req.page, token: form.token, tokenCount: tokens, revokeTokens: form.revokeTokens,
                errors: errors)
            return ResetPasswordPage.view(model).response(status: .unprocessableEntity)
        }
        let user = record.user
        let userID = try user.requireID()
        user.passwordHash = try await req.password.async.hash(form.password)
        // Opening the link proved the address belongs to them.
        user.emailConfirmedAt = user.emailConfirmedAt ?? Date()
        try await user.save(on: req.db)
        // Every reset link for this person is spent, and every session ends.
        try await EmailToken.query(on: req.db)
            .filter(\.$user.$id == userID)
            .filter(\.$purpose == .resetPassword)
            .filter(\.$usedAt == nil)
            .set(\.$usedAt, to: Date())
            .update()
        try await Sessions.endAll(userID: userID, on: req.db)
        try await SignInThrottle.clear(email: user.email, on: req.db)
        try await req.audit(.passwordReset, subjectType: "user", subjectID: userID, actorID: userID)
        if form.revokeTokens {
            try await APITokens.revokeAll(of: userID, request: req)
        }
        let response = req.redirect(to: SiteURL.signIn.with(notice: AccountsNotice.passwordReset))
        response.cookies[Sessions.cookieName] = Sessions.cookie(value: "", maxAge: 0, settings: req.settings)
        return response
    }

    // MARK: Account

    /// Everything the account page shows, loaded once.
    static func accountModel(
        _ req: Request, newToken: String? = nil, detailErrors: FormErrors = .init(),
        passwordErrors: FormErrors = .init(),
        tokenErrors: FormErrors = .init(), errors: FormErrors = .init(), name: String? = nil, email: String? = nil,
        tokenName: String = "", tokenDays: String = ""
    ) async throws -> AccountPage.Model {
        let current = try req.requireCurrentUser()
        guard let user = try await User.find(current.id, on: req.db) else { throw Abort(.notFound) }
        let pendingHubs = try await Hub.query(on: req.db)
            .join(HubMembership.self, on: \HubMembership.$hub.$id == \Hub.$id)
            .filter(HubMembership.self, \.$user.$id == current.id)
            .filter(HubMembership.self, \.$status == .pending)
            .sort(\.$name).all()
        let organisations = try await Organisation.query(on: req.db)
            .join(OrganisationMembership.self, on: \OrganisationMembership.$organisation.$id == \Organisation.$id)
            .filter(OrganisationMembership.self, \.$user.$id == current.id)
            .sort(\.$name).all()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == current.id).sort(
            \.$createdAt, .descending
        ).all()
        let model = AccountPage.Model(
            page: req.page,
            user: user,
            roles: try await RoleDescriptions.describe(current, on: req.db),
            canReadMembersOnly: Policy.can(current, .readMembersOnly),
            pendingHubNames: pendingHubs.map(\.name),
            organisations: organisations.map {
                .init(slug: $0.slug, name: $0.name, isAdmin: $0.id.map(current.adminOfOrganisations.contains) ?? false)
            },
            tokens: tokens,
            newToken: newToken,
            defaultTokenDays: req.settings.apiTokenLifetimeDays,
            name: name,
            email: email,
            detailErrors: detailErrors,
            passwordErrors: passwordErrors,
            tokenErrors: tokenErrors,
            errors: errors,
            tokenName: tokenName,
            tokenDays: tokenDays
        )
        return model
    }

    func accountPage(req: Request) async throws -> Response {
        AccountPage.view(try await Self.accountModel(req)).response()
    }

    private func signedInUser(_ req: Request) async throws -> User {
        let current = try req.requireCurrentUser()
        guard let user = try await User.find(current.id, on: req.db) else { throw Abort(.notFound) }
        return user
    }

    /// Checks the current password, limited like signing in. Nil when it is right.
    func passwordProblem(_ typed: String, of user: User, req: Request) async throws -> (
        message: String, status: HTTPResponseStatus
    )? {
        let throttleKeys = SignInThrottle.keys(email: user.email, address: req.clientAddress)
        guard let reservation = try await SignInThrottle.reserve(throttleKeys, on: req.db) else {
            return ("There have been too many wrong passwords. Wait 15 minutes and try again", .tooManyRequests)
        }
        if typed.isEmpty {
            try await SignInThrottle.release(reservation, on: req.db)
            return ("Enter your current password", .unprocessableEntity)
        }
        guard (try? await req.password.async.verify(typed, created: user.passwordHash)) ?? false else {
            return ("Your current password is not correct", .unprocessableEntity)
        }
        try await SignInThrottle.release(reservation, on: req.db)
        return nil
    }

    func updateAccount(req: Request) async throws -> Response {
        let user = try await signedInUser(req)
        let form = req.form(AccountDetailsForm.self)
        let name = form.name
        let email = form.email
        var errors = form.validate()
        let askedForNewAddress = errors.isEmpty && email != user.email && email != user.pendingEmail
        var status = HTTPResponseStatus.unprocessableEntity
        if askedForNewAddress {
            // A new address needs the password: someone at an unattended screen cannot take the account.
            if let problem = try await passwordProblem(form.emailPassword, of: user, req: req) {
                errors.add(
                    "email_password",
                    problem.message == "Enter your current password"
                        ? "Enter your current password to change your email address" : problem.message)
                status = problem.status
            }
        }
        guard errors.isEmpty else {
            return AccountPage.view(
                try await Self.accountModel(req, detailErrors: errors, name: form.name, email: form.typedEmail)
            )
            .response(status: status)
        }
        var changes: [String] = []
        if name != user.name {
            user.name = name
            changes.append("name")
        }
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
                try await req.mailer.send(
                    to: holder.email, subject: "Someone tried to use your email address on Bridgework",
                    body: """
                        Hello \(holder.name),

                        Another Bridgework member tried to change their account's email address to yours. Nothing has changed on your account, and you do not need to do anything.

                        Bridgework
                        """)
            } else {
                try await EmailLinks.sendEmailChange(to: user, newAddress: email, request: req)
            }
        }
        if !changes.isEmpty {
            try await req.audit(
                .accountUpdated, subjectType: "user", subjectID: user.id, detail: changes.joined(separator: "; "))
        }
        let notice: AccountsNotice = askedForNewAddress ? .emailChangeRequested : .accountUpdated
        return req.redirect(to: SiteURL.account.with(notice: notice))
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try await signedInUser(req)
        let form = req.form(PasswordChangeForm.self)
        var errors = FormErrors()
        var status = HTTPResponseStatus.unprocessableEntity
        // The current password is checked first, always, so every attempt counts against the limit.
        if let problem = try await passwordProblem(form.currentPassword, of: user, req: req) {
            errors.add("current_password", problem.message)
            status = problem.status
        }
        errors = FormErrors.merged(errors, form.validate())
        guard errors.isEmpty else {
            return AccountPage.view(try await Self.accountModel(req, passwordErrors: errors)).response(status: status)
        }
        user.passwordHash = try await req.password.async.hash(form.newPassword)
        try await user.save(on: req.db)
        // Other browsers signed in as this person are signed out; this one stays.
        try await Sessions.endOthers(userID: user.requireID(), request: req)
        try await req.audit(.passwordChanged, subjectType: "user", subjectID: user.id)
        if form.revokeTokens {
            try await APITokens.revokeAll(of: user.requireID(), request: req)
        }
        let notice: AccountsNotice = form.revokeTokens ? .tokensRevoked : .passwordChanged
        return req.redirect(to: SiteURL.account.with(notice: notice))
    }

    // MARK: Undoing an email change

    private static func undoLinkNotValid(_ req: Request) -> Response {
        linkNotValid(req, retryText: "Reset your password", retryURL: .forgotPassword)
    }

    func undoEmailChangePage(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard let record = try await EmailLinks.find(token, purposes: [.undoEmailChange], on: req.db) else {
            return Self.undoLinkNotValid(req)
        }
        let model = UndoEmailChangePage.Model(page: req.page, token: token, oldAddress: record.email)
        return UndoEmailChangePage.view(model).response()
    }

    /// Puts the old address back, signs everyone out and revokes API tokens: whoever changed it
    /// may have been someone else.
    func undoEmailChange(req: Request) async throws -> Response {
        let token = req.form.text("token")
        guard let record = try await EmailLinks.find(token, purposes: [.undoEmailChange], on: req.db) else {
            return Self.undoLinkNotValid(req)
        }
        let user = record.user
        let userID = try user.requireID()
        if let holder = try await User.query(on: req.db).filter(\.$email == record.email).first(), holder.id != userID {
            return Self.undoLinkNotValid(req)
        }
        user.email = record.email
        user.pendingEmail = nil
        user.emailSince = Date()
        // Whoever changed the address knew the password, so it stops working too: the owner
        // chooses a new one through a link sent to the address that is theirs again.
        user.passwordHash = "!"
        try await user.save(on: req.db)
        try await EmailToken.query(on: req.db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).set(
            \.$usedAt, to: Date()
        ).update()
        try await Sessions.endAll(userID: userID, on: req.db)
        try await APIToken.query(on: req.db).filter(\.$user.$id == userID).delete()
        try await req.audit(.emailChangeUndone, subjectType: "user", subjectID: userID, actorID: userID)
        try await EmailLinks.sendPasswordReset(to: user, request: req)
        let response = req.redirect(to: SiteURL.signIn.with(notice: AccountsNotice.emailChangeUndone))
        response.cookies[Sessions.cookieName] = Sessions.cookie(value: "", maxAge: 0, settings: req.settings)
        return response
    }

    // MARK: API tokens

    func createToken(req: Request) async throws -> Response {
        let current = try req.requireCurrentUser()
        let form = NewTokenForm(req.form, defaultDays: req.settings.apiTokenLifetimeDays)
        let errors = form.validate()
        guard errors.isEmpty else {
            return AccountPage.view(
                try await Self.accountModel(
                    req, tokenErrors: errors, tokenName: form.name, tokenDays: form.typedDays
                )
            ).response(status: .unprocessableEntity)
        }
        let token = try await APITokens.create(for: current.id, name: form.name, days: form.days, on: req.db)
        try await req.audit(.apiTokenCreated, subjectType: "user", subjectID: current.id, detail: form.name)
        let page = AccountPage.view(try await Self.accountModel(req, newToken: token)).response()
        // The token is shown once; no cache may keep it.
        page.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return page
    }

    func revokeToken(req: Request) async throws -> Response {
        let current = try req.requireCurrentUser()
        guard let tokenID = req.parameters.get("tokenID", as: UUID.self),
            let token = try await APIToken.query(on: req.db).filter(\.$id == tokenID).filter(\.$user.$id == current.id)
                .first()
        else { throw Abort(.notFound) }
        try await token.delete(on: req.db)
        try await req.audit(.apiTokenRevoked, subjectType: "user", subjectID: current.id, detail: token.name)
        return req.redirect(to: SiteURL.account.with(notice: AccountsNotice.tokenRevoked) + "#api-tokens")
    }
}
