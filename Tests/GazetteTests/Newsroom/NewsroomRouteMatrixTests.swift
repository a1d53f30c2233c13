import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// Every newsroom route against every kind of visitor: the rights are checked on the server, whatever the
/// pages show, and no form is accepted without the session's token.
@Suite("Newsroom route rights")
struct NewsroomRouteMatrixTests {
    /// A route, and the least role that may use it (nil: any signed-in person).
    struct Route: Sendable, CustomStringConvertible {
        let method: String
        let path: String
        let least: Role?
        var description: String { "\(method) \(path)" }
    }

    static func routes(article: Int64, media: Int64, comment: Int64, user: Int64) -> [Route] {
        [
            Route(method: "GET", path: "/admin/", least: nil),
            Route(method: "GET", path: "/admin/articles", least: nil),
            Route(method: "GET", path: "/admin/articles/new", least: nil),
            Route(method: "GET", path: "/admin/profile", least: nil),
            Route(method: "GET", path: "/admin/profile/two-factor", least: nil),
            Route(method: "POST", path: "/admin/profile/two-factor", least: nil),
            Route(method: "GET", path: "/admin/media", least: .author),
            Route(method: "POST", path: "/admin/media", least: .author),
            Route(method: "GET", path: "/admin/media/\(media)", least: .author),
            Route(method: "GET", path: "/admin/articles/\(article)", least: .editor),
            Route(method: "POST", path: "/admin/articles/\(article)", least: .editor),
            Route(method: "GET", path: "/admin/articles/\(article)/revisions", least: .editor),
            Route(method: "GET", path: "/admin/articles/\(article)/revisions/1", least: .editor),
            Route(method: "POST", path: "/admin/articles/\(article)/revisions/1/restore", least: .editor),
            Route(method: "POST", path: "/admin/articles/\(article)/status", least: .editor),
            Route(method: "GET", path: "/admin/comments", least: .editor),
            Route(method: "POST", path: "/admin/comments", least: .editor),
            Route(method: "GET", path: "/admin/comments/\(comment)", least: .editor),
            Route(method: "POST", path: "/admin/comments/\(comment)", least: .editor),
            Route(method: "POST", path: "/admin/comments/\(comment)/reply", least: .editor),
            Route(method: "POST", path: "/admin/media/\(media)", least: .editor),
            Route(method: "POST", path: "/admin/media/\(media)/delete", least: .editor),
            Route(method: "GET", path: "/admin/users", least: .admin),
            Route(method: "GET", path: "/admin/users/new", least: .admin),
            Route(method: "POST", path: "/admin/users/new", least: .admin),
            Route(method: "GET", path: "/admin/users/\(user)", least: .admin),
            Route(method: "POST", path: "/admin/users/\(user)", least: .admin),
            Route(method: "POST", path: "/admin/users/\(user)/link", least: .admin),
            Route(method: "GET", path: "/admin/settings", least: .admin),
            Route(method: "POST", path: "/admin/settings", least: .admin),
            Route(method: "GET", path: "/admin/audit", least: .admin),
        ]
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
            let routes = Self.routes(article: article, media: media.id, comment: comment, user: user)

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
