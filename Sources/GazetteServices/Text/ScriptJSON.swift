/// JSON for a `<script type="application/ld+json">` block, written directly from dictionaries, arrays,
/// strings and numbers: keys sorted, so the same data always gives the same bytes (and the same ETag), and
/// `<` and `/` escaped, so no `</script>` in a headline can end the block early.
///
/// Foundation's JSONSerialization took a fifth of an uncached article render, mostly in bridging to
/// NSDictionary and sorting keys through NSString.
package enum ScriptJSON {
    package static func text(_ value: Any) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: Any, to output: inout String) {
        switch value {
        case let text as String:
            writeString(text, to: &output)
        case let number as Int:
            output += String(number)
        case let flag as Bool:
            output += flag ? "true" : "false"
        case let number as Double where number.isFinite:
            output += String(number)
        case let object as [String: Any]:
            output += "{"
            for (position, key) in object.keys.sorted().enumerated() {
                if position > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                write(object[key]!, to: &output)
            }
            output += "}"
        case let array as [Any]:
            output += "["
            for (position, element) in array.enumerated() {
                if position > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        default:
            output += "null"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": scalars.append(contentsOf: #"\""#.unicodeScalars)
            case "\\": scalars.append(contentsOf: #"\\"#.unicodeScalars)
            case "/": scalars.append(contentsOf: #"\/"#.unicodeScalars)
            case "<": scalars.append(contentsOf: #"\u003c"#.unicodeScalars)
            case "\n": scalars.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": scalars.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": scalars.append(contentsOf: #"\t"#.unicodeScalars)
            case "\u{2028}", "\u{2029}":
                // Valid JSON, but line terminators to older JavaScript parsers.
                scalars.append(contentsOf: hexEscape(scalar.value).unicodeScalars)
            default:
                if scalar.value < 0x20 {
                    scalars.append(contentsOf: hexEscape(scalar.value).unicodeScalars)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        output += String(scalars)
        output += "\""
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
