import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import SQLKit
import Testing

@Suite("gazette generate")
struct GenerateCommandTests {
    @Test(
        "adds searchable sample articles by reusable authors; the same seed writes the same text",
        arguments: TestEngine.available)
    func generate(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = CommandLineTests.databaseArguments(location)
            let first = try CommandLine.run(["generate", "--articles", "120", "--seed", "7"] + database)
            #expect(first.status == 0, "\(first.all)")
            #expect(first.output.contains("Generated 120 articles by 24 authors"), "\(first.all)")
            let second = try CommandLine.run(["generate", "--articles", "30", "--seed", "7"] + database)
            #expect(second.status == 0, "\(second.all)")

            let opened = try await Database.open(location, logger: TestDatabase.logger)
            let articles = ArticleStore(database: opened)
            let count = try await articles.count()
            let authors = try await AuthorStore(database: opened).count()
            #expect(count == 150)
            #expect(authors == 24, "a second run reuses the reporters")
            let firstOfSecondRun = try #require(try await articles.find(id: 121))
            let firstOfFirstRun = try #require(try await articles.find(id: 1))
            #expect(
                firstOfSecondRun.summary.title == firstOfFirstRun.summary.title,
                "the same seed gives the same headlines")
            #expect(firstOfFirstRun.bodyMarkdown.split(separator: " ").count >= 250)
            let hits = try await SearchStore(database: opened).search(
                SearchQuery("the"), page: try #require(PageRequest(number: 1, size: 10)), now: Date())
            #expect(hits.totalItems > 100, "sample bodies are indexed for search")
            await opened.close()
        }
    }

    @Test("adds threaded reader comments, most approved, counted on their articles", arguments: TestEngine.available)
    func comments(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = CommandLineTests.databaseArguments(location)
            let run = try CommandLine.run(["generate", "--articles", "40", "--comments", "300"] + database)
            #expect(run.status == 0, "\(run.all)")
            #expect(run.output.contains("and 300 comments"), "\(run.all)")

            let opened = try await Database.open(location, logger: TestDatabase.logger)
            let comments = CommentStore(database: opened)
            let counts = try await comments.countsByStatus()
            let approved = counts[.approved] ?? 0
            #expect(approved > 200 && (counts[.pending] ?? 0) > 0, "\(counts)")
            let all = try await comments.list(status: nil, limit: 300)
            #expect(all.contains { $0.parentID != nil }, "some comments are replies")
            for reply in all where reply.parentID != nil {
                let parent = try #require(all.first { $0.id == reply.parentID })
                #expect(parent.articleID == reply.articleID && parent.status == .approved)
                #expect(reply.depth == parent.depth + 1)
            }
            let counted = try await opened.read { db in
                try await db.raw("SELECT SUM(comment_count) AS n FROM articles").first()?.decode(
                    column: "n", as: Int.self)
            }
            #expect(counted == approved, "each article counts its approved comments")
            await opened.close()
        }
    }

    @Test("refuses sizes it cannot write")
    func badSizes() throws {
        let result = try CommandLine.run(["generate", "--articles", "0"])
        #expect(result.status != 0)
        #expect(result.errors.contains("--articles must be between 1 and 10,000,000."), "\(result.all)")
        let days = try CommandLine.run(["generate", "--days", "9999999999"])
        #expect(days.status != 0 && days.errors.contains("--days must be between 1 and 36,500."), "\(days.all)")
    }
}
