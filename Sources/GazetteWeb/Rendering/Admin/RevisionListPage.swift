import GazetteContent

/// An article's revisions, newest first.
package struct RevisionListPage: AdminPage {
    package static let template = "revisions"

    package let chrome: AdminChrome
    package let articleTitle: String
    package let editURL: String
    package let rows: [RevisionRow]
    package let isEmpty: Bool
}

package struct RevisionRow: Sendable {
    package let number: Int
    package let url: String
    package let title: String
    package let savedBy: String
    package let date: String
    package let status: String
    package let note: String?
    package let isCurrent: Bool
}
