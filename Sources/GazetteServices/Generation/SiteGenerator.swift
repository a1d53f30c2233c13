import Foundation
import GazetteContent
import GazetteStorage

/// `gazette generate`: fills a site with sample articles for trying Gazette out and for benchmarks, the way
/// `wp post generate` does for WordPress. Articles go through the same validation, rendering and storage
/// as any other, in batches of one transaction each.
public struct SiteGenerator: Sendable {
    private let authors: AuthorStore
    private let publishing: PublishingService
    private let comments: CommentService
    private let clock: Clock

    public init(authors: AuthorStore, publishing: PublishingService, comments: CommentService, clock: Clock) {
        self.authors = authors
        self.publishing = publishing
        self.comments = comments
        self.clock = clock
    }

    public struct Plan: Sendable {
        public var articles: Int
        /// Reader comments spread over the new published articles, some of them threaded replies.
        public var comments: Int = 0
        /// Publication dates are spread evenly over this many days, ending an hour ago.
        public var days: Int = 5 * 365
        public var seed: UInt64 = 1
        public var batchSize: Int = 500

        public init(articles: Int) {
            self.articles = articles
        }
    }

    public struct Report: Sendable {
        public var articles = 0
        public var comments = 0
        public var authors = 0
        public var seconds = 0.0
    }

    /// Runs the plan; `progress` hears the number of articles written after each batch.
    public func run(_ plan: Plan, progress: @Sendable (_ done: Int) -> Void = { _ in }) async throws -> Report {
        let started = Date()
        var text = SampleText(seed: plan.seed)
        let authorIDs = try await ensureAuthors(&text)
        let vocabulary = Vocabulary(text: &text)
        let end = clock.now().addingTimeInterval(-3600)
        let step = Double(plan.days) * 86_400 / Double(max(plan.articles, 1))
        var report = Report(authors: authorIDs.count)
        var drafts: [ArticleDraft] = []
        // Each batch is rendered while the one before it is written.
        var writing: Task<[CommentGenerator.Target], any Error>? = nil
        var published: [CommentGenerator.Target] = []
        for index in 0..<plan.articles {
            let publishedAt = end.addingTimeInterval(-step * Double(plan.articles - 1 - index))
            drafts.append(article(publishedAt: publishedAt, authorIDs: authorIDs, vocabulary: vocabulary, &text))
            if drafts.count == plan.batchSize || index == plan.articles - 1 {
                let prepared = try await publishing.prepareNew(drafts)
                drafts.removeAll(keepingCapacity: true)
                if let writing {
                    published += try await writing.value
                    report.articles = published.count
                    progress(report.articles)
                }
                writing = Task {
                    zip(prepared, try await publishing.saveNew(prepared)).compactMap { article, saved in
                        guard article.status == .published, let date = article.publishedAt else { return nil }
                        return CommentGenerator.Target(articleID: saved.id, publishedAt: date)
                    }
                }
            }
        }
        if let writing {
            published += try await writing.value
            progress(published.count)
        }
        report.articles = plan.articles
        if plan.comments > 0 {
            report.comments = try await CommentGenerator(comments: comments, now: end.addingTimeInterval(3_000))
                .run(count: plan.comments, on: published, text: &text)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The tags, sections and outlets articles draw from, fixed per seed.
    private struct Vocabulary {
        var tags: [String]
        let categories = ["Politics", "Business", "Climate", "Culture", "Sport", "Science", "World", "Local"]
        let outlets = [
            "Harbour Wire", "Northern Post", "Valley Courier", "Coast Ledger", "Metro Dispatch",
            "River Times", "Plains Herald", "Island Observer",
        ]

        init(text: inout SampleText) {
            var names: [String] = []
            while names.count < 300 {
                let name = text.contentWord()
                if !names.contains(name) { names.append(name) }
            }
            tags = names
        }
    }

    private func article(
        publishedAt: Date, authorIDs: [Int64], vocabulary: Vocabulary, _ text: inout SampleText
    ) -> ArticleDraft {
        // Most news stories run 300–900 words; features and analysis run longer.
        let wordCount = text.chance(0.8) ? text.int(300...900) : text.int(900...2_000)
        var draft = ArticleDraft(
            title: text.headline(), dek: text.sentence(words: 12...28), bodyMarkdown: text.body(wordCount: wordCount),
            status: text.chance(0.995) ? .published : .draft, publishedAt: publishedAt,
            authorID: text.pick(authorIDs), category: text.pick(vocabulary.categories),
            tags: (0..<text.int(0...4)).map { _ in text.pick(vocabulary.tags) })
        draft.tags = Array(Set(draft.tags)).sorted()
        if text.chance(0.25) {
            let outlet = text.pick(vocabulary.outlets)
            draft.sourceName = outlet
            draft.sourceURL =
                "https://\(Slug(from: outlet, fallback: "outlet").value).example.com/news/"
                + Slug(from: draft.title, fallback: "story").value
        }
        if text.chance(0.3) {
            draft.image = FeaturedImage(
                url: "https://images.example.com/\(text.int(1...99_999)).jpg", alt: text.sentence(words: 5...10),
                caption: text.sentence(words: 6...14), credit: "Staff photographer")
        }
        if text.chance(0.02) {
            draft.corrections = [
                Correction(notedAt: publishedAt.addingTimeInterval(7_200), note: text.sentence(words: 10...20))
            ]
        }
        return draft
    }

    /// Twenty-four reporters, created on the first run and reused by later ones.
    private func ensureAuthors(_ text: inout SampleText) async throws -> [Int64] {
        let first = [
            "Amira", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kwame",
            "Lena",
        ]
        let last = ["Okafor", "Lindqvist"]
        let now = clock.now()
        var ids: [Int64] = []
        for given in first {
            for family in last {
                let email = "\(given.lowercased()).\(family.lowercased())@reporters.example.com"
                    .folding(options: .diacriticInsensitive, locale: nil)
                // Drawn even for existing authors, so the articles' text depends on the seed alone.
                let bio = text.sentence(words: 12...24)
                if let existing = try await authors.find(email: email) {
                    ids.append(existing.id)
                    continue
                }
                let author = try NewAuthor(
                    name: "\(given) \(family)", email: email, role: .author, bio: bio
                ).validated()
                ids.append(try await authors.create(author, now: now).id)
            }
        }
        return ids
    }
}
