import Foundation
import GazetteContent

/// The figures `/metrics` reads at each scrape from where they are kept.
package enum ServerSamples {
    /// Comments by moderation state: `pending` is the queue moderators have to work through.
    package static func comments(_ comments: CommentService) async -> [ServerMetrics.Sample] {
        guard let counts = try? await comments.counts() else { return [] }
        return ModerationStatus.allCases.map { status in
            .init("gazette_comments", .gauge, Double(counts[status] ?? 0), labels: [("status", status.rawValue)])
        }
    }

    /// Resident memory, from Linux's /proc (nothing elsewhere).
    package static func process() -> [ServerMetrics.Sample] {
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
