import GazetteServices
import Hummingbird

/// The newsroom's routes, on one screen. Each controller checks rights itself.
package struct AdminRouter {
    package let auth: AuthController
    package let newsroom: NewsroomController
    package let articleList: ArticleListController
    package let editor: ArticleEditorController
    package let history: ArticleHistoryController
    package let media: MediaAdminController
    package let people: PeopleController
    package let settings: SettingsController
    package let comment: CommentEditController
    package let audit: AuditController
    package let twoFactor: TwoFactorController
    package let gate: AdminGate
    package let assets: AssetController

    package init(
        auth: AuthController, newsroom: NewsroomController, articleList: ArticleListController,
        editor: ArticleEditorController, history: ArticleHistoryController, media: MediaAdminController,
        people: PeopleController, settings: SettingsController, comment: CommentEditController, audit: AuditController,
        twoFactor: TwoFactorController, gate: AdminGate, assets: AssetController
    ) {
        self.auth = auth
        self.newsroom = newsroom
        self.articleList = articleList
        self.editor = editor
        self.history = history
        self.media = media
        self.people = people
        self.settings = settings
        self.comment = comment
        self.audit = audit
        self.twoFactor = twoFactor
        self.gate = gate
        self.assets = assets
    }

    package func register(on router: Router<GazetteRequestContext>) {
        // The router treats /admin and /admin/ alike: the slash-less form is sent to the canonical one.
        router.get("/admin") { request, _ in
            request.uri.path == "/admin"
                ? PageRenderer.redirect(to: AdminURL.dashboard) : try await newsroom.dashboard(request)
        }
        router.get("/admin/login") { request, _ in try await auth.loginForm(request) }
        router.post("/admin/login") { request, context in try await auth.login(request, context: context) }
        router.get("/admin/login/code") { request, _ in try await auth.codeForm(request) }
        router.post("/admin/login/code") { request, context in try await auth.submitCode(request, context: context) }
        router.get("/admin/profile/two-factor") { request, _ in try await twoFactor.show(request) }
        router.post("/admin/profile/two-factor") { request, context in
            try await twoFactor.change(request, context: context)
        }
        router.post("/admin/logout") { request, _ in try await auth.logout(request, everywhere: false) }
        router.post("/admin/logout-everywhere") { request, _ in try await auth.logout(request, everywhere: true) }
        router.get("/admin/setup/:token") { _, context in
            try await auth.setupForm(token: context.parameters.get("token") ?? "")
        }
        router.post("/admin/setup/:token") { request, context in
            try await auth.setup(request, token: context.parameters.get("token") ?? "", context: context)
        }
        router.get("/admin/reset/:token") { _, context in
            try await auth.resetForm(token: context.parameters.get("token") ?? "")
        }
        router.post("/admin/reset/:token") { request, context in
            try await auth.reset(request, token: context.parameters.get("token") ?? "", context: context)
        }
        router.get("/admin/invite/:token") { _, context in
            try await auth.resetForm(token: context.parameters.get("token") ?? "", invite: true)
        }
        router.post("/admin/invite/:token") { request, context in
            try await auth.reset(request, token: context.parameters.get("token") ?? "", context: context, invite: true)
        }
        router.get("/admin/users") { request, _ in try await people.list(request) }
        router.get("/admin/users/new") { request, _ in try await people.newForm(request) }
        router.post("/admin/users/new") { request, _ in try await people.create(request) }
        router.get("/admin/users/:id") { request, context in try await people.show(request, id: try Self.id(context)) }
        router.post("/admin/users/:id") { request, context in
            try await people.update(request, id: try Self.id(context))
        }
        router.post("/admin/users/:id/link") { request, context in
            try await people.newLink(request, id: try Self.id(context))
        }
        router.get("/admin/settings") { request, _ in try await settings.show(request) }
        router.post("/admin/settings") { request, _ in try await settings.save(request) }
        router.get("/admin/audit") { request, _ in try await audit.list(request) }
        router.get("/admin/profile") { request, _ in try await people.profile(request) }
        router.get("/admin/profile/password") { request, _ in try await auth.passwordForm(request, gate: gate) }
        router.post("/admin/profile/password") { request, context in
            try await auth.changePassword(request, context: context, gate: gate)
        }
        router.post("/admin/profile") { request, _ in try await people.updateProfile(request) }
        router.get("/admin/articles") { request, _ in try await articleList.list(request) }
        router.get("/admin/articles/new") { request, _ in try await editor.edit(request, id: nil) }
        router.post("/admin/articles/new") { request, _ in try await editor.save(request, id: nil) }
        router.get("/admin/articles/:id") { request, context in
            try await editor.edit(request, id: try Self.id(context))
        }
        router.post("/admin/articles/:id") { request, context in
            try await editor.save(request, id: try Self.id(context))
        }
        router.post("/admin/articles/:id/status") { request, context in
            try await history.changeStatus(request, id: try Self.id(context))
        }
        router.get("/admin/articles/:id/revisions") { request, context in
            try await history.list(request, id: try Self.id(context))
        }
        router.get("/admin/articles/:id/revisions/:number") { request, context in
            try await history.show(request, id: try Self.id(context), number: try Self.number(context))
        }
        router.post("/admin/articles/:id/revisions/:number/restore") { request, context in
            try await history.restore(request, id: try Self.id(context), number: try Self.number(context))
        }
        router.get("/admin/media") { request, _ in try await media.list(request) }
        router.post("/admin/media") { request, _ in try await media.upload(request) }
        router.get("/admin/media/:id") { request, context in try await media.show(request, id: try Self.id(context)) }
        router.post("/admin/media/:id") { request, context in
            try await media.update(request, id: try Self.id(context))
        }
        router.post("/admin/media/:id/delete") { request, context in
            try await media.delete(request, id: try Self.id(context))
        }
        router.get("/admin/comments") { request, _ in try await newsroom.queue(request) }
        router.post("/admin/comments") { request, _ in try await newsroom.moderate(request) }
        router.get("/admin/comments/:id") { request, context in
            try await comment.show(request, id: try Self.id(context))
        }
        router.post("/admin/comments/:id") { request, context in
            try await comment.update(request, id: try Self.id(context))
        }
        router.post("/admin/comments/:id/reply") { request, context in
            try await comment.reply(request, id: try Self.id(context))
        }
        router.get("/admin/assets/:name") { request, context in
            assets.respond(to: request, name: context.parameters.get("name") ?? "")
                ?? PageRenderer.response("Not found", status: .notFound)
        }
    }

    /// The numeric id in the path; anything else is an address that does not exist.
    private static func id(_ context: GazetteRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else { throw HTTPError(.notFound) }
        return id
    }

    private static func number(_ context: GazetteRequestContext) throws -> Int {
        guard let number = context.parameters.get("number").flatMap(Int.init), number > 0 else {
            throw HTTPError(.notFound)
        }
        return number
    }
}
