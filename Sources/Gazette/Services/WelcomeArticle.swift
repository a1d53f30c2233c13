import Foundation
import GazetteContent
import GazetteStorage

/// Writes a short guide to Gazette into a brand-new site, once, so a newcomer sees a full article page.
///
/// A marker in the settings remembers that it was written, so deleting the article does not bring it back.
public struct WelcomeArticle: Sendable {
    static let marker = "welcome_article_written"
    static let authorEmail = "welcome@gazette.invalid"

    let services: AppServices

    public init(services: AppServices) {
        self.services = services
    }

    /// Writes the article when the site has none and never had the welcome article; true when it did.
    @discardableResult
    public func writeIfSiteIsNew() async throws -> Bool {
        guard try await services.settings.value(Self.marker) == nil, try await services.articles.count() == 0 else {
            return false
        }
        var author = try await services.authors.find(email: Self.authorEmail)
        if author == nil {
            author = try await services.authors.create(
                NewAuthor(
                    name: "The Gazette Team", email: Self.authorEmail, role: .author,
                    bio: "The people who make Gazette, the self-hosted news publishing platform.",
                    slug: "gazette-team"
                ).validated(), now: services.clock.now())
        }
        guard let author else { return false }
        try await services.publishing.save(
            ArticleDraft(
                title: "Welcome to Gazette", slug: "welcome-to-gazette",
                dek: "Your news site is running. Here is what it can do, and how to publish your first story.",
                bodyMarkdown: Self.body, status: .published, publishedAt: services.clock.now(), authorID: author.id,
                category: "Guides", tags: ["Gazette", "Getting started"]))
        try await services.settings.set(Self.marker, to: "yes")
        return true
    }

    static let body = """
        Gazette serves a complete news site from one program and one database file. This article was written
        into your empty site so that you can see every part of an article page straight away: the headline,
        this standfirst, the byline, the date, tags and a category, and the list of latest posts beside it.

        ## Publish your first story

        Until the newsroom admin arrives, stories come in as Markdown files with a short header. Save this
        as a file named `stories/first.md`:

        ```
        ---
        title: Council approves the new library
        author: Jane Doe
        date: 2026-11-29 09:30
        category: Local
        tags: [council, libraries]
        dek: The vote was unanimous after a two-hour debate.
        ---
        The city council voted on Tuesday to build...
        ```

        Then add Jane as an author and import the folder:

        ```
        gazette user add --name "Jane Doe" --email jane@example.com --role author
        gazette import markdown stories
        ```

        Importing the same folder again updates the stories in place instead of duplicating them.

        ## Syndicated stories keep their source

        When a story comes from another outlet, add `source: Reuters` and `source_url:` with the
        original address. Readers then see “Source: Reuters” linked to the original, and every outlet gets its own
        archive page.

        ## Where things live

        - Every story has a permanent address made of its date and a readable slug.
        - Tags, categories, authors, sources, years and months each have an archive.
        - Your data sits in `gazette-data/gazette.sqlite`; copy that folder to back it up.
        - To change the look, copy any template of the default theme into your own folder and start
          Gazette with `--theme` pointing at it. You only override what you change.

        > A news site should be quick to read, easy to cite, and never lose what readers or writers gave it.
        > — the principle Gazette is built on

        When you publish your own first story, this one can go: nothing will put it back.
        """
}
