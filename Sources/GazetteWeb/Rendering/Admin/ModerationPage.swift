/// The moderation queue: tabs per status with counts, then the comments with their spam reasons.
package struct ModerationPage: AdminPage {
    package static let template = "comments"

    package let chrome: AdminChrome
    package let tabs: [ModerationTab]
    package let status: String
    package let comments: [ModerationRow]
    package let actions: [ModerationActionModel]
    package let isEmpty: Bool
    package let pager: PagerModel?
}

package struct ModerationTab: Sendable {
    package let label: String
    package let url: String
    package let count: Int
    package let isCurrent: Bool
}

package struct ModerationRow: Sendable {
    package let id: String
    package let authorName: String
    package let authorEmail: String
    package let authorURL: String
    package let authorIP: String
    package let date: String
    package let bodyHTML: String
    package let articleID: String
    /// The headline of the article the comment is on, and the article in the newsroom.
    package let articleTitle: String
    package let articleURL: String
    package let editURL: String
    package let reasons: [String]
    package let hasReasons: Bool
    package let score: Int
}

package struct ModerationActionModel: Sendable {
    package let value: String
    package let label: String
}
