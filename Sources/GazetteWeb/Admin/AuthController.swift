import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// Signing in and out, the first-admin setup link and password resets.
package struct AuthController: Sendable {
    package let accounts: AccountService
    package let session: AdminSession
    package let renderer: AdminRenderer
    package let clientAddress: ClientAddress
    package let loginToken: LoginFormToken
    package let audit: AuditLog
    /// "Forgot your password?"; nil where no mail can be sent.
    package let recovery: PasswordRecovery?

    package init(
        accounts: AccountService, session: AdminSession, renderer: AdminRenderer, clientAddress: ClientAddress,
        loginToken: LoginFormToken, audit: AuditLog, recovery: PasswordRecovery? = nil
    ) {
        self.recovery = recovery
        self.accounts = accounts
        self.session = session
        self.renderer = renderer
        self.clientAddress = clientAddress
        self.loginToken = loginToken
        self.audit = audit
    }

    package func loginForm(_ request: Request) async throws -> Response {
        if try await session.user(for: request) != nil {
            return PageRenderer.redirect(to: AdminURL.dashboard.path, permanent: false)
        }
        let next = request.uri.queryParameters["next"].map(String.init)
        var message: String? = nil
        if request.uri.queryParameters["expired"] != nil {
            message = "The sign-in code was not typed within ten minutes. Sign in again with your password."
        } else if request.uri.queryParameters[KeptWork.parameter[...]] != nil {
            message =
                "Your session had ended, so nothing was saved yet. Sign in again: everything you sent is kept, "
                + "and you will find it back in the editor."
        }
        if message == nil, try await !accounts.anyoneCanSignIn() {
            message =
                "Nobody can sign in yet. Whoever installed Gazette creates the first admin account with the "
                + "one-time link “gazette serve” printed when it started (restart it to print a new one); that "
                + "admin then invites everyone else from the newsroom."
        }
        return signIn(request, email: "", error: message, next: AdminURL.safeNext(next))
    }

    /// The sign-in form, with the browser's login token (and its cookie when the token is new).
    private func signIn(
        _ request: Request, email: String, error: String?, next: String, status: HTTPResponse.Status = .ok
    ) -> Response {
        let token = loginToken.token(for: request)
        var response = renderer.page(
            signInPage(email: email, error: error, next: next, token: token.value), status: status)
        if token.isNew { response.setCookie(loginToken.cookie(token.value)) }
        return response
    }

    package func login(_ request: Request, context: GazetteRequestContext) async throws -> Response {
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        let next = AdminURL.safeNext(fields["next"])
        guard LoginFormToken.matches(fields, request) else {
            // No password is checked: the form came from elsewhere, or from a page open for more than a day.
            return signIn(
                request, email: fields["email"],
                error: "This sign-in form had expired or did not come from this site. Please sign in again.",
                next: next, status: .forbidden)
        }
        let ip = clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor])
        switch try await accounts.signIn(
            email: fields["email"], password: fields["password"], ip: ip, userAgent: request.headers[.userAgent] ?? "")
        {
        case .signedIn(let tokens, let author):
            await audit.record(.signedIn, by: author)
            var response = PageRenderer.redirect(to: next, permanent: false)
            response.setCookie(session.cookie(tokens.session))
            return response
        case .needsCode(let challenge, _):
            var response = PageRenderer.redirect(
                to: AdminURL.signInCode.path + "?next=" + FormBody.encode(next), permanent: false)
            response.setCookie(secondStepCookie(challenge))
            return response
        case .wrongCredentials:
            await audit.record(.signInFailed, typedEmail: fields["email"])
            return signIn(
                request, email: fields["email"], error: "The email address or the password is not right.", next: next,
                status: .unauthorized)
        case .throttled(let minutes):
            // Not logged: refused attempts write nothing, so a flood cannot fill the log (the failures that
            // caused the pause are in it).
            return signIn(
                request, email: fields["email"],
                error: "Too many failed attempts from here. For your account's safety, try again in \(minutes) "
                    + "minute\(minutes == 1 ? "" : "s").", next: next, status: .tooManyRequests)
        }
    }

    // MARK: Two-step sign-in

    package static let secondStepCookieName = "gazette_second_step"

    /// Holds the pending sign-in between the password and the code; only sent to the newsroom, never readable
    /// by scripts, and gone after ten minutes.
    private func secondStepCookie(_ challenge: String, expired: Bool = false) -> Cookie {
        Cookie(
            name: Self.secondStepCookieName, value: expired ? "" : challenge,
            maxAge: expired ? 0 : Int(AccountService.secondStepLifetime), path: AdminURL.root,
            secure: session.secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    package func codeForm(_ request: Request) async throws -> Response {
        let next = AdminURL.safeNext(request.uri.queryParameters["next"].map(String.init))
        guard let challenge = request.cookies[Self.secondStepCookieName]?.value,
            try await accounts.pendingSecondStep(challenge: challenge) != nil
        else { return startAgain(next: next) }
        return codePage(next: next, error: nil)
    }

    package func submitCode(_ request: Request, context: GazetteRequestContext) async throws -> Response {
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        let next = AdminURL.safeNext(fields["next"])
        guard let challenge = request.cookies[Self.secondStepCookieName]?.value else { return startAgain(next: next) }
        let ip = clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor])
        switch try await accounts.completeSecondStep(
            challenge: challenge, code: fields["code"], ip: ip, userAgent: request.headers[.userAgent] ?? "")
        {
        case .signedIn(let tokens, let author, let check, let left):
            await audit.record(.signedIn, by: author, detail: check == .recoveryCode ? "with a recovery code" : "")
            if check == .recoveryCode {
                await audit.record(.recoveryCodeUsed, by: author, detail: "\(left) left")
            }
            // Someone who needed a recovery code has likely lost their phone: the page says what to do next.
            let landing = check == .recoveryCode ? AdminURL.twoFactor.path + "?recovered=\(left)" : next
            var response = PageRenderer.redirect(to: landing, permanent: false)
            response.setCookie(session.cookie(tokens.session))
            response.setCookie(secondStepCookie("", expired: true))
            return response
        case .wrongCode(let author, let alreadyUsed):
            await audit.record(.twoFactorFailed, by: author, detail: alreadyUsed ? "a code already used" : "")
            return codePage(
                next: next,
                error: alreadyUsed
                    ? "That code was already used: each code works once. Wait for the app to show the next one "
                        + "(a new code comes every 30 seconds) and type it."
                    : "That code is not right. Codes change every 30 seconds: type the one showing now.",
                status: .unauthorized)
        case .throttled(let minutes, _):
            return codePage(
                next: next,
                error: "Too many wrong codes from here. For your account's safety, try again in \(minutes) minute"
                    + "\(minutes == 1 ? "" : "s").", status: .tooManyRequests)
        case .expired:
            return startAgain(next: next)
        }
    }

    private func codePage(next: String, error: String?, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(
            SignInCodePage(
                chrome: renderer.chrome(title: "Sign-in code", user: nil), siteTitle: renderer.siteTitle, next: next,
                error: error), status: status)
    }

    /// Back to the password form, when the code step has expired or was never begun.
    private func startAgain(next: String) -> Response {
        var response = PageRenderer.redirect(
            to: AdminURL.login.path + "?expired=1&next=" + FormBody.encode(next), permanent: false)
        response.setCookie(secondStepCookie("", expired: true))
        return response
    }

    package func logout(_ request: Request, everywhere: Bool) async throws -> Response {
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        guard let user = try await session.user(for: request) else {
            return PageRenderer.redirect(to: AdminURL.login.path, permanent: false)
        }
        guard AdminSession.formIsGenuine(fields, user: user) else { return renderer.expiredForm(user) }
        await audit.record(everywhere ? .signedOutEverywhere : .signedOut, by: user.author)
        if everywhere {
            try await accounts.signOutEverywhere(userID: user.author.id)
        } else if let token = request.cookies[AdminSession.cookieName]?.value {
            try await accounts.signOut(sessionToken: token)
        }
        var response = PageRenderer.redirect(to: AdminURL.login.path, permanent: false)
        response.setCookie(session.expiredCookie())
        return response
    }

    // MARK: First admin

    package func setupForm(token: String) async throws -> Response {
        guard try await accounts.isUsable(setupToken: token) else { return unusableLink() }
        return renderer.page(setupPage(token: token, name: "", email: "", errors: ValidationErrors()))
    }

    package func setup(_ request: Request, token: String, context: GazetteRequestContext) async throws -> Response {
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        switch try await accounts.completeSetup(
            token: token, name: fields["name"], email: fields["email"], password: fields["password"])
        {
        case .created(let userID):
            await audit.record(.passwordSet, userID: userID, detail: "The first admin was created with the setup link.")
            return try await signedIn(userID: userID, request: request, clientIP: context.clientIP)
        case .invalid(let errors):
            return renderer.page(
                setupPage(token: token, name: fields["name"], email: fields["email"], errors: errors),
                status: .unprocessableContent)
        case .linkUnusable:
            return unusableLink()
        }
    }

    // MARK: Password reset

    package func resetForm(token: String, invite: Bool = false) async throws -> Response {
        let usable =
            invite ? try await accounts.isUsable(inviteToken: token) : try await accounts.isUsable(resetToken: token)
        guard usable else { return unusableLink() }
        return renderer.page(resetPage(token: token, error: nil, invite: invite))
    }

    /// Choosing a password with a reset link, or the first one with an invitation.
    package func reset(
        _ request: Request, token: String, context: GazetteRequestContext, invite: Bool = false
    ) async throws -> Response {
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        let result =
            invite
            ? try await accounts.acceptInvite(token: token, password: fields["password"])
            : try await accounts.resetPassword(token: token, password: fields["password"])
        switch result {
        case .changed(let userID):
            await audit.record(
                .passwordSet, userID: userID, detail: invite ? "An invitation was accepted." : "A reset link was used.")
            if try await accounts.twoFactor.isEnabled(userID: userID) {
                // A reset link proves the email, not the phone: the code is still asked for.
                return renderer.message(
                    .ok, heading: "Your new password is saved",
                    message: "Sign in with it; you will be asked for the code from your authenticator app as usual.",
                    user: nil, linkURL: AdminURL.login.path, linkLabel: "Sign in")
            }
            return try await signedIn(userID: userID, request: request, clientIP: context.clientIP)
        case .invalid(let errors):
            return renderer.page(
                resetPage(token: token, error: errors.message(for: "password"), invite: invite),
                status: .unprocessableContent)
        case .linkUnusable:
            return unusableLink()
        }
    }

    package func passwordForm(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        return renderer.page(passwordPage(user: user, errors: ValidationErrors()))
    }

    package func changePassword(
        _ request: Request, context: NewsroomFormContext
    ) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        do {
            try await accounts.changePassword(
                for: user.author, current: posted.fields["current_password"], new: posted.fields["new_password"],
                ip: clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor]))
        } catch let errors as ValidationErrors {
            return renderer.page(
                passwordPage(user: user, errors: errors), status: .unprocessableContent)
        }
        await audit.record(.passwordChanged, by: user.author)
        return try await signedIn(
            userID: user.author.id, request: request, clientIP: context.clientIP,
            landing: AdminURL.profile.path + "?password=1")
    }

    private func passwordPage(user: SignedInUser, errors: ValidationErrors) -> PasswordPage {
        PasswordPage(
            chrome: renderer.chrome(title: "Change your password", user: user, current: "profile"),
            generalError: errors.isEmpty ? nil : "Your password was not changed: see the messages below.",
            current: AdminField(value: "", error: errors.message(for: "current_password")),
            new: AdminField(value: "", error: errors.message(for: "new_password")))
    }

    /// After a setup, a reset or a password change: the person is signed in (anew) and moves on.
    private func signedIn(
        userID: Int64, request: Request, clientIP: String, landing: String = AdminURL.dashboard.path
    ) async throws -> Response {
        let tokens = try await accounts.startSession(
            userID: userID,
            ip: clientAddress.resolve(peer: clientIP, forwardedFor: request.headers[.xForwardedFor]),
            userAgent: request.headers[.userAgent] ?? "")
        var response = PageRenderer.redirect(to: landing, permanent: false)
        response.setCookie(session.cookie(tokens.session))
        return response
    }

    // MARK: Pages

    private func unusableLink() -> Response {
        renderer.message(
            .gone, heading: "This link no longer works",
            message: "Links like this work once and expire (after 24 hours, or a week for invitations). Ask for a "
                + "new one: an admin can send a new invitation from People, gazette serve prints a setup link while "
                + "the site has no admin, and gazette user reset-password --email … prints a reset link.", user: nil,
            linkURL: AdminURL.login.path, linkLabel: "Go to sign in")
    }

    private func signInPage(email: String, error: String?, next: String, token: String) -> AdminFormPage {
        var page = AdminFormPage(
            chrome: renderer.chrome(title: "Sign in", user: nil), heading: "Sign in to the newsroom", intro: nil,
            action: AdminURL.login.path, formError: error, name: nil, email: AdminField(value: email, error: nil),
            password: AdminField(value: "", error: nil), submitLabel: "Sign in", next: next, loginToken: token)
        if recovery != nil {
            page.footerLink = LinkModel(name: "Forgot your password?", url: AdminURL.forgotPassword.path)
        }
        return page
    }

    private func forgotPage(email: String, error: String?) -> AdminFormPage {
        AdminFormPage(
            chrome: renderer.chrome(title: "Forgot your password?", user: nil), heading: "Forgot your password?",
            intro: "Type the email address of your newsroom account: we send it a link to choose a new password.",
            action: AdminURL.forgotPassword.path, formError: error, name: nil,
            email: AdminField(value: email, error: nil), password: nil, submitLabel: "Email me a link",
            next: AdminURL.dashboard.path, footerLink: LinkModel(name: "Back to sign in", url: AdminURL.login.path))
    }

    // MARK: Forgot password

    package func forgotForm(_ request: Request) async throws -> Response {
        guard recovery != nil else { throw HTTPError(.notFound) }
        return renderer.page(forgotPage(email: "", error: nil))
    }

    /// The same answer whether or not the address has an account; only too many requests from one client
    /// address get another.
    package func forgot(_ request: Request, context: GazetteRequestContext) async throws -> Response {
        guard let recovery else { throw HTTPError(.notFound) }
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        let email = fields["email"]
        guard !email.trimmingCharacters(in: .whitespaces).isEmpty else {
            return renderer.page(
                forgotPage(email: "", error: "Type the email address you sign in with."),
                status: .unprocessableContent)
        }
        let ip = clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor])
        switch try await recovery.request(email: email, ip: ip) {
        case .throttled:
            return renderer.page(
                forgotPage(
                    email: email,
                    error: "Too many requests from here just now. Try again in 15 minutes, or ask an admin for a link."),
                status: .tooManyRequests)
        case .answered:
            return renderer.message(
                .ok, heading: "Check your email",
                message: "If a newsroom account uses \(email.trimmingCharacters(in: .whitespaces)), a link to choose a "
                    + "new password is on its way there. It works once, for an hour. Nothing arrived? Check the spam "
                    + "folder, or ask an admin.", user: nil, linkURL: AdminURL.login.path, linkLabel: "Back to sign in")
        }
    }

    private func setupPage(token: String, name: String, email: String, errors: ValidationErrors) -> AdminFormPage {
        AdminFormPage(
            chrome: renderer.chrome(title: "Create the first admin", user: nil), heading: "Create the first admin",
            intro: "This account can publish, moderate and invite everyone else. The link works once.",
            action: AdminURL.setup(token: token).path, formError: nil,
            name: AdminField(value: name, error: errors.message(for: "name")),
            email: AdminField(value: email, error: errors.message(for: "email")),
            password: AdminField(value: "", error: errors.message(for: "password")), submitLabel: "Create account",
            next: AdminURL.dashboard.path, newPassword: true)
    }

    private func resetPage(token: String, error: String?, invite: Bool) -> AdminFormPage {
        let heading = invite ? "Welcome to the newsroom" : "Choose a new password"
        return AdminFormPage(
            chrome: renderer.chrome(title: heading, user: nil), heading: heading,
            intro: invite
                ? "Choose the password you will sign in with. This link works once."
                : "You will be signed out everywhere else.",
            action: invite ? AdminURL.invite(token: token).path : AdminURL.reset(token: token).path, formError: nil,
            name: nil,
            email: nil, password: AdminField(value: "", error: error), submitLabel: "Save password",
            next: AdminURL.dashboard.path, newPassword: true)
    }
}
