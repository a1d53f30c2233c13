import Foundation

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
