import Foundation
import GazetteContent
import GazetteStorage

/// The records of `gazette export --format json`, as docs/export-json.md describes them. Field names are
/// snake_case, times ISO 8601 in UTC, ids the site's own (references between records use them).
enum JSONExportRecords {
    struct Header: Encodable {
        var format = "gazette-export"
        var version = 1
        var exportedAt: String
        var site: Site
        var settings: [String: String]
        var people: [Person]
        var categories: [Category]
        var tags: [Term]
        var sources: [Source]

        enum CodingKeys: String, CodingKey {
            case format, version, site, settings, people, categories, tags, sources
            case exportedAt = "exported_at"
        }
    }

    struct Site: Encodable {
        var title: String
        var tagline: String
        var language: String
        var timeZone: String
        var baseURL: String

        enum CodingKeys: String, CodingKey {
            case title, tagline, language
            case timeZone = "time_zone"
            case baseURL = "base_url"
        }
    }

    /// Everyone who writes for the site; never a password or its hash.
    struct Person: Encodable {
        var id: Int64
        var name: String
        var slug: String
        var email: String
        var bio: String
        var role: String
        var avatarURL: String

        enum CodingKeys: String, CodingKey {
            case id, name, slug, email, bio, role
            case avatarURL = "avatar_url"
        }
    }

    struct Category: Encodable {
        var id: Int64
        var name: String
        var slug: String
        var parentID: Int64?

        enum CodingKeys: String, CodingKey {
            case id, name, slug
            case parentID = "parent_id"
        }
    }

    struct Term: Encodable {
        var id: Int64
        var name: String
        var slug: String
    }

    struct Source: Encodable {
        var id: Int64
        var name: String
        var slug: String
        var url: String
    }

    struct Image: Encodable {
        var url: String
        var alt: String
        var caption: String
        var credit: String
    }

    struct Correction: Encodable {
        var notedAt: String
        var note: String

        enum CodingKeys: String, CodingKey {
            case note
            case notedAt = "noted_at"
        }
    }

    struct Comment: Encodable {
        var id: Int64
        var parentID: Int64?
        var authorName: String
        var authorEmail: String
        var authorURL: String
        var authorIP: String
        var body: String
        var status: String
        var createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, body, status
            case parentID = "parent_id"
            case authorName = "author_name"
            case authorEmail = "author_email"
            case authorURL = "author_url"
            case authorIP = "author_ip"
            case createdAt = "created_at"
        }
    }

    struct Article: Encodable {
        var id: Int64
        var kind: String
        var title: String
        var slug: String
        var day: String
        var url: String
        var dek: String
        var excerpt: String
        var status: String
        var publishedAt: String?
        var createdAt: String
        var updatedAt: String
        var authorID: Int64
        var categoryID: Int64?
        var tagIDs: [Int64]
        var sourceID: Int64?
        var sourceURL: String
        var canonicalURL: String
        var image: Image?
        var commentStatus: String
        var bodyMarkdown: String
        var bodyHTML: String
        var corrections: [Correction]
        var comments: [Comment]
        var redirects: [String]

        enum CodingKeys: String, CodingKey {
            case id, kind, title, slug, day, url, dek, excerpt, status, image, corrections, comments, redirects
            case publishedAt = "published_at"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case authorID = "author_id"
            case categoryID = "category_id"
            case tagIDs = "tag_ids"
            case sourceID = "source_id"
            case sourceURL = "source_url"
            case canonicalURL = "canonical_url"
            case commentStatus = "comment_status"
            case bodyMarkdown = "body_markdown"
            case bodyHTML = "body_html"
        }

        init(_ article: ExportStore.Article, baseURL: String) {
            let details = article.details
            let summary = details.summary
            id = summary.id
            kind = article.kind.rawValue
            title = summary.title
            slug = summary.slug.value
            day = summary.day.isoDate
            url = baseURL + Redirect.articlePath(day: summary.day, slug: summary.slug)
            dek = summary.dek
            excerpt = summary.excerpt
            status = summary.status.rawValue
            publishedAt = summary.publishedAt.map(JSONExportRecords.time)
            createdAt = JSONExportRecords.time(article.createdAt)
            updatedAt = JSONExportRecords.time(summary.updatedAt)
            authorID = details.authorID
            categoryID = summary.category?.id
            tagIDs = details.tags.map(\.id)
            sourceID = summary.source?.id
            sourceURL = details.sourceURL
            canonicalURL = details.canonicalURL
            image = summary.image.map { Image(url: $0.url, alt: $0.alt, caption: $0.caption, credit: $0.credit) }
            commentStatus = details.commentStatus.rawValue
            bodyMarkdown = details.bodyMarkdown
            bodyHTML = details.bodyHTML
            corrections = details.corrections.map {
                Correction(notedAt: JSONExportRecords.time($0.notedAt), note: $0.note)
            }
            comments = article.comments.map {
                Comment(
                    id: $0.id, parentID: $0.parentID, authorName: $0.authorName, authorEmail: $0.authorEmail,
                    authorURL: $0.authorURL, authorIP: $0.authorIP, body: $0.body, status: $0.status.rawValue,
                    createdAt: JSONExportRecords.time($0.createdAt))
            }
            redirects = article.redirects
        }
    }

    static func time(_ date: Date) -> String {
        FeedDates.rfc3339(date)
    }
}
