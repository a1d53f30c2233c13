import Foundation
import Testing

/// The floors of the house, checked from the source tree: the package manager accepts any import a target
/// reaches through its dependencies, so the rules that keep each floor to its job are read here.
@Suite("Layers")
struct LayerTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under `folder` (relative to Sources/), with its text.
    static func files(under folder: String) throws -> [(path: String, text: String)] {
        let root = sources.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map { url in
            (String(url.path.dropFirst(sources.path.count + 1)), try String(contentsOf: url, encoding: .utf8))
        }
    }

    /// The modules a file imports, whatever the import's attributes or access.
    static func imports(_ text: String) -> Set<String> {
        var modules: Set<String> = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            let start = words.first.map { ["public", "package", "internal"].contains($0) } == true ? 1 : 0
            guard words.count > start + 1, words[start] == "import" else { continue }
            modules.insert(String(words[start + 1]))
        }
        return modules
    }

    /// Files under `folder` importing any of `forbidden`, as "file imports module" lines.
    static func offenders(under folder: String, importing forbidden: Set<String>) throws -> [String] {
        try files(under: folder).flatMap { file in
            imports(file.text).intersection(forbidden).sorted().map { "\(file.path) imports \($0)" }
        }
    }

    @Test("the sources are where the test looks")
    func sourcesFound() throws {
        #expect(try Self.files(under: "GazetteServices").count > 50)
        #expect(try Self.files(under: "GazetteWeb").count > 50)
        #expect(
            Self.imports("import Foundation\n@testable import Gazette\npackage import Hummingbird\n")
                == ["Foundation", "Gazette", "Hummingbird"])
    }

    @Test("content and storage know nothing of the floors above them")
    func lowerFloors() throws {
        let above: Set = ["GazetteServices", "GazetteWeb", "Gazette", "Hummingbird", "Mustache"]
        #expect(try Self.offenders(under: "GazetteContent", importing: above.union(["GazetteStorage"])) == [])
        #expect(try Self.offenders(under: "GazetteStorage", importing: above) == [])
    }

    @Test("services speak no HTTP and render no templates")
    func servicesHaveNoWeb() throws {
        let web: Set = [
            "Hummingbird", "HummingbirdCore", "HummingbirdAuth", "HummingbirdOTP", "HTTPTypes", "NIOHTTP1",
            "Mustache", "CompressNIO", "GazetteWeb", "Gazette",
        ]
        #expect(try Self.offenders(under: "GazetteServices", importing: web) == [])
    }

    @Test("rendering reads service results, never storage")
    func renderingHasNoStorage() throws {
        #expect(try Self.offenders(under: "GazetteWeb/Rendering", importing: ["GazetteStorage"]) == [])
        #expect(try Self.offenders(under: "GazetteWeb", importing: ["Gazette"]) == [])
    }

    @Test("commands go through the composition root and the services, never storage")
    func commandsHaveNoStorage() throws {
        #expect(try Self.offenders(under: "GazetteCLI", importing: ["GazetteStorage", "GazetteWeb"]) == [])
        // Nor through the stores the composition root holds: commands ask services (or AppServices) instead.
        let stores = [
            "database", "authors", "articles", "redirects", "revisions", "search", "terms", "settings",
            "commentStore", "feedSubscriptions",
        ]
        var reaching: [String] = []
        for file in try Self.files(under: "GazetteCLI") {
            for store in stores where file.text.contains("services.\(store).") {
                reaching.append("\(file.path) uses services.\(store)")
            }
        }
        #expect(reaching == [])
    }

    @Test("the composition root only composes: no routes, services or pages of its own")
    func rootIsSmall() throws {
        let root = try Self.files(under: "Gazette")
        #expect(Set(root.map { $0.path.split(separator: "/")[1] }) == ["Application", "Configuration"])
        #expect(root.count <= 12, "Gazette has \(root.count) files; services and web code belong below it")
    }

    @Test("newsroom addresses are spelled in AdminURL alone")
    func adminAddressesInOnePlace() throws {
        var spelled: [String] = []
        for folder in ["GazetteContent", "GazetteStorage", "GazetteServices", "GazetteWeb", "Gazette", "GazetteCLI"] {
            for file in try Self.files(under: folder) where !file.path.hasSuffix("Addresses/AdminURL.swift") {
                if file.text.contains("\"/admin") { spelled.append(file.path) }
            }
        }
        #expect(spelled == [])
    }
}
