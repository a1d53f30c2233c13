import Foundation
import GazetteContent

/// The figures `/metrics` reads at each scrape from where they are kept.
enum ServerSamples {
    static func pageCache(_ cache: PageCache) -> [ServerMetrics.Sample] {
        let figures = cache.metrics
        return [
            .init("gazette_page_cache_hits_total", .counter, Double(figures.hits)),
            .init("gazette_page_cache_misses_total", .counter, Double(figures.misses)),
            .init("gazette_page_cache_evictions_total", .counter, Double(figures.evictions)),
            .init("gazette_page_cache_invalidations_total", .counter, Double(figures.invalidations)),
            .init("gazette_page_cache_entries", .gauge, Double(figures.entries)),
            .init("gazette_page_cache_bytes", .gauge, Double(figures.bytes)),
            .init("gazette_page_cache_budget_bytes", .gauge, Double(cache.byteBudget)),
        ]
    }

    /// Comments by moderation state: `pending` is the queue moderators have to work through.
    static func comments(_ comments: CommentService) async -> [ServerMetrics.Sample] {
        guard let counts = try? await comments.counts() else { return [] }
        return ModerationStatus.allCases.map { status in
            .init("gazette_comments", .gauge, Double(counts[status] ?? 0), labels: [("status", status.rawValue)])
        }
    }

    /// Resident memory, from Linux's /proc (nothing elsewhere).
    static func process() -> [ServerMetrics.Sample] {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return [] }
        var samples: [ServerMetrics.Sample] = []
        for line in status.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count >= 2, let kilobytes = Double(parts[1]) else { continue }
            switch parts[0] {
            case "VmRSS:": samples.append(.init("gazette_process_resident_memory_bytes", .gauge, kilobytes * 1_024))
            case "VmHWM:":
                samples.append(.init("gazette_process_peak_resident_memory_bytes", .gauge, kilobytes * 1_024))
            default: break
            }
        }
        return samples
    }
}
