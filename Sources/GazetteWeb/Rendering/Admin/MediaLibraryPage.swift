/// The media library: the upload form, then the images, newest first.
package struct MediaLibraryPage: AdminPage {
    package static let template = "media"

    package let chrome: AdminChrome
    package let upload: MediaFormModel
    package let items: [MediaCardModel]
    package let isEmpty: Bool
    package let pager: PagerModel?
}

/// The upload or edit form's text fields, with what was typed and a message by each.
package struct MediaFormModel: Sendable {
    package let alt: EditorField
    package let caption: EditorField
    package let credit: EditorField
    package let fileError: String?
    package let generalError: String?
}

package struct MediaCardModel: Sendable {
    package let url: String
    package let editURL: String
    package let alt: String
    package let name: String
    package let details: String
}
