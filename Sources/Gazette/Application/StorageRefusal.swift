import GazetteStorage

/// The sentence a storage refusal carries (an address already taken, a row that does not exist…), so a
/// command can show it as it is and treat anything else as a failure.
public enum StorageRefusal {
    public static func message(_ error: any Error) -> String? {
        (error as? StorageError)?.description
    }
}
