import Foundation
import Mustache

/// The search page: the box with what was asked, then the results or a plain "nothing found" with ideas.
struct SearchPageModel: Sendable {
    let site: SiteModel
    let head: HeadModel
    let query: String
    let hasQuery: Bool
    let summary: String
    let results: [SearchResultModel]
    let hasResults: Bool
    let pager: PagerModel?
}

struct SearchResultModel: Sendable {
    let title: String
    let url: String
    let published: DateModel
    let author: LinkModel
    /// Escaped text with `<mark>` around the words found.
    let snippetHTML: String
}

extension SearchPageModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "head": self.head
        case "query": self.query
        case "hasQuery": self.hasQuery
        case "summary": self.summary
        case "results": self.results
        case "hasResults": self.hasResults
        case "pager": self.pager
        default: nil
        }
    }
}

extension SearchResultModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "published": self.published
        case "author": self.author
        case "snippetHTML": self.snippetHTML
        default: nil
        }
    }
}
