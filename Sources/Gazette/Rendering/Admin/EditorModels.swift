import GazetteContent

/// The newsroom's article list.
struct ArticleListPage: Sendable {
    let chrome: AdminChrome
    let tabs: [ModerationTab]
    let search: String
    let status: String
    let rows: [ArticleRow]
    let isEmpty: Bool
    let pager: PagerModel?
    /// False for people who only see their own articles.
    let showsAuthorFilter: Bool
    let authorOptions: [OptionModel]
    let categoryOptions: [OptionModel]
    let sourceOptions: [OptionModel]
    let tag: String
}

struct ArticleRow: Sendable {
    let title: String
    let editURL: String
    let status: String
    let author: String
    let date: String
    let viewURL: String?
}

/// The article editor, with what was typed, a message by each field, and a conflict when there is one.
struct EditorPage: Sendable {
    let chrome: AdminChrome
    let heading: String
    let action: String
    let revision: String
    let generalError: String?
    let conflict: ConflictModel?
    let viewURL: String?
    let fields: [String: EditorField]
    let statusOptions: [OptionModel]
    let commentOptions: [OptionModel]
    let corrections: [CorrectionRowModel]
    let correctionsError: String?
    /// The body as readers will see it, after "Preview".
    let previewHTML: String?
    let historyURL: String?
    let mayUpload: Bool
    let statusChange: StatusChangeModel?
}

struct CorrectionRowModel: Sendable {
    let number: Int
    let date: String
    let note: String
}

/// The one-click move to the trash, or back out of it.
struct StatusChangeModel: Sendable {
    let action: String
    let status: String
    let label: String
    let revision: String
}

struct EditorField: Sendable {
    let value: String
    let error: String?
}

struct OptionModel: Sendable {
    let value: String
    let label: String
    let selected: Bool
}

/// Both versions when two people saved the same article.
struct ConflictModel: Sendable {
    let theirTitle: String
    let theirBody: String
    let yourTitle: String
    let yourBody: String
}

/// An article's revisions, newest first.
struct RevisionListPage: Sendable {
    let chrome: AdminChrome
    let articleTitle: String
    let editURL: String
    let rows: [RevisionRow]
    let isEmpty: Bool
}

struct RevisionRow: Sendable {
    let number: Int
    let url: String
    let title: String
    let savedBy: String
    let date: String
    let status: String
    let note: String?
    let isCurrent: Bool
}

/// One revision: what changed in it, and the button to bring it back.
struct RevisionPage: Sendable {
    let chrome: AdminChrome
    let articleTitle: String
    let number: Int
    let historyURL: String
    let savedBy: String
    let date: String
    let comparedWith: String
    let lines: [DiffLineModel]
    let isCurrent: Bool
    let restoreURL: String
    let currentRevision: String
}

struct DiffLineModel: Sendable {
    let text: String
    let kind: String
    let sign: String
    /// Read out by screen readers, which do not see the colours.
    let label: String?

    init(_ line: DiffLine) {
        switch line {
        case .same(let text): (self.text, kind, sign, label) = (text, "same", " ", nil)
        case .added(let text): (self.text, kind, sign, label) = (text, "added", "+", "Added: ")
        case .removed(let text): (self.text, kind, sign, label) = (text, "removed", "−", "Removed: ")
        }
    }
}
