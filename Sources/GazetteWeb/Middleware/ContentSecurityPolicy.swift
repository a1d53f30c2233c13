import GazetteContent

/// The Content-Security-Policy of each kind of answer. No page of Gazette's has inline script or inline
/// styles, so no policy needs a nonce or `'unsafe-inline'`: script runs only from the site's own files, which a
/// writer cannot add to. Article bodies may frame the players of `EmbedProviders`, and nothing else.
package enum ContentSecurityPolicy {
    /// Reader pages, feeds and everything else the public site serves.
    package static let site = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' https: http: data:",
        "media-src 'self' https:", "font-src 'self'", "connect-src 'self'",
        "frame-src " + EmbedProviders.hosts.joined(separator: " "), "object-src 'none'", "base-uri 'none'",
        "form-action 'self'", "frame-ancestors 'self'",
    ].joined(separator: "; ")

    /// The newsroom: no framing of it at all, forms only to itself, and the same embeds as the site so that
    /// Preview shows what readers will see.
    package static let newsroom = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' https: http: data:",
        "media-src 'self' https:", "font-src 'self'", "connect-src 'self'",
        "frame-src " + EmbedProviders.hosts.joined(separator: " "), "object-src 'none'", "base-uri 'none'",
        "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// Uploaded files: opened on their own they get a sandbox, an opaque origin with no script, so a file that
    /// a browser reads as something other than an image can do nothing on the site's origin.
    package static let media = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"

    /// Browser features no page of the site uses.
    package static let permissions = [
        "accelerometer=()", "camera=()", "geolocation=()", "gyroscope=()", "magnetometer=()", "microphone=()",
        "payment=()", "usb=()", "browsing-topics=()",
    ].joined(separator: ", ")
}
