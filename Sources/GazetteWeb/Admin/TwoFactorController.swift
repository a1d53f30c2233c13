import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// Two-step sign-in in someone's own profile: set it up with an authenticator app, make new recovery codes, or
/// turn it off (with the password, and only where the role does not require it).
package struct TwoFactorController: Sendable {
    package let renderer: AdminRenderer
    package let accounts: AccountService
    package let audit: AuditLog
    package let site: LiveSiteSettings
    package let clientAddress: ClientAddress

    package init(
        renderer: AdminRenderer, accounts: AccountService, audit: AuditLog, site: LiveSiteSettings,
        clientAddress: ClientAddress
    ) {
        self.renderer = renderer
        self.accounts = accounts
        self.audit = audit
        self.site = site
        self.clientAddress = clientAddress
    }
    package var twoFactor: TwoFactorService { accounts.twoFactor }

    package func show(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let query = request.uri.queryParameters
        var notice: String?
        if let left = query["recovered"].flatMap({ Int(String($0)) }) {
            let lostPhone =
                site.current.requiresTwoFactor(user.author.role)
                ? "ask an admin to reset it (gazette user reset-two-factor), then set it up on your new phone"
                : "turn it off below with your password, then set it up again on your new phone"
            notice = "You signed in with a recovery code; \(left) left. If your phone is lost, \(lostPhone)."
        } else if query["enabled"] != nil {
            notice = "Two-step sign-in is on."
        }
        return try await page(user: user, notice: notice)
    }

    package func change(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        switch fields["intent"] {
        case "enable":
            guard let codes = try await twoFactor.enable(userID: user.author.id, code: fields["code"]) else {
                return try await page(
                    user: user, codeError: "That is not the code the app shows now. Check the key, then try again.",
                    status: .unprocessableContent)
            }
            await audit.record(.twoFactorEnabled, by: user.author)
            var now = user
            now.usesTwoFactor = true
            return try await page(user: now, notice: "Two-step sign-in is on.", recoveryCodes: codes)
        case "codes":
            guard let codes = try await twoFactor.newRecoveryCodes(userID: user.author.id, code: fields["code"]) else {
                return try await page(
                    user: user, codeError: "That is not the code the app shows now.", status: .unprocessableContent)
            }
            return try await page(user: user, notice: "New recovery codes were made.", recoveryCodes: codes)
        case "disable":
            guard !site.current.requiresTwoFactor(user.author.role) else { return renderer.forbidden(user) }
            do {
                try await accounts.confirmPassword(
                    fields["password"], for: user.author,
                    ip: clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor]),
                    field: "password")
            } catch let errors as ValidationErrors {
                return try await page(
                    user: user, passwordError: errors.message(for: "password"), status: .unprocessableContent)
            }
            try await twoFactor.disable(userID: user.author.id)
            await audit.record(.twoFactorDisabled, by: user.author)
            var now = user
            now.usesTwoFactor = false
            return try await page(user: now, notice: "Two-step sign-in is off.")
        default:
            return try await page(user: user, status: .unprocessableContent)
        }
    }

    private func page(
        user: SignedInUser, notice: String? = nil, recoveryCodes: [String] = [], codeError: String? = nil,
        passwordError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let required = site.current.requiresTwoFactor(user.author.role)
        let state = try await twoFactor.state(userID: user.author.id)
        let enabled = state?.isEnabled ?? false
        let setup = enabled ? nil : try await twoFactor.setup(for: user.author, issuer: site.current.title)
        return renderer.page(
            TwoFactorPage(
                chrome: renderer.chrome(title: "Two-step sign-in", user: user, current: "profile", notice: notice),
                isRequired: required && !enabled, isEnabled: enabled, mayTurnOff: !required, setupKey: setup?.key,
                authenticatorURL: setup?.authenticatorURL,
                enabledSince: state?.enabledAt.map { site.dates.longWithTime($0) },
                recoveryCodesLeft: Self.codesLeft(state?.recoveryCodesLeft ?? 0), newRecoveryCodes: recoveryCodes,
                hasNewRecoveryCodes: !recoveryCodes.isEmpty, codeError: codeError, passwordError: passwordError),
            status: status)
    }

    package static func codesLeft(_ count: Int) -> String {
        count == 1 ? "1 unused recovery code" : "\(count) unused recovery codes"
    }
}
