import GazetteContent
import Testing

@Suite("Revision diffs")
struct TextDiffTests {
    @Test("identical texts are the same on every line")
    func identical() {
        #expect(TextDiff.lines(from: "a\nb\nc", to: "a\nb\nc") == [.same("a"), .same("b"), .same("c")])
    }

    @Test("an inserted line is added between unchanged ones")
    func insertion() {
        let diff = TextDiff.lines(from: "a\nb\nc", to: "a\nb\nnew\nc")
        #expect(diff == [.same("a"), .same("b"), .added("new"), .same("c")])
    }

    @Test("a deleted line is removed between unchanged ones")
    func deletion() {
        let diff = TextDiff.lines(from: "a\nold\nb\nc", to: "a\nb\nc")
        #expect(diff == [.same("a"), .removed("old"), .same("b"), .same("c")])
    }

    @Test("a change in the middle shows every removed line before the added ones")
    func change() {
        let diff = TextDiff.lines(from: "intro\nfirst\nsecond\nkept\nend", to: "intro\none\ntwo\nthree\nkept\nend")
        #expect(
            diff == [
                .same("intro"), .removed("first"), .removed("second"), .added("one"), .added("two"), .added("three"),
                .same("kept"), .same("end"),
            ])
    }

    @Test("separate changes keep the unchanged lines between them")
    func separateChanges() {
        let diff = TextDiff.lines(from: "a\nb\nc\nd\ne", to: "a\nB\nc\nd\nE")
        #expect(diff == [.same("a"), .removed("b"), .added("B"), .same("c"), .same("d"), .removed("e"), .added("E")])
    }

    @Test("an empty old text is all added and an empty new text all removed")
    func empty() {
        #expect(TextDiff.lines(from: "", to: "a\nb") == [.added("a"), .added("b")])
        #expect(TextDiff.lines(from: "a\nb", to: "") == [.removed("a"), .removed("b")])
        #expect(TextDiff.lines(from: "", to: "") == [])
    }

    @Test("Windows line endings and a final line break do not count as changes")
    func lineEndings() {
        #expect(TextDiff.lines(from: "a\r\nb\r\n", to: "a\nb") == [.same("a"), .same("b")])
        #expect(TextDiff.lines(from: "a\r\nb", to: "a\nb\nc\n") == [.same("a"), .same("b"), .added("c")])
        #expect(TextDiff.lines(from: "a\n\nb", to: "a\nb") == [.same("a"), .removed(""), .same("b")])
    }

    @Test("moved paragraphs and repeated lines still give a diff that turns old into new")
    func reconstruction() {
        let old = "title\n\nfirst\nsecond\n\nthird\nsign-off"
        let new = "title\n\nthird\n\nfirst\nsecond, revised\n\nsign-off\nP.S."
        let diff = TextDiff.lines(from: old, to: new)
        #expect(Self.sides(of: diff) == (Self.lines(old), Self.lines(new)))
        #expect(diff.filter { if case .same = $0 { true } else { false } }.count == 5)
    }

    @Test("a huge change is shown as replaced wholesale, still turning old into new")
    func hugeFallback() {
        let old = (0..<3000).map { "old line \($0)" }
        let new = (0..<2500).map { "new line \($0)" }
        let diff = TextDiff.lines(
            from: (["head"] + old + ["tail"]).joined(separator: "\n"),
            to: (["head"] + new + ["tail"]).joined(separator: "\n"))
        #expect(diff.count == 3000 + 2500 + 2)
        #expect(diff.first == .same("head"))
        #expect(diff.last == .same("tail"))
        #expect(Array(diff[1...3000]) == old.map(DiffLine.removed))
        #expect(Array(diff[3001...5500]) == new.map(DiffLine.added))
        #expect(Self.sides(of: diff) == (["head"] + old + ["tail"], ["head"] + new + ["tail"]))
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The old and new texts a diff describes, as lines.
    private static func sides(of diff: [DiffLine]) -> ([String], [String]) {
        var old: [String] = []
        var new: [String] = []
        for line in diff {
            switch line {
            case .same(let text):
                old.append(text)
                new.append(text)
            case .removed(let text): old.append(text)
            case .added(let text): new.append(text)
            }
        }
        return (old, new)
    }
}
