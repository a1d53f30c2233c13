import GazetteServices

/// Pictures uploaded into an article's body get their resized copies at render time: the stored body keeps
/// plain `<img src="/media/…">` (and its sanitizer never lets a writer set `srcset`), and the page lists the
/// copies that exist now, so copies made later show up without saving the article again.
package enum BodyImages {
    /// `html` with `srcset` and `sizes` added to each `<img src="/media/…"` that has copies.
    package static func withCopies(_ html: String, variants: ImageVariants?, sizes: String) -> String {
        let opening = #"<img src="/media/"#
        guard let variants, html.contains(opening) else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let found = rest.range(of: opening) {
            let afterSrc = rest[found.lowerBound...].dropFirst(#"<img src=""#.count)
            guard let quote = afterSrc.firstIndex(of: "\"") else { break }
            result += rest[..<found.lowerBound]
            let url = String(afterSrc[..<quote])
            result += rest[found.lowerBound...quote]
            if let copies = variants.copies(of: url) {
                // The body's pictures are plain images: the original's format only (no `<picture>` in the body).
                let list = copies.sameFormat.isEmpty ? copies.webp : copies.sameFormat
                let srcset = list.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
                result += #" srcset=""# + HTMLText.escape(srcset) + #"" sizes=""# + sizes + #"""#
            }
            rest = rest[rest.index(after: quote)...]
        }
        result += rest
        return result
    }
}
