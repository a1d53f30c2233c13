import Foundation
import GazetteContent
import SQLKit

/// Column readers shared by the stores; timestamps are stored as whole seconds since 1970.
extension SQLRow {
    func string(_ column: String) throws -> String {
        try decode(column: column, as: String.self)
    }

    func optionalString(_ column: String) throws -> String? {
        try decode(column: column, as: String?.self)
    }

    func int64(_ column: String) throws -> Int64 {
        try decode(column: column, as: Int64.self)
    }

    func optionalInt64(_ column: String) throws -> Int64? {
        try decode(column: column, as: Int64?.self)
    }

    func date(_ column: String) throws -> Date {
        Date(timeIntervalSince1970: TimeInterval(try int64(column)))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try optionalInt64(column).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    func slug(_ column: String) throws -> Slug {
        Slug(trusted: try string(column))
    }
}

extension Date {
    /// The stored form of a timestamp.
    var storedSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}
