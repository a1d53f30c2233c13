import Foundation
import GazetteStorage
import Logging

/// `gazette backup` and `gazette restore`: a folder holding a consistent copy of the SQLite database, the
/// uploaded media and a small description of both.
///
/// The copy is taken with SQLite's `VACUUM INTO` while the site keeps serving and writing: it is one
/// transaction's view, never half a write. A restore checks the copy before anything is touched, and keeps
/// what it replaces beside it instead of deleting it.
public enum SiteBackup {
    public static let manifestFile = "backup.json"

    /// What a backup holds, written beside it and shown after a backup and a restore.
    public struct Manifest: Codable, Sendable, Equatable {
        public var createdAt: String
        public var schemaVersion: Int
        public var articles: Int
        public var comments: Int
        public var mediaFiles: Int
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes a backup of the site into `folder`, which must be new or empty.
    public static func write(
        _ database: Database, media dataDirectory: DataDirectory, clock: Clock, to folder: URL
    ) async throws -> Manifest {
        guard database.takesFileSnapshots else {
            throw Failure(
                description: "gazette backup copies SQLite databases. For PostgreSQL use its own tools, e.g. "
                    + "pg_dump --format=custom --file gazette.dump 'postgres://…', and copy the media folder "
                    + "(\(dataDirectory.mediaFolder.path)) beside the dump.")
        }
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure(description: "\(folder.path) is a file: choose a new folder for the backup.")
        }
        if files.fileExists(atPath: folder.path) {
            let contents = (try? files.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
            guard contents.isEmpty else {
                throw Failure(description: "\(folder.path) is not empty: choose a new folder for the backup.")
            }
        } else {
            do {
                try files.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(
                    description: "Cannot create the folder \(folder.path): check that every folder above it exists "
                        + "as a folder and that you may write there.")
            }
        }
        let copy = DataDirectory(root: folder).databaseFile
        try await database.snapshot(toFile: copy)
        // The description counts the copy itself: the live site may have changed since it was taken.
        let described = try await describe(copy)
        let media = dataDirectory.mediaFolder
        var mediaFiles = 0
        if files.fileExists(atPath: media.path) {
            try files.copyItem(at: media, to: DataDirectory(root: folder).mediaFolder)
            mediaFiles = countFiles(in: DataDirectory(root: folder).mediaFolder)
        }
        let manifest = Manifest(
            createdAt: ISO8601DateFormatter().string(from: clock.now()), schemaVersion: described.schema,
            articles: described.articles, comments: described.comments, mediaFiles: mediaFiles)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: folder.appendingPathComponent(manifestFile))
        return manifest
    }

    /// The schema version and counts of the database copy at `path`, read from the copy.
    private static func describe(_ path: String) async throws -> (schema: Int, articles: Int, comments: Int) {
        let logger = Logger(label: "backup")
        let copy = try await Database.open(.sqlite(path: path), logger: logger)
        do {
            let versions = try await Migrator(database: copy, logger: logger).appliedVersions()
            let articles = try await ArticleStore(database: copy).count()
            let comments = try await CommentStore(database: copy).countsByStatus().values.reduce(0, +)
            await copy.close()
            return (versions.last ?? 0, articles, comments)
        } catch {
            await copy.close()
            throw error
        }
    }

    /// Reads and checks a backup folder: its description, and that its database is an intact SQLite file.
    public static func check(_ folder: URL) throws -> Manifest {
        let manifestURL = folder.appendingPathComponent(manifestFile)
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw Failure(description: "\(folder.path) is not a Gazette backup: it has no \(manifestFile).")
        }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
            throw Failure(description: "\(manifestURL.path) is damaged: it does not describe a backup.")
        }
        let database = URL(fileURLWithPath: DataDirectory(root: folder).databaseFile)
        guard let handle = FileHandle(forReadingAtPath: database.path) else {
            throw Failure(description: "The backup has no database: \(database.path) is missing.")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw Failure(description: "\(database.path) is not an SQLite database.")
        }
        return manifest
    }

    package static func countFiles(in folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return 0 }
        var count = 0
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            count += 1
        }
        return count
    }
}

extension SiteBackup {
    /// What a restore put in place and what it kept aside.
    public struct Restored: Sendable {
        public var manifest: Manifest
        public var database: String
        /// Files and folders the restore replaced, renamed `….replaced-<time>` rather than deleted.
        public var keptAside: [String]
    }

    /// Puts a checked backup where the site keeps its database and media. Without
    /// `replace` it refuses to touch an existing database; with it, the old files stay beside the new ones.
    /// The server must be stopped first: a running one would keep writing to the replaced files.
    public static func restore(
        _ folder: URL, database location: DatabaseLocation, dataDirectory: DataDirectory, replace: Bool, now: Date,
        logger: Logger
    ) async throws -> Restored {
        let manifest = try check(folder)
        guard case .sqlite(let path) = location else {
            throw Failure(
                description: "gazette restore writes SQLite databases. For PostgreSQL use pg_restore with the "
                    + "dump made by pg_dump, then copy the media folder into place.")
        }
        let files = FileManager.default
        if ServingLock.isHeld(forDatabase: path) {
            throw Failure(
                description: "A gazette serve is running on \(path). Stop it first (Ctrl-C, or kill its process "
                    + "with SIGTERM; `systemctl stop` for a service), then run the restore again: a running server "
                    + "would go on writing into the database the restore sets aside.")
        }
        if files.fileExists(atPath: path), !replace {
            throw Failure(
                description: "A site already exists at \(path). Stop the server, then run again with --replace: "
                    + "the current database and media are kept beside the restored ones.")
        }
        // Checked as a whole before anything of the site is touched.
        let incoming = path + ".restoring"
        try? files.removeItem(atPath: incoming)
        try files.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try files.copyItem(atPath: DataDirectory(root: folder).databaseFile, toPath: incoming)
        do {
            let database = try await Database.open(.sqlite(path: incoming), logger: logger)
            let verdict = try await database.integrityCheck()
            let articles = try await ArticleStore(database: database).count()
            await database.close()
            guard verdict == "ok" else { throw Failure(description: "The backup's database is damaged: \(verdict)") }
            guard articles == manifest.articles else {
                throw Failure(
                    description: "The backup's database holds \(articles) articles, but backup.json says "
                        + "\(manifest.articles): it is not the database this backup was made with.")
            }
        } catch {
            try? files.removeItem(atPath: incoming)
            throw error
        }
        let stamp = Self.stamp(now)
        var keptAside: [String] = []
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: path + suffix) {
            try files.moveItem(atPath: path + suffix, toPath: path + suffix + ".replaced-" + stamp)
            keptAside.append(path + suffix + ".replaced-" + stamp)
        }
        try files.moveItem(atPath: incoming, toPath: path)

        let backupMedia = DataDirectory(root: folder).mediaFolder
        let media = dataDirectory.mediaFolder
        if files.fileExists(atPath: media.path), replace {
            try files.moveItem(atPath: media.path, toPath: media.path + ".replaced-" + stamp)
            keptAside.append(media.path + ".replaced-" + stamp)
        }
        if files.fileExists(atPath: backupMedia.path) {
            try copyMissing(from: backupMedia, to: media)
        }
        return Restored(manifest: manifest, database: path, keptAside: keptAside)
    }

    /// Copies every file of `source` that `destination` lacks, folders included.
    package static func copyMissing(from source: URL, to destination: URL) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: destination.path) else {
            try files.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files.copyItem(at: source, to: destination)
            return
        }
        for name in try files.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name)
            let to = destination.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            files.fileExists(atPath: from.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                try copyMissing(from: from, to: to)
            } else if !files.fileExists(atPath: to.path) {
                try files.copyItem(at: from, to: to)
            }
        }
    }

    /// `20261129T184500Z`: sorts by time and is safe in a file name.
    package static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        return formatter.string(from: date).replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: "-", with: "")
    }
}
