import Foundation
import GazetteServices

/// What the commands ask of the site as a whole, so that they hold no store and no database themselves.
extension AppServices {
    /// Whether the database answers a trivial query now.
    public func databaseAnswers() async -> Bool {
        await database.ping()
    }

    /// How many articles (in every state) and bylines the site holds.
    public func counts() async throws -> (articles: Int, authors: Int) {
        (try await articles.count(), try await authors.count())
    }

    /// Rebuilds the search index from every article in one transaction; returns how many were indexed.
    public func reindexSearch() async throws -> Int {
        try await search.reindex()
    }

    /// A consistent copy of the database and the media in `folder` (see `SiteBackup`).
    public func writeBackup(to folder: URL) async throws -> SiteBackup.Manifest {
        try await SiteBackup.write(
            database, media: DataDirectory(configuration.dataDirectory), clock: clock, to: folder)
    }
}
