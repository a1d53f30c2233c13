import Foundation
import Mustache

/// A theme: Mustache templates plus assets. A publisher's folder overrides any file of the default theme.
///
/// Templates are parsed once at start; every template gets the HTML content type pragma, which
/// swift-mustache resets when it enters a partial.
public struct Theme: Sendable {
    private let library: MustacheLibrary
    private let names: Set<String>
    public let assets: ThemeAssets

    /// Loads a built-in theme (`default` for the site, `admin` for the newsroom), then the override folder
    /// (its `templates/` and `assets/`) on top.
    public init(
        builtIn name: String = "default", overrideFolder: String?,
        required: [String] = ["layout", "index", "article", "error"]
    ) throws {
        MustacheContentTypes.register(FastHTMLContentType(), named: FastHTMLContentType.name)
        var folders = [try Self.builtInFolder(name)]
        if let overrideFolder { folders.append(URL(fileURLWithPath: overrideFolder)) }
        var sources: [String: (text: String, file: String)] = [:]
        for folder in folders {
            let templates = folder.appendingPathComponent("templates")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: templates.path)) ?? []
            for file in files where file.hasSuffix(".mustache") {
                let url = templates.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                sources[String(file.dropLast(".mustache".count))] = (text, url.path)
            }
        }
        var library = MustacheLibrary()
        for (name, source) in sources {
            do {
                try library.register("{{% CONTENT_TYPE: \(FastHTMLContentType.name) }}" + source.text, named: name)
            } catch {
                throw ThemeError(message: "The template \(source.file) cannot be read: \(error)")
            }
        }
        for required in required where sources[required] == nil {
            throw ThemeError(message: "The theme has no \(required).mustache template.")
        }
        self.library = library
        self.names = Set(sources.keys)
        self.assets = try ThemeAssets(folders: folders.map { $0.appendingPathComponent("assets") })
    }

    /// Renders with the first template that exists among `candidates` (most specific first).
    public func render(_ model: Any, candidates: [String]) -> String {
        let name = candidates.first { names.contains($0) } ?? candidates.last ?? "index"
        return library.render(model, withTemplate: name) ?? ""
    }

    package static func builtInFolder(_ name: String) throws -> URL {
        guard let resources = Bundle.module.resourceURL,
            case let url = resources.appendingPathComponent("Themes/\(name)"),
            FileManager.default.fileExists(atPath: url.path)
        else {
            throw ThemeError(message: "The \(name) theme is missing from the build (Resources/Themes/\(name)).")
        }
        return url
    }
}

public struct ThemeError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
