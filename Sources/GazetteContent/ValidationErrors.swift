/// One problem with one field, in words the person who typed it understands.
public struct ValidationIssue: Sendable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Every problem found in an input at once, so a form or a command can report them together.
public struct ValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public private(set) var issues: [ValidationIssue] = []

    public init(_ issues: [ValidationIssue] = []) {
        self.issues = issues
    }

    public var isEmpty: Bool { issues.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        issues.append(ValidationIssue(field: field, message: message))
    }

    /// Adds `other`'s problems, leaving out any already named in the same words for the same field.
    public mutating func merge(_ other: ValidationErrors) {
        for issue in other.issues where !issues.contains(issue) { issues.append(issue) }
    }

    public func message(for field: String) -> String? {
        issues.first { $0.field == field }?.message
    }

    public func throwIfAny() throws(ValidationErrors) {
        if !issues.isEmpty { throw self }
    }

    public var description: String {
        issues.map { "\($0.field): \($0.message)" }.joined(separator: "\n")
    }
}
