-- wrk script for scripts/bench-api: asks for the addresses listed in the file named by $WRK_PATHS (one
-- path with its query a line), each thread taking the next one in turn, so no two requests in a row
-- ask for the same answer. Prints the same REPORT line as wrk-report.lua, which it loads from its folder.
local folder = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(folder .. "wrk-report.lua")

local paths = {}
local next_index = 1

function init(args)
  local file = assert(io.open(assert(os.getenv("WRK_PATHS"), "WRK_PATHS is not set"), "r"))
  for line in file:lines() do
    if line ~= "" then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "no paths in $WRK_PATHS")
  -- Each thread starts at its own place in the list, so threads do not ask for the same pages together.
  next_index = ((id or 0) * 7919) % #paths + 1
end

local thread_number = 0
function setup(thread)
  thread:set("id", thread_number)
  thread_number = thread_number + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
