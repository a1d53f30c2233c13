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

extension AppServices {
    /// For `gazette serve`: marks the SQLite database as served for as long as the returned lock lives, so
    /// `gazette restore` refuses to replace it underneath; nil on PostgreSQL.
    package func holdServingLock() throws -> ServingLock? {
        guard case .sqlite(let path) = configuration.database else { return nil }
        return try ServingLock.hold(forDatabase: path)
    }
}

extension AppServices {
    /// Where `gazette serve` records the public address it serves, for commands run without `--base-url`.
    static let servedAddressSetting = "server.base_url"

    /// For `gazette serve`: remembers the public address it serves, so links printed by commands later
    /// (password resets, invitations after an import) point at the real site, not at 127.0.0.1.
    package func recordServedAddress() async throws {
        try await settings.set(Self.servedAddressSetting, to: configuration.baseURL)
    }

    /// The address links printed by a command start with: the one given to the command, else the one the
    /// server last recorded, else the one made from the host and port.
    public func linkBase() async -> String {
        if configuration.baseURLGiven { return configuration.baseURL }
        let served = try? await settings.value(Self.servedAddressSetting)
        return served.flatMap { $0.isEmpty ? nil : $0 } ?? configuration.baseURL
    }
}
