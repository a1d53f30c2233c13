import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// A reader with a browser's memory: cookies kept between requests.
struct Reader {
    let site: TestSite
    var name = "Ann Reader"
    var email = "ann@example.com"
    var website = ""
    var cookies: [String: String] = [:]

    init(site: TestSite, name: String = "Ann Reader", email: String = "ann@example.com", website: String = "") {
        self.site = site
        self.name = name
        self.email = email
        self.website = website
    }

    var cookieHeader: HTTPFields {
        guard !cookies.isEmpty else { return [:] }
        var fields = HTTPFields()
        fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        return fields
    }

    func open(_ path: String) async throws -> Fetched {
        try await site.get(path, headers: cookieHeader)
    }

    /// Loads the article's form, then posts a comment with it, keeping the cookies the answer sets.
    @discardableResult
    mutating func comment(
        on path: String, _ text: String, parent: Int64? = nil, overrides: [String: String] = [:]
    ) async throws -> Fetched {
        let page = try await open(path)
        var form = [
            "article_id": Self.field("article_id", in: page.body), "parent_id": parent.map(String.init) ?? "0",
            "form_token": Self.field("form_token", in: page.body), "author": name, "email": email, "url": website,
            "comment": text,
        ]
        form.merge(overrides) { _, new in new }
        let answer = try await site.post("/comments", form: form, headers: cookieHeader)
        for (name, value) in answer.setCookies {
            if value.isEmpty { cookies.removeValue(forKey: name) } else { cookies[name] = value }
        }
        return answer
    }

    /// The value of a hidden form field in a page.
    static func field(_ name: String, in html: String) -> String {
        guard let match = html.firstMatch(of: try! Regex(#"name="\#(name)" value="([^"]*)""#)),
            let value = match.output[1].substring
        else { return "" }
        return String(value)
    }
}

extension Fetched {
    /// The id in a redirect to `…#comment-ID`.
    var commentID: Int64? {
        guard let location, let hash = location.range(of: "#comment-") else { return nil }
        return Int64(location[hash.upperBound...])
    }
}

enum CommentFixtures {
    static let article = "/2026/11/28/council-approves-the-new-library/"
    static let otherArticle = "/2026/11/28/markets-rally-on-rate-news/"

    /// The sample site with comment rules suited to a test: no minimum delay, no flood control unless asked.
    static func seed(_ settings: [String: String] = [:]) -> @Sendable (AppServices) async throws -> Void {
        { services in
            try await SampleContent.seed(services)
            var values = ["comments.minimum_seconds": "0", "comments.flood_seconds": "0"]
            values.merge(settings) { _, new in new }
            try await services.comments.updateSettings(values)
        }
    }
}
