import GazetteContent
import SQLKit

/// Every body and revision records how far its HTML is trusted (`HTMLTrust`), so a later save by someone else
/// cannot raise it; and every stored body is cleaned again, because until now an editor's save stored a
/// contributor's, an author's or a feed's HTML as it was, script included.
///
/// The migration cannot know who wrote old text, so it trusts only what an editor or an admin holds the byline
/// of and that no import brought in; the rest keeps plain article HTML, which loses nothing but embeds.
enum M014HTMLTrust {
    static let migration = Migration(version: 14, name: "HTML trust", data: recleanBodies) { _ in
        [
            "ALTER TABLE article_bodies ADD COLUMN body_trust INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE article_revisions ADD COLUMN body_trust INTEGER NOT NULL DEFAULT 0",
            """
            UPDATE article_bodies SET body_trust = 1 WHERE article_id IN (
                SELECT a.id FROM articles a JOIN authors u ON u.id = a.author_id
                WHERE u.role IN ('admin', 'editor')
                    AND a.id NOT IN (SELECT local_id FROM import_keys WHERE kind = 'post'))
            """,
            """
            UPDATE article_revisions SET body_trust = 1 WHERE saved_by IN (
                SELECT id FROM authors WHERE role IN ('admin', 'editor'))
                AND article_id IN (SELECT article_id FROM article_bodies WHERE body_trust = 1)
            """,
        ]
    }

    /// Pages through the bodies in id order, so a large archive is never read whole.
    @Sendable static func recleanBodies(_ db: any SQLDatabase) async throws {
        var after: Int64 = 0
        while true {
            let rows = try await db.raw(
                """
                SELECT article_id, body_html, body_trust FROM article_bodies
                WHERE article_id > \(bind: after) ORDER BY article_id LIMIT 500
                """
            ).all()
            guard let last = rows.last else { return }
            for row in rows {
                let html = try row.decode(column: "body_html", as: String.self)
                let trust = HTMLTrust(rawValue: try row.decode(column: "body_trust", as: Int.self)) ?? .untrusted
                let cleaned = HTMLSanitizer.clean(html, trust: trust)
                guard cleaned != html else { continue }
                let id = try row.decode(column: "article_id", as: Int64.self)
                try await db.raw(
                    "UPDATE article_bodies SET body_html = \(bind: cleaned) WHERE article_id = \(bind: id)"
                ).run()
            }
            after = try last.decode(column: "article_id", as: Int64.self)
        }
    }
}
