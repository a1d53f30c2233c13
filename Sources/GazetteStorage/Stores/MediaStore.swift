import Foundation
import GazetteContent
import SQLKit

/// The media library's records. The files are written by the media service before a record is added.
public struct MediaStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What an upload stores, before it has an id.
    public struct NewMedia: Sendable {
        public var path: String
        public var originalName: String
        public var format: ImageFormat
        public var byteCount: Int
        public var size: ImageSize?
        public var text: MediaText
        public var uploadedBy: Int64?
        public var uploadedAt: Date

        public init(
            path: String, originalName: String, format: ImageFormat, byteCount: Int, size: ImageSize?,
            text: MediaText, uploadedBy: Int64?, uploadedAt: Date
        ) {
            self.path = path
            self.originalName = originalName
            self.format = format
            self.byteCount = byteCount
            self.size = size
            self.text = text
            self.uploadedBy = uploadedBy
            self.uploadedAt = uploadedAt
        }
    }

    public func add(_ media: NewMedia) async throws -> Int64 {
        try await database.write { db in
            let row = try await db.raw(
                """
                INSERT INTO media (path, original_name, format, byte_count, width, height, alt, caption, credit,
                    uploaded_by, uploaded_at)
                VALUES (\(bind: media.path), \(bind: media.originalName), \(bind: media.format.rawValue),
                    \(bind: Int64(media.byteCount)), \(bind: media.size.map { Int64($0.width) }),
                    \(bind: media.size.map { Int64($0.height) }), \(bind: media.text.alt), \(bind: media.text.caption),
                    \(bind: media.text.credit), \(bind: media.uploadedBy), \(bind: media.uploadedAt.storedSeconds))
                RETURNING id
                """
            ).first()
            guard let id = try row?.int64("id") else { throw StorageError.unavailable("The new image got no id.") }
            return id
        }
    }

    /// The newest uploads first.
    public func page(_ request: PageRequest) async throws -> Page<MediaItem> {
        try await database.read { db in
            let total = try await db.raw("SELECT COUNT(*) AS n FROM media").first()?.int64("n") ?? 0
            let rows = try await db.raw(
                Self.select
                    + " ORDER BY m.uploaded_at DESC, m.id DESC LIMIT \(literal: request.size) OFFSET \(literal: request.offset)"
            ).all()
            return Page(items: try rows.map(Self.item), request: request, totalItems: Int(total))
        }
    }

    public func find(id: Int64) async throws -> MediaItem? {
        try await database.read { db in
            try await db.raw(Self.select + " WHERE m.id = \(bind: id)").first().map(Self.item)
        }
    }

    public func find(path: String) async throws -> MediaItem? {
        try await database.read { db in
            try await db.raw(Self.select + " WHERE m.path = \(bind: path)").first().map(Self.item)
        }
    }

    public func updateText(id: Int64, _ text: MediaText) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE media SET alt = \(bind: text.alt), caption = \(bind: text.caption), credit = \(bind: text.credit)
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    public func delete(id: Int64) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM media WHERE id = \(bind: id)").run()
        }
    }

    private static let select: SQLQueryString = """
        SELECT m.id, m.path, m.original_name, m.format, m.byte_count, m.width, m.height, m.alt, m.caption, m.credit,
            m.uploaded_by, u.name AS uploaded_by_name, m.uploaded_at
        FROM media m LEFT JOIN authors u ON u.id = m.uploaded_by
        """

    private static func item(_ row: any SQLRow) throws -> MediaItem {
        let width = try row.optionalInt64("width")
        let height = try row.optionalInt64("height")
        return MediaItem(
            id: try row.int64("id"), path: try row.string("path"), originalName: try row.string("original_name"),
            format: ImageFormat(rawValue: try row.string("format")) ?? .jpeg,
            byteCount: Int(try row.int64("byte_count")),
            size: width.flatMap { w in height.map { ImageSize(width: Int(w), height: Int($0)) } },
            alt: try row.string("alt"), caption: try row.string("caption"), credit: try row.string("credit"),
            uploaderID: try row.optionalInt64("uploaded_by"), uploadedBy: try row.optionalString("uploaded_by_name"),
            uploadedAt: try row.date("uploaded_at"))
    }
}
