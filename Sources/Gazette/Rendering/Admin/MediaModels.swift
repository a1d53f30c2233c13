/// The media library: the upload form, then the images, newest first.
struct MediaLibraryPage: Sendable {
    let chrome: AdminChrome
    let upload: MediaFormModel
    let items: [MediaCardModel]
    let isEmpty: Bool
    let pager: PagerModel?
}

/// The upload or edit form's text fields, with what was typed and a message by each.
struct MediaFormModel: Sendable {
    let alt: EditorField
    let caption: EditorField
    let credit: EditorField
    let fileError: String?
    let generalError: String?
}

struct MediaCardModel: Sendable {
    let url: String
    let editURL: String
    let alt: String
    let name: String
    let details: String
}

/// One image: its text to edit, its address and the Markdown to paste into an article.
struct MediaItemPage: Sendable {
    let chrome: AdminChrome
    let id: String
    let url: String
    let absoluteURL: String
    let markdown: String
    let name: String
    let details: String
    let form: MediaFormModel
    let mayChange: Bool
    let deleteURL: String
}
