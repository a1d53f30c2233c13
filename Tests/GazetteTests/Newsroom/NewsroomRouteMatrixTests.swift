import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Hummingbird
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// Every newsroom route against every kind of visitor: the rights are checked on the server, whatever the
/// pages show, and no form is accepted without the session's token.
@Suite("Newsroom route rights")
struct NewsroomRouteMatrixTests {
    /// The least role that may use each gated route (nil: any signed-in person), by the table's
    /// "METHOD pattern". A gated route missing here fails the test: its rights must be stated.
    static let least: [String: Role?] = [
        "GET /admin/": nil,
        "GET /admin/articles": nil,
        "GET /admin/articles/new": nil,
        "POST /admin/articles/new": nil,
        "POST /admin/articles/new/preview": nil,
        "POST /admin/articles/new/autosave": nil,
        "GET /admin/profile": nil,
        "POST /admin/profile": nil,
        "GET /admin/profile/password": nil,
        "POST /admin/profile/password": nil,
        "GET /admin/profile/two-factor": nil,
        "POST /admin/profile/two-factor": nil,
        "GET /admin/profile/notifications": nil,
        "POST /admin/profile/notifications": nil,
        "GET /admin/profile/api-tokens": nil,
        "POST /admin/profile/api-tokens": nil,
        "POST /admin/profile/api-tokens/:id/revoke": nil,
        "GET /admin/media": .author,
        "POST /admin/media": .author,
        "GET /admin/media/:id": .author,
        // Other people's articles and images: editors and above.
        "GET /admin/articles/:id": .editor,
        "POST /admin/articles/:id": .editor,
        "POST /admin/articles/:id/preview": .editor,
        "POST /admin/articles/:id/autosave": .editor,
        "GET /admin/articles/:id/revisions": .editor,
        "GET /admin/articles/:id/revisions/:number": .editor,
        "GET /admin/articles/:id/revisions/:number/restore": .editor,
        "POST /admin/articles/:id/revisions/:number/restore": .editor,
        "POST /admin/articles/:id/status": .editor,
        "POST /admin/media/:id": .editor,
        "POST /admin/media/:id/delete": .editor,
        "GET /admin/comments": .editor,
        "POST /admin/comments": .editor,
        "GET /admin/comments/:id": .editor,
        "POST /admin/comments/:id": .editor,
        "POST /admin/comments/:id/reply": .editor,
        "GET /admin/users": .admin,
        "GET /admin/users/new": .admin,
        "POST /admin/users/new": .admin,
        "GET /admin/users/:id": .admin,
        "POST /admin/users/:id": .admin,
        "POST /admin/users/:id/link": .admin,
        "GET /admin/subscribers": .admin,
        "POST /admin/subscribers": .admin,
        "GET /admin/subscribers/export.csv": .admin,
        "POST /admin/subscribers/:id/remove": .admin,
        "GET /admin/settings": .admin,
        "POST /admin/settings": .admin,
        "GET /admin/audit": .admin,
        "GET /admin/webhooks": .admin,
        "POST /admin/webhooks": .admin,
        "GET /admin/webhooks/:id": .admin,
        "POST /admin/webhooks/:id": .admin,
        "POST /admin/webhooks/:id/secret": .admin,
        "POST /admin/webhooks/:id/remove": .admin,
        "POST /admin/webhooks/:id/deliveries/:number/resend": .admin,
    ]

    /// The ways into the newsroom, the only routes without the gate.
    static let open: Set<String> = [
        "GET /admin/login", "POST /admin/login", "GET /admin/login/code", "POST /admin/login/code",
        "POST /admin/logout", "POST /admin/logout-everywhere",
        "GET /admin/setup/:token", "POST /admin/setup/:token", "GET /admin/reset/:token", "POST /admin/reset/:token",
        "GET /admin/invite/:token", "POST /admin/invite/:token", "GET /admin/assets/:name", "GET /admin/login/forgot",
        "POST /admin/login/forgot",
    ]

    /// The address of a route's kind, with the ids of things that belong to none of the roles tested.
    static func path(_ url: AdminURL, article: Int64, media: Int64, comment: Int64, user: Int64) -> String {
        switch url {
        case .article: AdminURL.article(article).path
        case .articleStatus: AdminURL.articleStatus(article).path
        case .articlePreview(let id): id == nil ? url.path : AdminURL.articlePreview(article).path
        case .autosave(let id): id == nil ? url.path : AdminURL.autosave(article).path
        case .revisions: AdminURL.revisions(article).path
        case .revision: AdminURL.revision(article, number: 1).path
        case .restoreRevision: AdminURL.restoreRevision(article, number: 1).path
        case .mediaItem: AdminURL.mediaItem(media).path
        case .deleteMedia: AdminURL.deleteMedia(media).path
        case .comment: AdminURL.comment(comment).path
        case .replyToComment: AdminURL.replyToComment(comment).path
        case .user: AdminURL.user(user).path
        case .userLink: AdminURL.userLink(user).path
        case .removeSubscriber: AdminURL.removeSubscriber(1).path
        case .revokeAPIToken: AdminURL.revokeAPIToken(1).path
        case .webhook: AdminURL.webhook(1).path
        case .webhookSecret: AdminURL.webhookSecret(1).path
        case .removeWebhook: AdminURL.removeWebhook(1).path
        case .resendWebhook: AdminURL.resendWebhook(1, delivery: 1).path
        default: url.path
        }
    }

    @Test("every newsroom route the router knows is in the table, and only the ways in are open")
    func table() async throws {
        try await TestSite.run(.sqlite) { site in
            let built = try buildRouter(services: site.services, logger: TestDatabase.logger)
            func key(_ method: HTTPRequest.Method, _ pattern: String) -> String {
                "\(method) \(RouterPath(pattern).description)"
            }
            // Read from the router itself: a route registered any other way than through the gate's table
            // shows up here and fails the test.
            let registered = Set(
                built.router.routes.filter { $0.method != .head && AdminURL.isNewsroom($0.path.description) }
                    .map { key($0.method, $0.path.description) })
            let table = built.newsroomRoutes
            #expect(registered == Set(table.map { key($0.method, $0.url.pattern) }))
            #expect(registered.count == table.count, "each route once")
            #expect(Set(table.filter { $0.door == .open }.map(\.description)) == Self.open)
            let gated = Set(table.filter { $0.door != .open }.map(\.description))
            #expect(gated == Set(Self.least.keys), "every gated route has its least role stated")
            #expect(gated.count > 30)
        }
    }

    /// A route made concrete, and the least role that may use it (nil: any signed-in person).
    struct Route: Sendable, CustomStringConvertible {
        let method: String
        let path: String
        let least: Role?
        var description: String { "\(method) \(path)" }
    }

    static func rank(_ role: Role) -> Int { [Role.contributor, .author, .editor, .admin].firstIndex(of: role) ?? 0 }

    @Test(
        "anonymous visitors are sent to sign in, lesser roles get 403, and forms need the session's token",
        arguments: TestEngine.available)
    func matrix(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            // Things that belong to someone else than every tested role below editor.
            let article = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "markets-rally-on-rate-news")))
            let owner = try #require(try await site.services.authors.find(email: "admin@example.com"))
            let media = try await site.services.media.upload(
                MediaTests.png, originalName: "x.png", text: MediaText(alt: "A red square"), uploadedBy: owner.id)
            var reader = Reader(site: site)
            let comment = try #require(try await reader.comment(on: CommentFixtures.article, "Hello").commentID)
            let user = try #require(try await site.services.authors.find(email: "editor@example.com")).id
            let table = try buildRouter(services: site.services, logger: TestDatabase.logger).newsroomRoutes
            let routes = try table.filter { $0.door != .open }.map { entry in
                Route(
                    method: entry.method == .get ? "GET" : "POST",
                    path: Self.path(entry.url, article: article, media: media.id, comment: comment, user: user),
                    least: try #require(Self.least[entry.description], "\(entry) has no stated rights"))
            }

            for route in routes {
                let answer =
                    route.method == "GET"
                    ? try await site.get(route.path) : try await site.post(route.path, form: ["csrf_token": "x"])
                #expect(answer.status == .seeOther, "anonymous \(route)")
                #expect(answer.location?.hasPrefix("/admin/login?next=") == true, "anonymous \(route)")
            }
            for role in Role.allCases {
                var staff = Staff(site: site)
                _ = try await staff.signIn("\(role.rawValue)@example.com", NewsroomFixtures.password)
                for route in routes {
                    let allowed = route.least.map { Self.rank(role) >= Self.rank($0) } ?? true
                    if route.method == "GET" {
                        let status = try await staff.open(route.path).status
                        #expect((status == .forbidden) == !allowed, "\(role) \(route): \(status)")
                    } else {
                        // Without the token nobody gets through; with it, only the allowed roles.
                        let forged = try await staff.post(route.path, pairs: [("csrf_token", "forged")])
                        #expect(forged.status == .forbidden, "\(role) \(route) without the token")
                        if !allowed {
                            let refused = try await staff.post(
                                route.path, pairs: [("csrf_token", try await staff.csrf())])
                            #expect(refused.status == .forbidden, "\(role) \(route)")
                        }
                    }
                }
            }
            #expect(try await site.services.media.find(id: media.id) != nil, "nothing was deleted on the way")
            #expect(try await site.services.settings.value("site.title") == nil)
        }
    }
}
