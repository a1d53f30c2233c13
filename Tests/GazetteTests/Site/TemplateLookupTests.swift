import Mustache
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

/// Page models answer the templates' lookups through hand-written `child(named:)` switches instead of
/// swift-mustache's per-lookup `Mirror`. These tests hold every switch to the model's stored properties,
/// so a field added to a model, or a new nested model, cannot silently render as nothing.
@Suite("Template lookups")
struct TemplateLookupTests {
    @Test("Every field of the article page's models is reachable by its name, nested models included")
    func articlePage() {
        let visited = LookupChecker.check(Samples.articlePage(optionals: true))
        #expect(
            visited.contains("CommentFormModel") && visited.contains("FieldModel") && visited.contains("SourceModel"))
        LookupChecker.check(Samples.articlePage(optionals: false))
    }

    @Test("Every field of the list, search and error pages' models is reachable by its name")
    func otherPages() {
        for optionals in [true, false] {
            LookupChecker.check(Samples.listPage(optionals: optionals))
            LookupChecker.check(Samples.searchPage(optionals: optionals))
        }
        LookupChecker.check(
            ErrorPageModel(site: Samples.site, head: Samples.head, status: 404, heading: "h", message: "m"))
    }

    @Test("A missing optional is nil, not an Optional that would render as text")
    func optionalsUnwrap() {
        let card = Samples.card(optionals: false)
        #expect(card.child(named: "dek") == nil)
        #expect(card.child(named: "image") == nil)
        #expect(card.child(named: "nothingByThisName") == nil)
        #expect(Samples.card(optionals: true).child(named: "dek") as? String == "A dek")
    }
}

/// Walks a model tree and compares each model's lookups with what `Mirror` sees.
private enum LookupChecker {
    /// Returns the names of the model types visited.
    @discardableResult
    static func check(_ root: Any, sourceLocation: SourceLocation = #_sourceLocation) -> Set<String> {
        var visited: Set<String> = []
        walk(root, path: "\(type(of: root))", visited: &visited, sourceLocation: sourceLocation)
        return visited
    }

    private static func walk(_ value: Any, path: String, visited: inout Set<String>, sourceLocation: SourceLocation) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection:
            for (index, element) in mirror.children.enumerated() {
                walk(element.value, path: "\(path)[\(index)]", visited: &visited, sourceLocation: sourceLocation)
            }
        case .struct:
            guard let parent = value as? MustacheParent else {
                Issue.record("\(path): \(type(of: value)) has no child(named:) lookups", sourceLocation: sourceLocation)
                return
            }
            visited.insert("\(type(of: value))")
            for child in mirror.children {
                guard let label = child.label else { continue }
                let expected = unwrapped(child.value)
                let found = parent.child(named: label)
                #expect(
                    (found == nil) == (expected == nil), "\(path).\(label): lookup and field disagree on presence",
                    sourceLocation: sourceLocation)
                if let expected, let found {
                    #expect(
                        String(describing: found) == String(describing: expected), "\(path).\(label)",
                        sourceLocation: sourceLocation)
                    walk(expected, path: "\(path).\(label)", visited: &visited, sourceLocation: sourceLocation)
                }
            }
            #expect(parent.child(named: "noSuchField") == nil, "\(path)", sourceLocation: sourceLocation)
        default:
            break  // strings, numbers, booleans
        }
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}

/// Models with every field filled (or every optional left out), as the page builders would make them.
private enum Samples {
    static let site = SiteModel(
        title: "Gazette", tagline: "News", homeURL: "/", language: "en", stylesheetURL: "/assets/g.css", year: "2026")
    static let head = HeadModel(
        title: "T", description: "D", canonicalURL: "/c/", noIndex: false,
        feeds: [FeedLinkModel(title: "RSS", type: "application/rss+xml", url: "/feed/")],
        meta: [MetaTagModel(property: "og:title", content: "T"), MetaTagModel(name: "twitter:card", content: "s")],
        jsonLD: "{}")
    static let link = LinkModel(name: "Politics", url: "/category/politics/")
    static let date = DateModel(iso: "2026-11-29T10:00:00Z", text: "29 November 2026")

    static func image(optionals: Bool) -> ImageModel {
        ImageModel(src: "/media/a.jpg", alt: "A", caption: optionals ? "C" : nil, credit: optionals ? "R" : nil)
    }

    static func pager(optionals: Bool) -> PagerModel {
        PagerModel(newerURL: optionals ? "/page/1/" : nil, olderURL: optionals ? "/page/3/" : nil, label: "Page 2")
    }

    static func card(optionals: Bool) -> ArticleCardModel {
        ArticleCardModel(
            title: "Headline", url: "/2026/11/29/headline/", dek: optionals ? "A dek" : nil,
            excerpt: optionals ? "Excerpt" : nil, author: link, published: date, category: optionals ? link : nil,
            source: optionals ? link : nil, image: optionals ? image(optionals: true) : nil,
            commentsText: optionals ? "3 comments" : nil, commentsURL: "/2026/11/29/headline/#comments")
    }

    static func field(optionals: Bool) -> FieldModel {
        FieldModel(value: "v", inputType: "text", error: optionals ? "Too long" : nil, errorID: "author-error")
    }

    static func comment(replies: [CommentModel]) -> CommentModel {
        CommentModel(
            id: "7", anchor: "comment-7", authorName: "Ana", hasAuthorURL: true, authorURL: "https://a.example",
            date: date, permalink: "/x/#comment-7", bodyHTML: "<p>Hi</p>", canReply: true, replyURL: "/x/?replytocom=7",
            isPending: false, isStaff: replies.isEmpty, level: replies.isEmpty ? 2 : 1, replies: replies,
            hasReplies: !replies.isEmpty)
    }

    static func articlePage(optionals: Bool) -> ArticlePageModel {
        let form = CommentFormModel(
            action: "/comments", heading: "Leave a Reply", replyingTo: optionals ? "Ana" : nil,
            cancelReplyURL: optionals ? "/x/#respond" : nil, articleID: "1", parentID: "0", token: "t",
            generalError: optionals ? "Please check" : nil, author: field(optionals: optionals),
            email: field(optionals: optionals), url: field(optionals: optionals), comment: field(optionals: optionals),
            remember: true, follow: optionals, maxAuthor: 100, maxEmail: 200, maxURL: 200, maxComment: 10_000)
        let section = CommentSectionModel(
            heading: "2 Comments", count: 2, hasComments: true, comments: [comment(replies: [comment(replies: [])])],
            pager: optionals ? pager(optionals: true) : nil, form: optionals ? form : nil,
            closedMessage: optionals ? "Closed" : nil, keptComment: optionals ? "kept" : nil,
            problemSummary: optionals ? "Problem" : nil)
        let article = ArticleModel(
            id: "1", title: "Headline", url: "/x/", dek: optionals ? "Dek" : nil, bodyHTML: "<p>Body</p>",
            author: link, authorBio: optionals ? "Bio" : nil, published: date, updated: optionals ? date : nil,
            corrections: [CorrectionModel(date: date, note: "Fixed")], hasCorrections: true,
            source: optionals
                ? SourceModel(name: "Wire", originalURL: "https://w.example/1", archiveURL: "/source/wire/") : nil,
            category: optionals ? link : nil, tags: [link], hasTags: true,
            image: optionals ? image(optionals: true) : nil, commentsOpen: true)
        return ArticlePageModel(
            site: site, head: head, article: article, latest: [card(optionals: optionals)], hasLatest: true,
            comments: optionals ? section : nil)
    }

    static func listPage(optionals: Bool) -> ListPageModel {
        ListPageModel(
            site: site, head: head, heading: "Latest", intro: optionals ? "Intro" : nil, isFrontPage: true,
            articles: [card(optionals: optionals)], pager: optionals ? pager(optionals: true) : nil,
            emptyMessage: "Nothing yet", portrait: optionals ? image(optionals: false) : nil)
    }

    static func searchPage(optionals: Bool) -> SearchPageModel {
        SearchPageModel(
            site: site, head: head, query: "q", hasQuery: true, summary: "1 article found.",
            results: [
                SearchResultModel(title: "T", url: "/x/", published: date, author: link, snippetHTML: "<mark>q</mark>")
            ],
            hasResults: true, pager: optionals ? pager(optionals: false) : nil)
    }
}
