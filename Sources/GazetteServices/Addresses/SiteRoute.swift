import Foundation
import GazetteContent

/// Every public page address, parsed and built in one place.
///
/// | route | path |
/// |---|---|
/// | front page | `/`, `/page/{n}/` |
/// | article | `/{yyyy}/{mm}/{dd}/{slug}/` |
/// | year, month | `/{yyyy}/`, `/{yyyy}/{mm}/` (+ `page/{n}/`) |
/// | archives | `/tag/{slug}/`, `/category/{slug}/`, `/author/{slug}/`, `/source/{slug}/` (+ `page/{n}/`) |
public enum SiteRoute: Sendable, Equatable {
    case front(page: Int)
    case article(day: PublicationDay, slug: Slug)
    case archive(ArchiveKey, page: Int)

    /// The canonical path, always with a trailing slash; slugs are percent-encoded where needed.
    public var path: String {
        switch self {
        case .front(let page):
            return page == 1 ? "/" : "/page/\(page)/"
        case .article(let day, let slug):
            return "/\(day.pathSegments)/\(Self.encode(slug))/"
        case .archive(let subject, let page):
            let base: String =
                switch subject {
                case .tag(let slug): "/tag/\(Self.encode(slug))/"
                case .category(let slug): "/category/\(Self.encode(slug))/"
                case .author(let slug): "/author/\(Self.encode(slug))/"
                case .source(let slug): "/source/\(Self.encode(slug))/"
                case .period(let period):
                    period.month.map { "/\(period.year)/\(PublicationDay.pad($0))/" } ?? "/\(period.year)/"
                }
            return page == 1 ? base : base + "page/\(page)/"
        }
    }

    /// Reads a request path; nil when it names no page. The caller compares `path` with what was asked
    /// to send readers from non-canonical forms (no trailing slash, `/page/1/`) to the canonical one.
    public init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).removingPercentEncoding ?? String($0)
        }
        var rest = segments[...]
        var page = 1
        var isPaged = false
        if rest.count >= 2, rest[rest.endIndex - 2] == "page" {
            guard let request = PageRequest(segment: rest[rest.endIndex - 1], size: 1) else { return nil }
            page = request.number
            isPaged = true
            rest = rest.dropLast(2)
        }
        switch rest.count {
        case 0:
            self = .front(page: page)
        case 2 where ["tag", "category", "author", "source"].contains(rest.first!):
            guard let slug = Slug(validating: rest.last!) else { return nil }
            let subject: ArchiveKey =
                switch rest.first! {
                case "tag": .tag(slug)
                case "category": .category(slug)
                case "author": .author(slug)
                default: .source(slug)
                }
            self = .archive(subject, page: page)
        case 1, 2:
            guard let year = Self.number(rest.first!, digits: 4) else { return nil }
            let month = rest.count == 2 ? Self.number(rest.last!, digits: 2) : nil
            if rest.count == 2 && month == nil { return nil }
            guard let period = ArchivePeriod(year: year, month: month) else { return nil }
            self = .archive(.period(period), page: page)
        case 4 where !isPaged:
            let parts = Array(rest)
            guard let year = Self.number(parts[0], digits: 4), let month = Self.number(parts[1], digits: 2),
                let dayNumber = Self.number(parts[2], digits: 2),
                let day = PublicationDay(year: year, month: month, day: dayNumber),
                let slug = Slug(validating: parts[3])
            else { return nil }
            self = .article(day: day, slug: slug)
        default:
            return nil
        }
    }

    private static func number(_ text: String, digits: Int) -> Int? {
        guard text.count == digits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func encode(_ slug: Slug) -> String {
        // Most slugs are plain ASCII letters, digits and hyphens, which need no encoding; Foundation's
        // encoder was a fifth of the time spent on a 50,000-address sitemap.
        let plain = slug.value.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        }
        if plain { return slug.value }
        return slug.value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? slug.value
    }
}
