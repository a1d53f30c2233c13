import Mustache

/// A themed error page with a plain sentence and a way back.
struct ErrorPageModel: Sendable {
    let site: SiteModel
    let head: HeadModel
    let status: Int
    let heading: String
    let message: String
}

extension ErrorPageModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "head": self.head
        case "status": self.status
        case "heading": self.heading
        case "message": self.message
        default: nil
        }
    }
}
