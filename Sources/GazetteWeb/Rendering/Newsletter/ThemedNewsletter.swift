import GazetteServices
import Mustache

/// Newsletters laid out by the site's theme: `newsletter.mustache` (email-safe HTML, inline styles) and
/// `newsletter-text.mustache` (the text part), so a publisher restyles their mail as they restyle pages.
package struct ThemedNewsletter: NewsletterDesign {
    package let theme: Theme

    package init(theme: Theme) {
        self.theme = theme
    }

    package func render(_ content: NewsletterContent) -> (html: String, text: String) {
        let model = NewsletterModel(content: content)
        return (theme.render(model, candidates: ["newsletter"]), theme.render(model, candidates: ["newsletter-text"]))
    }
}

/// What the newsletter templates see.
struct NewsletterModel: MustacheParent {
    let content: NewsletterContent

    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": content.siteTitle
        case "siteURL": content.siteURL
        case "subject": content.subject
        case "introduction": content.introduction
        case "articles": content.articles.map(NewsletterArticleModel.init)
        case "isDigest": content.articles.count != 1 || content.introduction != nil
        case "unsubscribeURL": content.unsubscribeURL
        default: nil
        }
    }
}

struct NewsletterArticleModel: MustacheParent {
    let article: NewsletterArticle

    func child(named name: String) -> Any? {
        switch name {
        case "title": article.title
        case "url": article.url
        case "dek": article.dek.isEmpty ? nil : article.dek
        case "byline": article.byline
        case "date": article.date
        case "imageURL": article.imageURL
        case "imageAlt": article.imageAlt
        case "bodyHTML": article.bodyHTML
        case "bodyText": article.bodyText
        case "excerpt": article.excerpt.isEmpty ? nil : article.excerpt
        case "sourceName": article.sourceName
        default: nil
        }
    }
}
