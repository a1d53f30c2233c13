/// The video, audio, social and chart providers whose players trusted text may embed in an iframe: what
/// newsrooms embed every day. A frame's address must be https, at one of these hosts exactly (no user, no port)
/// and under the provider's embed path, so a provider's ordinary pages (with their own forms and sign-in) are not
/// framed. The site's Content-Security-Policy names the same hosts in `frame-src`.
public enum EmbedProviders {
    /// Host and the path every embed address there starts with.
    public static let all: [(host: String, path: String)] = [
        ("www.youtube.com", "/embed/"),
        ("www.youtube-nocookie.com", "/embed/"),
        ("player.vimeo.com", "/video/"),
        ("www.dailymotion.com", "/embed/"),
        ("open.spotify.com", "/embed/"),
        ("w.soundcloud.com", "/player/"),
        ("embed.podcasts.apple.com", "/"),
        ("platform.twitter.com", "/embed/"),
        ("www.instagram.com", "/p/"),
        ("www.facebook.com", "/plugins/"),
        ("www.tiktok.com", "/embed/"),
        ("embed.bsky.app", "/embed/"),
        ("www.google.com", "/maps/embed"),
        ("datawrapper.dwcdn.net", "/"),
        ("flo.uri.sh", "/visualisation/"),
        ("e.infogram.com", "/"),
        ("www.documentcloud.org", "/documents/"),
        ("embed.documentcloud.org", "/documents/"),
    ]

    /// The hosts, for a Content-Security-Policy `frame-src`.
    public static var hosts: [String] { all.map { "https://" + $0.host } }

    /// Written on every embed. The player runs in its provider's origin, which the browser keeps apart from the
    /// site's; a `sandbox` would break most players (they need their own origin's storage, and the HTML checker
    /// rightly calls scripts plus same-origin in a sandbox no sandbox at all), so none is set. The page's address
    /// is only partly told to the provider, and the frame loads when scrolled near.
    static let frameAttributes = #" referrerpolicy="strict-origin-when-cross-origin" loading="lazy""#

    /// The address as written when it is an embed of a listed provider; nil otherwise.
    static func accepted(_ value: String) -> String? {
        let bytes = SafeURL.trimmed(Array(value.utf8))
        // No controls, spaces, quotes or backslashes anywhere: browsers would read such an address differently.
        guard bytes.allSatisfy({ $0 > 0x20 && $0 != 0x7F && $0 != HTMLByte.backslash && $0 != HTMLByte.quote })
        else { return nil }
        let url = String(decoding: bytes, as: UTF8.self)
        let prefix = "https://"
        guard url.utf8.count > prefix.utf8.count,
            String(decoding: bytes.prefix(prefix.utf8.count).map(HTMLByte.lowercased), as: UTF8.self) == prefix
        else { return nil }
        let rest = bytes.dropFirst(prefix.utf8.count)
        let authorityEnd = rest.firstIndex { $0 == HTMLByte.slash || $0 == HTMLByte.question || $0 == HTMLByte.hash }
        guard let authorityEnd, rest[authorityEnd] == HTMLByte.slash else { return nil }
        let host = String(decoding: rest[..<authorityEnd].map(HTMLByte.lowercased), as: UTF8.self)
        let path = String(decoding: rest[authorityEnd...], as: UTF8.self)
        // A host with `@` or `:` (a user or a port) matches no entry, since entries are bare host names.
        // Browsers resolve `..` (written plainly or as `%2e`) before loading, which could leave the embed path.
        guard all.contains(where: { $0.host == host && path.hasPrefix($0.path) }), !path.contains(".."),
            !path.lowercased().contains("%2e")
        else { return nil }
        return url
    }
}
