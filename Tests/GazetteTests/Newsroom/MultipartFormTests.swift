import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Multipart forms")
struct MultipartFormTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    @Test("text fields and a file arrive as a browser sends them")
    func browserForm() throws {
        let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]
        let body = Self.body([
            Self.field("title", "Council approves the library"),
            Self.field("body", "First line.\r\nSecond line, with ünïcödé."),
            Self.file("photo", fileName: "library.jpg", type: "image/jpeg", photo),
        ])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.fields["title"] == "Council approves the library")
        #expect(form.fields["body"] == "First line.\r\nSecond line, with ünïcödé.")
        let file = try #require(form.files["photo"])
        #expect(file.fileName == "library.jpg")
        #expect(file.contentType == "image/jpeg")
        #expect(file.bytes == photo)
        #expect(form.fields.values("photo").isEmpty)
    }

    @Test("a repeated field keeps every value in order")
    func repeatedFields() throws {
        let body = Self.body([Self.field("tag", "council"), Self.field("tag", "library"), Self.field("tag", "budget")])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.fields.values("tag") == ["council", "library", "budget"])
        #expect(form.fields["tag"] == "council")
    }

    @Test("a file name sent as a Windows or Unix path keeps only its last component")
    func paths() throws {
        let body = Self.body([
            Self.file("a", fileName: #"C:\Users\Ana\Desktop\photo.jpg"#, type: "image/jpeg", [1]),
            Self.file("b", fileName: "../../etc/passwd", type: "text/plain", [2]),
        ])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.files["a"]?.fileName == "photo.jpg")
        #expect(form.files["b"]?.fileName == "passwd")
    }

    @Test("filename* in UTF-8 is preferred, and escaped quotes are unescaped")
    func fileNames() throws {
        let body = Self.body([
            Self.part(
                "Content-Disposition: form-data; name=\"a\"; filename=\"rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                [1]),
            Self.part(#"Content-Disposition: form-data; name="b"; filename="say \"hi\".txt""#, [2]),
            Self.part(#"Content-Disposition: form-data; name="c"; filename="plain.txt"; filename*=UTF-8''%ZZ"#, [3]),
        ])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.files["a"]?.fileName == "€ rates.pdf")
        #expect(form.files["b"]?.fileName == #"say "hi".txt"#)
        #expect(form.files["c"]?.fileName == "plain.txt")
    }

    @Test("header names are matched in any case and a file's type defaults to octet-stream")
    func headerCase() throws {
        let body = Self.body([
            Self.part(#"content-disposition: FORM-DATA; NAME="title""#, Array("Hello".utf8)),
            Self.part(#"CONTENT-DISPOSITION: form-data; name="file"; filename="data.bin""#, [0, 1]),
        ])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.fields["title"] == "Hello")
        #expect(form.files["file"]?.contentType == "application/octet-stream")
    }

    @Test("the boundary is read from a quoted or unquoted Content-Type in any case")
    func boundaryFromContentType() {
        #expect(MultipartForm.boundary(fromContentType: #"multipart/form-data; boundary="a:b=c d""#) == "a:b=c d")
        #expect(MultipartForm.boundary(fromContentType: "Multipart/Form-Data; charset=utf-8; BOUNDARY=xyz") == "xyz")
        #expect(
            MultipartForm.boundary(fromContentType: "multipart/form-data;boundary=" + Self.boundary) == Self.boundary)
    }

    @Test("a Content-Type that is not multipart/form-data, or has no usable boundary, gives no boundary")
    func notMultipart() {
        #expect(MultipartForm.boundary(fromContentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(fromContentType: "multipart/mixed; boundary=abc") == nil)
        #expect(MultipartForm.boundary(fromContentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(fromContentType: #"multipart/form-data; boundary="""#) == nil)
        #expect(
            MultipartForm.boundary(
                fromContentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
        #expect(MultipartForm.boundary(fromContentType: "") == nil)
    }

    @Test("an empty file input is omitted, but an empty file with a name is kept")
    func emptyFileInput() throws {
        let body = Self.body([
            Self.field("title", "No picture"),
            Self.file("photo", fileName: "", type: "application/octet-stream", []),
            Self.file("notes", fileName: "empty.txt", type: "text/plain", []),
        ])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.files["photo"] == nil)
        #expect(form.files["notes"]?.bytes == [])
        #expect(form.fields["title"] == "No picture")
    }

    @Test("binary file bytes containing CR LF, dashes and part of the boundary survive exactly")
    func binarySurvives() throws {
        let tricky: [UInt8] =
            [0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF, 0x0D, 0x0A, 0x0D, 0x0A]
            + Array("\r\n--\(Self.boundary.dropLast())".utf8)
            + [0x0D, 0x0A, 0x2D, 0x2D, 0x0D]
        let body = Self.body([Self.file("blob", fileName: "blob.bin", type: "application/octet-stream", tricky)])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.files["blob"]?.bytes == tricky)
    }

    @Test("preamble, epilogue and a missing final line break are all ignored")
    func framing() throws {
        let parts = Self.field("a", "1") + Self.field("b", "2")
        let body =
            Array("This is a preamble.\r\n".utf8) + parts + Array("--\(Self.boundary)--".utf8)
            + Array("\r\nAn epilogue.".utf8)
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.fields["a"] == "1")
        #expect(form.fields["b"] == "2")
        let bare = try MultipartForm(body: parts + Array("--\(Self.boundary)--".utf8), boundary: Self.boundary)
        #expect(bare.fields["b"] == "2")
    }

    @Test("invalid UTF-8 in a text field is replaced rather than rejected")
    func invalidText() throws {
        let body = Self.body([Self.part(#"Content-Disposition: form-data; name="t""#, [0x61, 0xFF, 0x62])])
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.fields["t"] == "a\u{FFFD}b")
    }

    @Test("a body without its closing boundary is malformed")
    func missingClose() {
        let parts = Self.field("a", "1")
        #expect(throws: MultipartError.self) { try MultipartForm(body: parts, boundary: Self.boundary) }
        #expect(throws: MultipartError.self) {
            try MultipartForm(body: parts + Array("--\(Self.boundary)".utf8), boundary: Self.boundary)
        }
        #expect(throws: MultipartError.self) {
            try MultipartForm(body: Array("title=hello".utf8), boundary: Self.boundary)
        }
    }

    @Test("a part without headers, a Content-Disposition or a name is malformed with a plain sentence")
    func missingHeaders() {
        let cases = [
            Self.part(nil, Array("orphan".utf8)),
            Self.part("Content-Type: text/plain", Array("x".utf8)),
            Self.part("Content-Disposition: form-data", Array("x".utf8)),
            Self.part(#"Content-Disposition: attachment; name="a""#, Array("x".utf8)),
            Self.part("Content-Disposition form-data", Array("x".utf8)),
        ]
        for part in cases {
            do throws(MultipartError) {
                _ = try MultipartForm(body: Self.body([part]), boundary: Self.boundary)
                Issue.record("accepted \(String(decoding: part, as: UTF8.self))")
            } catch {
                guard case .malformed(let sentence) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(sentence.hasSuffix("."))
                #expect(!sentence.contains("\\("))
            }
        }
    }

    @Test("headers longer than 16 KB are malformed")
    func longHeaders() {
        let header =
            #"Content-Disposition: form-data; name="a"; filename=""# + String(repeating: "x", count: 17_000) + "\""
        #expect(throws: MultipartError.self) {
            try MultipartForm(body: Self.body([Self.part(header, [1])]), boundary: Self.boundary)
        }
    }

    @Test("more than 200 parts are refused, and 200 are accepted")
    func tooManyParts() throws {
        let fields = (0..<201).map { Self.field("f\($0)", "\($0)") }
        #expect(throws: MultipartError.tooManyParts) {
            try MultipartForm(body: Self.body(fields), boundary: Self.boundary)
        }
        let form = try MultipartForm(body: Self.body(Array(fields.prefix(200))), boundary: Self.boundary)
        #expect(form.fields["f199"] == "199")
    }

    // MARK: Building bodies as browsers do

    private static func body(_ parts: [[UInt8]]) -> [UInt8] {
        parts.flatMap { $0 } + Array("--\(boundary)--\r\n".utf8)
    }

    private static func field(_ name: String, _ value: String) -> [UInt8] {
        part("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8))
    }

    private static func file(_ name: String, fileName: String, type: String, _ bytes: [UInt8]) -> [UInt8] {
        let disposition = "Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\""
        return part(disposition + "\r\nContent-Type: \(type)", bytes)
    }

    /// One part with its opening delimiter; nil headers leave out the blank line too.
    private static func part(_ headers: String?, _ content: [UInt8]) -> [UInt8] {
        let head = headers.map { "--\(boundary)\r\n\($0)\r\n\r\n" } ?? "--\(boundary)\r\n"
        return Array(head.utf8) + content + Array("\r\n".utf8)
    }
}
