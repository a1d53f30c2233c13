import GazetteContent
import GazetteServices

/// How an archive page is shown: which templates may show it (the most specific first) and, on an author's
/// archive, the portrait. Its words are `ArchiveText`'s, shared with the archive's feed.
package enum ArchiveView {
    package static func templates(_ subject: ArchiveSubject) -> [String] {
        switch subject {
        case .tag(let tag): ["tag-\(tag.slug.value)", "tag"]
        case .category(let category): ["category-\(category.slug.value)", "category"]
        case .author(let byline, _, _): ["author-\(byline.slug.value)", "author"]
        case .source(let source): ["source-\(source.slug.value)", "source"]
        case .period: ["date"]
        }
    }

    package static func portrait(_ subject: ArchiveSubject) -> ImageModel? {
        guard case .author(let byline, _, let portraitURL) = subject, !portraitURL.isEmpty else { return nil }
        return ImageModel(src: portraitURL, alt: "Portrait of \(byline.name)", caption: nil, credit: nil)
    }
}
