import Foundation

/// The data folder's layout, known here and nowhere else: the SQLite database, the uploaded media, and the
/// change counter that tells a running server of changes made by a `gazette` command. A backup folder is
/// laid out the same way.
public struct DataDirectory: Sendable, Equatable {
    public let root: URL

    public init(_ path: String) {
        root = URL(fileURLWithPath: path)
    }

    public init(root: URL) {
        self.root = root
    }

    static let databaseFileName = "gazette.sqlite"
    static let mediaFolderName = "media"

    /// The SQLite database, when the site keeps its data on SQLite (the default).
    public var databaseFile: URL { root.appendingPathComponent(Self.databaseFileName) }
    /// Uploaded images, served under `/media/`.
    public var mediaFolder: URL { root.appendingPathComponent(Self.mediaFolderName) }

    /// Beside an SQLite file wherever it is (`--database sqlite:…` may put it outside the data folder).
    public static func changeCounter(forDatabase path: String) -> String {
        path + "-changes"
    }
}
