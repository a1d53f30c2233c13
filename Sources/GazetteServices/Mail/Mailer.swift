import Foundation
import GazetteStorage

/// Writes the site's emails and puts them in the outbox: each one from the site's sender address, with a
/// text part and an email-safe HTML part, a `Message-ID` of the site's domain, and the event that caused
/// it as its outbox key (so the event mails each person once).
package struct Mailer: Sendable {
    package let from: MailAddress
    package let site: LiveSiteSettings
    package let urls: SiteURL
    package let clock: Clock

    package init(from: MailAddress, site: LiveSiteSettings, urls: SiteURL, clock: Clock) {
        self.from = from
        self.site = site
        self.urls = urls
        self.clock = clock
    }

    /// The outbox entry for a message to `recipient`, written now.
    package func mail(_ message: MailMessage, event: String) -> OutboxStore.NewMail {
        var message = message
        message.from = MailAddress(from.address, name: site.current.title) ?? from
        let id = "\(UUID().uuidString.lowercased())@\(from.domain)"
        return OutboxStore.NewMail(
            eventKey: event, recipient: message.to.address, sender: from.address,
            message: MIMEWriter.write(message, id: id, date: clock.now()))
    }

    /// A plain message from the site: `paragraphs` as text and as simple HTML, a link button when given.
    package func message(
        to recipient: MailAddress, subject: String, paragraphs: [String], link: (label: String, url: String)? = nil
    ) -> MailMessage {
        let title = site.current.title
        var text = paragraphs.joined(separator: "\n\n")
        if let link { text += "\n\n\(link.label):\n\(link.url)" }
        text += "\n\n— \(title)\n\(urls.absolute(path: SiteURL.home))"
        var html =
            #"<div style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em">"#
        for paragraph in paragraphs { html += #"<p style="margin:0 0 1em">"# + HTMLText.escape(paragraph) + "</p>" }
        if let link {
            html +=
                #"<p style="margin:1.5em 0"><a href=""# + HTMLText.escape(link.url)
                + #"" style="background:#0b57a4;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">"#
                + HTMLText.escape(link.label) + "</a></p>"
                + #"<p style="margin:0 0 1em;font-size:13px;color:#555">"# + HTMLText.escape(link.url) + "</p>"
        }
        html += #"<p style="margin:2em 0 0;font-size:13px;color:#555">"# + HTMLText.escape(title) + "</p></div>"
        return MailMessage(from: from, to: recipient, subject: subject, text: text, html: html)
    }
}
