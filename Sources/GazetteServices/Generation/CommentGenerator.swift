import Foundation
import GazetteContent
import GazetteStorage

/// The readers' side of a sample site: comments on published articles, most approved, some held or
/// marked spam, a third of them replies in threads, all written through the comment store's rules.
package struct CommentGenerator {
    package let comments: CommentService
    package let now: Date

    /// A published article that may receive comments.
    package struct Target: Sendable {
        package var articleID: Int64
        package var publishedAt: Date
    }

    private struct Parent {
        var id: Int64
        var depth: Int
    }

    package static let readers = [
        "Ana", "Bilal", "Carmen", "Dev", "Eero", "Fatou", "Gus", "Hana", "Ivo", "Jun", "Kofi", "Lise", "Mateo",
        "Nia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
    ]

    /// Writes `count` comments over `targets` in transactions of a few thousand; returns how many were stored.
    package func run(count: Int, on targets: [Target], text: inout SampleText) async throws -> Int {
        guard !targets.isEmpty else { return 0 }
        let rules = try await comments.currentSettings()
        var parents: [Int64: [Parent]] = [:]
        var stored = 0
        var remaining = count
        while remaining > 0 {
            // Rounds small enough that later ones find parents among earlier ones.
            let size = min(remaining, 2_000, max(20, count / 20))
            remaining -= size
            // Replies need their parents' ids, so top-level comments go first, then the replies.
            var topLevel: [CommentRecord] = []
            var replies: [CommentRecord] = []
            for _ in 0..<size {
                // Readers crowd around a few articles: squaring favours the newest.
                let pick = Double.random(in: 0..<1, using: &text.random)
                let target = targets[min(targets.count - 1, Int(Double(targets.count) * (1 - pick * pick)))]
                let candidates = (parents[target.articleID] ?? []).filter { $0.depth + 1 < rules.threadDepth }
                let parent = text.chance(0.35) && !candidates.isEmpty ? text.pick(candidates) : nil
                let record = try comment(on: target, parent: parent?.id, text: &text)
                if parent == nil { topLevel.append(record) } else { replies.append(record) }
            }
            for batch in [topLevel, replies] where !batch.isEmpty {
                let written = try await comments.storeMany(batch, maximumDepth: rules.threadDepth)
                stored += written.count
                for comment in written where comment.status == .approved {
                    parents[comment.articleID, default: []].append(Parent(id: comment.id, depth: comment.depth))
                }
            }
        }
        return stored
    }

    private func comment(on target: Target, parent: Int64?, text: inout SampleText) throws -> CommentRecord {
        let name = text.pick(Self.readers) + " " + text.pick(["M.", "K.", "R.", "S.", "T."])
        let form = CommentForm(
            articleID: String(target.articleID), parentID: parent.map(String.init) ?? "0", author: name,
            email: "\(name.lowercased().filter(\.isLetter))\(text.int(1...999))@readers.example.com",
            comment: (0..<text.int(1...4)).map { _ in text.sentence() }.joined(separator: " "))
        let roll = text.int(1...100)
        let status: ModerationStatus = roll <= 90 ? .approved : roll <= 97 ? .pending : .spam
        let span = max(60, min(3 * 86_400, now.timeIntervalSince(target.publishedAt)))
        return CommentRecord(
            articleID: target.articleID, comment: try form.validated(),
            decision: ModerationDecision(
                status: status, score: status == .spam ? 9 : 0,
                reasons: status == .spam ? ["Sample spam"] : []),
            ip: "203.0.113.\(text.int(1...254))", userAgent: "Gazette sample reader",
            createdAt: target.publishedAt.addingTimeInterval(Double.random(in: 30...span, using: &text.random)))
    }
}
