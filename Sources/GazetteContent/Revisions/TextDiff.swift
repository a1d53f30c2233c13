/// One line of a diff between two revisions of a text.
public enum DiffLine: Sendable, Equatable {
    case same(String)
    case added(String)
    case removed(String)
}

/// Compares two revisions of an article's text line by line, for the revision history.
public enum TextDiff {
    /// Above this many comparisons the middle of the texts is shown as replaced wholesale, so that a pasted novel
    /// cannot make the server build a table of billions of cells.
    static let comparisonLimit = 4_000_000

    /// A line-by-line diff from `old` to `new`, as a reader of a revision history expects: removed lines before added
    /// ones at each change.
    ///
    /// A final line break ends the last line rather than starting an empty one, as in `diff`, and `\r\n` counts as
    /// `\n`, so texts saved from different systems do not differ on every line.
    public static func lines(from old: String, to new: String) -> [DiffLine] {
        let oldLines = split(old)
        let newLines = split(new)
        var prefix = 0
        while prefix < oldLines.count, prefix < newLines.count, oldLines[prefix] == newLines[prefix] {
            prefix += 1
        }
        var suffix = 0
        while suffix < oldLines.count - prefix, suffix < newLines.count - prefix,
            oldLines[oldLines.count - 1 - suffix] == newLines[newLines.count - 1 - suffix]
        {
            suffix += 1
        }
        let oldMiddle = Array(oldLines[prefix..<oldLines.count - suffix])
        let newMiddle = Array(newLines[prefix..<newLines.count - suffix])
        return oldLines[..<prefix].map(DiffLine.same) + middle(from: oldMiddle, to: newMiddle)
            + oldLines[(oldLines.count - suffix)...].map(DiffLine.same)
    }

    private static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        // "\r\n" is a single Character in Swift, so it has to be named to be split on.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The differing middle, aligned on a longest common subsequence of lines.
    private static func middle(from old: [String], to new: [String]) -> [DiffLine] {
        let (product, overflow) = old.count.multipliedReportingOverflow(by: new.count)
        guard !overflow, product <= comparisonLimit else {
            return old.map(DiffLine.removed) + new.map(DiffLine.added)
        }
        // Lines become numbers once, so the table compares integers rather than strings.
        var numbers: [String: Int] = [:]
        func number(_ line: String) -> Int {
            if let known = numbers[line] { return known }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        let a = old.map(number)
        let b = new.map(number)
        // common[i * width + j] is the length of the longest common subsequence of a[i...] and b[j...]. It never
        // exceeds the shorter side, at most 2,000 lines under the limit, so 16 bits are enough and halve the memory.
        let width = b.count + 1
        var common = [UInt16](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i * width + j] =
                    a[i] == b[j]
                    ? common[(i + 1) * width + j + 1] + 1
                    : max(common[(i + 1) * width + j], common[i * width + j + 1])
            }
        }
        var result: [DiffLine] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append(.same(old[i]))
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && common[(i + 1) * width + j] >= common[i * width + j + 1]) {
                // Preferring removal on a tie puts every removed line of a change before its added lines.
                result.append(.removed(old[i]))
                i += 1
            } else {
                result.append(.added(new[j]))
                j += 1
            }
        }
        return result
    }
}
