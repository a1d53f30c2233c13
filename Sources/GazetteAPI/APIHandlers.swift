import GazetteServices
import GazetteStorage
import GazetteWeb

/// The API's operations, one method each, as the generated `APIProtocol` names them; each file of
/// `APIHandlers+…` holds one part of the API. A handler parses its input, calls one service and shapes the
/// answer; every refusal is a thrown `Problem`.
struct APIHandlers: APIProtocol {
    let catalog: ContentCatalog
    let newsroom: NewsroomServices
    let shapes: APIShapes
}

/// What the Admin API's operations work through: the same services as the newsroom's screens.
public struct NewsroomServices: Sendable {
    let desk: ArticleDesk
    let comments: CommentService
    let publishing: PublishingService
    let authors: AuthorStore
    let rateLimit: Int

    public init(
        desk: ArticleDesk, comments: CommentService, publishing: PublishingService, authors: AuthorStore,
        rateLimit: Int
    ) {
        self.desk = desk
        self.comments = comments
        self.publishing = publishing
        self.authors = authors
        self.rateLimit = rateLimit
    }
}
