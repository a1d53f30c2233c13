import Foundation
import GazetteStorage
import Hummingbird
import Logging

/// The one composition root of the web server: the theme, the controllers and the middleware over the
/// services. Tests call it with test settings, exactly as `gazette serve` does.
public func buildApplication(services: AppServices, logger: Logger) throws -> some ApplicationProtocol {
    let configuration = services.configuration
    let theme = try Theme(overrideFolder: configuration.themeDirectory)
    let models = PageModelFactory(
        urls: SiteURL(base: configuration.baseURL), dates: DateText(timeZone: configuration.timeZone),
        siteTitle: configuration.siteTitle, tagline: configuration.tagline, language: configuration.language,
        stylesheetURL: theme.assets.url(for: "gazette.css"), clock: services.clock)
    let renderer = PageRenderer(theme: theme, models: models)

    let router = Router(context: GazetteRequestContext.self, options: [.autoGenerateHeadEndpoints])
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    let articlePage = ArticlePageResponder(reader: services.reader, comments: services.comments, renderer: renderer)
    SiteRouter(
        site: SiteController(reader: services.reader, renderer: renderer, articlePage: articlePage),
        comments: CommentController(
            comments: services.comments, reader: services.reader, articlePage: articlePage, renderer: renderer,
            secureCookies: configuration.baseURL.hasPrefix("https://"),
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)),
        assets: AssetController(assets: theme.assets), health: HealthController(database: services.database),
        media: MediaController(library: services.media),
        renderer: renderer
    ).register(on: router)

    let adminTheme = try Theme(
        builtIn: "admin", overrideFolder: nil,
        required: [
            "layout", "form", "message", "dashboard", "comments", "articles", "editor", "revisions", "revision",
            "media", "media-item", "media-fields", "people",
            "person", "error",
        ])
    let adminRenderer = AdminRenderer(theme: adminTheme, siteTitle: configuration.siteTitle)
    let session = AdminSession(accounts: services.accounts, secureCookies: configuration.baseURL.hasPrefix("https://"))
    let articles = services.articles
    let gate = AdminGate(session: session, renderer: adminRenderer)
    let urls = SiteURL(base: configuration.baseURL)
    let dates = DateText(timeZone: configuration.timeZone)
    AdminRouter(
        auth: AuthController(
            accounts: services.accounts, session: session, renderer: adminRenderer,
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)),
        newsroom: NewsroomController(
            gate: gate, renderer: adminRenderer, comments: services.comments, reader: services.reader,
            articleCount: { try await articles.count() }, dates: dates),
        articleList: ArticleListController(
            gate: gate, renderer: adminRenderer, articles: articles, urls: urls, dates: dates),
        editor: ArticleEditorController(
            gate: gate, renderer: adminRenderer, articles: articles, publishing: services.publishing, urls: urls,
            dates: dates, clock: services.clock, media: services.media),
        history: ArticleHistoryController(
            gate: gate, renderer: adminRenderer, articles: articles, revisions: services.revisions,
            publishing: services.publishing, dates: dates),
        media: MediaAdminController(
            gate: gate, renderer: adminRenderer, library: services.media, urls: urls, dates: dates),
        people: PeopleController(gate: gate, renderer: adminRenderer, people: services.people, urls: urls),
        assets: AssetController(assets: adminTheme.assets)
    ).register(on: router)

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Gazette"),
        logger: logger)
}
