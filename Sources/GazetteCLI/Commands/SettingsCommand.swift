import ArgumentParser
import Gazette
import GazetteContent

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the site's stored settings.",
        subcommands: [ListSettings.self, SetSetting.self])
}

struct ListSettings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show every setting.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            var values = services.site.live.current.values
            values.merge(try await services.comments.currentSettings().values) { _, new in new }
            for (name, help) in SiteIdentity.names + CommentSettings.names {
                print("\(name) = \(values[name] ?? "")\n    \(help)")
            }
        }
    }
}

struct SetSetting: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a setting, e.g. gazette settings set comments.policy hold-all",
        discussion: "Site settings (site.*) stored here take precedence over the --site-title, --tagline, --language, "
            + "--time-zone and --articles-per-page values of gazette serve.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The setting's name.")
    var name: String

    @Argument(help: "The new value.")
    var value: String

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            do {
                if name.hasPrefix("site.") {
                    try await services.site.update([name: value])
                } else {
                    try await services.comments.updateSettings([name: value])
                }
            } catch let error as ValidationErrors {
                throw CommandRunner.fail(error.issues.map(\.message).joined(separator: " "))
            }
            print("\(name) = \(value)")
        }
    }
}
