/// One image: its text to edit, its address and the Markdown to paste into an article.
package struct MediaItemPage: AdminPage {
    package static let template = "media-item"

    package let chrome: AdminChrome
    package let id: String
    package let url: String
    package let absoluteURL: String
    package let markdown: String
    package let name: String
    package let details: String
    package let form: MediaFormModel
    package let mayChange: Bool
    package let deleteURL: String
}
