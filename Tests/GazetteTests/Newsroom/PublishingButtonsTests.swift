import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Article editor: buttons by role and state")
struct PublishingButtonsTests {
    /// The editor's buttons as (value, label), in page order.
    static func buttons(_ page: String) -> [String] {
        page.matches(of: try! Regex(#"name="action" value="([^"]*)">([^<]*)</button>"#)).map {
            "\($0.output[1].substring ?? "")=\($0.output[2].substring ?? "")"
        }
    }

    @Test("each role and state gets its own buttons, the safe one first")
    func offered() {
        func labels(_ role: Role, _ status: ArticleStatus?, scheduling: Bool = false) -> [String] {
            EditorAction.offered(role: role, current: status, scheduling: scheduling).map { $0.label(current: status) }
        }
        #expect(labels(.contributor, nil) == ["Save draft", "Submit for review"])
        #expect(labels(.contributor, .pending) == ["Save, still for review", "Back to drafts"])
        #expect(labels(.contributor, .published).isEmpty)
        #expect(labels(.author, nil) == ["Save draft", "Publish"])
        #expect(labels(.author, .draft, scheduling: true) == ["Save draft", "Schedule"])
        #expect(labels(.editor, .pending) == ["Save, still for review", "Publish", "Back to drafts"])
        #expect(labels(.editor, .scheduled) == ["Update schedule", "Publish now", "Unschedule"])
        #expect(labels(.admin, .published) == ["Update", "Unpublish"])
    }

    @Test("a button gives the status it names; Publish with a time ahead schedules")
    func statuses() {
        let now = TestSite.now
        let later = now.addingTimeInterval(3600)
        #expect(EditorAction.publish.status(current: .draft, publishedAt: later, now: now) == .scheduled)
        #expect(EditorAction.publish.status(current: .draft, publishedAt: nil, now: now) == .published)
        #expect(
            EditorAction.publish.status(current: .draft, publishedAt: now.addingTimeInterval(-60), now: now)
                == .published)
        #expect(EditorAction.update.status(current: .scheduled, publishedAt: later, now: now) == .scheduled)
        #expect(EditorAction.update.status(current: nil, publishedAt: nil, now: now) == .draft)
        #expect(EditorAction.unpublish.status(current: .published, publishedAt: now, now: now) == .draft)
        #expect(EditorAction.submit.status(current: .draft, publishedAt: nil, now: now) == .pending)
    }

    @Test("the newsroom reads one time format, and now, today and tomorrow, in the site's zone")
    func typedTimes() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let time = NewsroomTime(timeZone: paris)
        let now = TestSite.now  // 2026-11-28 22:06:40 in Paris
        #expect(time.text(now) == "2026-11-28 22:06")
        #expect(time.parse("now", now: now) == now)
        #expect(time.parse("2026-11-28 22:06", now: now).map(time.text) == "2026-11-28 22:06")
        #expect(time.parse("tomorrow 09:00", now: now).map(time.text) == "2026-11-29 09:00")
        #expect(time.parse("Tomorrow at 9:30", now: now).map(time.text) == "2026-11-29 09:30")
        #expect(time.parse("tomorrow", now: now).map(time.text) == "2026-11-29 09:00")
        #expect(time.parse("today 23:15", now: now).map(time.text) == "2026-11-28 23:15")
        for wrong in ["tomorrow-ish", "today", "today 25:00", "tomorrow 9", "2026-13-01 10:00", "soon"] {
            #expect(time.parse(wrong, now: now) == nil, "\(wrong)")
        }
        #expect(NewsroomTime(timeZone: TimeZone(identifier: "GMT")!).zoneName == "UTC")
    }

    @Test("in the editor: the buttons by role, Publish ahead of time schedules, Publish now and Unpublish work")
    func inTheEditor() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            #expect(
                Self.buttons(try await contributor.open("/admin/articles/new").body) == [
                    "draft=Save draft", "review=Submit for review",
                ])
            // A contributor cannot publish by sending the button an editor has.
            let refused = try await contributor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Sneaky", "body": "x", "action": "publish"], csrf: try await contributor.csrf()))
            #expect(refused.status == .forbidden)

            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let newPage = try await editor.open("/admin/articles/new")
            #expect(Self.buttons(newPage.body) == ["draft=Save draft", "publish=Publish"])
            #expect(newPage.contains("Publication time (UTC)"))
            let scheduled = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Tide tables", "body": "High water.", "published_at": "tomorrow 09:00",
                        "action": "publish",
                    ],
                    csrf: try await editor.csrf()))
            let path = try #require(scheduled.location)
            let page = try await editor.open(path)
            #expect(page.contains("Scheduled for 29 November 2026 at 09:00 (UTC). It appears on the site then."))
            #expect(page.contains(#"value="2026-11-29 09:00""#), "the time it meant, in the one format")
            #expect(
                Self.buttons(page.body) == [
                    "update=Update schedule", "publish-now=Publish now", "unpublish=Unschedule",
                ])

            let editPath = String(path.split(separator: "?")[0])
            let now = try await editor.post(
                editPath,
                ArticleEditorTests.form(
                    [
                        "title": "Tide tables", "body": "High water.", "published_at": "2026-11-29 09:00",
                        "action": "publish-now",
                    ],
                    csrf: try await editor.csrf(), revision: Reader.field("revision", in: page.body)))
            let out = try await editor.open(try #require(now.location))
            #expect(out.contains("Published.") && out.contains("View it on the site"))
            #expect(Self.buttons(out.body) == ["update=Update", "unpublish=Unpublish"])
            #expect(try await site.get("/2026/11/28/tide-tables/").status == .ok)

            let down = try await editor.post(
                editPath,
                ArticleEditorTests.form(
                    [
                        "title": "Tide tables", "body": "High water.", "published_at": "2026-11-28 21:06",
                        "action": "unpublish",
                    ],
                    csrf: try await editor.csrf(), revision: Reader.field("revision", in: out.body)))
            #expect(try await editor.open(try #require(down.location)).contains("Unpublished."))
            #expect(try await site.get("/2026/11/28/tide-tables/").status == .notFound)
        }
    }
}
