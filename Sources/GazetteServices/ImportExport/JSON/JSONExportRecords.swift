import Foundation
import GazetteContent
import GazetteStorage

/// The records of `gazette export --format json`, as docs/export-json.md describes them. Field names are
/// snake_case, times ISO 8601 in UTC, ids the site's own (references between records use them).
package enum JSONExportRecords {
    package struct Header: Encodable {
        package var format = "gazette-export"
        package var version = 1
        package var exportedAt: String
        package var site: Site
        package var settings: [String: String]
        package var people: [Person]
        package var categories: [Category]
        package var tags: [Term]
        package var sources: [Source]

        package enum CodingKeys: String, CodingKey {
            case format, version, site, settings, people, categories, tags, sources
            case exportedAt = "exported_at"
        }
    }

    package struct Site: Encodable {
        package var title: String
        package var tagline: String
        package var language: String
        package var timeZone: String
        package var baseURL: String

        package enum CodingKeys: String, CodingKey {
            case title, tagline, language
            case timeZone = "time_zone"
            case baseURL = "base_url"
        }
    }

    /// Everyone who writes for the site; never a password or its hash.
    package struct Person: Encodable {
        package var id: Int64
        package var name: String
        package var slug: String
        package var email: String
        package var bio: String
        package var role: String
        package var avatarURL: String

        package enum CodingKeys: String, CodingKey {
            case id, name, slug, email, bio, role
            case avatarURL = "avatar_url"
        }
    }

    package struct Category: Encodable {
        package var id: Int64
        package var name: String
        package var slug: String
        package var parentID: Int64?

        package enum CodingKeys: String, CodingKey {
            case id, name, slug
            case parentID = "parent_id"
        }
    }

    package struct Term: Encodable {
        package var id: Int64
        package var name: String
        package var slug: String
    }

    package struct Source: Encodable {
        package var id: Int64
        package var name: String
        package var slug: String
        package var url: String
    }

    package struct Image: Encodable {
        package var url: String
        package var alt: String
        package var caption: String
        package var credit: String
    }

    package struct Correction: Encodable {
        package var notedAt: String
        package var note: String

        package enum CodingKeys: String, CodingKey {
            case note
            case notedAt = "noted_at"
        }
    }

    package struct Comment: Encodable {
        package var id: Int64
        package var parentID: Int64?
        package var authorName: String
        package var authorEmail: String
        package var authorURL: String
        package var authorIP: String
        package var body: String
        package var status: String
        package var createdAt: String

        package enum CodingKeys: String, CodingKey {
            case id, body, status
            case parentID = "parent_id"
            case authorName = "author_name"
            case authorEmail = "author_email"
            case authorURL = "author_url"
            case authorIP = "author_ip"
            case createdAt = "created_at"
        }
    }

    package struct Article: Encodable {
        package var id: Int64
        package var kind: String
        package var title: String
        package var slug: String
        package var day: String
        package var url: String
        package var dek: String
        package var excerpt: String
        package var status: String
        package var publishedAt: String?
        package var createdAt: String
        package var updatedAt: String
        package var authorID: Int64
        package var categoryID: Int64?
        package var tagIDs: [Int64]
        package var sourceID: Int64?
        package var sourceURL: String
        package var canonicalURL: String
        package var image: Image?
        package var commentStatus: String
        package var bodyMarkdown: String
        package var bodyHTML: String
        package var corrections: [Correction]
        package var comments: [Comment]
        package var redirects: [String]

        package enum CodingKeys: String, CodingKey {
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

        package init(_ article: ExportStore.Article, baseURL: String) {
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

    package static func time(_ date: Date) -> String {
        FeedDates.rfc3339(date)
    }
}
