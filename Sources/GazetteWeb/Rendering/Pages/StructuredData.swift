import Foundation
import GazetteContent
import GazetteServices
import Mustache

/// What search engines and social sites read from a page's `<head>`: Open Graph and Twitter card tags, and
/// schema.org JSON-LD (`NewsArticle`, `BreadcrumbList`, the publisher's `Organization`, the `WebSite` with
/// its search box). Every address is absolute.
package struct StructuredData {
    package let urls: SiteURL
    package let identity: SiteIdentity
    package let logoURL: String
    package let dates: DateText

    /// Meta tags and JSON-LD for an article page.
    package func article(
        _ details: ArticleDetails, canonical: String, description: String
    ) -> (
        [MetaTagModel], String
    ) {
        let summary = details.summary
        let published = summary.publishedAt ?? summary.updatedAt
        let modified = max(published, summary.updatedAt)
        let authorURL = urls.absolute(path: urls.author(summary.byline.slug))
        let image = summary.image.map { absolute($0.url) }
        var meta = [
            MetaTagModel(property: "og:type", content: "article"),
            MetaTagModel(property: "og:site_name", content: identity.title),
            MetaTagModel(property: "og:title", content: summary.title),
            MetaTagModel(property: "og:description", content: description),
            MetaTagModel(property: "og:url", content: canonical),
            MetaTagModel(property: "article:published_time", content: dates.iso(published)),
            MetaTagModel(property: "article:modified_time", content: dates.iso(modified)),
            MetaTagModel(property: "article:author", content: authorURL),
        ]
        if let category = summary.category {
            meta.append(MetaTagModel(property: "article:section", content: category.name))
        }
        meta += details.tags.map { MetaTagModel(property: "article:tag", content: $0.name) }
        if let image {
            meta.append(MetaTagModel(property: "og:image", content: image))
            meta.append(MetaTagModel(property: "og:image:alt", content: summary.image?.alt ?? ""))
        }
        meta += [
            MetaTagModel(name: "twitter:card", content: image == nil ? "summary" : "summary_large_image"),
            MetaTagModel(name: "twitter:title", content: summary.title),
            MetaTagModel(name: "twitter:description", content: description),
        ]
        if let image { meta.append(MetaTagModel(name: "twitter:image", content: image)) }

        var article: [String: Any] = [
            "@type": "NewsArticle", "@id": canonical + "#article", "headline": String(summary.title.prefix(110)),
            "description": description, "mainEntityOfPage": canonical, "url": canonical,
            "datePublished": dates.iso(published), "dateModified": dates.iso(modified),
            "inLanguage": identity.language,
            "author": [["@type": "Person", "name": summary.byline.name, "url": authorURL]],
            "publisher": ["@id": organizationID],
        ]
        if let image { article["image"] = [image] }
        if let category = summary.category { article["articleSection"] = category.name }
        if !details.tags.isEmpty { article["keywords"] = details.tags.map(\.name) }
        if let source = summary.source {
            let original = details.sourceURL.isEmpty ? source.url : details.sourceURL
            var based: [String: Any] = ["@type": "CreativeWork", "name": source.name]
            if !original.isEmpty { based["url"] = original }
            article["isBasedOn"] = based
        }
        if !details.corrections.isEmpty {
            article["correction"] = details.corrections.map {
                ["@type": "CorrectionComment", "text": $0.note, "datePublished": dates.iso($0.notedAt)]
            }
        }
        var crumbs: [(String, String)] = [(identity.title, urls.absolute(path: SiteURL.home))]
        if let category = summary.category {
            crumbs.append((category.name, urls.absolute(path: urls.category(category.slug))))
        }
        crumbs.append((summary.title, canonical))
        let breadcrumbs: [String: Any] = [
            "@type": "BreadcrumbList",
            "itemListElement": crumbs.enumerated().map { index, crumb in
                ["@type": "ListItem", "position": index + 1, "name": crumb.0, "item": crumb.1] as [String: Any]
            },
        ]
        return (
            meta,
            Self.json(["@context": "https://schema.org", "@graph": [article, breadcrumbs, organization, website]])
        )
    }

    /// Meta tags and JSON-LD for the front page and archives: the site itself.
    package func site(title: String, description: String, canonical: String?) -> ([MetaTagModel], String) {
        var meta = [
            MetaTagModel(property: "og:type", content: "website"),
            MetaTagModel(property: "og:site_name", content: identity.title),
            MetaTagModel(property: "og:title", content: title),
            MetaTagModel(property: "og:description", content: description),
            MetaTagModel(name: "twitter:card", content: "summary"),
        ]
        if let canonical { meta.append(MetaTagModel(property: "og:url", content: canonical)) }
        return (meta, Self.json(["@context": "https://schema.org", "@graph": [organization, website]]))
    }

    private var organizationID: String { urls.absolute(path: SiteURL.home) + "#organization" }

    private var organization: [String: Any] {
        [
            "@type": "NewsMediaOrganization", "@id": organizationID, "name": identity.title,
            "url": urls.absolute(path: SiteURL.home),
            "logo": ["@type": "ImageObject", "url": absolute(logoURL), "width": 160, "height": 160],
        ]
    }

    private var website: [String: Any] {
        [
            "@type": "WebSite", "@id": urls.absolute(path: SiteURL.home) + "#website", "name": identity.title,
            "url": urls.absolute(path: SiteURL.home), "inLanguage": identity.language,
            "publisher": ["@id": organizationID],
            "potentialAction": [
                "@type": "SearchAction",
                "target": [
                    "@type": "EntryPoint", "urlTemplate": urls.absolute(path: "/search") + "?q={search_term_string}",
                ],
                "query-input": "required name=search_term_string",
            ],
        ]
    }

    private func absolute(_ address: String) -> String {
        address.hasPrefix("/") && !address.hasPrefix("//") ? urls.absolute(path: address) : address
    }

    /// JSON for a `<script>` block: sorted keys, and `<` and `/` escaped so no `</script>` can close it early.
    package static func json(_ object: [String: Any]) -> String {
        ScriptJSON.text(object)
    }
}

/// `<meta property=… content=…>` (Open Graph) or `<meta name=… content=…>` (Twitter).
package struct MetaTagModel: Sendable {
    package let property: String?
    package let name: String?
    package let content: String

    package init(property: String, content: String) {
        self.property = property
        self.name = nil
        self.content = content
    }

    package init(name: String, content: String) {
        self.property = nil
        self.name = name
        self.content = content
    }
}

extension MetaTagModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "property": self.property
        case "name": self.name
        case "content": self.content
        default: nil
        }
    }
}
