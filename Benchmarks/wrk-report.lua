-- wrk script for scripts/bench: prints one machine-readable line after the run,
-- "REPORT <requests/s> <p50 ms> <p99 ms> <bad answers>", where bad answers are socket errors, timeouts
-- and answers with a status of 400 or more.
function done(summary, latency, requests)
  local errors = summary.errors
  local bad = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  io.write(string.format("REPORT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad))
end
