import Foundation
import GazetteContent
import SQLKit

extension ImportBatch {
    /// An article's comments, as one import item brings them.
    public struct ArticleComments: Sendable {
        public var articleID: Int64
        public var comments: [ImportedComment]

        public init(articleID: Int64, comments: [ImportedComment]) {
            self.articleID = articleID
            self.comments = comments
        }
    }

    /// What storing comments did.
    public struct CommentsWritten: Sendable, Equatable {
        public var added = 0
        /// Already stored by an earlier run.
        public var existing = 0
        /// Replies whose parent is in neither the import nor the site: kept as top-level comments.
        public var orphans = 0
    }

    /// Stores the comments of many articles with their threads, parents before replies whatever order
    /// they come in, and recounts each article's approved comments.
    ///
    /// The comments go in level by level: every comment whose parent is already stored is in the next
    /// multi-row INSERT, so a batch of a hundred posts takes a few statements, not one per comment.
    public func comments(_ groups: [ArticleComments]) async throws -> CommentsWritten {
        var result = CommentsWritten()
        var waiting: [(articleID: Int64, comment: ImportedComment)] = []
        var seen = Set<String>()
        for group in groups {
            for comment in group.comments where seen.insert(comment.key).inserted {
                waiting.append((group.articleID, comment))
            }
        }
        guard !waiting.isEmpty else { return result }
        // Comments (and parents) stored by an earlier run are found by their fingerprints.
        var placed = try await storedPlacements(
            keys: Array(Set(waiting.map(\.comment.key) + waiting.compactMap(\.comment.parentKey))))
        waiting.removeAll { entry in
            guard placed[entry.comment.key] != nil else { return false }
            result.existing += 1
            return true
        }
        while !waiting.isEmpty {
            let waitingKeys = Set(waiting.map(\.comment.key))
            var ready: [(articleID: Int64, comment: ImportedComment, parent: Placement?)] = []
            var blocked: [(articleID: Int64, comment: ImportedComment)] = []
            for entry in waiting {
                guard let parentKey = entry.comment.parentKey else {
                    ready.append((entry.articleID, entry.comment, nil))
                    continue
                }
                if let parent = placed[parentKey] {
                    ready.append((entry.articleID, entry.comment, parent))
                } else if waitingKeys.contains(parentKey) {
                    blocked.append(entry)
                } else {
                    result.orphans += 1
                    ready.append((entry.articleID, entry.comment, nil))
                }
            }
            // Comments that are each other's replies cannot be placed in order: the first starts a thread.
            if ready.isEmpty, let first = blocked.first {
                result.orphans += 1
                ready.append((first.articleID, first.comment, nil))
                blocked.removeFirst()
            }
            for chunk in stride(from: 0, to: ready.count, by: Self.rowsPerInsert) {
                let rows = ready[chunk..<min(chunk + Self.rowsPerInsert, ready.count)]
                let stored = try await insert(rows)
                result.added += stored.count
                placed.merge(stored) { _, new in new }
                // Rows that met a conflict were stored meanwhile by someone else: find them.
                let missing = rows.map(\.comment.key).filter { stored[$0] == nil }
                if !missing.isEmpty {
                    let found = try await storedPlacements(keys: missing)
                    result.existing += found.count
                    placed.merge(found) { _, new in new }
                }
            }
            waiting = blocked
        }
        let articles = Array(Set(groups.map(\.articleID)))
        try await db.raw(
            """
            UPDATE articles SET comment_count =
                (SELECT COUNT(*) FROM comments c WHERE c.article_id = articles.id AND c.status = 'approved')
            WHERE id IN (\(binds: articles))
            """
        ).run()
        return result
    }

    /// Rows per multi-row INSERT: 13 values each stays far below both engines' limits on parameters.
    private static let rowsPerInsert = 400

    /// Where a stored comment sits in its thread.
    struct Placement: Sendable {
        var id: Int64
        var depth: Int
        var threadID: Int64
    }

    private func storedPlacements(keys: [String]) async throws -> [String: Placement] {
        var placed: [String: Placement] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 1_000) {
            let part = keys[chunk..<min(chunk + 1_000, keys.count)]
            let byFingerprint = Dictionary(part.map { (ImportedComment.fingerprint(key: $0), $0) }) { first, _ in first
            }
            for row in try await db.raw(
                """
                SELECT id, depth, thread_id, fingerprint FROM comments
                WHERE fingerprint IN (\(binds: Array(byFingerprint.keys)))
                """
            ).all() {
                if let key = byFingerprint[try row.string("fingerprint")] {
                    placed[key] = Placement(
                        id: try row.int64("id"), depth: Int(try row.int64("depth")),
                        threadID: try row.int64("thread_id"))
                }
            }
        }
        return placed
    }

    /// One multi-row INSERT; returns the placements of the rows it stored, by key.
    private func insert(
        _ rows: ArraySlice<(articleID: Int64, comment: ImportedComment, parent: Placement?)>
    ) async throws -> [String: Placement] {
        var query: SQLQueryString = """
            INSERT INTO comments (article_id, parent_id, thread_id, depth, author_name, author_email, author_url,
                author_ip, body, status, fingerprint, created_at, updated_at) VALUES
            """
        var placements: [String: (key: String, placement: Placement)] = [:]
        for (index, row) in rows.enumerated() {
            let comment = row.comment
            let depth = row.parent.map { $0.depth + 1 } ?? 0
            // A top-level comment has thread 0; its replies carry its id as their thread.
            let threadID = row.parent.map { $0.threadID == 0 ? $0.id : $0.threadID } ?? 0
            let created = comment.createdAt.storedSeconds
            query =
                query + (index == 0 ? " " : ", ")
                    + """
                    (\(bind: row.articleID), \(bind: row.parent?.id), \(bind: threadID), \(bind: depth),
                    \(bind: comment.authorName), \(bind: comment.authorEmail), \(bind: comment.authorURL),
                    \(bind: comment.authorIP), \(bind: comment.body), \(bind: comment.status.rawValue),
                    \(bind: comment.fingerprint), \(bind: created), \(bind: created))
                    """
            placements[comment.fingerprint] = (comment.key, Placement(id: 0, depth: depth, threadID: threadID))
        }
        query = query + " ON CONFLICT (fingerprint) DO NOTHING RETURNING id, fingerprint"
        var stored: [String: Placement] = [:]
        for row in try await db.raw(query).all() {
            guard var entry = placements[try row.string("fingerprint")] else { continue }
            entry.placement.id = try row.int64("id")
            stored[entry.key] = entry.placement
        }
        return stored
    }
}
