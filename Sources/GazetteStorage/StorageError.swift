/// What can go wrong below the services, phrased for the person who has to act on it.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database URL or path is unusable.
    case badConfiguration(String)
    /// The database could not be opened or reached.
    case unavailable(String)
    /// A row the caller named does not exist.
    case notFound(String)
    /// The write would break a rule the database enforces (a taken slug or email).
    case conflict(String)

    public var description: String {
        switch self {
        case .badConfiguration(let message), .unavailable(let message), .notFound(let message),
            .conflict(let message):
            message
        }
    }
}
