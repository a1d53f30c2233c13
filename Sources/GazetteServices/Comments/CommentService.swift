import Foundation
import GazetteContent
import GazetteStorage

/// Everything about reader comments: posting with its checks, threads for the article page, moderation.
/// The web endpoint, the command line and (later) the admin all call this one service.
public struct CommentService: Sendable {
    private let comments: CommentStore
    private let articles: ArticleStore
    private let settings: SettingsStore
    private let clock: Clock
    package let signer: Signer
    private let cachedSettings = SettingsCache()
    private let changes: ContentChanges
    /// The emails comments cause: moderators' about held ones, followers' about approved ones.
    private let mail: CommentMail
    /// Where "Notify me of follow-up comments" goes; nil where nobody is mailed.
    private let subscriptions: SubscriptionService?

    package init(
        comments: CommentStore, articles: ArticleStore, settings: SettingsStore, clock: Clock, signer: Signer,
        changes: ContentChanges, notifier: StaffNotifier? = nil, subscriptions: SubscriptionService? = nil
    ) {
        self.mail = CommentMail(staff: notifier?.writer, readers: subscriptions?.writer)
        self.subscriptions = subscriptions
        self.changes = changes
        self.comments = comments
        self.articles = articles
        self.settings = settings
        self.clock = clock
        self.signer = signer
    }

    /// The comment rules in force now; a change is seen by the next request.
    public func currentSettings() async throws -> CommentSettings {
        let now = clock.now()
        if let cached = cachedSettings.value(at: now) { return cached }
        let fresh = try CommentSettings(values: try await settings.values(prefixed: "comments."))
        cachedSettings.store(fresh, at: now)
        return fresh
    }

    /// Checks and stores the settings given by name (`comments.policy` …); unknown names are refused.
    /// Forgets the cached comment settings after they were stored elsewhere (the settings page stores them
    /// with the site's in one transaction).
    public func settingsChanged() async {
        cachedSettings.clear()
        await changes.publish(.everything)
    }

    public func updateSettings(_ values: [String: String]) async throws {
        let known = Set(CommentSettings.names.map(\.name))
        var errors = ValidationErrors()
        for name in values.keys where !known.contains(name) {
            errors.add(name, "There is no setting named \(name).")
        }
        try errors.throwIfAny()
        var merged = try await settings.values(prefixed: "comments.")
        merged.merge(values) { _, new in new }
        _ = try CommentSettings(values: merged)
        try await settings.set(values)
        await settingsChanged()
    }

    // MARK: Posting

    /// What the endpoint knows about a submission besides its fields.
    public struct Submission: Sendable {
        public var ip: String
        public var userAgent: String
        public var honeypot: String
        public var formToken: String

        public init(ip: String, userAgent: String, honeypot: String, formToken: String) {
            self.ip = ip
            self.userAgent = userAgent
            self.honeypot = honeypot
            self.formToken = formToken
        }
    }

    public enum PostResult: Sendable {
        /// Stored; the article's address parts come along for the redirect.
        case accepted(Comment, day: PublicationDay, slug: Slug)
        case rejected(CommentProblem)
    }

    /// Posts a comment, or says precisely why not. A rejected comment's text is always handed back.
    public func post(_ form: CommentForm, submission: Submission) async throws -> PostResult {
        let now = clock.now()
        // The hot path reads only what the checks need; the whole article is loaded when the form must come back.
        guard let articleID = Int64(form.articleID), let target = try await articles.commentTarget(id: articleID),
            target.status == .published, let published = target.publishedAt, published <= now
        else {
            return .rejected(
                CommentProblem(
                    kind: .articleUnavailable, article: nil,
                    general: "The article you commented on could not be found, so your comment was not posted. "
                        + "Your text is below: copy it before you leave this page."))
        }
        let rules = try await currentSettings()
        if let reason = closedReason(status: target.commentStatus, publishedAt: published, rules: rules, now: now) {
            return .rejected(
                CommentProblem(kind: .closed, article: try await articles.find(id: articleID), general: reason))
        }
        let comment: ValidComment
        do {
            comment = try form.validated()
        } catch {
            return .rejected(
                CommentProblem(kind: .invalid, article: try await articles.find(id: articleID), fields: error))
        }
        let signals = SubmissionSignals(
            honeypotFilled: !submission.honeypot.isEmpty,
            secondsSinceFormShown: FormTimestamp(signer: signer).secondsSinceShown(
                submission.formToken, articleID: articleID, now: now),
            authorIsKnown: rules.policy == .approveKnown
                ? try await comments.isKnownAuthor(name: comment.authorName, email: comment.authorEmail) : false,
            ip: submission.ip)
        let decision = SpamCheck.decide(comment, signals: signals, settings: rules)
        let ip = rules.truncatesIPs ? (IPAddress(submission.ip)?.truncated.description ?? "") : submission.ip
        let record = CommentRecord(
            articleID: articleID, comment: comment, decision: decision, ip: ip,
            userAgent: String(submission.userAgent.prefix(500)), createdAt: now)
        do {
            // A held comment changes nothing readers see (its author sees it through their own cookie), so only
            // an approved one is announced; the decision is made before the write.
            let comments = self.comments
            let mail = self.mail
            let insert = { @Sendable in
                try await comments.insert(
                    record, maximumDepth: rules.threadDepth, floodSeconds: rules.floodSeconds, mail: mail)
            }
            let stored =
                decision.status == .approved
                ? try await changes.committing(.comments(articleID: articleID), insert) : try await insert()
            let topics: [SubscriptionTopic] =
                (form.follow ? [.thread(articleID: articleID)] : []) + (form.followSite ? [.site] : [])
            if !topics.isEmpty, stored.status != .spam, let subscriptions {
                // The comment is stored whatever happens here; the reader confirms from the email.
                _ = try? await subscriptions.request(
                    email: stored.authorEmail, topics: topics, consent: "comment form", ip: submission.ip)
            }
            return .accepted(stored, day: target.day, slug: target.slug)
        } catch let rejection as CommentRejection {
            guard let article = try await articles.find(id: articleID) else { throw rejection }
            return .rejected(CommentProblem(rejection, article: article))
        }
    }

    /// Why nobody can comment on this article now, or nil when comments are open.
    package func closedReason(status: CommentStatus, publishedAt: Date?, rules: CommentSettings, now: Date) -> String? {
        if status == .closed { return "Comments are closed on this article." }
        if rules.closeAfterDays > 0, let published = publishedAt,
            now.timeIntervalSince(published) > Double(rules.closeAfterDays) * 86_400
        {
            return "Comments are closed: this article is more than \(rules.closeAfterDays) days old."
        }
        return nil
    }

    // MARK: Reading

    /// The article's comment section: approved threads of one page, plus the viewer's own pending comments.
    public func section(
        for article: ArticleDetails, page number: Int, pendingIDs: [Int64]
    ) async throws
        -> CommentSection?
    {
        let rules = try await currentSettings()
        guard let request = PageRequest(number: number, size: rules.perPage) else { return nil }
        let threads = try await comments.approvedThreads(
            articleID: article.summary.id, page: request, newestFirst: rules.newestFirst)
        guard threads.page.exists else { return nil }
        let own = try await comments.find(ids: pendingIDs).filter {
            $0.articleID == article.summary.id && $0.status != .approved && $0.status != .trash
        }
        return CommentSection(
            approvedCount: article.commentCount, threads: threads, ownPending: own, rules: rules,
            closedReason: closedReason(
                status: article.commentStatus, publishedAt: article.summary.publishedAt, rules: rules, now: clock.now())
        )
    }

    /// An approved comment of this article, for "Leave a Reply to {name}".
    public func replyTarget(id: Int64, articleID: Int64) async throws -> Comment? {
        guard let comment = try await comments.find(id: id), comment.articleID == articleID,
            comment.status == .approved
        else { return nil }
        return comment
    }

    // MARK: Moderation

    public func list(status: ModerationStatus?, limit: Int = 50, offset: Int = 0) async throws -> [Comment] {
        try await comments.list(status: status, limit: limit, offset: offset)
    }

    public func counts() async throws -> [ModerationStatus: Int] {
        try await comments.countsByStatus()
    }

    public func find(id: Int64) async throws -> Comment? {
        try await comments.find(id: id)
    }

    /// Applies a moderation action; returns the ids that existed.
    @discardableResult
    public func moderate(_ action: ModerationAction, ids: [Int64]) async throws -> [Int64] {
        let changed = try await comments.setStatus(action.resultingStatus, ids: ids, now: clock.now(), mail: mail)
        await changes.publishComments(of: try await comments.find(ids: changed).map(\.articleID))
        return changed
    }

    /// Corrects a comment's text or author fields; throws `ValidationErrors` by field (`author`, `email`,
    /// `url`, `comment`).
    public func edit(id: Int64, author: String, email: String, url: String, text: String) async throws {
        let form = CommentForm(articleID: "", author: author, email: email, url: url, comment: text)
        try await comments.update(id: id, try form.validated(), now: clock.now())
        if let comment = try await comments.find(id: id) {
            await changes.publish(.comments(articleID: comment.articleID))
        }
    }

    /// A reply from the newsroom, approved at once; replying to a held comment approves it first, since
    /// answering it in public says it belongs there. Throws `ValidationErrors` or `CommentRejection`.
    @discardableResult
    public func staffReply(to parent: Comment, from author: Author, text: String) async throws -> Comment {
        if parent.status != .approved { try await moderate(.approve, ids: [parent.id]) }
        let rules = try await currentSettings()
        // At the deepest level the reply goes beside the comment it answers, as readers' replies do.
        let parentID = parent.depth + 1 >= rules.threadDepth ? (parent.parentID ?? parent.id) : parent.id
        let form = CommentForm(
            articleID: String(parent.articleID), parentID: String(parentID), author: author.name,
            email: author.email, comment: text)
        let record = CommentRecord(
            articleID: parent.articleID, comment: try form.validated(),
            decision: ModerationDecision(status: .approved, score: 0, reasons: ["Reply from the newsroom"]), ip: "",
            userAgent: "", createdAt: clock.now(), staffAuthorID: author.id)
        let reply = try await comments.insert(record, maximumDepth: rules.threadDepth, floodSeconds: 0, mail: mail)
        await changes.publish(.comments(articleID: parent.articleID))
        return reply
    }

    /// Stores comments written elsewhere (imports, sample sites) in one transaction, with the store's
    /// parent and depth rules; returns those stored (a comment already there is skipped).
    public func storeMany(_ records: [CommentRecord], maximumDepth: Int) async throws -> [Comment] {
        let stored = try await comments.insertMany(records, maximumDepth: maximumDepth)
        if stored.contains(where: { $0.status == .approved }) { await changes.publish(.everything) }
        return stored
    }

    @discardableResult
    public func delete(ids: [Int64]) async throws -> [Int64] {
        let articleIDs = try await comments.find(ids: ids).map(\.articleID)
        let deleted = try await comments.delete(ids: ids)
        await changes.publishComments(of: articleIDs)
        return deleted
    }

    /// Deletes spam and trash older than the purge setting; returns how many.
    @discardableResult
    public func purgeExpired() async throws -> Int {
        let rules = try await currentSettings()
        return try await comments.purge(before: clock.now().addingTimeInterval(-Double(rules.purgeAfterDays) * 86_400))
    }

    // MARK: Signed values for the web layer

    public func formToken(articleID: Int64) -> String {
        FormTimestamp(signer: signer).token(articleID: articleID, shownAt: clock.now())
    }

    /// True when the token is one this site signed for this article.
    public func isValidFormToken(_ token: String, articleID: Int64) -> Bool {
        FormTimestamp(signer: signer).secondsSinceShown(token, articleID: articleID, now: clock.now()) != nil
    }

    public func pendingCookieValue(ids: [Int64]) -> String {
        PendingCommentsCookie(signer: signer).value(ids: ids)
    }

    public func pendingIDs(fromCookie value: String?) -> [Int64] {
        PendingCommentsCookie(signer: signer).ids(from: value)
    }
}

/// The comments of one article page.
public struct CommentSection: Sendable {
    public var approvedCount: Int
    public var threads: ThreadPage
    public var ownPending: [Comment]
    public var rules: CommentSettings
    public var closedReason: String?
}

/// Why a comment was not posted, with the messages to show next to the form.
public struct CommentProblem: Sendable {
    public enum Kind: Sendable, Equatable {
        case articleUnavailable, closed, invalid, duplicate, flood, parentUnavailable, tooDeep
    }

    public var kind: Kind
    public var article: ArticleDetails?
    public var fields = ValidationErrors()
    public var general: String?

    package init(
        kind: Kind, article: ArticleDetails?, fields: ValidationErrors = ValidationErrors(), general: String? = nil
    ) {
        self.kind = kind
        self.article = article
        self.fields = fields
        self.general = general
    }

    package init(_ rejection: CommentRejection, article: ArticleDetails) {
        self.article = article
        switch rejection {
        case .duplicate:
            kind = .duplicate
            fields.add("comment", "Duplicate comment detected: it looks as though you have already said that.")
        case .flood(let seconds):
            kind = .flood
            general = "You are posting comments too quickly. Please wait \(seconds) seconds and post again."
        case .parentUnavailable:
            kind = .parentUnavailable
            general =
                "The comment you are replying to is no longer available. You can post yours as a new comment instead."
        case .tooDeep(let maximum):
            kind = .tooDeep
            general =
                "Replies can be nested only \(maximum) levels deep. Reply to an earlier comment in the thread instead."
        }
    }
}
