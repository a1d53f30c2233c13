import Foundation
import GazetteServices

/// The optional YAML settings file (`--config` / `GAZETTE_CONFIG`): the same names as the flags.
///
/// ```yaml
/// port: 8080
/// base-url: https://news.example.com
/// database: postgres://gazette@127.0.0.1:5432/gazette
/// site-title: The Daily
/// ```
public enum ConfigurationFile {
    /// Reads the file into setting values keyed by flag name; every problem names the file and the fix.
    public static func load(path: String) throws(ConfigurationError) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError(setting: Setting.config, problem: "the settings file \(path) cannot be read")
        }
        let parsed: Any?
        do {
            parsed = try BoundedYAML.load(text)
        } catch {
            throw ConfigurationError(
                setting: Setting.config, problem: "the settings file \(path) is not valid YAML (\(error))")
        }
        guard let parsed else { return [:] }
        guard let mapping = parsed as? [String: Any] else {
            throw ConfigurationError(
                setting: Setting.config, problem: "the settings file \(path) must be a list of “name: value” lines")
        }
        var values: [String: String] = [:]
        let known = Set(Setting.all.map(\.flag)).subtracting([Setting.config.flag])
        for (key, value) in mapping {
            guard known.contains(key) else {
                throw ConfigurationError(
                    setting: Setting.config,
                    problem: "the settings file \(path) has an unknown setting “\(key)”; "
                        + "known settings are \(known.sorted().joined(separator: ", "))")
            }
            values[key] = "\(value)"
        }
        return values
    }
}
