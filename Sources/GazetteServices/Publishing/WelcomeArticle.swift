import Foundation
import GazetteContent
import GazetteStorage

/// Writes a short guide to Gazette into a brand-new site, once, so a newcomer sees a full article page.
///
/// A marker in the settings remembers that it was written, so deleting the article does not bring it back.
public struct WelcomeArticle: Sendable {
    package static let marker = "welcome_article_written"
    package static let authorEmail = "welcome@gazette.invalid"

    private let articles: ArticleStore
    private let authors: AuthorStore
    private let settings: SettingsStore
    private let publishing: PublishingService
    private let clock: Clock

    public init(
        articles: ArticleStore, authors: AuthorStore, settings: SettingsStore, publishing: PublishingService,
        clock: Clock
    ) {
        self.articles = articles
        self.authors = authors
        self.settings = settings
        self.publishing = publishing
        self.clock = clock
    }

    /// Writes the article when the site has none and never had the welcome article; true when it did.
    @discardableResult
    public func writeIfSiteIsNew() async throws -> Bool {
        guard try await settings.value(Self.marker) == nil, try await articles.count() == 0 else {
            return false
        }
        // Several instances may start on one new database: only the one whose claim is stored writes.
        let claim = UUID().uuidString
        guard try await settings.setIfAbsent(Self.marker, to: claim) == claim else { return false }
        var author = try await authors.find(email: Self.authorEmail)
        if author == nil {
            author = try await authors.create(
                NewAuthor(
                    name: "The Gazette Team", email: Self.authorEmail, role: .author,
                    bio: "The people who make Gazette, the self-hosted news publishing platform.",
                    slug: "gazette-team"
                ).validated(), now: clock.now())
        }
        guard let author else { return false }
        let now = clock.now()
        for companion in Self.companions {
            try await publishing.save(
                ArticleDraft(
                    title: companion.title, dek: companion.dek, bodyMarkdown: companion.body, status: .published,
                    publishedAt: now.addingTimeInterval(companion.minutesEarlier * -60), authorID: author.id,
                    category: "Guides", tags: ["Gazette"]), writtenBy: .trusted)
        }
        try await publishing.save(
            ArticleDraft(
                title: "Welcome to Gazette", slug: "welcome-to-gazette",
                dek: "Your news site is running. Here is what it can do, and how to publish your first story.",
                bodyMarkdown: Self.body, status: .published, publishedAt: now, authorID: author.id,
                category: "Guides", tags: ["Gazette", "Getting started"], sourceName: "The Gazette handbook",
                image: FeaturedImage(
                    url: "/assets/welcome.svg", alt: "A folded newspaper beside a cup of coffee",
                    caption: "Every story gets a page like this one.", credit: "Illustration: Gazette"),
                corrections: [
                    Correction(
                        notedAt: now,
                        note: "An earlier draft of this guide said imports duplicate existing stories. "
                            + "They do not: importing again updates each story in place.")
                ]), writtenBy: .trusted)
        return true
    }

    /// Short guides published just before the welcome article, so its "Latest Posts" list is not empty.
    package static let companions: [(title: String, dek: String, minutesEarlier: Double, body: String)] = [
        (
            "Change the look without touching code",
            "Themes are folders of Mustache templates; override only the files you change.", 2,
            """
            A theme is a folder with a `templates` folder and an `assets` folder. Start Gazette with
            `--theme my-theme` and it uses your files first and the default theme for everything else.

            Templates are looked up from the most specific to the most general: a template named after an
            article's slug, then `article`, then `index`. Archives work the same way with `tag`,
            `category`, `author`, `source` and `archive`, and error pages with `error-404`, `error-4xx`
            and `error`.

            Stylesheets and pictures in `assets` are served under names that change with their content,
            so browsers may keep them for a year without ever showing a stale copy.
            """
        ),
        (
            "Growing from one machine to many",
            "Start on the built-in SQLite database; move to PostgreSQL when one machine is not enough.", 4,
            """
            Gazette keeps everything in one SQLite file by default, in write-ahead-log mode, with every
            acknowledged write safely on disk. That carries a busy single newsroom.

            When you need more, point Gazette at PostgreSQL with `--database postgres://…`, run as many
            copies of `gazette serve` as you like behind a load balancer, and let `/healthz` tell the
            balancer which ones are ready.
            """
        ),
    ]

    package static let body = """
        Gazette serves a complete news site from one program and one database file. This article was written
        into your empty site so that you can see every part of an article page straight away: the headline,
        this standfirst, the byline, the date, the picture, tags and a category, a correction, and the list of
        latest posts beside it.

        ## Publish your first story

        When `gazette serve` started for the first time it printed a one-time link. Open it to create the
        first admin account, then sign in to the newsroom at `/admin/`. From there:

        - **Articles → New article** opens the editor: a headline, a standfirst, the story in Markdown, a
          featured image with its alternative text, tags and a category. Save it as a draft, preview it,
          publish it now or give it a time to appear.
        - **People** invites reporters and editors. Contributors write drafts and submit them; authors
          publish their own stories; editors publish anyone's and moderate comments; admins also run the
          settings, the audit log and two-step sign-in.
        - **Comments** is the moderation queue: approve, hold, mark as spam or answer from the newsroom.

        Stories written elsewhere can come in too: `gazette import wxr export.xml` brings a WordPress
        site with its comments and images, `gazette import markdown stories/` reads Markdown files with a
        short header, and `gazette feeds add` reads another outlet's feed on a schedule. Importing the same
        thing again updates the stories in place instead of duplicating them.

        ## Syndicated stories keep their source

        When a story comes from another outlet, name it as the source with the original address. Readers
        then see “Source: …” linked to the original, and every outlet gets its own archive page and feed.

        ## Where things live

        - Every story has a permanent address made of its date and a readable slug; a changed slug sends
          readers on from the old address.
        - Tags, categories, authors, sources, years and months each have an archive and a feed.
        - Your data sits in `gazette-data/`. `gazette backup FOLDER` copies the database and the pictures
          while the site keeps serving, and `gazette restore FOLDER` puts a backup back once the server is
          stopped.
        - To change the look, copy any template of the default theme into your own folder and start
          Gazette with `--theme` pointing at it. You only override what you change.

        > A news site should be quick to read, easy to cite, and never lose what readers or writers gave it.
        > — the principle Gazette is built on

        When you publish your own first story, this one can go: move it to the trash in the newsroom, and
        nothing will put it back.
        """
}
