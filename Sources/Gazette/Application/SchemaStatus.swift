import GazetteStorage
import Logging

/// The database schema's version, for `gazette check` and `gazette migrate`, without reaching into storage.
public enum SchemaStatus {
    /// The newest schema version this build of Gazette knows.
    public static var latestVersion: Int { Migrator.latestVersion }

    /// The version the database is at (0 for an empty one).
    public static func currentVersion(of services: AppServices, logger: Logger) async throws -> Int {
        try await Migrator(database: services.database, logger: logger).appliedVersions().last ?? 0
    }
}
