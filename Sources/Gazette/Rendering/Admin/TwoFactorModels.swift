/// The code form that follows a right password for people with two-step sign-in on.
struct SignInCodePage: Sendable {
    let chrome: AdminChrome
    let siteTitle: String
    let next: String
    let error: String?
}

/// Two-step sign-in in someone's profile: setting it up, or managing it once on.
struct TwoFactorPage: Sendable {
    let chrome: AdminChrome
    /// True when an admin requires it for this person's role and it is not on yet.
    let isRequired: Bool
    let isEnabled: Bool
    /// False when the role requires it: then it stays on.
    let mayTurnOff: Bool
    /// While setting up: the key to type into the app, and the `otpauth:` link a phone opens.
    let setupKey: String?
    let authenticatorURL: String?
    let enabledSince: String?
    /// "9 unused recovery codes".
    let recoveryCodesLeft: String
    /// Shown once, right after they are made.
    let newRecoveryCodes: [String]
    let hasNewRecoveryCodes: Bool
    let codeError: String?
    let passwordError: String?
}
