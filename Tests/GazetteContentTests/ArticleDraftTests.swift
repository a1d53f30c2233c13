import Foundation
import GazetteContent
import Testing

@Suite("Article validation")
struct ArticleDraftTests {
    let now = Date(timeIntervalSince1970: 1_795_900_000)

    @Test("a good draft gets a slug, an excerpt and a publication time")
    func derivedFields() throws {
        let draft = ArticleDraft(
            title: "  Storm hits the coast ", bodyMarkdown: "The *storm* arrived at [dawn](https://x.test).\n\nMore.",
            status: .published, authorID: 1, tags: ["Weather", "weather", " "])
        let article = try draft.validated(now: now)
        #expect(article.title == "Storm hits the coast")
        #expect(article.slug.value == "storm-hits-the-coast")
        #expect(article.excerpt == "The storm arrived at dawn.")
        #expect(article.publishedAt == now)
        #expect(article.tags.map(\.slug.value) == ["weather"])
    }

    @Test("every problem is reported at once, in plain words")
    func allProblems() {
        let draft = ArticleDraft(
            title: "", slug: "Bad Slug", bodyMarkdown: "", status: .scheduled, publishedAt: now, authorID: 1,
            sourceURL: "ftp://example.com/x", canonicalURL: "not a url",
            image: FeaturedImage(url: "javascript:alert(1)", alt: " "))
        do {
            _ = try draft.validated(now: now)
            Issue.record("validation should fail")
        } catch {
            let fields = Set(error.issues.map(\.field))
            #expect(
                fields == [
                    "title", "slug", "source_url", "canonical_url", "source", "image", "image_alt", "published_at",
                ])
            #expect(error.message(for: "title") == "Every article needs a headline.")
        }
    }

    @Test("limits are enforced")
    func limits() {
        let draft = ArticleDraft(
            title: String(repeating: "x", count: Limits.titleLength + 1), bodyMarkdown: "", authorID: 1,
            tags: (0...Limits.tagsPerArticle).map { "tag \($0)" })
        #expect(throws: ValidationErrors.self) { try draft.validated(now: now) }
    }

    @Test("emails are checked for plausible shapes")
    func emails() {
        #expect(EmailAddress.isPlausible("jane@example.com"))
        #expect(!EmailAddress.isPlausible("jane@localhost"))
        #expect(!EmailAddress.isPlausible("jane example@x.com"))
        #expect(!EmailAddress.isPlausible("@example.com"))
        #expect(!EmailAddress.isPlausible("jane@@example.com"))
    }

    @Test("excerpts skip headings and cut at words")
    func excerpts() {
        #expect(Excerpt.fromMarkdown("# Title\n\nFirst **para**.") == "First para.")
        let long = Excerpt.shorten(String(repeating: "word ", count: 100), to: 30)
        #expect(long.hasSuffix("…") && long.count <= 31)
    }
}

@Suite("Web addresses")
struct WebAddressTests {
    @Test(
        "real http(s) addresses pass, in any script",
        arguments: [
            "https://example.com", "http://news.example.co.uk/a/b?c=d#e", "https://münchen.example/straße",
            "https://127.0.0.1:8080/x", "https://[2001:db8::1]/x",
        ])
    func accepted(address: String) {
        #expect(WebAddress.isHTTP(address))
    }

    @Test(
        "hostile or broken addresses fail",
        arguments: [
            "javascript:alert(1)", "https://%3Cscript%3E/", "https://&#60;x&#62;/",
            "https://example.com/\"onmouseover=\"x",
            "https://example.com/<script>", "ftp://example.com", "https://", "https://exa mple.com",
            "https://-bad-.com",
            "https://a..b", "https://example.com/{x}", "//example.com",
        ])
    func refused(address: String) {
        #expect(!WebAddress.isHTTP(address))
    }
}
