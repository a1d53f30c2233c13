/// A themed error page with a plain sentence and a way back.
struct ErrorPageModel: Sendable {
    let site: SiteModel
    let head: HeadModel
    let status: Int
    let heading: String
    let message: String
}
