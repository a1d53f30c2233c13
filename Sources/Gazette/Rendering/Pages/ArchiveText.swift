import GazetteContent

/// What an archive page says about what it lists, and which templates may show it.
struct ArchiveText {
    let heading: String
    let intro: String
    let empty: String
    let templates: [String]
    /// An author's portrait, on author archives.
    var portrait: ImageModel? = nil

    init(_ subject: ArchiveSubject) {
        switch subject {
        case .tag(let tag):
            heading = "Tag: \(tag.name)"
            intro = "Articles tagged “\(tag.name)”."
            templates = ["tag-\(tag.slug.value)", "tag"]
        case .category(let category):
            heading = "Category: \(category.name)"
            intro = "Articles in the \(category.name) section."
            templates = ["category-\(category.slug.value)", "category"]
        case .author(let byline, let bio, let portraitURL):
            heading = "Articles by \(byline.name)"
            intro = bio
            portrait =
                portraitURL.isEmpty
                ? nil : ImageModel(src: portraitURL, alt: "Portrait of \(byline.name)", caption: nil, credit: nil)
            templates = ["author-\(byline.slug.value)", "author"]
        case .source(let source):
            heading = "Source: \(source.name)"
            intro = "Articles from \(source.name), published here with attribution."
            templates = ["source-\(source.slug.value)", "source"]
        case .period(let period):
            if let month = period.month {
                heading = "Archive: \(DateText.monthName(month)) \(period.year)"
                intro = "Articles published in \(DateText.monthName(month)) \(period.year)."
            } else {
                heading = "Archive: \(period.year)"
                intro = "Articles published in \(period.year)."
            }
            templates = ["date"]
        }
        empty = "No articles here yet."
    }
}
