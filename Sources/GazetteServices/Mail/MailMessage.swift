import Foundation

/// One email as Gazette writes it: from the site, to one person, with a text part and (usually) an HTML
/// part. `MIMEWriter` turns it into the bytes an SMTP server or an `.eml` file takes.
package struct MailMessage: Sendable, Equatable {
    package var from: MailAddress
    package var to: MailAddress
    package var replyTo: MailAddress? = nil
    package var subject: String
    package var text: String
    /// Email-safe HTML (inline styles), or nil for a text-only message.
    package var html: String? = nil
    /// `List-Unsubscribe` (an https address, RFC 8058 one-click) for mail a reader may stop.
    package var unsubscribeURL: String? = nil
    /// Extra headers, such as `Auto-Submitted`, in order.
    package var headers: [(name: String, value: String)] = []

    package init(
        from: MailAddress, to: MailAddress, subject: String, text: String, html: String? = nil,
        unsubscribeURL: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.unsubscribeURL = unsubscribeURL
    }

    package static func == (a: MailMessage, b: MailMessage) -> Bool {
        a.from == b.from && a.to == b.to && a.replyTo == b.replyTo && a.subject == b.subject && a.text == b.text
            && a.html == b.html && a.unsubscribeURL == b.unsubscribeURL
            && a.headers.map { "\($0.name): \($0.value)" } == b.headers.map { "\($0.name): \($0.value)" }
    }
}

/// An address with an optional display name: `Ana Reporter <ana@example.com>`.
package struct MailAddress: Sendable, Equatable, Hashable {
    /// The mailbox itself, checked: one `@`, no spaces, brackets or line breaks.
    package let address: String
    package let name: String

    package init?(_ address: String, name: String = "") {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, trimmed.utf8.count <= 254,
            !trimmed.contains(where: { $0.isWhitespace || "<>()[],;:\"\\".contains($0) || $0.isNewline })
        else { return nil }
        self.address = trimmed
        self.name = name.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The domain, for `Message-ID`s.
    package var domain: String { String(address.split(separator: "@").last ?? "localhost") }
}
