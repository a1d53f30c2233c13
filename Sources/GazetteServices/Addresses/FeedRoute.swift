import Foundation
import GazetteContent

/// Feed addresses: `/feed/` (RSS 2.0), `/feed/atom/` (Atom 1.0) and `/feed.json` (JSON Feed 1.1), for the
/// whole site and under every tag, category, author and source archive (`/tag/{slug}/feed/` …).
public struct FeedRoute: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case rss, atom, json

        package var contentType: String {
            switch self {
            case .rss: "application/rss+xml; charset=utf-8"
            case .atom: "application/atom+xml; charset=utf-8"
            case .json: "application/feed+json; charset=utf-8"
            }
        }
    }

    /// nil for the whole site.
    public var archive: ArchiveKey?
    public var format: Format

    public init(archive: ArchiveKey?, format: Format) {
        self.archive = archive
        self.format = format
    }

    public var path: String {
        let base = archive.map { SiteRoute.archive($0, page: 1).path } ?? "/"
        switch format {
        case .rss: return base + "feed/"
        case .atom: return base + "feed/atom/"
        case .json: return base + "feed.json"
        }
    }

    /// Reads a request path; nil when it is not a feed address. Date archives have no feeds.
    public init?(path: String) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let format: Format
        if segments.last == "feed.json" {
            format = .json
            segments.removeLast()
        } else if segments.suffix(2) == ["feed", "atom"] {
            format = .atom
            segments.removeLast(2)
        } else if segments.last == "feed" {
            format = .rss
            segments.removeLast()
        } else {
            return nil
        }
        if segments.isEmpty {
            self.init(archive: nil, format: format)
            return
        }
        guard segments.count == 2, let slug = Slug(validating: segments[1].removingPercentEncoding ?? segments[1])
        else { return nil }
        let archive: ArchiveKey
        switch segments[0] {
        case "tag": archive = .tag(slug)
        case "category": archive = .category(slug)
        case "author": archive = .author(slug)
        case "source": archive = .source(slug)
        default: return nil
        }
        self.init(archive: archive, format: format)
    }
}
