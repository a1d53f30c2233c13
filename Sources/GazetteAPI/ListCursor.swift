import Foundation
import GazetteServices
import GazetteStorage
import GazetteWeb

/// Where a page of a list starts, as the opaque `cursor` parameter: clients copy it from `next` and never
/// build it, so its form may change without breaking them.
enum ListCursor: Equatable {
    /// After this item of a list ordered by time.
    case position(ListPosition)
    /// After this slug of a list ordered by slug.
    case slug(String)
    /// This page number of a ranked list (search results).
    case page(Int)

    var text: String {
        let plain =
            switch self {
            case .position(let position): "t:\(position.time):\(position.id)"
            case .slug(let slug): "s:" + slug
            case .page(let number): "p:\(number)"
            }
        return Base64URL.encode(Data(plain.utf8))
    }

    /// The cursor a client sent, or a problem naming the parameter; nil when none was sent.
    static func parse(_ text: String?) throws(Problem) -> ListCursor? {
        guard let text, !text.isEmpty else { return nil }
        guard text.count <= 200 else { throw Self.unreadable }
        guard let data = Base64URL.decode(text), let plain = String(data: data, encoding: .utf8) else {
            throw Self.unreadable
        }
        let parts = plain.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("t", 3):
            guard let time = Int64(parts[1]), let id = Int64(parts[2]) else { throw Self.unreadable }
            return .position(ListPosition(time: time, id: id))
        case ("s", 2) where !parts[1].isEmpty:
            return .slug(parts[1])
        case ("p", 2):
            guard let number = Int(parts[1]), (2...10_000).contains(number) else { throw Self.unreadable }
            return .page(number)
        default:
            throw Self.unreadable
        }
    }

    private static let unreadable = Problem.invalid(
        "cursor", "The cursor is not one this API gave. Copy it from the `next` address of the page before.")
}

extension Optional where Wrapped == ListCursor {
    /// The position a cursor of a time-ordered list holds.
    func position() throws(Problem) -> ListPosition? {
        switch self {
        case nil: return nil
        case .position(let position)?: return position
        default: throw Problem.invalid("cursor", "This cursor belongs to another list.")
        }
    }

    /// The slug a cursor of a slug-ordered list holds.
    func slug() throws(Problem) -> String? {
        switch self {
        case nil: return nil
        case .slug(let slug)?: return slug
        default: throw Problem.invalid("cursor", "This cursor belongs to another list.")
        }
    }
}

/// How many items a page of a list holds.
enum PageLimit {
    static let standard = 20
    static let maximum = 100

    static func parse(_ value: Int?) throws(Problem) -> Int {
        guard let value else { return standard }
        guard (1...maximum).contains(value) else {
            throw Problem.invalid("limit", "limit takes a number from 1 to \(maximum); it was \(value).")
        }
        return value
    }
}
