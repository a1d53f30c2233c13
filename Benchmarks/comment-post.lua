-- wrk script: every request posts a new, unique comment; counts the 303 answers (acknowledged comments).
-- ARTICLE_ID and FORM_TOKEN come from the environment (scripts/bench-comments sets them).
local article = os.getenv("ARTICLE_ID")
local token = os.getenv("FORM_TOKEN")
local threads = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  acked = 0
  rejected = 0
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  local body = "article_id=" .. article .. "&parent_id=0&form_token=" .. encode(token)
    .. "&author=" .. encode("Bench reader " .. id) .. "&email=" .. encode("bench" .. id .. "@example.com")
    .. "&comment=" .. encode("Benchmark comment " .. counter .. " from thread " .. id .. " at " .. os.time())
  return wrk.format("POST", "/comments", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status == 303 then acked = acked + 1 else rejected = rejected + 1 end
end

function done(summary, latency, requests)
  local total_acked, total_rejected = 0, 0
  for _, thread in ipairs(threads) do
    total_acked = total_acked + thread:get("acked")
    total_rejected = total_rejected + thread:get("rejected")
  end
  io.write(string.format("ACKED %d\nREJECTED %d\n", total_acked, total_rejected))
  io.write(string.format("P50_MS %.2f\nP99_MS %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  -- The same line as wrk-report.lua, for scripts/bench; here a bad answer is anything but a 303.
  io.write(string.format("REPORT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, total_rejected))
end
