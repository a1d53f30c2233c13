import Foundation

/// The data folder's layout, known here and nowhere else: the SQLite database, the uploaded media, the
/// change counter that tells a running server of changes made by a `gazette` command, and the lock a
/// running server holds. A backup folder is
/// laid out the same way.
public struct DataDirectory: Sendable, Equatable {
    /// As given: a relative folder stays relative, so messages show what the operator typed.
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    public init(root: URL) {
        path = root.path
    }

    package static let databaseFileName = "gazette.sqlite"
    package static let mediaFolderName = "media"

    /// The SQLite database, when the site keeps its data on SQLite (the default).
    public var databaseFile: String { (path as NSString).appendingPathComponent(Self.databaseFileName) }
    /// Emails written as `.eml` files when no SMTP server is set.
    public var outboxFolder: URL { URL(fileURLWithPath: path).appendingPathComponent("outbox") }
    /// Uploaded images, served under `/media/`.
    public var mediaFolder: URL { URL(fileURLWithPath: path).appendingPathComponent(Self.mediaFolderName) }

    /// Beside an SQLite file wherever it is (`--database sqlite:…` may put it outside the data folder).
    public static func changeCounter(forDatabase path: String) -> String {
        path + "-changes"
    }

    /// The file every `gazette serve` keeps locked while it serves the SQLite database at `path`.
    public static func servingLock(forDatabase path: String) -> String {
        path + "-serving"
    }
}
