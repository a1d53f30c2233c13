import GazetteContent
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test("a headline becomes lower-case words joined by hyphens")
    func headline() {
        #expect(Slug(from: "Council Approves the New Library!")?.value == "council-approves-the-new-library")
    }

    @Test("accents, ligatures, Greek and Cyrillic are transliterated")
    func transliteration() {
        #expect(Slug(from: "Café Zürich: Straße")?.value == "cafe-zurich-strasse")
        #expect(Slug(from: "Ærø og Łódź")?.value == "aero-og-lodz")
        #expect(Slug(from: "Москва сегодня")?.value == "moskva-segodnya")
        #expect(Slug(from: "Αθήνα")?.value == "athina")
    }

    @Test("other scripts stay readable instead of vanishing")
    func otherScripts() {
        #expect(Slug(from: "東京 オリンピック")?.value == "東京-オリンピック")
        #expect(Slug(from: "مرحبا بالعالم")?.value == "مرحبا-بالعالم")
    }

    @Test("apostrophes join, punctuation and emoji separate, nothing usable gives nil")
    func punctuation() {
        #expect(Slug(from: "Don't panic — it's fine 🎉")?.value == "dont-panic-its-fine")
        #expect(Slug(from: "  --- !!! ") == nil)
        #expect(Slug(from: "🎉🎉") == nil)
        #expect(Slug(from: "🎉", fallback: "article").value == "article")
    }

    @Test("long headlines are cut at a word boundary within the limit")
    func length() {
        let long = Array(repeating: "word", count: 60).joined(separator: " ")
        let slug = Slug(from: long)!
        #expect(slug.value.count <= Limits.slugLength)
        #expect(!slug.value.hasSuffix("-"))
        #expect(slug.value.hasSuffix("word"))
    }

    @Test("typed slugs are accepted only when they follow the rules")
    func validating() {
        #expect(Slug(validating: "my-first-story")?.value == "my-first-story")
        #expect(Slug(validating: "My-Story") == nil)
        #expect(Slug(validating: "two--hyphens") == nil)
        #expect(Slug(validating: "../etc/passwd") == nil)
        #expect(Slug(validating: "") == nil)
    }

    @Test("numbering keeps within the limit")
    func numbered() {
        #expect(Slug(trusted: "budget").numbered(2).value == "budget-2")
        let long = Slug(trusted: String(repeating: "a", count: Limits.slugLength))
        #expect(long.numbered(12).value.count == Limits.slugLength)
    }
}
