import GazetteContent

/// One revision: what changed in it, and the button to bring it back.
package struct RevisionPage: AdminPage {
    package static let template = "revision"

    package let chrome: AdminChrome
    package let articleTitle: String
    package let number: Int
    package let historyURL: String
    package let savedBy: String
    package let date: String
    package let comparedWith: String
    package let lines: [DiffLineModel]
    package let isCurrent: Bool
    package let restoreURL: String
    package let currentRevision: String
    /// The page asks "Restore revision 3?", the changes shown being what restoring would do.
    package let confirming: Bool
    package let revisionURL: String
}

package struct DiffLineModel: Sendable {
    package let text: String
    package let kind: String
    package let sign: String
    /// Read out by screen readers, which do not see the colours (a name of its own: a template looking up
    /// `label` on an unchanged line must not find an enclosing item's label).
    package let spokenChange: String?

    package init(_ line: DiffLine) {
        switch line {
        case .same(let text): (self.text, kind, sign, spokenChange) = (text, "same", " ", nil)
        case .added(let text): (self.text, kind, sign, spokenChange) = (text, "added", "+", "Added: ")
        case .removed(let text): (self.text, kind, sign, spokenChange) = (text, "removed", "−", "Removed: ")
        }
    }
}
