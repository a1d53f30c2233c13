import GazetteContent

/// What the editor shows when a save was refused because the article changed meanwhile: every field that
/// differs between the version saved meanwhile and the one being saved, in the editor's words.
enum EditConflictView {
    /// The editor's fields in page order, with their labels.
    static let labels: [(name: String, label: String)] = [
        ("title", "Headline"), ("dek", "Dek"), ("body", "Body"), ("corrections", "Corrections"),
        ("excerpt", "Excerpt"), ("published_at", "Publication time"), ("slug", "Slug"), ("category", "Category"),
        ("tags", "Tags"), ("source", "Source outlet"), ("source_url", "Original article's address"),
        ("image_url", "Featured image"), ("image_alt", "Image alternative text"), ("image_caption", "Image caption"),
        ("image_credit", "Image credit"), ("canonical_url", "Canonical address"), ("comments", "Comments"),
    ]

    static func model(theirs: ArticleEditorForm, yours: ArticleEditorForm, sameAccount: Bool) -> ConflictModel {
        let fields = labels.compactMap { field -> ConflictFieldModel? in
            let (a, b) = (value(field.name, of: theirs), value(field.name, of: yours))
            // An empty slug is made from the headline on saving: only a typed one is compared.
            guard a != b, !(field.name == "slug" && b.isEmpty) else { return nil }
            let isLong = field.name == "body" || field.name == "excerpt"
            // Long texts as a line diff, from the version saved meanwhile to yours, so one changed word is
            // not lost in two whole bodies.
            return ConflictFieldModel(
                label: field.label, theirs: a, yours: b, isLong: isLong,
                diff: isLong ? TextDiff.lines(from: a, to: b).map(DiffLineModel.init) : [])
        }
        return ConflictModel(sameAccount: sameAccount, fields: fields)
    }

    /// A field as the comparison shows it: corrections one per line, comments as words.
    private static func value(_ name: String, of form: ArticleEditorForm) -> String {
        switch name {
        case "corrections":
            form.corrections.filter { !$0.note.isEmpty }.map { "\($0.date.isEmpty ? "(now)" : $0.date) — \($0.note)" }
                .joined(separator: "\n")
        case "comments":
            form.comments == .open ? "Open" : "Closed"
        case "tags":
            form[name].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: ", ")
        default:
            form[name].trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The sentence above the comparison.
    static func message(sameAccount: Bool) -> String {
        sameAccount
            ? "You saved this article in another tab or window (or on another device) while this page was open. "
                + "Nothing was overwritten: compare both versions below, then save again to keep this one."
            : "Someone else saved this article while you were editing. Nothing was overwritten: compare both "
                + "versions below, then save again to keep yours."
    }
}
