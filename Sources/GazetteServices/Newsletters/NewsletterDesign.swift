import Foundation

/// What a newsletter says, for the theme to lay out (`newsletter.mustache` and `newsletter-text.mustache`):
/// the site, one article whole or a digest's teasers, and where a reader stops it. The addresses are
/// absolute; `unsubscribeURL` is a marker each reader's own address replaces when their copy is written.
package struct NewsletterContent: Sendable {
    package var siteTitle: String
    package var siteURL: String
    /// The email's subject.
    package var subject: String
    /// "The week's articles from The Daily Planet", for a digest; nil for one article.
    package var introduction: String?
    package var articles: [NewsletterArticle]
    package var unsubscribeURL: String

    package init(
        siteTitle: String, siteURL: String, subject: String, introduction: String?, articles: [NewsletterArticle],
        unsubscribeURL: String
    ) {
        self.siteTitle = siteTitle
        self.siteURL = siteURL
        self.subject = subject
        self.introduction = introduction
        self.articles = articles
        self.unsubscribeURL = unsubscribeURL
    }
}

/// One article in a newsletter.
package struct NewsletterArticle: Sendable {
    package var title: String
    package var url: String
    package var dek: String
    package var byline: String
    package var date: String
    package var imageURL: String?
    package var imageAlt: String
    /// Email-safe HTML of the whole text (one article), or nil in a digest, which shows `excerpt`.
    package var bodyHTML: String?
    /// The same as plain text, for the text part.
    package var bodyText: String?
    package var excerpt: String
    package var sourceName: String?
}

/// Lays a newsletter out: email-safe HTML with inline styles, and a text part. The theme's templates in
/// the web layer do it for the site.
package protocol NewsletterDesign: Sendable {
    func render(_ content: NewsletterContent) -> (html: String, text: String)
}
