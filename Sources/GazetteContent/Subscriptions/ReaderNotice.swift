import Foundation

/// An email to a reader who asked for it: the confirmation of what they asked to follow, or news of it.
public enum ReaderNotice: Sendable, Equatable {
    /// "Confirm your subscription": the topics waiting for it, with their names. `window` names the
    /// subscriber and the hour asked, so asking again and again mails them once an hour at most.
    case confirm(topics: [NamedTopic], window: String)
    /// A comment approved on a discussion they follow. Never its author's email.
    case newComment(CommentNews)

    /// A topic and how readers name it ("Comments on “Council approves the library”", "Tag: Budget").
    public struct NamedTopic: Sendable, Equatable {
        public var topic: SubscriptionTopic
        public var name: String

        public init(topic: SubscriptionTopic, name: String) {
            self.topic = topic
            self.name = name
        }
    }

    public struct CommentNews: Sendable, Equatable {
        public var commentID: Int64
        public var articleID: Int64
        public var articleTitle: String
        public var day: PublicationDay
        public var slug: Slug
        public var authorName: String
        public var excerpt: String

        public init(
            commentID: Int64, articleID: Int64, articleTitle: String, day: PublicationDay, slug: Slug,
            authorName: String, excerpt: String
        ) {
            self.commentID = commentID
            self.articleID = articleID
            self.articleTitle = articleTitle
            self.day = day
            self.slug = slug
            self.authorName = authorName
            self.excerpt = excerpt
        }
    }

    /// The outbox's name for the event: one message per event and address.
    public var eventKey: String {
        switch self {
        case .confirm(_, let window): "confirm:\(window)"
        case .newComment(let news): "comment:\(news.commentID)"
        }
    }

    /// The topic a message's unsubscribe link stops.
    public var topic: SubscriptionTopic? {
        switch self {
        case .confirm: nil
        case .newComment(let news): .thread(articleID: news.articleID)
        }
    }
}
