import Foundation
import GazetteServices

/// The API's reference for people, written from the same OpenAPI document: every operation with its
/// parameters and answers, then every schema with its fields. A plain page: no scripts, no outside files.
struct APIReferencePage {
    let document: [String: Any]

    var html: String {
        let info = document["info"] as? [String: Any] ?? [:]
        let title = info["title"] as? String ?? "API"
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) reference</title>
            <style>\(Self.style)</style></head>
            <body><main><h1>\(escape(title)) <small>\(escape(info["version"] as? String ?? ""))</small></h1>
            <p>\(escape(info["summary"] as? String ?? ""))</p>
            <p>The machine-readable description: <a href="\(APIURL.document)">\(APIURL.document)</a> (OpenAPI \
            \(escape(document["openapi"] as? String ?? "3.1"))). Every path below starts with <code>\(APIURL.prefix)</code>.</p>
            \(MarkdownRenderer.html(from: info["description"] as? String ?? ""))
            <h2 id="operations">Operations</h2>
            """
        for operation in operations { page += section(operation) }
        page += "<h2 id=\"schemas\">Schemas</h2>"
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        for name in schemas.keys.sorted() { page += schema(name, schemas[name] as? [String: Any] ?? [:]) }
        return page + "</main></body></html>\n"
    }

    private struct Operation {
        let method: String
        let path: String
        let details: [String: Any]
    }

    /// In the document's path order (sorted, as JSON keeps no order), methods in HTTP's usual order.
    private var operations: [Operation] {
        let paths = document["paths"] as? [String: Any] ?? [:]
        return paths.keys.sorted().flatMap { path -> [Operation] in
            let item = paths[path] as? [String: Any] ?? [:]
            return ["get", "post", "put", "patch", "delete"].compactMap { method in
                (item[method] as? [String: Any]).map { Operation(method: method, path: path, details: $0) }
            }
        }
    }

    private func section(_ operation: Operation) -> String {
        let details = operation.details
        let id = details["operationId"] as? String ?? operation.method + operation.path
        var html = """
            <section id="\(escape(id))"><h3><span class="method">\(operation.method.uppercased())</span> \
            <code>\(escape(operation.path))</code></h3><p>\(escape(details["summary"] as? String ?? ""))</p>
            """
        if let description = details["description"] as? String { html += MarkdownRenderer.html(from: description) }
        if details["security"] != nil { html += "<p class=\"note\">Needs a token (see the introduction).</p>" }
        let parameters = (details["parameters"] as? [Any] ?? []).compactMap { resolve($0) }
        if !parameters.isEmpty {
            html += "<table><caption>Parameters</caption><tr><th>Name</th><th>In</th><th>Type</th><th>About</th></tr>"
            for parameter in parameters {
                let required = parameter["required"] as? Bool == true ? " <em>required</em>" : ""
                html += "<tr><td><code>\(escape(parameter["name"] as? String ?? ""))</code>\(required)</td>"
                html += "<td>\(escape(parameter["in"] as? String ?? ""))</td>"
                html += "<td>\(type(parameter["schema"]))</td>"
                html += "<td>\(escape(parameter["description"] as? String ?? ""))</td></tr>"
            }
            html += "</table>"
        }
        if let body = resolve(details["requestBody"] as Any),
            let content = body["content"] as? [String: Any]
        {
            html +=
                "<p>Body: "
                + content.keys.sorted().map { media in
                    "<code>\(escape(media))</code> " + type((content[media] as? [String: Any])?["schema"])
                }.joined(separator: ", ") + "</p>"
        }
        let responses = details["responses"] as? [String: Any] ?? [:]
        html += "<dl class=\"responses\">"
        for status in responses.keys.sorted() {
            let response = resolve(responses[status] as Any) ?? [:]
            let content = response["content"] as? [String: Any] ?? [:]
            let shape = content.keys.sorted().map { media in
                " <code>\(escape(media))</code> " + type((content[media] as? [String: Any])?["schema"])
            }.joined(separator: ",")
            html += "<dt>\(escape(status))</dt><dd>\(escape(response["description"] as? String ?? ""))\(shape)</dd>"
        }
        return html + "</dl></section>\n"
    }

    private func schema(_ name: String, _ schema: [String: Any]) -> String {
        var html = "<section id=\"schema-\(escape(name))\"><h3>\(escape(name))</h3>"
        if let description = schema["description"] as? String { html += "<p>\(escape(description))</p>" }
        if let values = schema["enum"] as? [Any] {
            html += "<p>One of: " + values.map { "<code>\(escape("\($0)"))</code>" }.joined(separator: ", ") + "</p>"
        }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        if !properties.isEmpty {
            let required = Set(schema["required"] as? [String] ?? [])
            html += "<table><tr><th>Field</th><th>Type</th><th>About</th></tr>"
            for field in properties.keys.sorted() {
                let property = properties[field] as? [String: Any] ?? [:]
                let mark = required.contains(field) ? "" : " <em>optional</em>"
                html += "<tr><td><code>\(escape(field))</code>\(mark)</td><td>\(type(property))</td>"
                html += "<td>\(escape(property["description"] as? String ?? ""))</td></tr>"
            }
            html += "</table>"
        }
        return html + "</section>\n"
    }

    /// A schema's type in a few words, linking to named schemas.
    private func type(_ schema: Any?) -> String {
        guard let schema = schema as? [String: Any] else { return "" }
        if let reference = schema["$ref"] as? String {
            let name = reference.split(separator: "/").last.map(String.init) ?? reference
            return "<a href=\"#schema-\(escape(name))\">\(escape(name))</a>"
        }
        if let items = schema["items"] { return "list of " + type(items) }
        let base = schema["type"] as? String ?? "any"
        let format = (schema["format"] as? String).map { " (\(escape($0)))" } ?? ""
        return escape(base) + format
    }

    /// A parameter, response or body, following a `$ref` into the components.
    private func resolve(_ value: Any) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func escape(_ text: String) -> String { HTMLText.escape(text) }

    private static let style = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        code{font-family:ui-monospace,monospace;background:#f3f3f3;padding:0 .2em}
        table{border-collapse:collapse;width:100%;margin:.5rem 0;display:block;overflow-x:auto}
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
        section{border-top:1px solid #ddd;padding:.5rem 0}
        .method{display:inline-block;min-width:4.5em;font-size:.85em;color:#fff;background:#2b5797;padding:0 .4em}
        .note{color:#7a4b00}
        dt{font-weight:bold}
        """
}
