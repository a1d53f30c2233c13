import GazetteContent
import Mustache

/// Newer and older links under any paged list (articles, comments, search results, the newsroom's lists),
/// built one way everywhere.
package struct PagerModel: Sendable {
    package let newerURL: String?
    package let olderURL: String?
    /// "Page 2 of 5".
    package let label: String

    package init(newerURL: String?, olderURL: String?, label: String) {
        self.newerURL = newerURL
        self.olderURL = olderURL
        self.label = label
    }

    /// nil when everything fits on one page. `url` gives the address of a page by its number.
    package init?(number: Int, totalPages: Int, label: String = "Page", url: (Int) -> String) {
        guard totalPages > 1 else { return nil }
        newerURL = number > 1 ? url(number - 1) : nil
        olderURL = number < totalPages ? url(number + 1) : nil
        self.label = "\(label) \(number) of \(totalPages)"
    }

    package init?<Item>(page: Page<Item>, label: String = "Page", url: (Int) -> String) {
        self.init(number: page.number, totalPages: page.totalPages, label: label, url: url)
    }
}

extension PagerModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "newerURL": self.newerURL
        case "olderURL": self.olderURL
        case "label": self.label
        default: nil
        }
    }
}
