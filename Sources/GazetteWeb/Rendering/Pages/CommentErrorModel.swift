/// The page for a comment that has no article to go back to: the reader's text, kept for copying.
package struct CommentErrorModel: SitePage {
    package let site: SiteModel
    package let head: HeadModel
    package let message: String
    package let comment: String
}
