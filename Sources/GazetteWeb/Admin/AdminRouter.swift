import GazetteServices
import Hummingbird

/// The newsroom's routes, on one screen, each behind its door: the ways in are open, every other route is
/// behind the gate with the right it needs, and its handler receives the signed-in person from the gate.
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
    package let subscribers: SubscribersController
    package let twoFactor: TwoFactorController
    package let apiTokens: APITokensController
    package let gate: AdminGate
    /// Where the editor's forms go when they arrive after the session ended.
    package let keptWork: KeptWork?
    package let assets: AssetController
    package let webhooks: WebhooksController

    package init(
        auth: AuthController, newsroom: NewsroomController, articleList: ArticleListController,
        editor: ArticleEditorController, history: ArticleHistoryController, media: MediaAdminController,
        people: PeopleController, settings: SettingsController, comment: CommentEditController, audit: AuditController,
        subscribers: SubscribersController, twoFactor: TwoFactorController, apiTokens: APITokensController,
        gate: AdminGate, keptWork: KeptWork? = nil, assets: AssetController, webhooks: WebhooksController
    ) {
        self.apiTokens = apiTokens
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
        self.subscribers = subscribers
        self.twoFactor = twoFactor
        self.gate = gate
        self.keptWork = keptWork
        self.assets = assets
        self.webhooks = webhooks
    }

    /// Registers every newsroom route and returns the table of them with the door each is behind.
    @discardableResult
    package func register(on router: Router<GazetteRequestContext>) -> [NewsroomRoutes.Entry] {
        var routes = NewsroomRoutes(router: router, gate: gate, keptWork: keptWork)
        // Patterns ignore the values: these only name which kind of address is meant.
        let anyID: Int64 = 0
        let anyNumber = 0
        let anyToken = ""

        // The ways in.
        routes.open(.get, .login) { request, _ in try await auth.loginForm(request) }
        routes.open(.post, .login) { request, context in try await auth.login(request, context: context) }
        routes.open(.get, .forgotPassword) { request, _ in try await auth.forgotForm(request) }
        routes.open(.post, .forgotPassword) { request, context in try await auth.forgot(request, context: context) }
        routes.open(.get, .signInCode) { request, _ in try await auth.codeForm(request) }
        routes.open(.post, .signInCode) { request, context in try await auth.submitCode(request, context: context) }
        routes.open(.post, .logout) { request, _ in try await auth.logout(request, everywhere: false) }
        routes.open(.post, .logoutEverywhere) { request, _ in try await auth.logout(request, everywhere: true) }
        routes.open(.get, .setup(token: anyToken)) { _, context in try await auth.setupForm(token: Self.token(context))
        }
        routes.open(.post, .setup(token: anyToken)) { request, context in
            try await auth.setup(request, token: Self.token(context), context: context)
        }
        routes.open(.get, .reset(token: anyToken)) { _, context in try await auth.resetForm(token: Self.token(context))
        }
        routes.open(.post, .reset(token: anyToken)) { request, context in
            try await auth.reset(request, token: Self.token(context), context: context)
        }
        routes.open(.get, .invite(token: anyToken)) { _, context in
            try await auth.resetForm(token: Self.token(context), invite: true)
        }
        routes.open(.post, .invite(token: anyToken)) { request, context in
            try await auth.reset(request, token: Self.token(context), context: context, invite: true)
        }
        routes.open(.get, .asset(name: "")) { request, context in
            assets.respond(to: request, name: context.parameters.get("name") ?? "")
                ?? PageRenderer.response("Not found", status: .notFound)
        }

        // Everyone signed in.
        routes.page(.dashboard, nil) { request, context in try await newsroom.dashboard(request, context: context) }
        routes.page(.profile, nil) { request, context in try await people.profile(request, context: context) }
        routes.form(.profile, nil, limit: PeopleController.bodyLimit) { request, context in
            try await people.updateProfile(request, context: context)
        }
        routes.page(.password, nil) { request, context in try await auth.passwordForm(request, context: context) }
        routes.form(.password, nil) { request, context in try await auth.changePassword(request, context: context) }
        routes.page(.twoFactor, nil) { request, context in try await twoFactor.show(request, context: context) }
        routes.form(.twoFactor, nil) { request, context in try await twoFactor.change(request, context: context) }
        routes.page(.notifications, nil) { request, context in
            try await people.notificationsForm(request, context: context)
        }
        routes.form(.notifications, nil) { request, context in
            try await people.updateNotifications(request, context: context)
        }
        routes.page(.apiTokens, nil) { request, context in try await apiTokens.list(request, context: context) }
        routes.form(.apiTokens, nil) { request, context in try await apiTokens.create(request, context: context) }
        routes.form(.revokeAPIToken(anyID), nil) { request, context in
            try await apiTokens.revoke(request, id: try Self.id(context), context: context)
        }

        // Articles: whose article it is and what may be done to it is asked of `ArticleAccess`.
        routes.page(.articles, nil) { request, context in try await articleList.list(request, context: context) }
        routes.page(.newArticle, nil) { request, context in try await editor.edit(request, id: nil, context: context) }
        routes.form(.newArticle, nil, limit: ArticleEditorController.bodyLimit, keepsWork: true) { request, context in
            try await editor.save(request, id: nil, context: context)
        }
        routes.page(.article(anyID), nil) { request, context in
            try await editor.edit(request, id: try Self.id(context), context: context)
        }
        routes.form(.article(anyID), nil, limit: ArticleEditorController.bodyLimit, keepsWork: true) {
            request, context in
            try await editor.save(request, id: try Self.id(context), context: context)
        }
        routes.form(.articlePreview(nil), nil, limit: ArticleEditorController.bodyLimit) { request, context in
            try await editor.preview(request, id: nil, context: context)
        }
        routes.form(.articlePreview(anyID), nil, limit: ArticleEditorController.bodyLimit) { request, context in
            try await editor.preview(request, id: try Self.id(context), context: context)
        }
        routes.form(.autosave(nil), nil, limit: ArticleEditorController.bodyLimit) { request, context in
            try await editor.autosave(request, id: nil, context: context)
        }
        routes.form(.autosave(anyID), nil, limit: ArticleEditorController.bodyLimit) { request, context in
            try await editor.autosave(request, id: try Self.id(context), context: context)
        }
        routes.form(.articleStatus(anyID), nil) { request, context in
            try await history.changeStatus(request, id: try Self.id(context), context: context)
        }
        routes.page(.revisions(anyID), nil) { request, context in
            try await history.list(request, id: try Self.id(context), context: context)
        }
        routes.page(.revision(anyID, number: anyNumber), nil) { request, context in
            try await history.show(
                request, id: try Self.id(context), number: try Self.number(context), context: context)
        }
        routes.page(.restoreRevision(anyID, number: anyNumber), nil) { request, context in
            try await history.restoreAddress(
                request, id: try Self.id(context), number: try Self.number(context), context: context)
        }
        routes.form(.restoreRevision(anyID, number: anyNumber), nil) { request, context in
            try await history.restore(
                request, id: try Self.id(context), number: try Self.number(context), context: context)
        }

        // Media.
        routes.page(.media, .uploadMedia) { request, context in try await media.list(request, context: context) }
        routes.form(.media, .uploadMedia, limit: MediaAdminController.bodyLimit) { request, context in
            try await media.upload(request, context: context)
        }
        routes.page(.mediaItem(anyID), .uploadMedia) { request, context in
            try await media.show(request, id: try Self.id(context), context: context)
        }
        routes.form(.mediaItem(anyID), .uploadMedia) { request, context in
            try await media.update(request, id: try Self.id(context), context: context)
        }
        routes.form(.deleteMedia(anyID), .uploadMedia) { request, context in
            try await media.delete(request, id: try Self.id(context), context: context)
        }

        // Comments.
        routes.page(.comments(), .moderateComments) { request, context in
            try await newsroom.queue(request, context: context)
        }
        routes.form(.comments(), .moderateComments, limit: 256 * 1024) { request, context in
            try await newsroom.moderate(request, context: context)
        }
        routes.page(.comment(anyID), .moderateComments) { request, context in
            try await comment.show(request, id: try Self.id(context), context: context)
        }
        routes.form(.comment(anyID), .moderateComments, limit: 128 * 1024) { request, context in
            try await comment.update(request, id: try Self.id(context), context: context)
        }
        routes.form(.replyToComment(anyID), .moderateComments, limit: 128 * 1024) { request, context in
            try await comment.reply(request, id: try Self.id(context), context: context)
        }

        // People, settings and the audit log.
        routes.page(.users, .manageUsers) { request, context in try await people.list(request, context: context) }
        routes.page(.newUser, .manageUsers) { request, context in try await people.newForm(request, context: context) }
        routes.form(.newUser, .manageUsers) { request, context in try await people.create(request, context: context) }
        routes.page(.user(anyID), .manageUsers) { request, context in
            try await people.show(request, id: try Self.id(context), context: context)
        }
        routes.form(.user(anyID), .manageUsers, limit: PeopleController.bodyLimit) { request, context in
            try await people.update(request, id: try Self.id(context), context: context)
        }
        routes.form(.userLink(anyID), .manageUsers) { request, context in
            try await people.newLink(request, id: try Self.id(context), context: context)
        }
        routes.page(.settings, .manageSettings) { request, context in try await settings.show(request, context: context)
        }
        routes.form(.settings, .manageSettings, limit: 256 * 1024) { request, context in
            try await settings.save(request, context: context)
        }
        routes.page(.audit, .manageSettings) { request, context in try await audit.list(request, context: context) }
        routes.page(.subscribers, .manageUsers) { request, context in
            try await subscribers.list(request, context: context)
        }
        routes.form(.subscribers, .manageUsers, limit: SubscribersController.bodyLimit) { request, context in
            try await subscribers.importFile(request, context: context)
        }
        routes.page(.subscribersExport, .manageUsers) { request, context in
            try await subscribers.export(request, context: context)
        }
        routes.form(.removeSubscriber(anyID), .manageUsers) { request, context in
            try await subscribers.remove(request, id: try Self.id(context), context: context)
        }
        registerWebhooks(on: &routes)
        return routes.entries
    }

    static func token(_ context: some RequestContext) -> String {
        context.parameters.get("token") ?? ""
    }

    /// The numeric id in the path; anything else is an address that does not exist.
    static func id(_ context: some RequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else { throw HTTPError(.notFound) }
        return id
    }

    static func number(_ context: some RequestContext) throws -> Int {
        guard let number = context.parameters.get("number").flatMap(Int.init), number > 0 else {
            throw HTTPError(.notFound)
        }
        return number
    }
}
