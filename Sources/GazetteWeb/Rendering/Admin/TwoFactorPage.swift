/// Two-step sign-in in someone's profile: setting it up, or managing it once on.
package struct TwoFactorPage: AdminPage {
    package static let template = "two-factor"

    package let chrome: AdminChrome
    /// True when an admin requires it for this person's role and it is not on yet.
    package let isRequired: Bool
    package let isEnabled: Bool
    /// False when the role requires it: then it stays on.
    package let mayTurnOff: Bool
    /// While setting up: the key to type into the app, and the `otpauth:` link a phone opens.
    package let setupKey: String?
    package let authenticatorURL: String?
    package let enabledSince: String?
    /// "9 unused recovery codes".
    package let recoveryCodesLeft: String
    /// Shown once, right after they are made.
    package let newRecoveryCodes: [String]
    package let hasNewRecoveryCodes: Bool
    package let codeError: String?
    package let passwordError: String?
}
