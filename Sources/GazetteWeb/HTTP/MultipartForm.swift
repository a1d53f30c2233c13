import Foundation

/// A file sent in a multipart form.
package struct UploadedFile: Sendable {
    /// The last component of the name the browser sent: a label to show, never a path to write to.
    package var fileName: String
    /// What the browser claims; sniff the bytes before trusting it.
    package var contentType: String
    package var bytes: [UInt8]
}

/// A `multipart/form-data` body: its text fields as a FormBody and its files by field name.
package struct MultipartForm {
    /// More parts than any newsroom form has means a broken client or an attempt to exhaust the server.
    package static let maximumParts = 200
    /// A part's headers are a few short lines; 16 KB leaves room for long file names and nothing more.
    package static let maximumHeaderBytes = 16 * 1024

    package var fields: FormBody
    /// The first file sent under each field name.
    package var files: [String: UploadedFile]

    /// The boundary from a Content-Type header such as `multipart/form-data; boundary="abc"`, or nil when it is not
    /// multipart/form-data.
    package static func boundary(fromContentType contentType: String) -> String? {
        let value = HeaderValue(contentType)
        // RFC 2046 allows 1 to 70 characters; a line break could never be matched at the start of a line.
        guard value.token == "multipart/form-data", let boundary = value.parameters["boundary"],
            (1...70).contains(boundary.utf8.count), !boundary.utf8.contains(where: { $0 == 13 || $0 == 10 })
        else { return nil }
        return boundary
    }

    /// Reads a body whole; the caller limits how many bytes it collects before calling this.
    package init(body: [UInt8], boundary: String) throws(MultipartError) {
        guard !boundary.isEmpty, !boundary.utf8.contains(where: { $0 == 13 || $0 == 10 }) else {
            throw .malformed("The form's boundary is empty or spans lines, so its parts cannot be found.")
        }
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter: [UInt8] = [13, 10] + dashBoundary
        let cutOff = MultipartError.malformed("The form ends before its closing boundary; it may have been cut off.")
        // The first delimiter may open the body with no line break before it; anything earlier is preamble.
        var cursor: Int
        if body.starts(with: dashBoundary) {
            cursor = dashBoundary.count
        } else if let found = Self.find(delimiter, in: body, from: 0, before: body.count) {
            cursor = found + delimiter.count
        } else {
            throw .malformed("The form never uses its boundary, so it is not a multipart form.")
        }
        var values: [String: [String]] = [:]
        var files: [String: UploadedFile] = [:]
        var partCount = 0
        // "--" after a delimiter closes the body; the epilogue and any final line break are ignored.
        while !(cursor + 2 <= body.count && body[cursor] == 45 && body[cursor + 1] == 45) {
            while cursor < body.count, body[cursor] == 32 || body[cursor] == 9 { cursor += 1 }
            guard cursor + 2 <= body.count else { throw cutOff }
            guard body[cursor] == 13, body[cursor + 1] == 10 else {
                throw .malformed("A boundary in the form is followed by something other than a line break.")
            }
            cursor += 2
            guard let end = Self.find(delimiter, in: body, from: cursor, before: body.count) else {
                throw cutOff
            }
            partCount += 1
            guard partCount <= Self.maximumParts else { throw .tooManyParts }
            let part = try Part(body, cursor..<end)
            if let fileName = part.fileName {
                // An empty file input is still sent, with no name and no bytes; it is not an upload.
                if !(fileName.isEmpty && part.content.isEmpty) && files[part.name] == nil {
                    files[part.name] = UploadedFile(
                        fileName: Self.lastPathComponent(fileName), contentType: part.contentType,
                        bytes: Array(part.content))
                }
            } else {
                values[part.name, default: []].append(String(decoding: part.content, as: UTF8.self))
            }
            cursor = end + delimiter.count
        }
        self.fields = FormBody(fields: values)
        self.files = files
    }

    /// Old browsers send the full path from the sender's disk, with either kind of slash.
    private static func lastPathComponent(_ name: String) -> String {
        let last = String(name.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last ?? "")
        return last == "." || last == ".." ? "" : last
    }

    /// The first index in `start..<end` where `needle` begins. It checks the first byte before comparing the rest;
    /// a delimiter's first byte (CR) occurs nowhere else in it, so each byte of a large upload is looked at at most
    /// twice.
    fileprivate static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, before end: Int) -> Int? {
        guard let first = needle.first, end - start >= needle.count else { return nil }
        var index = start
        while index <= end - needle.count {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// Why a multipart body could not be read.
package enum MultipartError: Error, Equatable {
    /// A sentence for the person who sent the form.
    case malformed(String)
    case tooManyParts
}

/// One part of a multipart body: its field name, file name when it is a file, and content.
private struct Part {
    var name: String
    var fileName: String?
    var contentType: String
    var content: ArraySlice<UInt8>

    init(_ body: [UInt8], _ range: Range<Int>) throws(MultipartError) {
        let headerEnd: Int
        if range.count >= 2 && body[range.lowerBound] == 13 && body[range.lowerBound + 1] == 10 {
            headerEnd = range.lowerBound
        } else if let found = MultipartForm.find(
            [13, 10, 13, 10], in: body, from: range.lowerBound,
            before: min(range.upperBound, range.lowerBound + MultipartForm.maximumHeaderBytes + 4))
        {
            headerEnd = found + 2
        } else if range.count > MultipartForm.maximumHeaderBytes {
            throw .malformed("A part of the form has more than 16 KB of headers.")
        } else {
            throw .malformed("A part of the form has no blank line between its headers and its content.")
        }
        let headers = try Self.headers(String(decoding: body[range.lowerBound..<headerEnd], as: UTF8.self))
        guard let dispositionHeader = headers["content-disposition"] else {
            throw .malformed("A part of the form has no Content-Disposition header.")
        }
        let disposition = HeaderValue(dispositionHeader)
        guard disposition.token == "form-data" else {
            throw .malformed("A part of the form is not marked as form data.")
        }
        guard let name = disposition.parameters["name"] else {
            throw .malformed("A part of the form has no field name.")
        }
        self.name = name
        // filename* is the only way to send a non-ASCII name unambiguously, so it wins when it can be read.
        let extended = disposition.parameters["filename*"].flatMap(Self.decodeExtendedValue)
        let hasFileName = disposition.parameters["filename"] != nil || disposition.parameters["filename*"] != nil
        fileName = extended ?? disposition.parameters["filename"] ?? (hasFileName ? "" : nil)
        let declaredType = headers["content-type"] ?? ""
        contentType = declaredType.isEmpty ? "application/octet-stream" : declaredType
        content = body[(headerEnd + 2)..<range.upperBound]
    }

    /// Header names in lower case; lines starting with a space continue the one before (obsolete folding).
    private static func headers(_ block: String) throws(MultipartError) -> [String: String] {
        var unfolded: [String] = []
        // "\r\n" is one Character in Swift, so splitting on it splits on the CRLF pair.
        for line in block.split(separator: "\r\n") {
            if let first = line.first, first == " " || first == "\t", !unfolded.isEmpty {
                unfolded[unfolded.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                unfolded.append(String(line))
            }
        }
        var headers: [String: String] = [:]
        for line in unfolded {
            guard let colon = line.firstIndex(of: ":") else {
                throw .malformed("A part of the form has a header line without a colon.")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if headers[name] == nil {
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return headers
    }

    /// An RFC 8187 value such as `UTF-8''%E2%82%AC%20rates.pdf`, or nil when it cannot be read.
    private static func decodeExtendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        var bytes: [UInt8] = []
        var encoded = Array(pieces[2].utf8)[...]
        while let byte = encoded.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard encoded.count >= 2, let high = hexValue(encoded.removeFirst()),
                let low = hexValue(encoded.removeFirst())
            else { return nil }
            bytes.append(high << 4 | low)
        }
        switch pieces[0].lowercased() {
        case "utf-8": return String(validating: bytes, as: UTF8.self)
        case "iso-8859-1": return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default: return nil
        }
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A header value such as `form-data; name="a"`: its lower-cased leading token and its parameters, with quoted
/// strings unquoted. Parameter names are lower-cased; the first of a repeated parameter wins.
private struct HeaderValue {
    var token: String
    var parameters: [String: String]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func read(until stops: String) -> String {
            let start = index
            while index < scalars.count, !stops.unicodeScalars.contains(scalars[index]) { index += 1 }
            return String(String.UnicodeScalarView(scalars[start..<index])).trimmingCharacters(in: .whitespaces)
        }
        func readQuoted() -> String {
            var value = String.UnicodeScalarView()
            index += 1
            while index < scalars.count, scalars[index] != "\"" {
                // Only \" and \\ are escapes: old browsers send Windows paths with bare backslashes.
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if scalars[index] == "\\", next == "\"" || next == "\\" {
                    index += 1
                }
                value.append(scalars[index])
                index += 1
            }
            index = min(index + 1, scalars.count)
            return String(value)
        }
        token = read(until: ";").lowercased()
        var parameters: [String: String] = [:]
        while index < scalars.count {
            index += 1
            let name = read(until: "=;").lowercased()
            var value = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
                value = index < scalars.count && scalars[index] == "\"" ? readQuoted() : read(until: ";")
                _ = read(until: ";")
            }
            if !name.isEmpty && parameters[name] == nil {
                parameters[name] = value
            }
        }
        self.parameters = parameters
    }
}
