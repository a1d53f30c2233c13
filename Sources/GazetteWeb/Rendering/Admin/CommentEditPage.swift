/// One comment to correct or answer.
package struct CommentEditPage: AdminPage {
    package static let template = "comment"

    package let chrome: AdminChrome
    package let id: String
    package let status: String
    package let date: String
    package let articleTitle: String
    package let articleURL: String?
    package let queueURL: String
    package let generalError: String?
    package let author: EditorField
    package let email: EditorField
    package let url: EditorField
    package let text: EditorField
    package let reply: EditorField
    /// Answering a held comment approves it; the button says so.
    package let isHeld: Bool
}
