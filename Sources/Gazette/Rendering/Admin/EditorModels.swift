/// The newsroom's article list.
struct ArticleListPage: Sendable {
    let chrome: AdminChrome
    let tabs: [ModerationTab]
    let search: String
    let status: String
    let rows: [ArticleRow]
    let isEmpty: Bool
    let pager: PagerModel?
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
