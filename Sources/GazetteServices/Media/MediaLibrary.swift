import Foundation
import GazetteContent
import GazetteStorage

/// Uploaded images: checked by their bytes, written durably under the media folder, recorded with their
/// alternative text and credit. Several instances share the folder (a shared filesystem path) and the records.
public struct MediaLibrary: Sendable {
    private let store: MediaStore
    /// The folder under the data directory that `/media/` serves.
    public let folder: URL
    private let clock: Clock
    /// The resized copies of each upload, made as it arrives.
    public let variants: ImageVariants

    public init(store: MediaStore, folder: URL, clock: Clock, resizer: ImageResizer = ImageResizer(program: nil)) {
        self.store = store
        self.folder = folder
        self.clock = clock
        variants = ImageVariants(folder: folder, resizer: resizer)
    }

    /// Stores an upload. Throws `MediaRefusal` for a file that is not a usable image and `ValidationErrors`
    /// for missing alternative text; nothing is kept in either case.
    public func upload(
        _ bytes: [UInt8], originalName: String, text: MediaText, uploadedBy: Int64?
    ) async throws -> MediaItem {
        let image = try MediaRules.check(bytes).get()
        let format = image.format
        let text = try text.validated()
        let now = clock.now()
        let path = MediaPath.new(for: originalName, format: format, at: now)
        let file = folder.appendingPathComponent(path)
        try DurableFile.write(bytes, to: file)
        do {
            let id = try await store.add(
                MediaStore.NewMedia(
                    path: path, originalName: MediaPath.displayName(originalName), format: format,
                    byteCount: bytes.count, size: image.size, text: text, uploadedBy: uploadedBy,
                    uploadedAt: now))
            guard let item = try await store.find(id: id) else { throw MediaRefusal("The upload was not recorded.") }
            await variants.make(for: path, format: format, size: image.size)
            return item
        } catch {
            // A file without a record would never be listed or deleted.
            try? FileManager.default.removeItem(at: file)
            throw error
        }
    }

    public func page(_ request: PageRequest) async throws -> Page<MediaItem> {
        try await store.page(request)
    }

    public func find(id: Int64) async throws -> MediaItem? {
        try await store.find(id: id)
    }

    public func updateText(id: Int64, _ text: MediaText) async throws {
        try await store.updateText(id: id, try text.validated())
    }

    /// Removes the record, then the file. Articles that still point at it show their alternative text.
    public func delete(_ item: MediaItem) async throws {
        try await store.delete(id: item.id)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(item.path))
        variants.remove(for: item.path)
    }

    /// The file for a `/media/` path, or nil when the path is not one Gazette writes.
    public func fileURL(for path: String) -> URL? {
        guard MediaPath.isWellFormed(path) else { return nil }
        return folder.appendingPathComponent(path)
    }
}
