import Foundation
import GazetteContent
import GazetteServices

extension PageModelFactory {
    /// `countLimit`: how many matches the engine counts at most, so a total that reaches it is a lower bound.
    package func search(query: SearchQuery, page: Page<SearchHit>, countLimit: Int) -> SearchPageModel {
        let total = page.totalItems
        let summary =
            total == 0
            ? "No articles found."
            : total == 1
                ? "1 article found."
                : total >= countLimit ? "More than \(total) articles found." : "\(total) articles found."
        let encoded = FormBody.encode(query.text)
        let pager = PagerModel(page: page) { "\(SiteURL.search)?q=\(encoded)&page=\($0)" }
        let title = query.text.isEmpty ? "Search" : "Search results for “\(query.text)”"
        return SearchPageModel(
            site: site,
            head: head(title: title, description: "Search the articles of \(siteTitle).", route: nil, noIndex: true),
            query: query.text, hasQuery: !query.text.isEmpty, summary: summary,
            results: page.items.map { hit in
                SearchResultModel(
                    title: hit.summary.title, url: urls.article(hit.summary),
                    published: date(hit.summary.publishedAt ?? hit.summary.updatedAt),
                    author: LinkModel(name: hit.summary.byline.name, url: urls.author(hit.summary.byline.slug)),
                    snippetHTML: MarkedSnippet.html(hit.snippet))
            }, hasResults: !page.items.isEmpty, pager: pager)
    }
}

/// A snippet from the engine, made safe: its Markdown turned into plain words, the text escaped, and the
/// engine's markers around found words turned into balanced `<mark>` elements.
package enum MarkedSnippet {
    package static func html(_ snippet: String) -> String {
        let plain = MarkdownText.plain(snippet)
        var html = ""
        var open = false
        var text = ""
        func flush() {
            html += HTMLText.escape(text)
            text = ""
        }
        for character in plain {
            if character == SearchHit.markStart, !open {
                flush()
                html += "<mark>"
                open = true
            } else if character == SearchHit.markEnd, open {
                flush()
                html += "</mark>"
                open = false
            } else if character != SearchHit.markStart, character != SearchHit.markEnd {
                text.append(character)
            }
        }
        flush()
        return open ? html + "</mark>" : html
    }
}
