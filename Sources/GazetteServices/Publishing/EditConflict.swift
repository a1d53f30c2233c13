import GazetteContent

/// A save refused because someone else saved the article after the editor was opened: nothing was
/// overwritten, and `current` is what they saved, for the editor to show beside the refused text.
package struct EditConflict: Error, Sendable {
    package let currentRevision: Int
    /// The article as it now stands; nil if it has since been deleted.
    package let current: ArticleDetails?
    /// Who made the save in between (nil for a command or an import), to tell someone it was their own
    /// save from another tab or device.
    package var savedBy: Int64? = nil
}
