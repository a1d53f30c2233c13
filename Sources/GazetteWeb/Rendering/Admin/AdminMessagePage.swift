package struct AdminMessagePage: AdminPage {
    package static let template = "message"

    package let chrome: AdminChrome
    package let heading: String
    package let message: String
    package let linkURL: String
    package let linkLabel: String
}
