import Gazette
import GazetteContent
import GazetteStorage

@testable import GazetteServices
@testable import GazetteWeb

extension PublishingService {
    /// Most tests write as the newsroom's editors do; tests of trust pass `writtenBy` themselves.
    @discardableResult
    func save(
        _ draft: ArticleDraft, id: Int64? = nil, expectedRevision: Int? = nil, savedBy: Int64? = nil, note: String = ""
    ) async throws -> ArticleStore.Saved {
        try await save(
            draft, id: id, expectedRevision: expectedRevision, savedBy: savedBy, note: note, writtenBy: .trusted)
    }
}
