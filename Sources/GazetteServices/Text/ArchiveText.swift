import GazetteContent

/// What an archive page says about what it lists: its heading (also the feed's title), introduction and
/// the line shown when it is empty.
package struct ArchiveText {
    package let heading: String
    package let intro: String
    package let empty: String

    package init(_ subject: ArchiveSubject) {
        switch subject {
        case .tag(let tag):
            heading = "Tag: \(tag.name)"
            intro = "Articles tagged “\(tag.name)”."
        case .category(let category):
            heading = "Category: \(category.name)"
            intro = "Articles in the \(category.name) section."
        case .author(let byline, let bio, _):
            heading = "Articles by \(byline.name)"
            intro = bio
        case .source(let source):
            heading = "Source: \(source.name)"
            intro = "Articles from \(source.name), published here with attribution."
        case .period(let period):
            if let month = period.month {
                heading = "Archive: \(DateText.monthName(month)) \(period.year)"
                intro = "Articles published in \(DateText.monthName(month)) \(period.year)."
            } else {
                heading = "Archive: \(period.year)"
                intro = "Articles published in \(period.year)."
            }
        }
        empty = "No articles here yet."
    }
}
