import GazetteContent

/// The article editor, with what was typed, a message by each field, and a conflict when there is one.
package struct EditorPage: AdminPage {
    package static let template = "editor"

    package var chrome: AdminChrome
    package let heading: String
    package let action: String
    /// Where Preview sends the form (it opens in its own tab).
    package let previewAction: String
    package let revision: String
    package let generalError: String?
    /// Every problem at once, linked to its field.
    package let problems: [ProblemModel]
    package let hasProblems: Bool
    package let conflict: ConflictModel?
    package let viewURL: String?
    package let fields: [String: EditorField]
    /// Where the article stands: "Published 2 December 2026 at 10:00."
    package let state: String
    /// The site's time zone, in which every time on the page is written and read.
    package let timeZone: String
    package let timeExample: String
    /// The buttons this person may press for this article.
    package let actions: [EditorActionModel]
    /// What Enter in a text field does: the first, safe button (a hidden copy of it comes first in the form).
    package let defaultAction: String?
    package let commentOptions: [OptionModel]
    package let corrections: [CorrectionRowModel]
    package let correctionsError: String?
    package let historyURL: String?
    package let mayUpload: Bool
    /// Where the editor's script keeps its copy while someone writes.
    package let autosaveAction: String
    /// The form holds text that is not saved (restored, or sent back with a problem): leaving warns at once.
    package let unsaved: Bool
    /// A preview link for people without an account, while the article is not out.
    package let share: ShareLinkModel?
    package let statusChange: StatusChangeModel?
    /// "You have unsaved changes from 10:42", when a copy was kept and not saved.
    package var autosaveOffer: AutosaveOfferModel? = nil
    /// "Email it to subscribers", for those who publish; or what became of it.
    package var newsletter: NewsletterChoiceModel? = nil
}

package struct NewsletterChoiceModel: Sendable {
    package var newsletterChecked: Bool
    /// "Sent to 1,204 subscribers on 3 December 2026.", once asked for: then there is no box.
    package var newsletterState: String?
}

package struct AutosaveOfferModel: Sendable {
    package let time: String
    package let restoreURL: String
    package let discardAction: String
}

/// One of the editor's buttons: "Publish", "Schedule", "Submit for review"…
package struct EditorActionModel: Sendable {
    package let value: String
    package let label: String
    package let isPrimary: Bool
}

/// One problem in the list at the top of a form, linking to the field at fault.
package struct ProblemModel: Sendable {
    package let field: String
    package let message: String
}

package struct ShareLinkModel: Sendable {
    package let url: String
    package let until: String
}

package struct CorrectionRowModel: Sendable {
    package let number: Int
    package let date: String
    package let note: String
    /// The date could not be read.
    package let dateError: Bool
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

/// Both versions when the article was saved meanwhile: every field that differs.
package struct ConflictModel: Sendable {
    /// The save in between was the same person's, from another tab or device.
    package let sameAccount: Bool
    package let fields: [ConflictFieldModel]
}

package struct ConflictFieldModel: Sendable {
    package let label: String
    package let theirs: String
    package let yours: String
    /// Shown as a line diff (the body, the excerpt).
    package let isLong: Bool
    package let diff: [DiffLineModel]
}
