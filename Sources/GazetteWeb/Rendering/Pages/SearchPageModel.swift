import Foundation
import Mustache

/// The search page: the box with what was asked, then the results or a plain "nothing found" with ideas.
package struct SearchPageModel: SitePage {
    package let site: SiteModel
    package let head: HeadModel
    package let query: String
    package let hasQuery: Bool
    package let summary: String
    package let results: [SearchResultModel]
    package let hasResults: Bool
    package let pager: PagerModel?
}

package struct SearchResultModel: Sendable {
    package let title: String
    package let url: String
    package let published: DateModel
    package let author: LinkModel
    /// Escaped text with `<mark>` around the words found.
    package let snippetHTML: String
}

extension SearchPageModel: MustacheParent {
    package func child(named name: String) -> Any? {
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
    package func child(named name: String) -> Any? {
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
