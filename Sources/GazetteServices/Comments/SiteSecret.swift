import Foundation
import GazetteStorage

/// The site's signing secret: made once, stored in the database so every instance shares it, never logged.
package enum SiteSecret {
    package static let settingName = "site_secret"

    package static func load(from settings: SettingsStore) async throws -> String {
        if let existing = try await settings.value(settingName) { return existing }
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
        // Another instance may have stored one first: whichever was written wins for everyone.
        return try await settings.setIfAbsent(settingName, to: fresh)
    }
}
