import Foundation
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("JSON for script blocks")
struct ScriptJSONTests {
    @Test("Keys are sorted at every level, and numbers, flags and lists are written as JSON")
    func layout() {
        let text = ScriptJSON.text([
            "b": [["z": 1, "a": true] as [String: Any], "x"], "a": 2.5, "@id": "i", "n": Optional<Int>.none as Any,
        ])
        #expect(text == #"{"@id":"i","a":2.5,"b":[{"a":true,"z":1},"x"],"n":null}"#)
    }

    @Test("A headline cannot end the script block, and every string reads back as it was written")
    func escaping() throws {
        let hostile =
            "</script><script>alert(1)</script> \"quoted\" back\\slash\n\t\r\u{1}\u{7F} \u{2028}\u{2029} é 日本 🗞"
        let text = ScriptJSON.text(["headline": hostile, "list": [hostile]])
        #expect(!text.contains("<"))
        #expect(!text.contains("\u{2028}") && !text.contains("\n") && !text.contains("\u{1}"))
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["headline"] as? String == hostile)
        #expect((parsed["list"] as? [String])?.first == hostile)
    }
}
