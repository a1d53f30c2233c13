import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage

/// Turns what the catalog reads into the API's schemas: absolute addresses, image sizes, and only the
/// public side of people (the schemas have no place for an email or a network address).
struct APIShapes: Sendable {
    let site: SiteURL
    let api: APIURL
    let variants: ImageVariants

    func card(_ summary: ArticleSummary) -> Components.Schemas.ArticleCard {
        let path = site.article(summary)
        return Components.Schemas.ArticleCard(
            id: summary.id, _type: type(summary.kind), title: summary.title, dek: summary.dek,
            excerpt: summary.excerpt, path: path, url: site.absolute(path: path),
            publishedAt: summary.publishedAt ?? summary.updatedAt, updatedAt: summary.updatedAt,
            author: Components.Schemas.Link(
                id: summary.byline.id, name: summary.byline.name, slug: summary.byline.slug.value,
                url: site.absolute(path: site.author(summary.byline.slug)),
                articles: api.articles([("author", summary.byline.slug.value)])),
            category: summary.category.map(category), source: summary.source.map(source),
            image: summary.image.map(image), commentCount: summary.commentCount)
    }

    func article(_ details: ArticleDetails, author: PublicAuthor?) -> Components.Schemas.Article {
        let summary = details.summary
        let path = site.article(summary)
        return Components.Schemas.Article(
            id: summary.id, _type: type(summary.kind), title: summary.title, dek: summary.dek,
            excerpt: summary.excerpt, path: path, url: site.absolute(path: path),
            publishedAt: summary.publishedAt ?? summary.updatedAt, updatedAt: summary.updatedAt,
            author: self.author(
                author
                    ?? PublicAuthor(
                        id: summary.byline.id, name: summary.byline.name, slug: summary.byline.slug,
                        bio: details.authorBio, avatarURL: "")),
            category: summary.category.map(category), source: summary.source.map(source),
            sourceUrl: details.sourceURL.isEmpty ? nil : details.sourceURL,
            canonicalUrl: details.canonicalURL.isEmpty ? nil : details.canonicalURL,
            image: summary.image.map(image), commentCount: summary.commentCount, bodyHtml: details.bodyHTML,
            tags: details.tags.map { tag in
                Components.Schemas.Link(
                    id: tag.id, name: tag.name, slug: tag.slug.value, url: site.absolute(path: site.tag(tag.slug)),
                    articles: api.articles([("tag", tag.slug.value)]))
            },
            corrections: details.corrections.map { .init(notedAt: $0.notedAt, note: $0.note) },
            commentsOpen: details.commentStatus == .open, comments: api.comments(ofArticle: summary.id))
    }

    func author(_ author: PublicAuthor) -> Components.Schemas.Author {
        Components.Schemas.Author(
            id: author.id, name: author.name, slug: author.slug.value, bio: author.bio,
            portrait: author.avatarURL.isEmpty ? nil : absolute(author.avatarURL),
            url: site.absolute(path: site.author(author.slug)), articles: api.articles([("author", author.slug.value)]))
    }

    func term(_ term: TermCount, kind: TermStore.TermKind) -> Components.Schemas.Term {
        let (path, parameter) =
            switch kind {
            case .tags: (site.tag(term.slug), "tag")
            case .categories: (site.category(term.slug), "category")
            case .sources: (site.source(term.slug), "source")
            }
        return Components.Schemas.Term(
            id: term.id, name: term.name, slug: term.slug.value, url: site.absolute(path: path),
            articles: api.articles([(parameter, term.slug.value)]), articleCount: term.articleCount,
            home: term.home.isEmpty ? nil : term.home)
    }

    func comment(_ comment: ApprovedComment) -> Components.Schemas.Comment {
        Components.Schemas.Comment(
            id: comment.id, parentId: comment.parentID, depth: comment.depth, authorName: comment.authorName,
            authorUrl: comment.authorURL.isEmpty ? nil : comment.authorURL, staff: comment.isStaff,
            date: comment.createdAt, contentHtml: CommentText.html(comment.body))
    }

    private func type(_ kind: ArticleKind) -> Components.Schemas.ArticleType {
        switch kind {
        case .article: .article
        case .page: .page
        }
    }

    private func category(_ category: GazetteContent.Category) -> Components.Schemas.Link {
        Components.Schemas.Link(
            id: category.id, name: category.name, slug: category.slug.value,
            url: site.absolute(path: site.category(category.slug)),
            articles: api.articles([("category", category.slug.value)]))
    }

    private func source(_ source: Source) -> Components.Schemas.SourceOutlet {
        Components.Schemas.SourceOutlet(
            id: source.id, name: source.name, slug: source.slug.value,
            url: site.absolute(path: site.source(source.slug)),
            home: source.url.isEmpty ? nil : source.url, articles: api.articles([("source", source.slug.value)]))
    }

    /// The picture with the narrower copies made of it at upload, smallest first, WebP after the original's
    /// format at each width.
    func image(_ image: FeaturedImage) -> Components.Schemas.Image {
        var sizes: [Components.Schemas.ImageSize] = []
        if let found = variants.copies(of: image.url) {
            let original = ImageFormat(fileExtension: (image.url as NSString).pathExtension)?.mimeType ?? ""
            sizes += found.sameFormat.map { .init(url: absolute($0.url), width: $0.width, _type: original) }
            sizes += found.webp.map { .init(url: absolute($0.url), width: $0.width, _type: "image/webp") }
            sizes.sort { ($0.width, $0._type) < ($1.width, $1._type) }
        }
        return Components.Schemas.Image(
            url: absolute(image.url), alt: image.alt, caption: image.caption.isEmpty ? nil : image.caption,
            credit: image.credit.isEmpty ? nil : image.credit, sizes: sizes)
    }

    /// Site-relative addresses (uploads) made whole; others as they are.
    private func absolute(_ url: String) -> String {
        url.hasPrefix("/") && !url.hasPrefix("//") ? site.absolute(path: url) : url
    }
}
