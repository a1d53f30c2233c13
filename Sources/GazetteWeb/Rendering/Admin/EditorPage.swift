import GazetteContent

/// The article editor, with what was typed, a message by each field, and a conflict when there is one.
package struct EditorPage: AdminPage {
    package static let template = "editor"

    package var chrome: AdminChrome
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
