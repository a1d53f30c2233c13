import Foundation
import GazetteAPI
import GazetteServices
import GazetteStorage
import GazetteWeb
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// The routes and middleware over the services, and the background work beside them.
package func buildRouter(services: AppServices, logger: Logger) throws -> BuiltRouter {
    let configuration = services.configuration
    let theme = try Theme(overrideFolder: configuration.themeDirectory)
    let models = PageModelFactory(
        urls: SiteURL(base: configuration.baseURL), live: services.site.live,
        stylesheetURL: theme.assets.url(for: "gazette.css"), logoURL: theme.assets.url(for: "logo.png"),
        clock: services.clock, variants: services.media.variants)
    let renderer = PageRenderer(theme: theme, models: models)

    let router = Router(context: GazetteRequestContext.self, options: [.autoGenerateHeadEndpoints])
    var background = BackgroundWork.services(
        for: services, schedule: configuration.background, logger: logger,
        newsletterDesign: ThemedNewsletter(theme: theme))
    let metrics = ServerMetrics()
    services.database.observer = metrics
    // Every answer is counted, cached or not.
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    metrics.sample { await ServerSamples.comments(services.comments) }
    metrics.sample { ServerSamples.process() }
    // Outermost, so that a cached answer, stored with every header the inner middleware added, goes out
    // without passing through anything else.
    if configuration.pageCacheMB > 0 {
        let cache = PageCache(byteBudget: configuration.pageCacheMB * 1_048_576, shared: services.sharedChanges)
        services.changes.subscribe(cache.apply)
        metrics.sample { cache.samples }
        if let messenger = services.messenger {
            background.append(ChangeListener(messenger: messenger, apply: cache.apply, logger: logger))
        }
        router.add(middleware: PageCacheMiddleware(cache: cache))
    } else {
        router.add(middleware: InternalHeadersMiddleware())
    }
    router.add(middleware: SecurityHeadersMiddleware(strictTransport: configuration.baseURL.hasPrefix("https://")))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(
        middleware: RequestOriginMiddleware(clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)))
    let adminTheme = try Theme(
        builtIn: "admin", overrideFolder: nil,
        required: [
            "layout", "form", "message", "dashboard", "comments", "articles", "editor", "revisions", "revision",
            "media", "media-item", "media-fields", "people",
            "person", "settings", "comment", "password", "error", "audit", "sign-in-code", "two-factor",
            "notifications", "subscribers", "api-tokens",
        ])
    let preview = ArticlePreview(
        renderer: renderer, reader: services.reader, publishing: services.publishing, links: services.previewLinks,
        site: services.site.live, clock: services.clock,
        bannerStylesheetURL: AdminURL.root + adminTheme.assets.url(for: "preview.css"))
    try APIRoutes(
        catalog: services.catalog,
        newsroom: NewsroomServices(
            desk: services.articleDesk, comments: services.comments, publishing: services.publishing,
            authors: services.authors, rateLimit: configuration.apiRateLimit),
        tokens: services.apiTokens, clock: services.clock, site: SiteURL(base: configuration.baseURL),
        variants: services.media.variants
    ).register(on: router, logger: logger)
    let articlePage = ArticlePageResponder(reader: services.reader, comments: services.comments, renderer: renderer)
    // WordPress's REST API for reading, under /wp-json/ (out of the site's catch-all route).
    WordPressRouter(
        catalog: PublicCatalog(
            articles: services.articles, terms: services.terms, authors: services.authors,
            comments: services.commentStore, clock: services.clock),
        urls: SiteURL(base: configuration.baseURL), site: services.site.live, clock: services.clock
    ).register(on: router)
    SiteRouter(
        site: SiteController(
            reader: services.reader, renderer: renderer, articlePage: articlePage,
            feeds: FeedController(
                builder: FeedBuilder(
                    reader: services.reader, urls: SiteURL(base: configuration.baseURL), site: services.site.live,
                    clock: services.clock), renderer: renderer),
            search: SearchController(search: services.search, renderer: renderer, clock: services.clock),
            commentFeeds: CommentFeedController(
                comments: services.commentStore, reader: services.reader,
                urls: SiteURL(base: configuration.baseURL), site: services.site.live, clock: services.clock,
                renderer: renderer),
            discovery: DiscoveryController(
                builder: SitemapBuilder(
                    articles: services.articles, urls: SiteURL(base: configuration.baseURL), site: services.site.live,
                    clock: services.clock), renderer: renderer)),
        comments: CommentController(
            comments: services.comments, reader: services.reader, articlePage: articlePage, renderer: renderer,
            secureCookies: configuration.baseURL.hasPrefix("https://"),
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)),
        assets: AssetController(assets: theme.assets), health: HealthController(database: services.database),
        media: MediaController(library: services.media),
        metrics: MetricsController(metrics: metrics, token: configuration.metricsToken),
        preview: preview,
        subscriptions: SubscriptionController(
            subscriptions: services.subscriptions, renderer: renderer,
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)),
        renderer: renderer
    ).register(on: router)

    let adminRenderer = AdminRenderer(theme: adminTheme, live: services.site.live)
    let session = AdminSession(accounts: services.accounts, secureCookies: configuration.baseURL.hasPrefix("https://"))
    let articles = services.articles
    let gate = AdminGate(session: session, renderer: adminRenderer, site: services.site.live)
    let urls = SiteURL(base: configuration.baseURL)
    let site = services.site.live
    let access = ArticleAccess(articles: articles, renderer: adminRenderer)
    let keptWork = KeptWork(forms: services.keptForms, secureCookies: session.secureCookies)
    let newsroomRoutes = AdminRouter(
        auth: AuthController(
            accounts: services.accounts, session: session, renderer: adminRenderer,
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies),
            loginToken: LoginFormToken(secureCookies: configuration.baseURL.hasPrefix("https://")),
            audit: services.audit, recovery: services.passwordRecovery),
        newsroom: NewsroomController(
            renderer: adminRenderer, comments: services.comments, desk: services.desk, urls: urls, site: site),
        articleList: ArticleListController(
            renderer: adminRenderer, articles: articles, authors: services.authors, terms: services.terms,
            urls: urls, site: site),
        editor: ArticleEditorController(
            renderer: adminRenderer, publishing: services.publishing,
            access: access, urls: urls, site: site, clock: services.clock, audit: services.audit,
            keptWork: keptWork, preview: preview, previewLinks: services.previewLinks, autosaves: services.autosaves,
            newsletters: services.newsletters),
        history: ArticleHistoryController(
            renderer: adminRenderer, articles: articles, revisions: services.revisions,
            publishing: services.publishing, access: access, audit: services.audit, site: site),
        media: MediaAdminController(
            renderer: adminRenderer, library: services.media, urls: urls, site: site,
            audit: services.audit),
        people: PeopleController(
            renderer: adminRenderer, people: services.people, urls: urls, audit: services.audit),
        settings: SettingsController(
            renderer: adminRenderer, site: services.site, comments: services.comments,
            audit: services.audit),
        comment: CommentEditController(
            renderer: adminRenderer, comments: services.comments, articles: articles, urls: urls,
            site: site),
        audit: AuditController(renderer: adminRenderer, audit: services.audit, site: site),
        subscribers: SubscribersController(
            renderer: adminRenderer, roster: services.subscribers, site: site),
        twoFactor: TwoFactorController(
            renderer: adminRenderer, accounts: services.accounts, audit: services.audit, site: site,
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)),
        apiTokens: APITokensController(renderer: adminRenderer, tokens: services.apiTokens, site: site),
        gate: gate, keptWork: keptWork,
        assets: AssetController(assets: adminTheme.assets),
        webhooks: WebhooksController(renderer: adminRenderer, webhooks: services.webhooks, site: site)
    ).register(on: router)
    return BuiltRouter(router: router, background: background, newsroomRoutes: newsroomRoutes)
}

/// What `buildApplication` serves: the router with every route and middleware, the background services to
/// run beside it, and the newsroom's route table (which door each route is behind).
package struct BuiltRouter {
    package let router: Router<GazetteRequestContext>
    package let background: [any Service]
    package let newsroomRoutes: [NewsroomRoutes.Entry]
}

/// The one composition root of the web server: the theme, the controllers and the middleware over the
/// services. Tests call it with test settings, exactly as `gazette serve` does.
public func buildApplication(services: AppServices, logger: Logger) throws -> some ApplicationProtocol {
    let configuration = services.configuration
    let built = try buildRouter(services: services, logger: logger)

    // The idle timeout also bounds how long a client may take over a request's headers: the connection
    // counts as idle until a whole head has arrived.
    return Application(
        router: built.router,
        server: .http1(
            configuration: .init(idleTimeout: .seconds(Int64(configuration.connectionTimeout)))),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Gazette",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
        services: built.background, logger: logger)
}
