import Foundation

/// What an XML parser's error means, in words for the person whose file it is.
package enum XMLProblem {
    package static func describe(_ error: (any Error)?) -> String {
        guard let error = error as NSError? else { return "it is not well-formed XML" }
        // libxml2's codes: the document ended early (XML_ERR_DOCUMENT_END, 5), a character XML forbids
        // (XML_ERR_INVALID_CHAR, 9). On Linux, XMLParser.ErrorCode's raw values are one lower than these,
        // so the numbers are written here.
        switch error.code {
        case 5: return "it ends too early: it was cut short"
        case 9: return "it holds a character XML does not allow"
        default:
            let text = error.localizedDescription
            return text.isEmpty ? "it is not well-formed XML" : "it is not well-formed XML (\(text))"
        }
    }
}
