import Foundation

/// Where the data lives, parsed from `--database` / `GAZETTE_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An embedded SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL server.
    case postgres(PostgresAddress)

    /// Accepts `sqlite:PATH`, `sqlite://PATH` and `postgres://user:password@host:port/database`.
    public init(parsing text: String) throws(StorageError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw .badConfiguration(
                    "The SQLite database URL names no file. Example: sqlite:./gazette-data/gazette.sqlite")
            }
            self = .sqlite(path: path)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(parsing: trimmed))
        } else {
            throw .badConfiguration(
                "The database URL must start with sqlite: or postgres:// "
                    + "(for example sqlite:./gazette-data/gazette.sqlite or postgres://gazette@127.0.0.1:5432/gazette)."
            )
        }
    }

    /// Safe for logs and messages: never includes a password.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let address): address.description
        }
    }
}

/// The parts of a PostgreSQL URL.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// `require` when the URL says `?sslmode=require`; otherwise plain TCP, the usual set-up on a private network.
    public var requireTLS: Bool

    init(parsing text: String) throws(StorageError) {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw .badConfiguration(
                "The PostgreSQL URL could not be read. Example: postgres://gazette:secret@127.0.0.1:5432/gazette")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        self.password = components.password.flatMap { $0.removingPercentEncoding }
        let name = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.database = name.isEmpty ? username : name
        let sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value
        self.requireTLS = sslMode == "require" || sslMode == "verify-full"
    }

    public init(host: String, port: Int, username: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.requireTLS = false
    }

    /// The same server with another database, as tests use for a fresh database each.
    public func with(database: String) -> PostgresAddress {
        var copy = self
        copy.database = database
        return copy
    }

    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }
}
