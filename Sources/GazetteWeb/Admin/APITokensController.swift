import Foundation
import GazetteContent
import GazetteServices
import Hummingbird

/// The API tokens screen in someone's profile: make a token for yourself (shown once), list and revoke
/// yours; admins see and revoke everyone's.
package struct APITokensController: Sendable {
    package let renderer: AdminRenderer
    package let tokens: APITokens
    package let site: LiveSiteSettings

    package init(renderer: AdminRenderer, tokens: APITokens, site: LiveSiteSettings) {
        self.renderer = renderer
        self.tokens = tokens
        self.site = site
    }

    package func list(_ request: Request, context: NewsroomContext) async throws -> Response {
        let revoked = request.uri.queryParameters["revoked"].map {
            "Revoked “\($0)”. Programs using it are refused from now on."
        }
        return renderer.page(try await page(user: context.user, notice: revoked))
    }

    /// `POST`: makes a token and shows it, this once.
    package func create(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, fields) = (context.user, context.form.fields)
        let chosen = fields.values("scopes").compactMap(APIScope.init(rawValue:))
        do {
            let issued = try await tokens.issue(name: fields["name"], scopes: chosen, for: user.author, by: user.author)
            return renderer.page(
                try await page(
                    user: user, notice: "Made “\(issued.record.name)”.", newToken: issued.token))
        } catch let errors as ValidationErrors {
            return renderer.page(
                try await page(user: user, name: fields["name"], chosen: chosen, errors: errors),
                status: .unprocessableContent)
        }
    }

    /// `POST …/:id/revoke`: one's own token, or anyone's for an admin.
    package func revoke(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let user = context.user
        guard let token = try await tokens.find(id: id) else { throw HTTPError(.notFound) }
        guard token.authorID == user.author.id || user.can(.manageUsers) else { return renderer.forbidden(user) }
        try await tokens.revoke(id: id, by: user.author)
        return PageRenderer.redirect(
            to: AdminURL.apiTokens.path + "?revoked=" + FormBody.encode(token.name), permanent: false)
    }

    private func page(
        user: SignedInUser, notice: String? = nil, newToken: String? = nil, name: String = "",
        chosen: [APIScope] = [.articlesRead], errors: ValidationErrors = ValidationErrors()
    ) async throws -> APITokensPage {
        let admin = user.can(.manageUsers)
        let listed = try await tokens.list(for: admin ? nil : user.author)
        let time = NewsroomTime(timeZone: site.current.timeZone)
        return APITokensPage(
            chrome: renderer.chrome(title: "API tokens", user: user, current: "profile", notice: notice),
            rows: listed.map { token in
                APITokenRow(
                    name: token.name, owner: token.authorName,
                    scopes: token.scopes.map(\.rawValue).joined(separator: ", "),
                    hint: token.hint, created: time.text(token.createdAt),
                    lastUsed: token.lastUsedAt.map(time.text) ?? "Never", isRevoked: token.revokedAt != nil,
                    revoked: token.revokedAt.map(time.text) ?? "", revokeAction: AdminURL.revokeAPIToken(token.id).path)
            },
            isEmpty: listed.isEmpty, showsOwner: admin, name: name,
            scopes: APIScope.allCases.filter { user.author.role.can($0.right) }.map { scope in
                APIScopeOption(value: scope.rawValue, label: Self.label(scope), checked: chosen.contains(scope))
            },
            nameError: errors.message(for: "name"), scopesError: errors.message(for: "scopes"), newToken: newToken,
            referenceURL: APIURL.reference)
    }

    private static func label(_ scope: APIScope) -> String {
        switch scope {
        case .articlesRead: "Read articles in every status (articles:read)"
        case .articlesWrite: "Write and change articles, and publish if your role does (articles:write)"
        case .mediaWrite: "Upload images (media:write)"
        case .commentsModerate: "List and moderate comments (comments:moderate)"
        case .peopleRead: "List the newsroom’s people (people:read)"
        }
    }
}
