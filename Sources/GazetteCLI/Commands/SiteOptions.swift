import ArgumentParser
import Foundation
import Gazette
import Logging

/// The options every command that opens the site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the SQLite database and uploads (GAZETTE_DATA_DIR).")
    var dataDirectory: String?

    @Option(help: "sqlite:PATH or postgres://user:password@host:port/database (GAZETTE_DATABASE_URL).")
    var database: String?

    @Option(help: "A YAML settings file with the same names as the flags (GAZETTE_CONFIG).")
    var config: String?

    var flags: [String: String] {
        var flags: [String: String] = [:]
        flags[Setting.config.flag] = config
        flags[Setting.dataDir.flag] = dataDirectory
        flags[Setting.database.flag] = database
        return flags
    }
}

/// Runs a command body with its configuration and services, turning failures into a plain message and a
/// non-zero exit instead of a stack trace.
enum CommandRunner {
    static func logger(label: String = "gazette") -> Logger {
        var logger = Logger(label: label)
        let level = ProcessInfo.processInfo.environment["GAZETTE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .info
        return logger
    }

    static func withServices<T>(
        flags: [String: String], migrate: Bool = true, _ body: (AppServices, Logger) async throws -> T
    ) async throws -> T {
        let logger = logger()
        let configuration = try loadConfiguration(flags: flags)
        let services: AppServices
        do {
            services = try await AppServices.open(configuration, logger: logger, migrate: migrate)
        } catch {
            throw fail("\(error)")
        }
        do {
            let result = try await body(services, logger)
            await services.close()
            return result
        } catch {
            await services.close()
            throw error
        }
    }

    static func loadConfiguration(flags: [String: String]) throws -> GazetteConfiguration {
        do {
            return try ConfigurationLoader(flags: flags).load()
        } catch {
            throw fail(error.description)
        }
    }

    /// Prints the message to standard error and returns the exit code to throw.
    static func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        return ExitCode(code)
    }
}
