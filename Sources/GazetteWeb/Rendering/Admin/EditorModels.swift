import GazetteContent

/// The newsroom's article list.
package struct ArticleListPage: Sendable {
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

/// The article editor, with what was typed, a message by each field, and a conflict when there is one.
package struct EditorPage: Sendable {
    package let chrome: AdminChrome
    package let heading: String
    package let action: String
    package let revision: String
    package let generalError: String?
    package let conflict: ConflictModel?
    package let viewURL: String?
    package let fields: [String: EditorField]
    package let statusOptions: [OptionModel]
    package let commentOptions: [OptionModel]
    package let corrections: [CorrectionRowModel]
    package let correctionsError: String?
    /// The body as readers will see it, after "Preview".
    package let previewHTML: String?
    package let historyURL: String?
    package let mayUpload: Bool
    package let statusChange: StatusChangeModel?
}

package struct CorrectionRowModel: Sendable {
    package let number: Int
    package let date: String
    package let note: String
}

/// The one-click move to the trash, or back out of it.
package struct StatusChangeModel: Sendable {
    package let action: String
    package let status: String
    package let label: String
    package let revision: String
}

package struct EditorField: Sendable {
    package let value: String
    package let error: String?
}

package struct OptionModel: Sendable {
    package let value: String
    package let label: String
    package let selected: Bool
}

/// Both versions when two people saved the same article.
package struct ConflictModel: Sendable {
    package let theirTitle: String
    package let theirBody: String
    package let yourTitle: String
    package let yourBody: String
}

/// An article's revisions, newest first.
package struct RevisionListPage: Sendable {
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

/// One revision: what changed in it, and the button to bring it back.
package struct RevisionPage: Sendable {
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
}

package struct DiffLineModel: Sendable {
    package let text: String
    package let kind: String
    package let sign: String
    /// Read out by screen readers, which do not see the colours.
    package let label: String?

    package init(_ line: DiffLine) {
        switch line {
        case .same(let text): (self.text, kind, sign, label) = (text, "same", " ", nil)
        case .added(let text): (self.text, kind, sign, label) = (text, "added", "+", "Added: ")
        case .removed(let text): (self.text, kind, sign, label) = (text, "removed", "−", "Removed: ")
        }
    }
}
