import Foundation

/// What a first reading of a WordPress export learns, before anything is written: that the whole file is
/// readable, and everything later items refer to (people, categories and their parents, tags, the
/// attachments that featured images and galleries point at), with the counts a progress bar needs.
package struct WordPressCatalog: Sendable {
    package var site = WXR.Site()
    /// By login, the name items use for their author.
    package var authors: [String: WXR.Author] = [:]
    package var authorLogins: [String] = []
    package var categories: [WXR.Category] = []
    package var tags: [WXR.Tag] = []
    /// By WordPress post id.
    package var attachments: [String: Attachment] = [:]
    /// Attachment ids by the id of the post they were uploaded to.
    package var attachmentsByParent: [String: [String]] = [:]
    /// Posts and pages, the items the progress bar counts.
    package var contentItems = 0
    package var items = 0

    package struct Attachment: Sendable, Equatable {
        package var url: String
        package var title: String
        package var alt: String
        package var caption: String
    }

    /// Reads the whole file; throws `WXR.ReadError` (with line and column) when it is not a readable export.
    package static func read(contentsOf url: URL) throws -> WordPressCatalog {
        var catalog = WordPressCatalog()
        try WXRReader.read(contentsOf: url) { catalog.note($0) }
        return catalog
    }

    package mutating func note(_ entry: WXR.Entry) {
        switch entry {
        case .site(let site):
            self.site = site
        case .author(let author):
            if authors[author.login] == nil { authorLogins.append(author.login) }
            authors[author.login] = author
        case .category(let category):
            categories.append(category)
        case .tag(let tag):
            tags.append(tag)
        case .item(let item):
            items += 1
            if item.postType == "attachment" {
                attachments[item.postID] = Attachment(
                    url: item.attachmentURL.isEmpty ? item.guid : item.attachmentURL, title: item.title,
                    alt: item.meta["_wp_attachment_image_alt"] ?? "", caption: item.excerpt)
                if !item.parentID.isEmpty, item.parentID != "0" {
                    attachmentsByParent[item.parentID, default: []].append(item.postID)
                }
            } else if WordPressItemMapper.importedTypes.contains(item.postType) {
                contentItems += 1
            }
        }
    }

    /// Names the site the export came from in every import key, so two sites' post 12 stay apart.
    package var siteKey: String {
        let address = [site.baseBlogURL, site.baseSiteURL, site.link].first { !$0.isEmpty } ?? "wordpress"
        var key = address.lowercased()
        for scheme in ["https://", "http://"] where key.hasPrefix(scheme) { key.removeFirst(scheme.count) }
        while key.hasSuffix("/") { key.removeLast() }
        return key
    }

    /// Attachment addresses by id, for `[gallery ids="…"]`.
    package var attachmentURLs: [String: String] { attachments.mapValues(\.url) }
}
