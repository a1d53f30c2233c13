import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Hummingbird

/// Which articles a person may open and change in the newsroom, shared by the editor and the history
/// pages: their own, or any with the right to edit others'; and, for people whose work goes through review,
/// nothing more once it is published or scheduled.
package struct ArticleAccess: Sendable {
    package let articles: ArticleStore
    package let renderer: AdminRenderer

    package init(articles: ArticleStore, renderer: AdminRenderer) {
        self.articles = articles
        self.renderer = renderer
    }

    /// The article when this person may open it; otherwise the refusal to show.
    package func editable(_ id: Int64, by user: SignedInUser) async throws -> ArticleDetails {
        guard let details = try await articles.find(id: id) else {
            throw AdminGate.Refusal(
                response: renderer.message(
                    .notFound, heading: "No such article", message: "There is no article \(id).", user: user))
        }
        guard user.can(.editAnyArticle) || details.authorID == user.author.id else {
            throw AdminGate.Refusal(response: renderer.forbidden(user))
        }
        return details
    }

    /// The article when this person may also change it now.
    package func changeable(_ id: Int64, by user: SignedInUser) async throws -> ArticleDetails {
        let details = try await editable(id, by: user)
        guard user.author.role.mayRevise(details.summary.status) else {
            throw AdminGate.Refusal(response: renderer.forbidden(user))
        }
        return details
    }
}
