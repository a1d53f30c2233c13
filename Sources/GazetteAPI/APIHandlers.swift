import GazetteServices
import GazetteWeb

/// The API's operations, one method each, as the generated `APIProtocol` names them; each file of
/// `APIHandlers+…` holds one part of the API. A handler parses its input, calls one service and shapes the
/// answer; every refusal is a thrown `Problem`.
struct APIHandlers: APIProtocol {
    let catalog: ContentCatalog
    let shapes: APIShapes
}
