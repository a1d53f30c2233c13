import SQLKit

/// One numbered step of the schema. Steps run in order, each in its own transaction, exactly once.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// The statements for the given dialect; most are the same on both engines.
    let statements: @Sendable (Dialect) -> [String]
    /// Rewrites data that SQL alone cannot, after the statements and in the same transaction.
    let data: (@Sendable (any SQLDatabase) async throws -> Void)?

    init(
        version: Int, name: String, data: (@Sendable (any SQLDatabase) async throws -> Void)? = nil,
        statements: @escaping @Sendable (Dialect) -> [String]
    ) {
        self.version = version
        self.name = name
        self.data = data
        self.statements = statements
    }
}

/// Every migration, in order. Append only: a released migration is never edited.
enum MigrationList {
    static let all: [Migration] = [
        M001CreateContent.migration,
        M002CreateComments.migration,
        M003CreateAccounts.migration,
        M004ArticleRevisions.migration,
        M005RevisionHistory.migration,
        M006CreateMedia.migration,
        M007SearchIndex.migration,
        M008ArticleVisibilityIndex.migration,
        M009ArticleBodies.migration,
        M010CommentPageIndex.migration,
        M011Redirects.migration,
        M012Imports.migration,
        M013FeedSubscriptions.migration,
        M014HTMLTrust.migration,
        M015AuditLog.migration,
        M016TwoFactor.migration,
        M017KeptForms.migration,
        M018StaffReplies.migration,
        M019Autosaves.migration,
        M020RevisionDetails.migration,
        M021Outbox.migration,
        M022StaffNotices.migration,
        M023Subscribers.migration,
        M024Newsletters.migration,
        M025APITokens.migration,
        M026Webhooks.migration,
    ]
}
