import GazetteServices

/// The page cache's figures as `/metrics` reads them at each scrape.
extension PageCache {
    package var samples: [ServerMetrics.Sample] {
        let figures = metrics
        return [
            .init("gazette_page_cache_hits_total", .counter, Double(figures.hits)),
            .init("gazette_page_cache_misses_total", .counter, Double(figures.misses)),
            .init("gazette_page_cache_evictions_total", .counter, Double(figures.evictions)),
            .init("gazette_page_cache_invalidations_total", .counter, Double(figures.invalidations)),
            .init("gazette_page_cache_entries", .gauge, Double(figures.entries)),
            .init("gazette_page_cache_bytes", .gauge, Double(figures.bytes)),
            .init("gazette_page_cache_budget_bytes", .gauge, Double(byteBudget)),
        ]
    }
}
