import Mustache

/// A themed error page with a plain sentence and a way back.
package struct ErrorPageModel: SitePage {
    package let site: SiteModel
    package let head: HeadModel
    package let status: Int
    package let heading: String
    package let message: String
}

extension ErrorPageModel: MustacheParent {
    package func child(named name: String) -> Any? {
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
