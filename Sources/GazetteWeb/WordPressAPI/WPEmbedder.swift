import Foundation
import GazetteContent
import GazetteServices

/// Builds `_embedded` for posts when `_embed` asks for it: bylines in one query for the whole page, terms
/// and pictures from the articles themselves.
struct WPEmbedder: Sendable {
    let catalog: PublicCatalog

    func posts(
        _ articles: [ArticleDetails], kind: ArticleKind, shape: WPShape, in context: WPContext
    ) async throws -> [WPPost] {
        var posts = articles.map { WPPost($0, kind: kind, in: context) }
        guard shape.embed != nil else { return posts }
        let authors =
            shape.embeds("author") ? try await catalog.authors(ids: Set(articles.map(\.authorID))) : [:]
        for index in posts.indices {
            let article = articles[index]
            var embeds = WPPostEmbeds()
            if let author = authors[article.authorID] { embeds.author = [WPUser(author, in: context)] }
            if shape.embeds("wp:featuredmedia"), let media = WPMedia(article, in: context) {
                embeds.featuredMedia = [media]
            }
            if kind == .article, shape.embeds("wp:term") {
                let categories = article.summary.category.map {
                    [WPTerm(id: $0.id, name: $0.name, slug: $0.slug, kind: .categories, in: context)]
                }
                let tags = article.tags.map {
                    WPTerm(id: $0.id, name: $0.name, slug: $0.slug, kind: .tags, in: context)
                }
                embeds.terms = [categories ?? [], tags]
            }
            posts[index]._embedded = embeds
        }
        return posts
    }
}
