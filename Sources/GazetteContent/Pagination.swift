/// A requested page of a list. Page numbers start at 1; anything else is not a page.
public struct PageRequest: Sendable, Equatable {
    public static let maximumNumber = 100_000

    public let number: Int
    public let size: Int

    public init?(number: Int, size: Int) {
        guard (1...PageRequest.maximumNumber).contains(number), (1...500).contains(size) else { return nil }
        self.number = number
        self.size = size
    }

    /// Parses a page number from a URL segment: digits only, so "0", "-1", "2x" and "10^12" are no page.
    public init?(segment: String, size: Int) {
        guard !segment.isEmpty, segment.count <= 6, segment.allSatisfy(\.isASCII), segment.allSatisfy(\.isNumber),
            let number = Int(segment)
        else { return nil }
        self.init(number: number, size: size)
    }

    public var offset: Int { (number - 1) * size }
}

/// One page of a list with what a pager needs to link onwards.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var number: Int
    public var size: Int
    public var totalItems: Int

    public init(items: [Item], request: PageRequest, totalItems: Int) {
        self.items = items
        self.number = request.number
        self.size = request.size
        self.totalItems = totalItems
    }

    public var totalPages: Int { max(1, (totalItems + size - 1) / size) }
    public var hasNext: Bool { number < totalPages }
    public var hasPrevious: Bool { number > 1 }
    /// A page past the end exists only as page 1 of an empty list.
    public var exists: Bool { number == 1 || number <= totalPages }
}
