import GazetteContent

/// A save refused because someone else saved the article after the editor was opened: nothing was
/// overwritten, and `current` is what they saved, for the editor to show beside the refused text.
package struct EditConflict: Error, Sendable {
    package let currentRevision: Int
    /// The article as it now stands; nil if it has since been deleted.
    package let current: ArticleDetails?
}
