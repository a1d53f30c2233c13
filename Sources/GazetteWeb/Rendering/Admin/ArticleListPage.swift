import GazetteContent

/// The newsroom's article list.
package struct ArticleListPage: AdminPage {
    package static let template = "articles"

    package let chrome: AdminChrome
    package let tabs: [ModerationTab]
    package let search: String
    package let status: String
    package let rows: [ArticleRow]
    package let isEmpty: Bool
    package let pager: PagerModel?
    /// False for people who only see their own articles.
    package let showsAuthorFilter: Bool
    package let authorOptions: [OptionModel]
    package let categoryOptions: [OptionModel]
    package let sourceOptions: [OptionModel]
    package let tag: String
}

package struct ArticleRow: Sendable {
    package let title: String
    package let editURL: String
    package let status: String
    package let author: String
    package let date: String
    package let viewURL: String?
}
