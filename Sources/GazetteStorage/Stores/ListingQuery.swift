import Foundation
import GazetteContent
import SQLKit

/// Filters and order for the public lists of the reading API (articles, terms, authors, comments). An empty
/// list filters nothing; each store reads the fields that apply to what it lists and ignores the others.
public struct ListingQuery: Sendable, Equatable {
    /// Only these ids (`include`).
    public var ids: [Int64] = []
    /// Never these ids (`exclude`).
    public var excludedIDs: [Int64] = []
    public var slugs: [String] = []
    /// Words looked for as they are typed, in headlines and text, or in names.
    public var search = ""
    public var authorIDs: [Int64] = []
    public var categoryIDs: [Int64] = []
    public var tagIDs: [Int64] = []
    /// Articles: news or standing pages. Comments and terms: the articles they belong to.
    public var kind: ArticleKind = .article
    public var articleIDs: [Int64] = []
    /// Comments: replies to these; categories: children of these (0 is "top level").
    public var parentIDs: [Int64] = []
    /// Terms: leave out those that file no published article.
    public var hideEmpty = false
    public var order: ListingOrder = .date
    public var ascending = false

    public init() {}
}

/// What a public list is sorted by; each store maps the orders it supports onto its columns and falls
/// back to its natural order for the others.
public enum ListingOrder: String, Sendable, Equatable, CaseIterable {
    case date, id, title, slug, modified, name, count
}

extension ListingQuery {
    /// `ASC` or `DESC`, never anything a request typed.
    var direction: SQLQueryString { ascending ? " ASC" : " DESC" }

    /// A condition that `column` is one of `values`, starting with AND; nothing for an empty list.
    static func any<Value: Encodable & Sendable>(_ column: String, in values: [Value]) -> SQLQueryString {
        values.isEmpty ? "" : " AND \(unsafeRaw: column) IN (\(binds: values))"
    }

    static func none(_ column: String, in values: [Int64]) -> SQLQueryString {
        values.isEmpty ? "" : " AND \(unsafeRaw: column) NOT IN (\(binds: values))"
    }

    /// A LIKE pattern finding `words` anywhere, with the pattern's own characters escaped (`ESCAPE '\'`).
    static func containing(_ words: String) -> String {
        let escaped = words.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%" + escaped + "%"
    }
}
